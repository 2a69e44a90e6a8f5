"""The entries a bibliography file holds, as small JSON-able records.

An entry carries what an episode can take from it (title, authors, date,
venue, DOI, arXiv ID, URL), where it was read (file and line, for located
warnings), and ``raw``: the entry in its own format, ready to be written to an
export that re-imports to the same entry.
"""

from __future__ import annotations

import hashlib
from typing import Literal, NamedTuple

Origin = Literal["bibtex", "csl-json"]


class Person(NamedTuple):
    """One author, kept as parts so lists stay distinguishable in any rendering.

    ``literal`` is a name that is not split (``{Braced Corp.}`` in BibTeX, CSL's
    ``literal``); then ``family`` and ``given`` are empty.
    """

    family: str
    given: str = ""
    suffix: str = ""
    literal: str = ""

    @property
    def text(self) -> str:
        """The name as read: ``Jane Doe``, ``John von Neumann, Jr.``, ``Braced Corp.``."""
        if self.literal:
            return self.literal
        name = " ".join(part for part in (self.given, self.family) if part)
        return f"{name}, {self.suffix}" if self.suffix else name

    @property
    def inverted(self) -> str:
        """The name as an ``:authors:`` option writes it unambiguously: ``Doe, Jane``."""
        if self.literal or not self.given:
            return self.literal or self.family
        family = f"{self.family}, {self.suffix}" if self.suffix else self.family
        return f"{family}, {self.given}"


class BibEntry(NamedTuple):
    key: str
    #: the entry type as the file names it, lower case: ``article``, ``inproceedings``, CSL ``article-journal``
    type: str
    title: str
    authors: tuple[Person, ...]
    #: ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or "" when the entry has no usable date
    date: str
    venue: str
    doi: str
    arxiv: str
    url: str
    #: the file it was read from (absolute path) and the line its entry starts at
    source: str
    line: int
    origin: Origin
    #: the entry in its own format (BibTeX text, or the CSL-JSON item as compact JSON)
    raw: str

    def digest(self) -> str:
        """What a page shows of this entry, hashed: not where in its file the entry sits."""
        shown = self._replace(source="", line=0)
        return hashlib.sha256(repr(tuple(shown)).encode()).hexdigest()[:16]


class Problem(NamedTuple):
    """Something wrong in a bibliography file, at its line (0: the file as a whole)."""

    source: str
    line: int
    message: str
