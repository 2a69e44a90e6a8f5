"""``litreview.json``: the whole review as data, for tools outside Sphinx."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.records import natural_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

FILENAME = "litreview.json"
BUILDERS = ("html", "dirhtml")


def _relative(env: BuildEnvironment, source: str) -> str:
    """A source file as the project names it: relative to the source folder, with slashes."""
    try:
        return Path(source).relative_to(env.srcdir).as_posix()
    except ValueError:
        return source


def review_data(env: BuildEnvironment) -> dict[str, Any]:
    domain = lit_domain(env)
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
            "source": _relative(env, ep.source),
            "line": ep.line,
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
        {
            "docname": cite.docname,
            "episode": cite.episode,
            "source": _relative(env, cite.source),
            "line": cite.line,
        }
        for cite in review.citations
    ]
    return {"episodes": episodes, "topics": topics, "citations": citations}


def write_export(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write the file next to the HTML pages."""
    if exception is not None or app.builder.name not in BUILDERS:
        return
    text = json.dumps(review_data(app.env), indent=1, ensure_ascii=False, sort_keys=False)
    Path(app.builder.outdir, FILENAME).write_text(text + "\n", encoding="utf-8")
