"""The catalogue of warnings the extension emits, in one place.

Every warning is ``type="litreview"`` with one of these subtypes, so that
``suppress_warnings = ["litreview.orphan"]`` silences exactly one kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils.nodes import Node

logger = logging.getLogger("sphinxcontrib_litreview")

#: subtype -> (when it fires, on by default)
SUBTYPES: dict[str, tuple[str, bool]] = {
    "missing": ("``:ep:`` names an episode that does not exist (with a *did you mean* hint)", True),
    "duplicate": ("two episodes share an ID, a DOI or an arXiv ID; both places are named", True),
    "id": ("an episode ID does not match ``litreview_id_pattern``, or is not ASCII", True),
    "topic": (
        "an episode, role, list or timeline names a topic that no ``topic-summary`` declares, "
        "or a topic is declared twice",
        True,
    ),
    "metadata": (
        "a bad date, an ``:added:`` that is not a ``YYYY-MM-DD`` day or is in the future, "
        "a source that is not an http(s) URL, a bad DOI or arXiv ID, a missing title, "
        "an empty ID, a bad list or timeline option (or a ``:tag:`` no episode has), "
        "option lines that were not read as options",
        True,
    ),
    "bib": (
        "an episode's ``:key:`` that no bibliography entry has (with a *did you mean* hint), "
        "a bibliography file that is missing or does not parse, a block or value it cannot read, "
        "a key defined twice (in one file or two); each at the file and line",
        True,
    ),
    "graph": (
        "a ``topic-graph`` or ``citation-graph`` cut to its ``:max-nodes:`` (saying how many were left out), "
        "or a picture that dot cannot draw (``graphviz_dot`` not found, or dot failed)",
        True,
    ),
    "orphan": ("an episode that nothing cites and that anchors no topic", True),
    "unused-term": (
        "a glossary term that no page uses (only with ``litreview_warn_unused_terms``)",
        False,
    ),
    "config": ("a ``litreview_*`` value that cannot work; the default is used instead", True),
}


def warn(subtype: str, message: str, location: Node | tuple[str, int | None] | str | None) -> None:
    """Emit one located, suppressible litreview warning."""
    assert subtype in SUBTYPES, subtype
    logger.warning(message, location=location, type="litreview", subtype=subtype)
