"""Which outputs show a record: the ``only`` directives it stands in.

Sphinx keeps ``only`` nodes in the doctree and drops the false branches only
when a builder writes (``OnlyNodeTransform``, against the builder's tags).
Records are collected before that, so each carries the expressions of the
``only`` nodes around it, and the review is built for one builder's tags: a
record whose condition is false does not exist for that builder.

A reST substitution definition is shown nowhere: docutils copies its content
to every place that uses it, and those copies are what counts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.util.tags import Tags

#: the ``only`` expressions around a record, outermost first; () is "every output"
Condition = tuple[str, ...]


def enclosing(node: nodes.Node | None) -> Condition:
    """The expressions of the ``only`` nodes that hold *node*, outermost first."""
    exprs = []
    while node is not None:
        if isinstance(node, addnodes.only):
            exprs.append(str(node["expr"]))
        node = node.parent
    return tuple(reversed(exprs))


def in_substitution_definition(node: nodes.Node) -> bool:
    """Whether *node* is in a substitution definition, which no output shows."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.substitution_definition):
            return True
        parent = parent.parent
    return False


def shown_for(tags: Tags) -> Callable[[Condition], bool]:
    """A predicate: does an output with *tags* show a record standing in *condition*?"""

    @functools.cache
    def holds(expr: str) -> bool:
        try:
            return tags.eval_condition(expr)
        except Exception:  # Sphinx keeps such content, and warns about it itself
            return True

    def shown(condition: Condition) -> bool:
        return all(holds(expr) for expr in condition)

    return shown
