"""A read-only view of the whole review, derived from the domain's records.

The domain stores records per document (cheap to clear and merge); this
module indexes them by episode ID and topic slug once all documents are read,
and answers every question a rendered page asks.  The same answers feed the
digests in :mod:`.dependencies`, so what a page shows and what it is re-written
for can never drift apart.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple, TypeVar

from sphinxcontrib_litreview.conditions import Condition
from sphinxcontrib_litreview.people import Person, group_people, has_word, person_key
from sphinxcontrib_litreview.records import Citation, Episode, TermDef, TermUse, Topic, natural_key


class ListSpec(NamedTuple):
    """The declarative filter of an ``episode-list`` or ``anchoring-episodes``."""

    topic: str = ""
    tag: str = ""
    cited_in: str = ""
    since: str = ""
    until: str = ""
    sort: str = "id"
    limit: int = 0
    #: a person, in either spelling (``Jane Doe`` or ``Doe, Jane``)
    author: str = ""


class TimelineSpec(NamedTuple):
    """What an ``episode-timeline`` counts: per ``year`` or ``month``, of one topic or tag or all."""

    by: str = "year"
    topic: str = ""
    tag: str = ""


class CitingPlace(NamedTuple):
    """One entry of a *Cited by* line: a page, or an episode on that page."""

    docname: str
    within: str


class TopicRow(NamedTuple):
    topic: Topic
    anchors: int
    cited: int


R = TypeVar("R", Episode, Topic)
Shown = TypeVar("Shown", Episode, Topic, Citation, TermDef, TermUse)
#: where Sphinx's ``:term:`` resolution of a target lands: (docname, term id), or None
TermTarget = Callable[[str], "tuple[str, str] | None"]


def _visible(
    records: Mapping[str, Sequence[Shown]], shown: Callable[[Condition], bool]
) -> dict[str, list[Shown]]:
    """The records an output shows: those outside any ``only`` that is false for it."""
    return {doc: [r for r in per_doc if shown(r.only)] for doc, per_doc in records.items()}


def _declarations(records: Mapping[str, Sequence[R]], key: Callable[[R], str]) -> dict[str, list[R]]:
    grouped: dict[str, list[R]] = defaultdict(list)
    for per_doc in records.values():
        for record in per_doc:
            if key(record):
                grouped[key(record)].append(record)
    # stable: declarations on one page stay in reading order
    return {k: sorted(v, key=lambda r: r.docname) for k, v in grouped.items()}


K = TypeVar("K")


def _in_order(places: Mapping[K, set[CitingPlace]]) -> dict[K, list[CitingPlace]]:
    return {k: sorted(v, key=lambda p: (p.docname, natural_key(p.within))) for k, v in places.items()}


class Review:
    """The review as one output shows it: built for a builder's ``only`` tags (*shown*)."""

    def __init__(
        self,
        episodes: Mapping[str, Sequence[Episode]],
        topics: Mapping[str, Sequence[Topic]],
        citations: Mapping[str, Sequence[Citation]],
        topic_index_pages: Iterable[str],
        glossary_pages: Iterable[str],
        term_defs: Mapping[str, Sequence[TermDef]],
        term_uses: Mapping[str, Sequence[TermUse]],
        shown: Callable[[Condition], bool] = lambda condition: True,
        term_target: TermTarget = lambda target: None,
    ) -> None:
        #: whether this output shows what stands in a given ``only`` condition
        self.shown = shown
        #: answers derived from the review, kept for as long as it stands (the PDF's index labels)
        self.memo: dict[object, object] = {}
        #: IDs and slugs declared only inside ``only`` directives that this output leaves out
        self.elsewhere_episodes = {e.id for per_doc in episodes.values() for e in per_doc}
        self.elsewhere_topics = {t.slug for per_doc in topics.values() for t in per_doc}
        episodes, topics = _visible(episodes, shown), _visible(topics, shown)
        citations, term_defs = _visible(citations, shown), _visible(term_defs, shown)
        term_uses = _visible(term_uses, shown)
        #: every declaration of each ID and slug, in document order, for the duplicate checks
        self.episode_decls = _declarations(episodes, lambda ep: ep.id)
        self.topic_decls = _declarations(topics, lambda topic: topic.slug)
        #: the declaration that wins where an ID is declared twice: the first in document order
        self.episodes: dict[str, Episode] = {k: v[0] for k, v in self.episode_decls.items()}
        self.topics: dict[str, Topic] = {k: v[0] for k, v in self.topic_decls.items()}
        self.ids_sorted = sorted(self.episodes, key=natural_key)
        #: the topic each page is about: the first it declares, in reading order
        self.page_topics = {
            docname: next(t.slug for t in declared if self.topics[t.slug] == t)
            for docname, declared in topics.items()
            if any(self.topics.get(t.slug) == t for t in declared)
        }
        self.elsewhere_episodes -= self.episodes.keys()
        self.elsewhere_topics -= self.topics.keys()
        #: every citation, page by page in docname order
        self.citations = [cite for docname in sorted(citations) for cite in citations[docname]]

        cited_by: dict[str, set[CitingPlace]] = defaultdict(set)
        cited_on: dict[str, set[str]] = defaultdict(set)
        for docname, cites in citations.items():
            for cite in cites:
                if cite.episode == cite.within:
                    continue  # an episode citing itself is not a citation
                cited_by[cite.episode].add(CitingPlace(docname, cite.within))
                cited_on[docname].add(cite.episode)
        self.cited_by = _in_order(cited_by)
        self.cited_on = dict(cited_on)

        anchors: dict[str, list[str]] = defaultdict(list)
        for ep_id in self.ids_sorted:
            for slug in self.episodes[ep_id].topics:
                anchors[slug].append(ep_id)
        self.anchors = dict(anchors)
        self.topic_index_pages = sorted(topic_index_pages)
        self.glossary_pages = sorted(glossary_pages)

        #: glossary terms by (docname, term id): what a resolved :term: link points to
        self.term_defs = {(t.docname, t.node_id): t for per_doc in term_defs.values() for t in per_doc}
        self._term_target = term_target
        used: dict[tuple[str, str], set[CitingPlace]] = defaultdict(set)
        for uses in term_uses.values():
            for use in uses:
                where = term_target(use.target or use.key)
                if where in self.term_defs:
                    used[where].add(CitingPlace(use.docname, use.within))
        #: the places that use each term, by the (docname, term id) their links resolve to
        self.term_uses = _in_order(used)

    @functools.cached_property
    def episode_cites(self) -> dict[str, Counter[str]]:
        """What each episode's body cites (episodes that exist, not itself), and how often: citation graphs' edges."""
        cites: dict[str, Counter[str]] = defaultdict(Counter)
        for cite in self.citations:
            if cite.within in self.episodes and cite.episode in self.episodes and cite.episode != cite.within:
                cites[cite.within][cite.episode] += 1
        return dict(cites)

    def term(self, target: str) -> TermDef | None:
        """The definition a ``:term:`` of *target* links to: the one Sphinx resolves it to."""
        where = self._term_target(target)
        return self.term_defs.get(where) if where is not None else None

    # -- the indices ----------------------------------------------------------

    @cached_property
    def tag_episodes(self) -> dict[str, list[str]]:
        """Every tag that names something, in natural order -> its episodes, in ID order."""
        tagged: dict[str, list[str]] = defaultdict(list)
        for ep_id in self.ids_sorted:
            for tag in self.episodes[ep_id].tags:
                if has_word(tag):
                    tagged[tag].append(ep_id)
        return {tag: tagged[tag] for tag in sorted(tagged, key=natural_key)}

    def has_tag(self, tag: str) -> bool:
        """Whether some episode has *tag* (one of punctuation alone, which no index holds, too)."""
        return tag in self.tag_episodes or any(tag in ep.tags for ep in self.episodes.values())

    @cached_property
    def people(self) -> dict[str, Person]:
        """Every person by key, sorted by family name; each with its episodes in ID order."""
        found = group_people((ep_id, self.episodes[ep_id].authors) for ep_id in self.ids_sorted)
        return {person.key: person for person in found}

    # -- what pages show ----------------------------------------------------

    def topic_rows(self) -> list[TopicRow]:
        rows = []
        for slug in sorted(self.topics, key=natural_key):
            topic = self.topics[slug]
            cited = self.cited_on.get(topic.docname, set())
            rows.append(TopicRow(topic, len(self.anchors.get(slug, ())), len(cited & self.episodes.keys())))
        return rows

    def select(self, spec: ListSpec) -> list[Episode]:
        """The episodes an ``episode-list`` shows, in its order."""
        # A topic's anchors are indexed, in ID order: no need to scan the whole review.
        ids = self.anchors.get(spec.topic, ()) if spec.topic else self.ids_sorted
        chosen: Iterable[Episode] = (self.episodes[i] for i in ids)
        if spec.tag:
            chosen = (e for e in chosen if spec.tag in e.tags)
        if spec.author:
            person = self.people.get(person_key(spec.author))
            theirs = frozenset(person.episodes if person is not None else ())
            chosen = (e for e in chosen if e.id in theirs)
        if spec.cited_in:
            cited = self.cited_on.get(spec.cited_in, set())
            chosen = (e for e in chosen if e.id in cited)
        if spec.since:
            chosen = (e for e in chosen if e.date and e.date[: len(spec.since)] >= spec.since)
        if spec.until:
            chosen = (e for e in chosen if e.date and e.date[: len(spec.until)] <= spec.until)
        result = list(chosen)
        field = spec.sort.removeprefix("-")
        if field in {"date", "added"}:
            # undated episodes go last either way; ties keep ID order (a reversed sort is stable too)
            value = attrgetter(field)
            dated = sorted((e for e in result if value(e)), key=value, reverse=spec.sort.startswith("-"))
            result = dated + [e for e in result if not value(e)]
        elif spec.sort == "title":
            result.sort(key=lambda e: (e.title.casefold(), natural_key(e.id)))
        return result[: spec.limit] if spec.limit > 0 else result
