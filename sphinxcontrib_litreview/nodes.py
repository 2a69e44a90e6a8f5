"""Placeholder nodes: what a page shows from the whole review, filled after reading.

Each is replaced by standard docutils nodes in :mod:`.transforms` before any
writer sees it.  They carry the document they came from because the LaTeX
builder runs post-transforms once, on the assembled tree of the master document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class lit_placeholder(nodes.General, nodes.Element):
    """Base class; ``docname`` is the page the placeholder was written in."""


class lit_topic_header(lit_placeholder):
    """``Literature review · N episodes`` and ``← all topics · Glossary →``.

    ``topic`` holds the slug; an attribute named ``slug`` would become an id under MyST.
    """


class lit_episode_list(lit_placeholder):
    """A filtered list of episodes; ``spec`` (a ListSpec as dict), ``style``, ``this_topic``."""


class lit_topic_index(lit_placeholder):
    """Every topic with its counts; ``style``."""


class lit_backlinks(lit_placeholder):
    """The *Cited by* line under an episode; ``episode``."""


class lit_graph_placeholder(lit_placeholder):
    """A ``topic-graph`` or ``citation-graph``; ``spec`` (a GraphSpec as dict), ``locations``."""


class lit_timeline(lit_placeholder):
    """An ``episode-timeline``; ``spec`` (a TimelineSpec as dict), ``locations`` of its options."""


PLACEHOLDERS = (
    lit_topic_header,
    lit_episode_list,
    lit_topic_index,
    lit_backlinks,
    lit_timeline,
    lit_graph_placeholder,
)


class lit_more(nodes.General, nodes.Element):
    """Entries folded away behind ``summary`` (``and 37 more``): a ``<details>`` in HTML.

    Other builders show the entries; a printed page cannot unfold them.
    """


def _visit_more_html(self: HTML5Translator, node: lit_more) -> None:
    self.body.append(self.starttag(node, "details", CLASS="lit-more"))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>\n")


def _depart_more_html(self: HTML5Translator, node: lit_more) -> None:
    self.body.append("</details>\n")


def _pass(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    pass


def _skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    # Post-transforms always replace these; a writer that meets one anyway skips it.
    visitors = {fmt: (_skip, None) for fmt in ("html", "latex", "text", "man", "texinfo")}
    for node_class in PLACEHOLDERS:
        app.add_node(node_class, **visitors)  # type: ignore[arg-type]
    app.add_node(
        lit_more,
        html=(_visit_more_html, _depart_more_html),
        **{fmt: (_pass, _pass) for fmt in ("latex", "text", "man", "texinfo")},  # type: ignore[arg-type]
    )
