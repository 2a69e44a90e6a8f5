"""``litreview.json``: the whole review as data, for tools outside Sphinx."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sphinxcontrib_litreview.records import natural_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinxcontrib_litreview.domain import LitDomain

FILENAME = "litreview.json"
BUILDERS = ("html", "dirhtml")


def review_data(domain: LitDomain) -> dict[str, Any]:
    review = domain.review
    episodes = {
        ep.id: {
            "title": ep.title,
            "date": ep.date,
            "authors": list(ep.authors),
            "sources": list(ep.sources),
            "topics": list(ep.topics),
            "tags": list(ep.tags),
            "takeaway": ep.takeaway,
            "docname": ep.docname,
        }
        for ep in (review.episodes[i] for i in review.ids_sorted)
    }
    topics = {
        slug: {
            "title": topic.title,
            "docname": topic.docname,
            "anchors": list(review.anchors.get(slug, ())),
            "cites": sorted(
                review.cited_on.get(topic.docname, set()) & review.episodes.keys(), key=natural_key
            ),
        }
        for slug, topic in sorted(review.topics.items())
    }
    citations = [
        {"docname": cite.docname, "episode": cite.episode, "line": cite.lineno}
        for docname in sorted(domain.data["citations"])
        for cite in domain.data["citations"][docname]
    ]
    return {"episodes": episodes, "topics": topics, "citations": citations}


def write_export(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the file next to the HTML pages."""
    if exception is not None or app.builder.name not in BUILDERS:
        return
    domain = cast("LitDomain", app.env.domains["lit"])
    text = json.dumps(review_data(domain), indent=1, ensure_ascii=False, sort_keys=False)
    Path(app.builder.outdir, FILENAME).write_text(text + "\n", encoding="utf-8")
