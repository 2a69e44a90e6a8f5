"""Checks over the whole review, and the warnings for references that resolve nowhere."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from sphinxcontrib_litreview.bibliography.normalize import arxiv_base, arxiv_id
from sphinxcontrib_litreview.conditions import enclosing, in_substitution_definition
from sphinxcontrib_litreview.people import person_key
from sphinxcontrib_litreview.records import location
from sphinxcontrib_litreview.values import doi_of
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils.nodes import Element
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.pictures.graphs import GraphSpec, GraphView
    from sphinxcontrib_litreview.records import Episode
    from sphinxcontrib_litreview.review import ListSpec, Review
    from sphinxcontrib_litreview.views import ListView, TimelineView


def check_review(env: BuildEnvironment, review: Review) -> None:
    """Run once all documents are read (and merged, under ``-j``)."""
    for ep_id in review.ids_sorted:
        first, *others = review.episode_decls[ep_id]
        for other in others:
            warn(
                "duplicate",
                f"duplicate episode ID {ep_id}: also declared at {location(first)}; citations go to that one",
                location(other),
            )
    _check_shared_identifiers(review)
    for slug in sorted(review.topic_decls):
        first_topic, *other_topics = review.topic_decls[slug]
        for other_topic in other_topics:
            warn(
                "topic",
                f"topic {slug!r} is declared twice: also at {location(first_topic)}",
                location(other_topic),
            )
    for ep_id in review.ids_sorted:
        ep = review.episodes[ep_id]
        if ep_id not in review.cited_by and not any(t in review.topics for t in ep.topics):
            warn(
                "orphan",
                f"episode {ep_id} is an orphan: nothing cites it and it anchors no topic",
                location(ep),
            )
    if env.config.litreview_warn_unused_terms:
        used_entries = {(doc, review.term_defs[doc, term_id].entry) for doc, term_id in review.term_uses}
        for term in sorted(review.term_defs.values(), key=lambda t: (t.key, t.docname, t.line)):
            if term.entry == term.key and (term.docname, term.key) not in used_entries:
                warn(
                    "unused-term",
                    f"glossary term {term.name!r} is used on no page",
                    location(term),
                )
    for name in ("litreview_topics_page", "litreview_glossary_page"):
        page = getattr(env.config, name)
        if page and page not in env.all_docs:
            warn("config", f"{name} names {page!r}, which is not a document; the link is left out", None)


def _identifiers(episode: Episode) -> Iterator[tuple[str, str, str]]:
    """``(kind, comparable form, as shown)`` of each DOI and arXiv ID among the episode's sources."""
    for url in episode.sources:
        if (doi := doi_of(url)) is not None:
            yield "DOI", doi.casefold(), doi  # DOIs are case-insensitive (DOI Handbook 2.4)
        elif found := arxiv_id(url=url):
            yield "arXiv ID", arxiv_base(found), arxiv_base(found)


def _check_shared_identifiers(review: Review) -> None:
    """Two episodes with one DOI or arXiv ID are one work reviewed twice: name both."""
    first: dict[tuple[str, str], Episode] = {}
    for ep_id in review.ids_sorted:
        episode = review.episodes[ep_id]
        for kind, key, text in dict.fromkeys(_identifiers(episode)):
            other = first.setdefault((kind, key), episode)
            if other is not episode and other.id != episode.id:
                warn(
                    "duplicate",
                    f"episode {ep_id} has the {kind} {text} of episode {other.id} "
                    f"(at {location(other)}): one work reviewed twice?",
                    location(episode),
                )


def did_you_mean(target: str, known: list[str]) -> str:
    """`` (did you mean X?)`` for the closest of *known* to a name that is none of them, else ""."""
    folded = {k.casefold(): k for k in known}
    match = folded.get(target.casefold())
    if match is None:
        close = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
        match = close[0] if close else None
    return f" (did you mean {match}?)" if match else ""


