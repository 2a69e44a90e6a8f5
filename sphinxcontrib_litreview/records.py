"""The records the ``lit`` domain stores, and the order they are listed in.

Records are small named tuples of strings and ints: picklable, comparable and
JSON-able, so the environment never holds docutils nodes across documents.
Each carries the file and line it was written at (``source``, ``line``): for
text pulled in by ``include`` that is the included file, not the page.
Option values are parsed in :mod:`.values`.
"""

from __future__ import annotations

import os
import re
from typing import Literal, NamedTuple, Protocol


class Episode(NamedTuple):
    id: str
    docname: str
    source: str
    line: int
    node_id: str
    title: str
    date: str = ""
    authors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    takeaway: str = ""
    #: the expressions of the ``only`` directives it stands in (see :mod:`.conditions`)
    only: tuple[str, ...] = ()
    #: the journal, proceedings or publisher (``:venue:``, or the bibliography entry's)
    venue: str = ""
    #: the bibliography key it joins (``:key:``), "" for none
    key: str = ""
    #: when it entered the review (``:added:``, ``YYYY-MM-DD``), "" for unknown; feeds use it
    added: str = ""


def episode_label(fmt: str, episode: Episode) -> str:
    """The link text of an ``:ep:`` citation (``litreview_ep_label``)."""
    return fmt.format(id=episode.id, title=episode.title, date=episode.date)


class Topic(NamedTuple):
    slug: str
    docname: str
    source: str
    line: int
    node_id: str
    title: str
    #: the expressions of the ``only`` directives it stands in (see :mod:`.conditions`)
    only: tuple[str, ...] = ()


class Citation(NamedTuple):
    """One ``:ep:`` in the prose: who cites which episode, from where."""

    episode: str
    docname: str
    source: str
    line: int
    #: the ID of the episode whose body holds the citation, or "" for page prose
    within: str = ""
    #: the expressions of the ``only`` directives it stands in (see :mod:`.conditions`)
    only: tuple[str, ...] = ()


class TermDef(NamedTuple):
    """One glossary term as written in Sphinx's ``glossary`` directive."""

    key: str  # lower case, as Sphinx matches :term: targets
    name: str
    #: the key of the first name of its glossary entry: synonyms share an entry
    entry: str
    docname: str
    source: str
    line: int
    node_id: str
    #: the start of the definition: its first sentence, plain text, at most ~200 characters
    hover: str
    #: the expressions of the ``only`` directives it stands in (see :mod:`.conditions`)
    only: tuple[str, ...] = ()


class TermUse(NamedTuple):
    """One ``:term:`` reference."""

    key: str
    docname: str
    source: str
    line: int
    within: str = ""
    #: the target as written: Sphinx matches it exactly before it tries lower case
    target: str = ""
    #: the expressions of the ``only`` directives it stands in (see :mod:`.conditions`)
    only: tuple[str, ...] = ()


class Located(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def line(self) -> int: ...


def absolute(source: str | None) -> str:
    """A source file as Sphinx names it in warnings: absolute (docutils 0.21 gives an include's relative)."""
    return os.path.abspath(source) if source else ""


def location(record: Located) -> str:
    """Where a record was written, as Sphinx prints a location: ``path:line``."""
    return f"{record.source}:{record.line}" if record.line else record.source


#: what a page shows from elsewhere in the review; each kind names a view in :mod:`.views`
NeedKind = Literal[
    "ep",
    "topic",
    "any",
    "header",
    "anchoring",
    "list",
    "topic-index",
    "citedby",
    "term",
    "usedin",
    "timeline",
    "graph",
    "tag",
    "author",
]


class Need(NamedTuple):
    kind: NeedKind
    arg: str


# -- order ---------------------------------------------------------------

_NATURAL = re.compile(r"([0-9]+)")


def natural_key(text: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Sort key that puts E9 before E10, and orders every pair of distinct texts.

    Runs of ASCII digits compare as numbers, by length then digits (``int()``
    refuses more than 4,300 digits); texts that still tie (``E1``/``E01``,
    ``a``/``A``) are ordered by the text itself, so the order never depends on
    the order records were read in.
    """
    parts = []
    for part in _NATURAL.split(text):
        if _NATURAL.fullmatch(part):
            digits = part.lstrip("0") or "0"
            parts.append((0, len(digits), digits))
        elif part:
            parts.append((1, 0, part.casefold()))
    return tuple(parts), text
