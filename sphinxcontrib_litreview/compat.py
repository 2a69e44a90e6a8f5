"""Where Sphinx 8.1, 8.2 and 9 (or MyST-Parser 4 and 5) differ, the difference lives here, once."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from sphinx.config import eval_config_file
from sphinx.domains.std import StandardDomain
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.util.tags import Tags

if TYPE_CHECKING:
    from docutils import nodes
    from docutils.parsers.rst import Directive
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

SPHINX_VERSION = sphinx.version_info[:2]


def read_conf_py(path: Path) -> dict[str, Any]:
    """Run a project's conf.py as Sphinx does and return its names.

    Sphinx 8.1 wants the file name as a ``str``, Sphinx 9 as a ``Path``.
    """
    filename: Any = str(path) if SPHINX_VERSION < (8, 2) else path
    return eval_config_file(filename, Tags())


def directive_text(directive: Directive) -> str:
    """A directive's text from its first line on, as docutils and MyST-Parser 5 give ``block_text``.

    MyST-Parser 4 gives only the body. When its options were written one per line, as
    ``:name: value`` lines usually are (``content_offset`` says so), a fence line and the
    options are put back in their order, so that each option's line can still be found;
    otherwise options point at the directive's first line.
    """
    text = directive.block_text
    first_line = text.split("\n", 1)[0]
    if directive.name in first_line:
        return text
    options = [f":{name}:" for name in directive.options]
    blank = directive.content_offset - len(options)
    if blank not in (0, 1):
        return text
    return "\n".join([f"```{{{directive.name}}}", *options, *[""] * blank, text])


#: Sphinx 9 wants the builder's tags passed (omitting them is deprecated); 8.1 has no such argument
_TOCTREE_TAKES_TAGS = "tags" in inspect.signature(global_toctree_for_doc).parameters


def global_toctree(builder: Builder, docname: str, **kwargs: Any) -> nodes.Element | None:
    """Sphinx's ``global_toctree_for_doc``, with the builder's tags where Sphinx takes them."""
    if _TOCTREE_TAKES_TAGS:
        kwargs["tags"] = builder.tags
    return global_toctree_for_doc(builder.env, docname, builder, **kwargs)


def builder_tags(env: BuildEnvironment) -> Tags:
    """The tags ``OnlyNodeTransform`` evaluates against: builder name, format, ``-t`` tags.

    Sphinx 9 keeps them on the environment (``env.app`` is deprecated there); 8.x only on the app.
    """
    tags: Tags | None = getattr(env, "_tags", None)
    return tags if tags is not None else env.app.tags


def allow_in_toctree(docname: str, title: str) -> None:
    """Let a toctree list a generated page (a domain index) as it lists ``genindex``.

    Sphinx has no API for it: its toctree directive, collector and adapter
    accept only the names in ``StandardDomain._virtual_doc_names`` (9.0;
    check it on each Sphinx this extension supports).
    """
    StandardDomain._virtual_doc_names[docname] = (docname, title)