def warn_unresolved(review: Review, node: Element) -> None:
    """A ``lit`` reference that resolves nowhere: our own located message, subtype and hint."""
    target = node["reftarget"]
    if node["reftype"] in {"tag", "author"}:
        return  # a tag or author that no index of this output holds stays plain text
    if in_substitution_definition(node):
        return  # reported where the substitution is used, if it is
    if target in (review.elsewhere_topics if node["reftype"] == "topic" else review.elsewhere_episodes):
        # Sphinx resolves references before it drops false ``only`` branches: warn in shown ones.
        if review.shown(enclosing(node)):
            if node["reftype"] == "topic":
                warn("topic", f"topic {target!r} is declared only in other outputs", node)
            else:
                warn("missing", f"citation of episode {target!r}, which only other outputs show", node)
        return
    if node["reftype"] == "topic":
        if not target:
            warn("topic", "a :topic: reference names no topic", node)
        else:
            hint = did_you_mean(target, sorted(review.topics))
            warn("topic", f"unknown topic {target!r}; no topic-summary declares it{hint}", node)
    elif not target:
        warn("missing", "an :ep: citation names no episode", node)
    else:
        hint = did_you_mean(target, review.ids_sorted)
        warn("missing", f"citation of unknown episode {target!r}{hint}", node)


def check_list(view: ListView, spec: ListSpec, review: Review, node: Element) -> None:
    """What an ``episode-list`` or ``anchoring-episodes`` names that does not exist, at its option's line."""
    where: dict[str, str] = node.get("locations", {})
    if node["this_topic"] and not view.topic:
        warn("topic", "anchoring-episodes without a topic slug needs a topic-summary on its page", node)
    elif view.topic and not view.topic_declared:
        warn("topic", f"unknown topic {view.topic!r}; no topic-summary declares it", where.get("topic", node))
    if not view.cited_in_known:
        warn(
            "metadata",
            f"episode-list: :cited-in: {spec.cited_in!r} is not a document",
            where.get("cited-in", node),
        )
    if not view.tag_used:
        warn(
            "metadata",
            f"episode-list: no episode has the tag {spec.tag!r}{did_you_mean(spec.tag, list(review.tag_episodes))}",
            where.get("tag", node),
        )
    if not view.author_known:
        # the closest person by the form that identifies one, shown as the Author index shows them
        close = difflib.get_close_matches(person_key(spec.author), list(review.people), n=1, cutoff=0.6)
        hint = f" (did you mean {review.people[close[0]].display}?)" if close else ""
        warn(
            "metadata",
            f"episode-list: no episode is by {spec.author!r}{hint}",
            where.get("author", node),
        )


def check_timeline(view: TimelineView, review: Review, node: Element) -> None:
    """An ``episode-timeline``'s topic that no page declares or tag that no episode has, at its option's line."""
    where: dict[str, str] = node.get("locations", {})
    topic, tag = view.spec.topic, view.spec.tag
    if not view.topic_declared:
        hint = did_you_mean(topic, sorted(review.topics))
        warn(
            "topic",
            f"episode-timeline: unknown topic {topic!r}; no topic-summary declares it{hint}",
            where.get("topic", node),
        )
    if not view.tag_used:
        warn(
            "metadata",
            f"episode-timeline: no episode has the tag {tag!r}{did_you_mean(tag, list(review.tag_episodes))}",
            where.get("tag", node),
        )


def check_graph(review: Review, view: GraphView, spec: GraphSpec, node: Element) -> None:
    """What a ``topic-graph`` or ``citation-graph`` names that does not exist, and what it leaves out."""
    where: dict[str, str] = node.get("locations", {})
    if not view.known:
        if spec.episode:
            hint = did_you_mean(spec.episode, review.ids_sorted)
            warn(
                "missing",
                f"{spec.picture}: unknown episode {spec.episode!r}{hint}",
                where.get("episode", node),
            )
        else:
            hint = did_you_mean(spec.topic, sorted(review.topics))
            warn(
                "topic",
                f"{spec.picture}: unknown topic {spec.topic!r}; no topic-summary declares it{hint}",
                where.get("topic", node),
            )
    if view.left_out:
        warn(
            "graph",
            f"{spec.picture}: {view.left_out:,} of {view.left_out + len(view.nodes):,} nodes left out, "
            f"over :max-nodes: {spec.max_nodes}; the most cited are shown",
            node,
        )
