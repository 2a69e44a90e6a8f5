"""Episode pages that no toctree reaches, taken into single-document outputs.

A large review keeps its episode pages out of the toctree (the docs' *Laying
out a large review*).  Sphinx assembles a PDF, a Texinfo manual or a single
HTML page from what the root's toctree reaches, so those pages, and every
link to them, would silently vanish.  This module says which pages they are
and makes the nodes that carry one of them into an assembled tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.records import natural_key

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


def reachable(env: BuildEnvironment, roots: Iterable[str]) -> set[str]:
    """The documents that the toctrees of *roots* reach, *roots* included."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        docname = todo.pop()
        if docname not in seen:
            seen.add(docname)
            todo.extend(env.toctree_includes.get(docname, ()))
    return seen


def episode_pages_outside(env: BuildEnvironment, reached: set[str]) -> list[str]:
    """Pages that hold episodes and are not in *reached*, in the natural order of their names."""
    pages = lit_domain(env).pages_with_episodes()
    return sorted((d for d in pages if d not in reached), key=natural_key)


def as_page(docname: str, tree: nodes.document) -> addnodes.start_of_file:
    """*tree*'s content wrapped as Sphinx wraps a toctree entry it inlines.

    A toctree inside the page stays a toctree node, which writers skip; the
    episode pages it lists are taken in by :func:`episode_pages_outside`.
    """
    page = addnodes.start_of_file(docname=docname)
    page.extend(tree.children)
    for section in page.findall(nodes.section):
        section.setdefault("docname", docname)
    return page
