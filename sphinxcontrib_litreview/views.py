"""What each placeholder and reference on a page shows, as plain data.

:mod:`.render` turns these views into nodes and :mod:`.dependencies` hashes
them to decide which pages to re-write: one function per view serves both.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from sphinxcontrib_litreview.export import topic_bib_filename, writes_exports
from sphinxcontrib_litreview.indices.links import term_link_view
from sphinxcontrib_litreview.people import person_key
from sphinxcontrib_litreview.pictures.graphs import GraphSpec, graph_view
from sphinxcontrib_litreview.records import Episode, TermDef, Topic, natural_key
from sphinxcontrib_litreview.review import CitingPlace, ListSpec, Review, TimelineSpec, TopicRow

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment


class HeaderView(NamedTuple):
    episodes: int
    topics_page: str
    glossary_page: str
    #: the topic's .bib in the output folder, "" where the builder writes none
    bib_file: str = ""


class CitedByEntry(NamedTuple):
    docname: str
    #: the citing episode's ID, or "" when the citation is in the page's prose
    within: str
    text: str
    #: the citing episode as shown: its link's hover title and preview come from it
    episode: Episode | None = None


class ListView(NamedTuple):
    #: the topic the list is about ("" for none), and whether it is declared
    topic: str
    topic_declared: bool
    cited_in_known: bool
    episodes: list[Episode]
    #: (slug, title) of every topic the listed episodes anchor: the labels of the topic filter
    topic_titles: tuple[tuple[str, str], ...] = ()
    #: whether some episode of the review has the list's :tag: / is by its :author: (a typo, if not)
    tag_used: bool = True
    author_known: bool = True


def _existing(env: BuildEnvironment, configured: str, found: list[str]) -> str:
    if configured:
        return configured if configured in env.all_docs else ""
    return found[0] if found else ""


def header_view(env: BuildEnvironment, review: Review, slug: str) -> HeaderView:
    return HeaderView(
        len(review.anchors.get(slug, ())),
        _existing(env, env.config.litreview_topics_page, review.topic_index_pages),
        _existing(env, env.config.litreview_glossary_page, review.glossary_pages),
        topic_bib_filename(slug) if writes_exports(env) and slug in review.topics else "",
    )


def page_topic(review: Review, docname: str) -> str:
    """The topic a page declares (the first, if it declares several)."""
    return review.page_topics.get(docname, "")


def list_view(
    env: BuildEnvironment, review: Review, spec: ListSpec, docname: str, this_topic: bool
) -> ListView:
    if this_topic:
        spec = spec._replace(topic=page_topic(review, docname))
    episodes = [_shown(e) for e in review.select(spec)] if spec.topic or not this_topic else []
    return ListView(
        spec.topic,
        spec.topic in review.topics,
        not spec.cited_in or spec.cited_in in env.all_docs,
        episodes,
        topic_titles(review, episodes),
        not spec.tag or review.has_tag(spec.tag),
        not spec.author or person_key(spec.author) in review.people,
    )


def topic_titles(review: Review, episodes: Sequence[Episode]) -> tuple[tuple[str, str], ...]:
    """Each topic the *episodes* anchor, by slug, with its title (the slug for an undeclared one)."""
    slugs = sorted({slug for ep in episodes for slug in ep.topics}, key=natural_key)
    return tuple((slug, _topic_title(review, slug)) for slug in slugs)


def _topic_title(review: Review, slug: str) -> str:
    topic = review.topics.get(slug)
    return topic.title if topic is not None and topic.title else slug


#: how many series a timeline tells apart by colour; beyond, the smallest topics share one
TIMELINE_SERIES = 7
#: the slugs of the two series that are not one topic
OTHER_TOPICS, NO_TOPIC = "*", ""


class TimelineSeries(NamedTuple):
    #: a topic's slug, or OTHER_TOPICS or NO_TOPIC
    slug: str
    #: the topic as shown, None where no topic-summary declares the slug
    topic: Topic | None = None


class TimelineView(NamedTuple):
    spec: TimelineSpec
    topic_declared: bool
    #: whether any episode of the review has the tag (True without ``:tag:``)
    tag_used: bool
    #: bottom to top: the largest topic first
    series: tuple[TimelineSeries, ...]
    #: every period from the first dated episode's to the last's: (period, count per series)
    periods: tuple[tuple[str, tuple[int, ...]], ...]
    undated: tuple[Episode, ...]
    #: episodes dated by year only, in a timeline per month
    coarse: tuple[Episode, ...]


def _periods(first: str, last: str, by: str) -> list[str]:
    if by == "year":
        return [f"{year:04d}" for year in range(int(first), int(last) + 1)]
    start, end = int(first[:4]) * 12 + int(first[5:7]) - 1, int(last[:4]) * 12 + int(last[5:7]) - 1
    return [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(start, end + 1)]


def timeline_view(review: Review, spec: TimelineSpec) -> TimelineView:
    """Episodes per period, each under its first declared topic, so that a bar sums to its episodes."""
    width = 4 if spec.by == "year" else 7
    counted: dict[str, list[str]] = {}
    undated, coarse = [], []
    for ep in review.select(ListSpec(topic=spec.topic, tag=spec.tag)):
        if not ep.date:
            undated.append(_shown(ep))
        elif len(ep.date) < width:
            coarse.append(_shown(ep))
        else:
            slug = spec.topic or next((t for t in ep.topics if t in review.topics), NO_TOPIC)
            counted.setdefault(ep.date[:width], []).append(slug)
    totals: dict[str, int] = {}
    for slugs in counted.values():
        for slug in slugs:
            totals[slug] = totals.get(slug, 0) + 1
    topics = sorted((s for s in totals if s != NO_TOPIC), key=lambda s: (-totals[s], natural_key(s)))
    if len(topics) > TIMELINE_SERIES:
        topics[TIMELINE_SERIES - 1 :] = [OTHER_TOPICS]
    if NO_TOPIC in totals:
        topics.append(NO_TOPIC)
    place = {slug: i for i, slug in enumerate(topics)}
    periods = []
    for period in _periods(min(counted), max(counted), spec.by) if counted else []:
        counts = [0] * len(topics)
        for slug in counted.get(period, ()):
            counts[place[slug] if slug in place else place[OTHER_TOPICS]] += 1
        periods.append((period, tuple(counts)))
    return TimelineView(
        spec,
        not spec.topic or spec.topic in review.topics,
        not spec.tag or review.has_tag(spec.tag),
        tuple(TimelineSeries(slug, _maybe_shown(review.topics.get(slug))) for slug in topics),
        tuple(periods),
        tuple(undated),
        tuple(coarse),
    )


def topic_index_view(review: Review) -> list[TopicRow]:
    return [row._replace(topic=_shown(row.topic)) for row in review.topic_rows()]


def _page_title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def _place_entries(
    env: BuildEnvironment, review: Review, places: Sequence[CitingPlace]
) -> list[CitedByEntry]:
    """Links to pages (by page title) and episodes (by ID; the record gives their hover title and preview)."""
    entries = []
    for place in places:
        if place.within:
            episode = _maybe_shown(review.episodes.get(place.within))
            entries.append(CitedByEntry(place.docname, place.within, place.within, episode))
        else:
            entries.append(CitedByEntry(place.docname, "", _page_title(env, place.docname)))
    return entries


def cited_by_view(env: BuildEnvironment, review: Review, ep_id: str) -> list[CitedByEntry]:
    return _place_entries(env, review, review.cited_by.get(ep_id, ()))


def used_in_view(env: BuildEnvironment, review: Review, docname: str, term_id: str) -> list[CitedByEntry]:
    """The pages and episodes whose links go to the term *term_id* on *docname*."""
    return _place_entries(env, review, review.term_uses.get((docname, term_id), ()))


Shown = TypeVar("Shown", Episode, Topic, TermDef)


def _shown(record: Shown) -> Shown:
    """A record as pages display it: where it stands in its source is not shown."""
    return record._replace(source="", line=0)


def _maybe_shown(record: Shown | None) -> Shown | None:
    return _shown(record) if record is not None else None


def _spec(value: str) -> ListSpec:
    return ListSpec(*json.loads(value))


#: need kind -> the view it stands for (see LitDomain.note_need)
NEED_VIEWS: dict[str, Callable[[BuildEnvironment, Review, str, str], Any]] = {
    "ep": lambda env, review, target, doc: _maybe_shown(review.episodes.get(target)),
    "topic": lambda env, review, target, doc: _maybe_shown(review.topics.get(target)),
    "any": lambda env, review, target, doc: (
        _maybe_shown(review.episodes.get(target)),
        _maybe_shown(review.topics.get(target)),
    ),
    "header": lambda env, review, slug, doc: header_view(env, review, slug),
    "anchoring": lambda env, review, spec, doc: list_view(
        env, review, _spec(spec), doc, this_topic=not _spec(spec).topic
    ),
    "list": lambda env, review, spec, doc: list_view(env, review, _spec(spec), doc, False),
    "topic-index": lambda env, review, _, doc: topic_index_view(review),
    "timeline": lambda env, review, spec, doc: timeline_view(review, TimelineSpec(*json.loads(spec))),
    "citedby": lambda env, review, ep_id, doc: cited_by_view(env, review, ep_id),
    "term": lambda env, review, target, doc: _maybe_shown(review.term(target)),
    "usedin": lambda env, review, term_id, doc: used_in_view(env, review, doc, term_id),
    "graph": lambda env, review, spec, doc: graph_view(review, GraphSpec(*json.loads(spec))),
    "tag": lambda env, review, tag, doc: term_link_view(review, "tag", tag),
    "author": lambda env, review, name, doc: term_link_view(review, "author", name),
}
