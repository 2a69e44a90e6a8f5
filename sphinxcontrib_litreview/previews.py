"""Previews in HTML: what an ``:ep:`` or ``:term:`` link shows on hover, focus and tap.

The data is in the page, so previews work offline and from ``file://``: each
link gets the class ``lit-preview`` and a number, and a JSON block at the end
of the page holds, by number, the episode (ID, title, date, authors,
takeaway) or the term (name, start of its definition).  ``static/
litreview-preview.js`` shows it; the ``title`` attribute stays for readers
without JavaScript.  Everything comes from records that the page's views
hold (its needs), so incremental builds re-write a page whose previews change.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.glossary import TERM_ATTR
from sphinxcontrib_litreview.i18n import _
from sphinxcontrib_litreview.review import Review
from sphinxcontrib_litreview.values import authors_text

#: set on an episode link's inner node when the domain resolves it
EPISODE_ATTR = "lit_ep"
PREVIEW_CLASS = "lit-preview"


def _episode(review: Review, ep_id: str) -> dict[str, str] | None:
    ep = review.episodes.get(ep_id)
    if ep is None:
        return None
    return {
        "kind": "episode",
        "id": ep.id,
        "title": ep.title,
        "date": ep.date,
        "authors": authors_text(ep.authors),
        "takeaway": ep.takeaway,
        "takeawayLabel": _("Takeaway:"),
    }


def _term(review: Review, target: str) -> dict[str, str] | None:
    term = review.term(target)
    if term is None or not term.hover:
        return None
    return {"kind": "term", "title": term.name, "definition": term.hover}


def script_json(data: object) -> str:
    """JSON that cannot end its ``<script>`` element or open another: ``<``, ``>``, ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class AddPreviews(SphinxPostTransform):
    default_priority = 21  # after ReferencesResolver (10) and the hover titles (20)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        review = lit_domain(self.env).review
        previews: dict[str, dict[str, str]] = {}
        for inner in list(self.document.findall(nodes.inline)):
            link = inner.parent
            if not isinstance(link, nodes.reference) or PREVIEW_CLASS in link["classes"]:
                continue
            if (ep_id := inner.get(EPISODE_ATTR)) is not None:
                data = _episode(review, ep_id)
            elif (target := inner.get(TERM_ATTR)) is not None:
                data = _term(review, target)
            else:
                continue
            if data is not None:
                number = str(len(previews))
                link["classes"] += [PREVIEW_CLASS, f"{PREVIEW_CLASS}-{number}"]
                previews[number] = data
        if previews:
            script = (
                f'<script type="application/json" class="lit-previews">{script_json(previews)}</script>\n'
            )
            self.document += nodes.raw("", script, format="html")
