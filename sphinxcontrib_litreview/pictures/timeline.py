"""The ``episode-timeline`` picture and what stands beside it, from a :class:`~.views.TimelineView`.

The chart itself is raw output for the two formats that draw (SVG in HTML, a
LaTeX picture in the PDF); its legend, its counts as a table and the notes on
what it leaves out are standard nodes, so every builder shows the data, and
the text builder shows it as the table.  Bars link nowhere: a bar is many
episodes; the legend links each topic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import texescape

from sphinxcontrib_litreview.i18n import _, ngettext
from sphinxcontrib_litreview.nodes import lit_more
from sphinxcontrib_litreview.pictures import bars
from sphinxcontrib_litreview.render import USED_IN_SHOWN, episodes_count, table
from sphinxcontrib_litreview.roles import episode_xref, topic_xref
from sphinxcontrib_litreview.views import NO_TOPIC, OTHER_TOPICS, TimelineSeries, TimelineView

if TYPE_CHECKING:
    from sphinx.util.tags import Tags

    from sphinxcontrib_litreview.records import Episode

#: Okabe and Ito's colour-blind-safe palette without its black: mid tones that read on white and on furo's dark
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
OTHER_COLOUR = "#999999"


def series_title(series: TimelineSeries) -> str:
    if series.slug == OTHER_TOPICS:
        return _("Other topics")
    if series.slug == NO_TOPIC:
        return _("No topic")
    return series.topic.title if series.topic is not None else series.slug


def _colours(view: TimelineView) -> tuple[str, ...]:
    """A colour per topic in order; other topics grey; episodes of no topic outlined ("")."""
    colours, next_colour = [], iter(PALETTE)
    for series in view.series:
        if series.slug == OTHER_TOPICS:
            colours.append(OTHER_COLOUR)
        elif series.slug == NO_TOPIC:
            colours.append("")
        else:
            colours.append(next(next_colour))
    return tuple(colours)


def chart(view: TimelineView) -> bars.Chart:
    titles = [series_title(s) for s in view.series]
    return bars.Chart(
        _("Episodes per year") if view.spec.by == "year" else _("Episodes per month"),
        _colours(view),
        tuple(
            bars.Bar(
                period,
                counts,
                tuple(
                    f"{period} · {title}: {episodes_count(n)}"
                    for title, n in zip(titles, counts, strict=True)
                ),
            )
            for period, counts in view.periods
        ),
    )


def _swatch(colour: str) -> list[nodes.Node]:
    style = f"background-color:{colour}" if colour else "border:1px solid currentColor"
    latex = (
        f"\\textcolor[HTML]{{{colour[1:]}}}{{\\rule{{1.4ex}}{{1.4ex}}}}"
        if colour
        else "{\\fboxsep=0pt\\fbox{\\rule{0pt}{1.4ex}\\hspace{1.4ex}}}"
    )
    return [
        nodes.raw("", f'<span class="lit-swatch" style="{style}"></span>', format="html"),
        nodes.raw("", f"{latex}~", format="latex"),
    ]


def legend(view: TimelineView, docname: str) -> nodes.paragraph:
    """Each series' colour and name (a link to its topic) and its count in the chart."""
    para = nodes.paragraph(classes=["lit-timeline-legend"])
    totals = [sum(counts[i] for _period, counts in view.periods) for i in range(len(view.series))]
    for series, colour, total in zip(view.series, _colours(view), totals, strict=True):
        entry = nodes.inline(classes=["lit-legend-entry"])
        entry.extend(_swatch(colour))
        if series.topic is not None:
            entry += topic_xref(series.slug, docname)
        else:
            entry += nodes.Text(series_title(series))
        entry += nodes.Text(f" ({total})")
        para += entry
        para += nodes.raw("", "\\quad{}", format="latex")
        para += nodes.Text(" ")
    return para


def counts_table(view: TimelineView) -> nodes.table:
    """The chart as data: each period with episodes, its total and its count per series."""
    titles = [series_title(s) for s in view.series]
    rows: list[list[nodes.Node]] = [
        [
            nodes.Text(period),
            nodes.Text(str(sum(counts))),
            nodes.Text(", ".join(f"{title} {n}" for title, n in zip(titles, counts, strict=True) if n)),
        ]
        for period, counts in view.periods
        if sum(counts)
    ]
    heading = _("Year") if view.spec.by == "year" else _("Month")
    return table(["lit-timeline-counts"], ((heading, 20), (_("Episodes"), 15), (_("By topic"), 65)), rows)


def _links(episodes: tuple[Episode, ...], docname: str) -> list[nodes.Node]:
    links: list[nodes.Node] = []
    for ep in episodes:
        if links:
            links.append(nodes.Text(", "))
        links.append(episode_xref(ep.id, docname))
    return links


def _note(text: str, episodes: tuple[Episode, ...], docname: str) -> nodes.container:
    """*text*, then the episodes it counts: the first few, the rest folded away."""
    note = nodes.container(classes=["lit-timeline-note"])
    note += nodes.paragraph("", text + " ", *_links(episodes[:USED_IN_SHOWN], docname))
    rest = episodes[USED_IN_SHOWN:]
    if rest:
        more = lit_more(summary=_("and {count} more").format(count=len(rest)))
        more += nodes.paragraph("", "", *_links(rest, docname))
        note += more
    return note


def notes(view: TimelineView, docname: str) -> list[nodes.Node]:
    """What the chart leaves out, counted and named: never dropped silently."""
    result: list[nodes.Node] = []
    if n := len(view.undated):
        text = ngettext("{count} undated episode is not shown:", "{count} undated episodes are not shown:", n)
        result.append(_note(text.format(count=n), view.undated, docname))
    if n := len(view.coarse):
        text = ngettext(
            "{count} episode is dated by year only and not shown per month:",
            "{count} episodes are dated by year only and not shown per month:",
            n,
        )
        result.append(_note(text.format(count=n), view.coarse, docname))
    return result


def timeline(view: TimelineView, docname: str, tags: Tags, latex_engine: str) -> list[nodes.Node]:
    box = nodes.container(classes=["lit-timeline"])
    html, latex = tags.has("format_html"), tags.has("format_latex")
    if not view.periods:
        text = _("No dated episodes.") if view.undated or view.coarse else _("No episodes.")
        box += nodes.paragraph(
            "", "", nodes.inline(text, text, classes=["lit-empty"]), classes=["lit-list-empty"]
        )
    else:
        picture = bars.layout(chart(view))
        if html:
            svg = bars.to_svg(picture)
            box += nodes.raw("", f'<div class="lit-chart-frame">{svg}</div>', format="html")
        elif latex:
            box += nodes.raw(
                "", bars.to_latex(picture, lambda s: texescape.escape(s, latex_engine)), format="latex"
            )
        if html or latex:
            box += legend(view, docname)
        if html:
            # for screen readers and anyone who wants the numbers; a printed page has the picture's
            more = lit_more(summary=_("The counts as a table"))
            more += counts_table(view)
            box += more
        elif not latex:
            box += counts_table(view)
    box.extend(notes(view, docname))
    return [box]
