"""The records the ``lit`` domain stores, and the parsing of option values.

Records are small named tuples of strings and ints: picklable, comparable and
JSON-able, so the environment never holds docutils nodes across documents.
Each carries the file and line it was written at (``source``, ``line``): for
text pulled in by ``include`` that is the included file, not the page.
"""

from __future__ import annotations

import datetime
import re
from typing import Literal, NamedTuple, Protocol
from urllib.parse import urlsplit


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


class Citation(NamedTuple):
    """One ``:ep:`` in the prose: who cites which episode, from where."""

    episode: str
    docname: str
    source: str
    line: int
    #: the ID of the episode whose body holds the citation, or "" for page prose
    within: str = ""


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


class TermUse(NamedTuple):
    """One ``:term:`` reference."""

    key: str
    docname: str
    source: str
    line: int
    within: str = ""


class Located(Protocol):
    @property
    def source(self) -> str: ...
    @property
    def line(self) -> int: ...


def location(record: Located) -> str:
    """Where a record was written, as Sphinx prints a location: ``path:line``."""
    return f"{record.source}:{record.line}" if record.line else record.source


#: what a page shows from elsewhere in the review; each kind names a view in :mod:`.views`
NeedKind = Literal[
    "ep", "topic", "any", "header", "anchoring", "list", "topic-index", "citedby", "term", "usedin"
]


class Need(NamedTuple):
    kind: NeedKind
    arg: str


# -- option values ----------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_ARXIV = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")


def split_list(value: str | None, sep: str) -> tuple[str, ...]:
    """Split an option on *sep*, dropping blanks and repeats but keeping order."""
    if not value:
        return ()
    items = (item.strip() for item in value.split(sep))
    return tuple(dict.fromkeys(item for item in items if item))


def check_date(text: str) -> str | None:
    """Return why *text* is not an ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date."""
    match = _DATE.fullmatch(text)
    if not match:
        return "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        return f"is not a real date ({exc})"
    return None


def check_url(url: str) -> str | None:
    """Return why *url* is not an absolute http(s) URL."""
    if any(ch.isspace() for ch in url):
        return "contains white space"
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        return "is not an http(s) URL"
    if not parts.netloc:
        return "has no host"
    return None


def doi_url(doi: str) -> str | None:
    doi = doi.strip().removeprefix("doi:").removeprefix("https://doi.org/")
    return f"https://doi.org/{doi}" if _DOI.fullmatch(doi) else None


def arxiv_url(arxiv: str) -> str | None:
    arxiv = arxiv.strip().removeprefix("arXiv:").removeprefix("arxiv:")
    return f"https://arxiv.org/abs/{arxiv}" if _ARXIV.fullmatch(arxiv) else None


_NATURAL = re.compile(r"([0-9]+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts E9 before E10."""
    return tuple(
        (0, int(part)) if _NATURAL.fullmatch(part) else (1, part.casefold())
        for part in _NATURAL.split(text)
        if part
    )
