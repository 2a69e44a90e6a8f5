"""The list builders: standard docutils nodes for every view, so every builder renders them."""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

from sphinxcontrib_litreview.export import OUTPUT_FILE_ATTR
from sphinxcontrib_litreview.records import Episode
from sphinxcontrib_litreview.review import TopicRow
from sphinxcontrib_litreview.roles import doc_xref, episode_xref, topic_xref
from sphinxcontrib_litreview.views import CitedByEntry, HeaderView


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def topic_header(view: HeaderView, review_title: str, docname: str) -> list[nodes.Node]:
    header = nodes.paragraph(classes=["lit-topic-header"])
    header += nodes.Text(f"{review_title} · {plural(view.episodes, 'episode')}")
    if view.bib_file:
        header += nodes.Text(" · ")
        header += nodes.reference(
            "BibTeX",
            "BibTeX",
            refuri=view.bib_file,
            reftitle="The episodes of this topic as a BibTeX file",
            classes=["lit-topic-bib"],
            **{OUTPUT_FILE_ATTR: view.bib_file},
        )
    result: list[nodes.Node] = [header]
    links: list[nodes.Node] = []
    if view.topics_page:
        links.append(doc_xref(view.topics_page, docname, "← all topics"))
    if view.glossary_page:
        if links:
            links.append(nodes.Text(" · "))
        links.append(doc_xref(view.glossary_page, docname, "Glossary →"))
    if links:
        result.append(nodes.paragraph("", "", *links, classes=["lit-topic-nav"]))
    return result


def _table(
    classes: list[str], columns: Sequence[tuple[str, int]], rows: Sequence[Sequence[nodes.Node]]
) -> nodes.table:
    """A table of *columns* (heading, relative width); given widths keep LaTeX from guessing."""
    table = nodes.table(classes=[*classes, "colwidths-given"])
    tgroup = nodes.tgroup(cols=len(columns))
    table += tgroup
    for _, width in columns:
        tgroup += nodes.colspec(colwidth=width)
    headings = [heading for heading, _ in columns]
    thead = nodes.thead()
    thead += nodes.row("", *(nodes.entry("", nodes.paragraph(text=h)) for h in headings))
    tgroup += thead
    tbody = nodes.tbody()
    for cells in rows:
        tbody += nodes.row("", *(nodes.entry("", nodes.paragraph("", "", cell)) for cell in cells))
    tgroup += tbody
    return table


def _text(text: str, cls: str) -> nodes.inline:
    return nodes.inline(text, text, classes=[cls])


def episode_list(episodes: list[Episode], style: str, docname: str) -> list[nodes.Node]:
    if not episodes:
        return [nodes.paragraph("", "", _text("No episodes.", "lit-empty"), classes=["lit-list-empty"])]
    if style == "table":
        rows = [
            [
                episode_xref(ep.id, docname),
                _text(ep.title, "lit-title"),
                _text(ep.date, "lit-date"),
                _text(ep.takeaway, "lit-takeaway"),
            ]
            for ep in episodes
        ]
        return [
            _table(
                ["lit-episode-list"], (("Episode", 12), ("Title", 38), ("Date", 14), ("Takeaway", 36)), rows
            )
        ]
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
        return [nodes.paragraph("", "", _text("No topics.", "lit-empty"), classes=["lit-list-empty"])]
    if style == "table":
        cells = [
            [
                topic_xref(row.topic.slug, docname),
                nodes.Text(str(row.anchors)),
                nodes.Text(str(row.cited)),
            ]
            for row in rows
        ]
        return [_table(["lit-topic-index"], (("Topic", 60), ("Episodes", 20), ("Cited", 20)), cells)]
    items = nodes.bullet_list(classes=["lit-topic-index"])
    for row in rows:
        para = nodes.paragraph()
        para += topic_xref(row.topic.slug, docname)
        para += nodes.Text(f" — {plural(row.anchors, 'episode')}, {row.cited} cited")
        items += nodes.list_item("", para)
    return [items]


def places(label: str, css_class: str, entries: list[CitedByEntry], docname: str) -> nodes.paragraph:
    """``Label: page, episode, …``: links to the pages and episodes that cite or use something."""
    para = nodes.paragraph(classes=[css_class])
    para += nodes.strong(label, label)
    para += nodes.Text(" ")
    for i, entry in enumerate(entries):
        if i:
            para += nodes.Text(", ")
        if entry.within:
            para += episode_xref(entry.within, docname, entry.text)
        else:
            para += doc_xref(entry.docname, docname, entry.text)
    return para


def cited_by(entries: list[CitedByEntry], docname: str) -> list[nodes.Node]:
    return [places("Cited by:", "lit-cited-by", entries, docname)] if entries else []


def used_in(entries: list[CitedByEntry], docname: str) -> nodes.paragraph:
    return places("Used in:", "lit-used-in", entries, docname)
