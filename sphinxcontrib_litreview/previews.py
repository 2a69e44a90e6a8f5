"""Previews in HTML: what an ``:ep:`` or ``:term:`` link shows on hover, focus and tap.

The data is in the page, so previews work offline and from ``file://``: a
JSON block at the end of the page holds, by link address, the episode (ID,
title, date, authors, takeaway) or the term (name, start of its definition)
that the address leads to; the links themselves are left as Sphinx writes
them.  ``static/litreview-preview.js`` shows it; the ``title`` attribute
stays for readers without JavaScript.  Everything comes from records that the
page's views hold (its needs), so incremental builds re-write a page whose
previews change.  The addresses are read once every handler has settled them
(single HTML repairs some on ``doctree-resolved``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from docutils import nodes

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.glossary import TERM_ATTR
from sphinxcontrib_litreview.i18n import _
from sphinxcontrib_litreview.review import Review
from sphinxcontrib_litreview.values import authors_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: set on an episode link's inner node when the domain resolves it
EPISODE_ATTR = "lit_ep"


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


def _href(link: nodes.reference) -> str:
    """The address the HTML writer gives *link*."""
    refuri = link.get("refuri")
    return str(refuri) if refuri is not None else f"#{link.get('refid', '')}"


def add_previews(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, late: the preview data of the page's episode and term links."""
    if app.builder.format != "html":
        return
    review = lit_domain(app.env).review
    previews: dict[str, dict[str, str]] = {}
    for inner in doctree.findall(nodes.inline):
        link = inner.parent
        if not isinstance(link, nodes.reference):
            continue
        if (ep_id := inner.get(EPISODE_ATTR)) is not None:
            data = _episode(review, ep_id)
        elif (target := inner.get(TERM_ATTR)) is not None:
            data = _term(review, target)
        else:
            continue
        if data is not None:
            previews.setdefault(_href(link), data)
    if previews:
        script = f'<script type="application/json" class="lit-previews">{script_json(previews)}</script>\n'
        doctree += nodes.raw("", script, format="html")
