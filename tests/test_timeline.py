"""``episode-timeline``: episodes per year or month, stacked by topic, in HTML, LaTeX, the PDF and text."""

from __future__ import annotations

import html as entities
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOTS
from tests.helpers import build, rebuild, rewritten, sphinx, visible
from tests.test_latex import _root_pdf

IGNORE_BUILD = shutil.ignore_patterns("_build")
SVG = "{http://www.w3.org/2000/svg}"
#: the topic page's title in test-timeline: every character that HTML, SVG or LaTeX must escape
RL_TITLE = 'RL "hard" <b> & \\ {x} % # _ tricks'
TEX_TITLE = r'RL "hard" \textless{}b\textgreater{} \& \textbackslash{} \{x\} \% \# \_ tricks'
RL_TITLES = {"timeline": RL_TITLE, "timeline-myst": 'RL "hard" & {x} % # _ tricks'}


def _timelines(html: str) -> list[str]:
    """The HTML of each timeline on a page, in page order."""
    starts = [m.start() for m in re.finditer(r'<div class="lit-timeline docutils container">', html)]
    return [html[start : html.index("</section>", start)] for start in starts]


def _seen(html: str) -> str:
    """What a reader sees, with character references read."""
    return entities.unescape(visible(html))


def _segments(svg_html: str) -> list[tuple[str, float]]:
    """Each bar segment of a chart: its hover text and its height, read as SVG."""
    svg = ET.fromstring(re.search(r"<svg\b.*?</svg>", svg_html, re.S).group(0))
    return [(rect.find(f"{SVG}title").text, float(rect.get("height"))) for rect in svg.iter(f"{SVG}rect")]


def _counted(svg_html: str) -> dict[str, int]:
    """hover text -> count, checking that every segment is as tall as its count says."""
    segments = _segments(svg_html)
    counts = {title: int(re.search(r": (\d+) episodes?$", title).group(1)) for title, _h in segments}
    unit = {round(h / counts[title], 3) for title, h in segments}
    assert len(unit) == 1, segments  # one scale for the whole chart
    return counts


@pytest.mark.parametrize("root", ["timeline", "timeline-myst"])
def test_bars_count_episodes_per_year_under_their_first_topic(built, root):
    result = built(root)
    assert result.warnings == []
    per_year, per_month, one_topic, one_tag = _timelines(result.html("timeline"))
    rl = RL_TITLES[root]
    # E002 has two topics and counts once, under its first (calibration); E004 has none
    assert _counted(per_year) == {
        "2021 · Calibration: 1 episode": 1,
        f"2021 · {rl}: 1 episode": 1,
        f"2022 · {rl}: 1 episode": 1,
        "2023 · Calibration: 1 episode": 1,
        "2023 · No topic: 1 episode": 1,
    }
    # per month: a bar for every month from the first to the last, the year-only dates left out
    assert _counted(per_month) == {
        "2021-03 · Calibration: 1 episode": 1,
        f"2022-05 · {rl}: 1 episode": 1,
        "2023-07 · Calibration: 1 episode": 1,
    }
    axis = re.findall(r'<text [^>]*text-anchor="middle">(\d{4}-\d\d)</text>', per_month)
    assert axis[0] == "2021-03"
    assert axis[-1] == "2023-06"
    assert _counted(one_topic) == {f"2021 · {rl}: 2 episodes": 2, f"2022 · {rl}: 1 episode": 1}
    assert _counted(one_tag) == {"2023 · Calibration: 1 episode": 1}


@pytest.mark.parametrize("root", ["timeline", "timeline-myst"])
def test_left_out_episodes_are_counted_and_linked_under_the_chart(built, root):
    per_year, per_month, *_ = _timelines(built(root).html("timeline"))
    assert visible(per_year).endswith("1 undated episode is not shown: E005")
    assert 'href="episodes.html#episode-E005" title="Undated RL"' in per_year
    text = visible(per_month)
    assert "1 undated episode is not shown: E005" in text
    assert text.endswith("2 episodes are dated by year only and not shown per month: E001, E004")


