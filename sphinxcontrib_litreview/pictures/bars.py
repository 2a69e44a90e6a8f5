"""Stacked bar charts: one layout record, drawn as inline SVG and as a LaTeX ``picture``.

Plain SVG and LaTeX's own ``picture`` environment need no library, no
external program and no extra LaTeX package (colours come from ``xcolor``,
which Sphinx loads), and both keep labels as text.  The layout is computed
once, in SVG's coordinates (y grows downwards), and each writer only
translates it; every number is rounded, so the same chart gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape as xml_escape
from typing import Literal, NamedTuple

#: the widest chart, and the widest step between bars: a few bars stay bars, not blocks
WIDTH, STEP = 700, 60
LEFT, RIGHT, TOP, PLOT, BOTTOM = 40, 10, 18, 200, 26
FONT = 11
#: the smallest a chart may shrink to on a narrow screen (its labels stay legible); below, it scrolls
MIN_SCALE = 0.65
#: roughly how wide a character of the axis labels is, in layout units
CHAR = 6.5


class Bar(NamedTuple):
    label: str
    #: one count per series, bottom to top
    counts: tuple[int, ...]
    #: the hover text of each segment
    hovers: tuple[str, ...]


class Chart(NamedTuple):
    title: str
    #: each series' colour, ``#RRGGBB``, or "" for an outlined bar
    colours: tuple[str, ...]
    bars: tuple[Bar, ...]


class Rect(NamedTuple):
    x: float
    y: float
    w: float
    h: float
    colour: str
    hover: str


class Label(NamedTuple):
    x: float
    y: float
    text: str
    #: where the point is on the text: its top centre, its right middle, its bottom centre
    anchor: Literal["top", "right", "bottom"]


class Rule(NamedTuple):
    """A horizontal line: an axis (``faint`` false) or a grid line."""

    x: float
    y: float
    length: float
    faint: bool


class Layout(NamedTuple):
    title: str
    width: int
    height: int
    rects: tuple[Rect, ...]
    labels: tuple[Label, ...]
    rules: tuple[Rule, ...]


def _tick_step(top: int) -> int:
    """1, 2 or 5 times a power of ten: at most five grid lines up to *top*."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if top <= 5 * step * factor:
                return step * factor
        step *= 10


def _r(value: float) -> float:
    return round(value, 1)


def layout(chart: Chart) -> Layout:
    n = max(len(chart.bars), 1)
    step = min(STEP, (WIDTH - LEFT - RIGHT) / n)
    width = round(LEFT + n * step + RIGHT)
    bar_w = step * 0.75
    tick = _tick_step(max((sum(b.counts) for b in chart.bars), default=0))
    top = tick * max(1, math.ceil(max((sum(b.counts) for b in chart.bars), default=0) / tick))
    scale = PLOT / top
    base = TOP + PLOT
    rects, labels, rules = [], [], [Rule(LEFT, base, width - LEFT - RIGHT, False)]
    for value in range(tick, top + 1, tick):
        y = _r(base - value * scale)
        rules.append(Rule(LEFT, y, width - LEFT - RIGHT, True))
        labels.append(Label(LEFT - 4, y, str(value), "right"))
    labels.append(Label(LEFT - 4, base, "0", "right"))
    longest = max((len(b.label) for b in chart.bars), default=1)
    every = max(1, math.ceil(longest * CHAR / step))
    for i, bar in enumerate(chart.bars):
        x = LEFT + i * step + (step - bar_w) / 2
        y = float(base)
        for count, colour, hover in zip(bar.counts, chart.colours, bar.hovers, strict=True):
            if count:
                h = count * scale
                rects.append(Rect(_r(x), _r(y - h), _r(bar_w), _r(h), colour, hover))
                y -= h
        total = sum(bar.counts)
        if step >= 18 and total > 0:
            labels.append(Label(_r(x + bar_w / 2), _r(y - 2), str(total), "bottom"))
        if i % every == 0:
            labels.append(Label(_r(x + bar_w / 2), base + 4, bar.label, "top"))
    return Layout(chart.title, width, TOP + PLOT + BOTTOM, tuple(rects), tuple(labels), tuple(rules))


def _n(value: float) -> str:
    """A coordinate as both writers print it: no trailing ``.0``."""
    return f"{value:g}"


_SVG_TEXT = {
    "top": ('text-anchor="middle"', FONT),
    "right": ('text-anchor="end"', FONT * 0.35),
    "bottom": ('text-anchor="middle"', 0),
}


def to_svg(chart: Layout) -> str:
    """Inline SVG: text and lines in the page's text colour, so light and dark schemes both work."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lit-chart" role="img" '
        f'width="{chart.width}" height="{chart.height}" viewBox="0 0 {chart.width} {chart.height}" '
        f'style="min-width:{round(chart.width * MIN_SCALE)}px" '
        f'font-size="{FONT}" fill="currentColor">',
        f"<title>{xml_escape(chart.title)}</title>",
    ]
    for rule in chart.rules:
        opacity = ' stroke-opacity="0.25"' if rule.faint else ""
        out.append(
            f'<line x1="{_n(rule.x)}" y1="{_n(rule.y)}" x2="{_n(rule.x + rule.length)}" y2="{_n(rule.y)}" '
            f'stroke="currentColor"{opacity}/>'
        )
    for rect in chart.rects:
        paint = f'fill="{rect.colour}"' if rect.colour else 'fill="none" stroke="currentColor"'
        out.append(
            f'<rect x="{_n(rect.x)}" y="{_n(rect.y)}" width="{_n(rect.w)}" height="{_n(rect.h)}" {paint}>'
            f"<title>{xml_escape(rect.hover)}</title></rect>"
        )
    for label in chart.labels:
        anchor, shift = _SVG_TEXT[label.anchor]
        out.append(
            f'<text x="{_n(label.x)}" y="{_n(label.y + shift)}" {anchor}>{xml_escape(label.text)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


_LATEX_BOX = {"top": "[t]", "right": "[r]", "bottom": "[b]"}


def to_latex(chart: Layout, escape: Callable[[str], str]) -> str:
    """A ``picture`` as wide as the text: vector bars, labels as text (``escape`` is Sphinx's)."""
    h = chart.height
    out = [
        f"\\begin{{center}}\\setlength{{\\unitlength}}{{\\dimexpr\\linewidth/{WIDTH}\\relax}}%",
        f"\\begin{{picture}}({chart.width},{h})\\scriptsize",
    ]
    for rule in chart.rules:
        line = f"\\put({_n(rule.x)},{_n(h - rule.y)}){{\\line(1,0){{{_n(rule.length)}}}}}"
        out.append(f"{{\\color{{gray!40}}{line}}}" if rule.faint else line)
    for rect in chart.rects:
        y = _n(h - rect.y - rect.h)
        if rect.colour:
            box = f"\\textcolor[HTML]{{{rect.colour[1:]}}}{{\\rule{{{_n(rect.w)}\\unitlength}}{{{_n(rect.h)}\\unitlength}}}}"
        else:
            box = f"\\framebox({_n(rect.w)},{_n(rect.h)}){{}}"
        out.append(f"\\put({_n(rect.x)},{y}){{{box}}}")
    for label in chart.labels:
        out.append(
            f"\\put({_n(label.x)},{_n(h - label.y)}){{\\makebox(0,0){_LATEX_BOX[label.anchor]}"
            f"{{{escape(label.text)}}}}}"
        )
    out.append("\\end{picture}\\end{center}")
    return "\n".join(out)
