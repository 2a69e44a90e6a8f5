"""Checks over the whole review, and the warning for a citation that resolves nowhere."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from sphinxcontrib_litreview.records import Episode, Topic
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.domains import Domain
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.review import Review


def _where(env: BuildEnvironment, record: Episode | Topic) -> str:
    return f"{env.doc2path(record.docname)}:{record.lineno}"


def check_review(env: BuildEnvironment, review: Review) -> None:
    """Run once all documents are read (and merged, under ``-j``)."""
    for ep_id in review.ids_sorted:
        first, *others = review.episode_decls[ep_id]
        for other in others:
            warn(
                "duplicate",
                f"duplicate episode ID {ep_id}: also declared at {_where(env, first)}; "
                "citations go to that one",
                (other.docname, other.lineno),
            )
    for slug in sorted(review.topic_decls):
        first_topic, *other_topics = review.topic_decls[slug]
        for other_topic in other_topics:
            warn(
                "topic",
                f"topic {slug!r} is declared twice: also at {_where(env, first_topic)}",
                (other_topic.docname, other_topic.lineno),
            )
    for ep_id in review.ids_sorted:
        ep = review.episodes[ep_id]
        if ep_id not in review.cited_by and not any(t in review.topics for t in ep.topics):
            warn(
                "orphan",
                f"episode {ep_id} is an orphan: nothing cites it and it anchors no topic",
                (ep.docname, ep.lineno),
            )
    if env.config.litreview_warn_unused_terms:
        used_entries = {review.terms[k].entry for k in review.term_uses if k in review.terms}
        for key in sorted(review.terms):
            term = review.terms[key]
            if term.entry == key and key not in used_entries:
                warn(
                    "unused-term",
                    f"glossary term {term.name!r} is used on no page",
                    (term.docname, term.lineno),
                )
    for name in ("litreview_topics_page", "litreview_glossary_page"):
        page = getattr(env.config, name)
        if page and page not in env.all_docs:
            warn("config", f"{name} names {page!r}, which is not a document; the link is left out", None)


def _hint(target: str, known: list[str]) -> str:
    folded = {k.casefold(): k for k in known}
    match = folded.get(target.casefold())
    if match is None:
        close = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
        match = close[0] if close else None
    return f" (did you mean {match}?)" if match else ""


def warn_missing_reference(app: Sphinx, domain: Domain, node: Element) -> bool | None:
    """``warn-missing-reference``: our own located message, subtype and hint."""
    if domain is None or domain.name != "lit":
        return None
    from sphinxcontrib_litreview.domain import LitDomain

    assert isinstance(domain, LitDomain)
    review = domain.review
    target = node["reftarget"]
    if node["reftype"] == "topic":
        if not target:
            warn("topic", "a :topic: reference names no topic", node)
        else:
            hint = _hint(target, sorted(review.topics))
            warn("topic", f"unknown topic {target!r}; no topic-summary declares it{hint}", node)
    elif not target:
        warn("missing", "an :ep: citation names no episode", node)
    else:
        hint = _hint(target, review.ids_sorted)
        warn("missing", f"citation of unknown episode {target!r}{hint}", node)
    return True