@pytest.mark.parametrize("root", ["timeline", "timeline-myst"])
def test_legend_links_topics_and_the_counts_table_is_the_text_alternative(built, root):
    per_year = _timelines(built(root).html("timeline"))[0]
    legend = re.search(r'<p class="lit-timeline-legend">.*?</p>', per_year, re.S).group(0)
    assert _seen(legend).split(") ") == ["Calibration (2", f"{RL_TITLES[root]} (2", "No topic (1)"]
    assert '<a class="reference internal" href="calibration.html#topic-calibration"' in legend
    assert legend.count('class="lit-swatch"') == 3
    table = re.search(r"<details class=\"lit-more\">.*?</details>", per_year, re.S).group(0)
    assert "<summary>The counts as a table</summary>" in table
    assert _seen(table) == (
        f"The counts as a table Year Episodes By topic 2021 2 Calibration 1, {RL_TITLES[root]} 1 "
        f"2022 1 {RL_TITLES[root]} 1 2023 2 Calibration 1, No topic 1"
    )


def test_titles_are_escaped_in_the_svg_and_the_html(built):
    html = built("timeline").html("timeline")
    per_year = _timelines(html)[0]
    # the SVG parses as XML, and its hover text is the title as written
    assert f"2021 · {RL_TITLE}: 1 episode" in dict(_segments(per_year))
    assert "RL &quot;hard&quot; &lt;b&gt; &amp; \\ {x} % # _ tricks" in per_year
    assert "<b>" not in html
    # text and axes take the page's colour, so the chart reads in light and dark schemes
    assert 'fill="currentColor"' in per_year
    assert 'stroke="currentColor"' in per_year


@pytest.mark.parametrize("root", ["timeline", "timeline-myst"])
def test_latex_draws_a_picture_with_escaped_labels(built, root):
    tex = next(built(root, "latex").outdir.glob("*.tex")).read_text()
    assert tex.count(r"\begin{picture}") == 4
    assert r"\put(47.5,26){\textcolor[HTML]{0072B2}{\rule{45\unitlength}{100\unitlength}}}" in tex
    assert r"\makebox(0,0)[t]{2021\sphinxhyphen{}03}" in tex
    if root == "timeline":
        assert TEX_TITLE + "}}}}}} (2)" in tex  # the legend's link to the topic
    assert "1 undated episode is not shown:" in tex


def test_pdf_has_the_timeline_as_vector_picture_with_text_labels(tmp_path):
    _src, stderr, text, log = _root_pdf("timeline", tmp_path)
    assert "WARNING" not in stderr
    assert "! " not in log
    for expected in (
        "2021 2022 2023",  # the axis labels, as text
        f"Calibration (2) {RL_TITLE} (2) No topic (1)",
        "1 undated episode is not shown: E005",
        "2 episodes are dated by year only and not shown per month: E001, E004",
        "2021-03 2021-06 2021-09",
    ):
        assert expected in text, expected
    pdf = next((tmp_path / "out" / "latex").glob("*.pdf"))
    assert not list(pdf.parent.glob("*.png"))
    assert not list(pdf.parent.glob("*.svg"))


def test_text_builder_shows_the_counts_as_a_table(built):
    text = built("timeline", "text").text("timeline.txt")
    per_year = text[text.index("Per year") : text.index("Per month")]
    for row in ("| 2021", "| 2022", "| 2023", "Calibration 1, No topic 1"):
        assert row in per_year, per_year
    assert "1 undated episode is not shown: *E005*" in per_year  # the text builder's link
    assert "<svg" not in text
    assert "picture" not in text


