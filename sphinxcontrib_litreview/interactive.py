"""Interactive lists in HTML (``litreview_interactive``): a text filter, facets and sorting.

``static/litreview-lists.js`` works on the table that is already on the page,
so without JavaScript the whole table is there, unchanged.  What the filters
need and the table does not show (authors, tags, topics) travels with it as a
JSON block: after a table list, built from the list's view, so that an
incremental build re-writes it with the table; for the Episode index, which
Sphinx writes on every build, in the page head.  Inline rather than fetched
from ``litreview.json``: a page opened from disk cannot fetch (``file://``), and
the inline block measured faster (benchmarks/interactive.py).  The words the
script shows come from here, translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.i18n import _, ngettext
from sphinxcontrib_litreview.indices import index_docname
from sphinxcontrib_litreview.indices.episodes import EpisodeIndex
from sphinxcontrib_litreview.previews import script_json
from sphinxcontrib_litreview.values import authors_text
from sphinxcontrib_litreview.views import topic_titles

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinxcontrib_litreview.records import Episode
    from sphinxcontrib_litreview.review import Review

SCRIPT = "litreview-lists.js"
#: the class of the data blocks; the script pairs each with its table
DATA_CLASS = "lit-list-data"


def _strings(total: int) -> dict[str, str]:
    return {
        "filter": _("Filter episodes"),
        "placeholder": _("ID, title, author, tag…"),
        "topic": _("Topic"),
        "tag": _("Tag"),
        "year": _("Year"),
        "all-topic": _("All topics"),
        "all-tag": _("All tags"),
        "all-year": _("All years"),
        "undated": _("Undated"),
        "sort": _("Sort:"),
        "id": _("Episode"),
        "title": _("Title"),
        "date": _("Date"),
        "clear": _("Clear"),
        "count": ngettext("{shown} of {total} episode", "{shown} of {total} episodes", total),
    }


def _data(
    episodes: Sequence[Episode], topics: Sequence[tuple[str, str]], with_takeaway: bool
) -> dict[str, Any]:
    """Per row, in the table's order: ID, date, authors, tags, topics (by index) and unshown text."""
    position = {slug: i for i, (slug, _title) in enumerate(topics)}
    rows = [
        [
            ep.id,
            ep.date,
            authors_text(ep.authors),
            list(ep.tags),
            [position[slug] for slug in ep.topics if slug in position],
            ep.takeaway if with_takeaway else "",
        ]
        for ep in episodes
    ]
    return {"strings": _strings(len(rows)), "topics": [list(t) for t in topics], "rows": rows}


def _block(data: dict[str, Any], extra: str = "") -> str:
    return f'<script type="application/json" class="{DATA_CLASS}"{extra}>{script_json(data)}</script>\n'


def list_data(episodes: Sequence[Episode], topics: Sequence[tuple[str, str]]) -> nodes.raw:
    """The data block that follows a table list (HTML only: other writers skip the raw node)."""
    return nodes.raw("", _block(_data(episodes, topics, with_takeaway=False)), format="html")


def _index_data(review: Review) -> dict[str, Any]:
    episodes = [review.episodes[ep_id] for ep_id in review.ids_sorted]
    # the index shows no takeaway: the filter has it from here
    return _data(episodes, topic_titles(review, episodes), with_takeaway=True)


def add_to_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: the script on the pages with a table list, and the Episode index's data."""
    if not app.config.litreview_interactive:
        return
    if pagename == index_docname(EpisodeIndex):
        data = _block(_index_data(lit_domain(app.env).review), ' id="lit-index-data"')
        context["metatags"] = context.get("metatags", "") + data
    elif f'class="{DATA_CLASS}"' not in context.get("body", ""):
        return
    app.add_js_file(SCRIPT, loading_method="defer")
