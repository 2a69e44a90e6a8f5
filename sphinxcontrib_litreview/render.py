"""The list builders: standard docutils nodes for every view, so every builder renders them."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes
from sphinx import addnodes

from sphinxcontrib_litreview.export import OUTPUT_FILE_ATTR
from sphinxcontrib_litreview.i18n import _, ngettext
from sphinxcontrib_litreview.nodes import lit_more
from sphinxcontrib_litreview.records import Episode
from sphinxcontrib_litreview.review import TopicRow
from sphinxcontrib_litreview.roles import doc_xref, episode_xref, topic_xref
from sphinxcontrib_litreview.views import CitedByEntry, HeaderView

#: the config default of litreview_review_title, which is translated; a title of the user's own is not
DEFAULT_REVIEW_TITLE = "Literature review"
#: how many places a "Used in" line names before it folds the rest away
USED_IN_SHOWN = 8


def episodes_count(count: int) -> str:
    return ngettext("{count} episode", "{count} episodes", count).format(count=count)


def topic_header(view: HeaderView, review_title: str, docname: str) -> list[nodes.Node]:
    """The header line and, in HTML only, the navigation: a printed page has the PDF's own."""
    title = _("Literature review") if review_title == DEFAULT_REVIEW_TITLE else review_title
    header = nodes.paragraph(classes=["lit-topic-header"])
    header += nodes.Text(f"{title} · {episodes_count(view.episodes)}")
    if view.bib_file:
        header += nodes.Text(" · ")
        header += nodes.reference(
            "BibTeX",
            "BibTeX",
            refuri=view.bib_file,
            reftitle=_("The episodes of this topic as a BibTeX file"),
            classes=["lit-topic-bib"],
            **{OUTPUT_FILE_ATTR: view.bib_file},
        )
    banner = nodes.container(classes=["lit-topic-banner"])
    banner += header
    links: list[nodes.Node] = []
    if view.topics_page:
        links.append(doc_xref(view.topics_page, docname, _("← all topics")))
    if view.glossary_page:
        if links:
            links.append(nodes.Text(" · "))
        links.append(doc_xref(view.glossary_page, docname, _("Glossary →")))
    if links:
        nav = addnodes.only(expr="html")
        nav += nodes.paragraph("", "", *links, classes=["lit-topic-nav"])
        banner += nav
    return [banner]


def table(
    classes: list[str], columns: Sequence[tuple[str, int]], rows: Sequence[Sequence[nodes.Node]]
) -> nodes.table:
    """A table of *columns* (heading, relative width); given widths keep LaTeX from guessing."""
    result = nodes.table(classes=[*classes, "colwidths-given"])
    tgroup = nodes.tgroup(cols=len(columns))
    result += tgroup
    for _heading, width in columns:
        tgroup += nodes.colspec(colwidth=width)
    thead = nodes.thead()
    thead += nodes.row("", *(nodes.entry("", nodes.paragraph(text=h)) for h, _width in columns))
    tgroup += thead
    tbody = nodes.tbody()
    for cells in rows:
        tbody += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", cell)) for cell in cells))
    tgroup += tbody
    return result


def _text(text: str, cls: str) -> nodes.inline:
    return nodes.inline(text, text, classes=[cls])


def _episode_table(episodes: list[Episode], docname: str) -> nodes.table:
    """ID, title, date and takeaway; a column no episode fills is left out."""
    fields = [
        (_("Title"), 38, "title", "lit-title"),
        (_("Date"), 14, "date", "lit-date"),
        (_("Takeaway"), 36, "takeaway", "lit-takeaway"),
    ]
    filled = [field for field in fields if any(getattr(ep, field[2]) for ep in episodes)]
    columns = [(_("Episode"), 12), *((heading, width) for heading, width, _f, _c in filled)]
    rows: list[list[nodes.Node]] = [
        [episode_xref(ep.id, docname), *(_text(getattr(ep, f), cls) for _h, _w, f, cls in filled)]
        for ep in episodes
    ]
    return table(["lit-episode-list"], columns, rows)


def episode_list(episodes: list[Episode], style: str, docname: str) -> list[nodes.Node]:
    if not episodes:
        return [nodes.paragraph("", "", _text(_("No episodes."), "lit-empty"), classes=["lit-list-empty"])]
    if style == "table":
        return [_episode_table(episodes, docname)]
    items = nodes.bullet_list(classes=["lit-episode-list"])
    for ep in episodes:
        para = nodes.paragraph()
        para += episode_xref(ep.id, docname)
        if ep.title:
            para += nodes.Text(" ")
            para += _text(ep.title, "lit-title")
        if ep.date:
            para += nodes.Text(" ")
            para += _text(f"({ep.date})", "lit-date")
        if ep.takeaway:
            para += nodes.Text(" — ")
            para += _text(ep.takeaway, "lit-takeaway")
        items += nodes.list_item("", para)
    return [items]


def topic_index(rows: list[TopicRow], style: str, docname: str) -> list[nodes.Node]:
    if not rows:
        return [nodes.paragraph("", "", _text(_("No topics."), "lit-empty"), classes=["lit-list-empty"])]
    if style == "table":
        cells = [
            [
                topic_xref(row.topic.slug, docname),
                nodes.Text(str(row.anchors)),
                nodes.Text(str(row.cited)),
            ]
            for row in rows
        ]
        return [table(["lit-topic-index"], ((_("Topic"), 60), (_("Episodes"), 20), (_("Cited"), 20)), cells)]
    items = nodes.bullet_list(classes=["lit-topic-index"])
    for row in rows:
        para = nodes.paragraph()
        para += topic_xref(row.topic.slug, docname)
        cited = _("{count} cited").format(count=row.cited)
        para += nodes.Text(f" — {episodes_count(row.anchors)}, {cited}")
        items += nodes.list_item("", para)
    return [items]


def _place_links(entries: Sequence[CitedByEntry], docname: str) -> list[nodes.Node]:
    links: list[nodes.Node] = []
    for entry in entries:
        if links:
            links.append(nodes.Text(", "))
        if entry.within:
            links.append(episode_xref(entry.within, docname, entry.text))
        else:
            links.append(doc_xref(entry.docname, docname, entry.text))
    return links


def places(
    label: nodes.TextElement, css_class: str, entries: Sequence[CitedByEntry], docname: str
) -> nodes.paragraph:
    """``Label: page, episode, …``: links to the pages and episodes that cite or use something."""
    para = nodes.paragraph(classes=[css_class])
    para += label
    para += nodes.Text(" ")
    para.extend(_place_links(entries, docname))
    return para


def cited_by(entries: list[CitedByEntry], docname: str) -> list[nodes.Node]:
    label = _("Cited by:")
    return [places(nodes.strong(label, label), "lit-cited-by", entries, docname)] if entries else []


def used_in(entries: list[CitedByEntry], docname: str) -> nodes.container:
    """``Used in: …``, the places beyond the first few folded into ``and 37 more`` (expandable in HTML)."""
    shown, rest = entries[:USED_IN_SHOWN], entries[USED_IN_SHOWN:]
    block = nodes.container(classes=["lit-used-in"])
    # quieter than the term it stands under
    label = _("Used in:")
    block += places(nodes.inline(label, label, classes=["lit-label"]), "lit-used-in-first", shown, docname)
    if rest:
        more = lit_more(summary=_("and {count} more").format(count=len(rest)))
        more += nodes.paragraph("", "", *_place_links(rest, docname), classes=["lit-used-in-rest"])
        block += more
    return block