def test_an_empty_timeline_says_so(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-timeline", src)
    (src / "timeline.rst").write_text(
        "Timelines\n=========\n\n.. episode-timeline::\n   :topic: calibration\n   :tag: rl\n"
    )
    result = build(src)
    assert "No episodes." in visible(result.html("timeline"))
    assert "<svg" not in result.html("timeline")


def _svgs(outdir: Path) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", (outdir / "timeline.html").read_text(encoding="utf-8"), re.S)


def test_charts_are_byte_identical_across_clean_and_parallel_builds(tmp_path):
    charts = []
    for name, options in (("one", []), ("two", []), ("parallel", ["-j", "2"])):
        src = tmp_path / name
        shutil.copytree(ROOTS / "test-timeline", src)
        proc = sphinx("-q", "-E", *options, "-b", "html", str(src), str(src / "_build"))
        assert proc.returncode == 0, proc.stderr
        charts.append(_svgs(src / "_build"))
    assert len(charts[0]) == 4
    assert charts[0] == charts[1] == charts[2]


def test_the_timeline_page_is_rewritten_exactly_when_its_counts_or_titles_change(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-timeline", src)
    last = build(src)
    episodes = src / "episodes.rst"
    clean_builds = iter(range(100))

    def edit(old: str, new: str) -> set[str]:
        nonlocal last
        text = episodes.read_text()
        assert text.count(old) == 1, old
        episodes.write_text(text.replace(old, new))
        last = rebuild(last)
        clean = build(shutil.copytree(src, tmp_path / f"clean-{next(clean_builds)}", ignore=IGNORE_BUILD))
        assert last.html("timeline") == clean.html("timeline")
        assert sorted(last.warnings) == sorted(clean.warnings)
        return rewritten(last)

    # an episode's title is not shown on the timeline (the undated one's is, as its link's hover)
    assert "timeline" not in edit(":title: RL in May", ":title: RL in late spring")
    assert "timeline" in edit(":title: Undated RL", ":title: Undated RL, retitled")
    assert "timeline" in edit(":date: 2022-05", ":date: 2022-06")  # re-dated
    assert "timeline" in edit(":topics: calibration\n   :tags:", ":topics: rl\n   :tags:")  # E006 re-topiced
    assert "timeline" in edit(".. episode:: E004\n   :title: A topic of its own\n   :date: 2023\n", "")
    assert "No topic" not in _timelines(last.html("timeline"))[0]
    assert "2023 · RL" in _timelines(last.html("timeline"))[0]


def test_the_timeline_speaks_the_projects_language(built):
    html = built("timeline", confoverrides={"language": "de"}).html("timeline")
    per_year, per_month, *_ = _timelines(html)
    assert "<title>Episoden pro Jahr</title>" in per_year
    assert "<title>2021 · Calibration: 1 Episode</title>" in per_year
    assert "<summary>Die Zahlen als Tabelle</summary>" in per_year
    assert "1 Episode ohne Datum ist nicht dargestellt: E005" in _seen(per_year)
    assert "2 Episoden sind nur mit Jahr datiert und erscheinen nicht nach Monat: E001, E004" in _seen(
        per_month
    )


def test_beyond_seven_topics_the_smallest_share_one_grey_segment(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinxcontrib_litreview"]\nproject = "Many topics"\n')
    slugs = [f"t{i}" for i in range(1, 10)]
    pages = "".join(f"   {slug}\n" for slug in slugs)
    (src / "index.rst").write_text(
        f"Many topics\n===========\n\n.. toctree::\n\n{pages}   episodes\n\n.. episode-timeline::\n"
    )
    for slug in slugs:
        (src / f"{slug}.rst").write_text(f"Topic {slug}\n========\n\n.. topic-summary:: {slug}\n")
    # topic t<i> has 10 - i episodes, all in 2024: t8 and t9 are the smallest
    episodes = [
        f".. episode:: E{slug}{n}\n   :title: T\n   :date: 2024\n   :topics: {slug}\n"
        for i, slug in enumerate(slugs, 1)
        for n in range(10 - i)
    ]
    (src / "episodes.rst").write_text("Episodes\n========\n\n" + "\n".join(episodes))
    result = build(src, confoverrides={"litreview_id_pattern": r"Et\d+"})
    assert result.warnings == []
    chart = result.html("index")
    assert _counted(chart) == {
        **{f"2024 · Topic t{i}: {10 - i} episodes": 10 - i for i in range(1, 7)},
        "2024 · Other topics: 6 episodes": 6,  # t7 (3), t8 (2) and t9 (1)
    }
    assert 'fill="#999999"><title>2024 · Other topics' in chart
    assert _seen(re.search(r'<p class="lit-timeline-legend">.*?</p>', chart, re.S).group(0)).endswith(
        "Topic t6 (4) Other topics (6)"
    )
