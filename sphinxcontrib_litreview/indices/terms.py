"""The domain indices ``lit-tagindex`` and ``lit-authorindex``: every tag, every person, and their episodes.

Each *term* (a tag, a person) has an anchor of its own on the index page, so
that an episode's metadata line can link to it.  The anchor depends only on
the term's own text: a term keeps its anchor whatever else the review holds,
and a page that links to it needs no re-write when other terms come and go.

For Sphinx (``generate``) each term is a group whose entries are its
episodes: the LaTeX and Texinfo writers print groups as headings and entries
with their page numbers.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils import nodes
from sphinx.domains import Index, IndexEntry

from sphinxcontrib_litreview.indices.episodes import episode_entry
from sphinxcontrib_litreview.people import person_key, split_name

if TYPE_CHECKING:
    from sphinxcontrib_litreview.domain import LitDomain
    from sphinxcontrib_litreview.review import Review


class Term(NamedTuple):
    """One entry of a term index: what it shows, its anchor, its first letter, its episodes."""

    name: str
    anchor: str
    letter: str
    episodes: tuple[str, ...]


#: a tag that is already a clean id keeps its text as the anchor; a person's key likewise, spaces as hyphens
_PLAIN_TAG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PLAIN_KEY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def _anchor(prefix: str, text: str, plain: bool) -> str:
    """``prefix-text``; a text that is not a clean id gets its slug and a digest, so no two texts share one."""
    if plain:
        return f"{prefix}-{text.replace(' ', '-')}"
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]
    slug = nodes.make_id(text)
    return f"{prefix}-{slug}-{digest}" if slug else f"{prefix}-{digest}"


def tag_anchor(tag: str) -> str:
    return _anchor("tag", tag, bool(_PLAIN_TAG.fullmatch(tag)))


def person_anchor(key: str) -> str:
    return _anchor("author", key, bool(_PLAIN_KEY.fullmatch(key)))


def _letter(text: str) -> str:
    """The letter a term is filed under: its first letter or digit, in capitals, without accents."""
    first = next((ch for ch in text if ch.isalnum()), "#")
    return unicodedata.normalize("NFKD", first)[0].upper()


class TermIndex(Index):
    """An index of terms (tags or people), each with the episodes that name it."""

    domain: LitDomain
    #: the ``pending_xref`` type of the links to this index's entries
    reftype: ClassVar[str] = ""

    @classmethod
    def terms(cls, review: Review) -> list[Term]:
        """Every term, filed by letter, in its own order within each (``<b>`` goes under B); once per review."""
        key = ("terms", cls.name)
        found = review.memo.get(key)
        if found is None:
            found = review.memo[key] = sorted(cls.each_term(review), key=lambda term: term.letter)
        return found  # type: ignore[return-value]

    @staticmethod
    def each_term(review: Review) -> Iterator[Term]:
        raise NotImplementedError

    @staticmethod
    def anchor_of(review: Review, target: str) -> str | None:
        """The anchor of the entry a link to *target* (as an episode writes it) lands on, or None."""
        raise NotImplementedError

    def manual_terms(self, docnames: Iterable[str]) -> list[Term]:
        """The terms a manual (a PDF) shows: those with an episode among its documents.

        Their order numbers are the labels litreview.sty gives their headings.
        """
        wanted = frozenset(docnames)
        review = self.domain.review
        return [
            term
            for term in self.terms(review)
            if any(review.episodes[ep_id].docname in wanted for ep_id in term.episodes)
        ]

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        review = self.domain.review
        wanted = frozenset(docnames) if docnames is not None else None
        content = []
        for term in self.terms(review):
            episodes = (review.episodes[ep_id] for ep_id in term.episodes)
            entries = [
                episode_entry(ep, "", wanted is not None)
                for ep in episodes
                if wanted is None or ep.docname in wanted
            ]
            if entries:
                content.append((term.name, entries))
        return content, False


class TagIndex(TermIndex):
    name = "tagindex"
    #: in the project's language from builder-inited on (see :func:`.name_in_language`)
    localname = "Tag index"
    shortname = "tags"
    reftype = "tag"

    @staticmethod
    def each_term(review: Review) -> Iterator[Term]:
        for tag, ids in review.tag_episodes.items():
            yield Term(tag, tag_anchor(tag), _letter(tag), tuple(ids))

    @staticmethod
    def anchor_of(review: Review, target: str) -> str | None:
        return tag_anchor(target) if target in review.tag_episodes else None


class AuthorIndex(TermIndex):
    name = "authorindex"
    localname = "Author index"
    shortname = "authors"
    reftype = "author"

    @staticmethod
    def each_term(review: Review) -> Iterator[Term]:
        for p in review.people.values():
            yield Term(p.display, person_anchor(p.key), _letter(split_name(p.display).family), p.episodes)

    @staticmethod
    def anchor_of(review: Review, target: str) -> str | None:
        key = person_key(target)
        return person_anchor(key) if key in review.people else None


TERM_INDICES: tuple[type[TermIndex], ...] = (TagIndex, AuthorIndex)
