"""Pictures: topic-graph and citation-graph, drawn by graphviz's dot, in HTML, PDF and text."""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from sphinxcontrib_litreview.pictures.dot import dot_code
from sphinxcontrib_litreview.pictures.drawing import reproducible_pdf
from sphinxcontrib_litreview.pictures.graphs import GraphSpec, graph_view
from sphinxcontrib_litreview.records import Episode, Topic
from sphinxcontrib_litreview.review import Review
from tests.conftest import ROOTS
from tests.helpers import Build, build, diff_pages, html_pages, rebuild, rewritten
from tests.test_latex import _root_pdf

ROOT_IDS = {"graphs": "rst", "graphs-myst": "myst"}
ROOTS_BOTH = pytest.mark.parametrize("root", list(ROOT_IDS), ids=list(ROOT_IDS.values()))
SVG = re.compile(r'<div class="lit-graph-picture">(<svg.*?</svg>)', re.S)


def _svgs(html: str) -> list[str]:
    return SVG.findall(html)


def _node_links(svg: str) -> list[str]:
    return re.findall(r'<a xlink:href="([^"]*)"', svg)


def _copy(root: str, dest: Path) -> Path:
    shutil.copytree(ROOTS / f"test-{root}", dest)
    return dest


def _dot_logger(tmp_path: Path) -> tuple[Path, Path]:
    """A graphviz_dot that logs each run of dot (the file it writes) before running it."""
    log = tmp_path / "dot.log"
    script = tmp_path / "logged-dot"
    script.write_text(
        f'#!/bin/sh\nfor a in "$@"; do case "$a" in -o*) echo "$a" >> {log};; esac; done\nexec dot "$@"\n'
    )
    script.chmod(0o755)
    return script, log


def _runs(log: Path) -> list[str]:
    return log.read_text().split() if log.exists() else []


@pytest.mark.needs_dot
@ROOTS_BOTH
def test_html_inlines_svg_whose_nodes_link_to_episodes_and_topics(built, root):
    result = built(root)
    assert result.warnings == []
    page = result.html("map")
    topic_map, citations = _svgs(page)
    # topics are labelled by slug, link to their topic-summary and show their title on hover
    assert '<a xlink:href="rl.html#topic-rl"><title>rl: RL for reasoning</title>' in topic_map
    assert ">calib</text>" in topic_map
    # E3 at depth 2: what it cites, what cites it, and one step further (E5 cites E4 cites E3)
    labels = re.findall(r">(E\d+)</text>", citations)
    assert sorted(labels) == ["E1", "E2", "E3", "E4", "E5"]
    assert "E6" not in citations
    # every node link resolves to an episode anchor on the page it names
    for href in _node_links(citations):
        target, anchor = href.split("#")
        assert f'id="{anchor}"' in (result.outdir / target).read_text()
    # ids are unique on a page that holds two pictures
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    # the same data as a list, folded under the picture
    assert "<summary>The picture as a list</summary>" in page
    assert "cites E1, E2; cited by E4" in page


@pytest.mark.needs_dot
def test_links_are_relative_from_every_page_also_dirhtml(built, tmp_path):
    html = built("graphs")
    (svg,) = _svgs(html.html("sub/deep"))
    assert _node_links(svg) == [
        "../episodes.html#episode-E1",
        "../episodes.html#episode-E2",
        "../episodes.html#episode-E3",
    ]
    dirhtml = built("graphs", "dirhtml")
    (svg,) = _svgs((dirhtml.outdir / "sub" / "deep" / "index.html").read_text())
    for href in _node_links(svg):
        target, anchor = href.split("#")
        page = posixpath.normpath(posixpath.join("sub/deep", target)) + "/index.html"
        assert f'id="{anchor}"' in (dirhtml.outdir / page).read_text()


@pytest.mark.needs_dot
def test_html_is_svg_whatever_graphviz_output_format(built):
    result = built("graphs", confoverrides={"graphviz_output_format": "png"})
    assert len(_svgs(result.html("map"))) == 2
    assert not list((result.outdir / "_images").glob("*.png"))


@pytest.mark.needs_dot
def test_titles_are_escaped_in_svg_and_html(built):
    page = built("graphs").html("calib")
    (svg,) = _svgs(page)
    assert "<title>E6: Say &quot;hi&quot; &lt;b&gt; \\ {} -&gt; &amp; x</title>" in svg
    assert "— Say &quot;hi&quot; &lt;b&gt; \\ {} -&gt; &amp; x" in page


@pytest.mark.needs_dot
def test_dot_holds_only_ids_and_escapes_quotes():
    title = 'a "q" \\N {x} -> &lt; \n b'
    review = Review(
        {"e": [Episode("E1", "e", "", 0, "episode-E1", title, topics=("t",))]},
        {"t": [Topic("t", "t", "", 0, "topic-t", "T")]},
        {},
        [],
        [],
        {},
        {},
    )
    code = dot_code(graph_view(review, GraphSpec("citation-graph", topic="t")), 'name "x"')
    # titles are put in when the SVG is inlined: graphviz's escapes never meet them
    assert "{x}" not in code
    assert 'label="E1", tooltip="E1"' in code
    assert code.startswith('digraph "name \\"x\\"" {')
    svg = subprocess.run(["dot", "-Tsvg"], input=code, capture_output=True, text=True, check=True).stdout
    assert "<title>name &quot;x&quot;</title>" in svg


def test_text_builder_gives_the_picture_as_a_list(built):
    text = built("graphs-myst", "text").text("map.txt")
    assert "[Topic map]" in text
    assert "* *Calibration* (calib): 4 episodes; shares episodes with rl (2)" in text
    assert "* *E3* — Entropy falls; cites E1, E2; cited by E4" in text


@pytest.mark.needs_dot
def test_max_nodes_cuts_to_the_most_cited_and_warns(tmp_path):
    src = _copy("graphs", tmp_path / "src")
    (src / "cut.rst").write_text(":orphan:\n\nCut\n===\n\n.. topic-graph:: calib\n   :max-nodes: 3\n")
    result = build(src)
    assert result.warnings == [
        "cut.rst:6: WARNING: topic-graph: 3 of 6 nodes left out, over :max-nodes: 3; "
        "the most cited are shown [litreview.graph]"
    ]
    page = result.html("cut")
    (svg,) = _svgs(page)
    # the topic itself, the topic sharing most episodes, the most cited episode (E2, E3, E4 are
    # cited once each: the first ID wins the tie)
    assert sorted(re.findall(r">([\w]+)</text>", svg)) == ["E2", "calib", "rl"]
    assert "3 more nodes are left out of this picture." in page


@pytest.mark.needs_dot
def test_a_graph_of_5000_nodes_is_cut_to_max_nodes():
    episodes = [Episode(f"E{i}", "e", "", i, f"episode-E{i}", f"T{i}", topics=("t",)) for i in range(5000)]
    review = Review({"e": episodes}, {"t": [Topic("t", "t", "", 0, "topic-t", "T")]}, {}, [], [], {}, {})
    view = graph_view(review, GraphSpec("topic-graph", topic="t"))
    assert (len(view.nodes), view.left_out) == (150, 4851)
    assert view.nodes[0].focus
    start = time.monotonic()
    subprocess.run(["dot", "-Tsvg"], input=dot_code(view, "t"), capture_output=True, text=True, check=True)
    assert time.monotonic() - start < 60


def test_without_dot_each_picture_warns_and_its_list_stands(tmp_path):
    result = build(
        _copy("graphs", tmp_path / "src"), confoverrides={"graphviz_dot": str(tmp_path / "no-dot")}
    )
    warnings = result.warnings_of("graph")
    assert len(warnings) == 5 == len(result.warnings)
    assert warnings[1].startswith("map.rst:6: WARNING: topic-graph: not drawn, the dot program")
    page = result.html("map")
    assert _svgs(page) == []
    assert "shares episodes with rl (2)" in page


def _images(result: Build, suffix: str) -> dict[str, bytes]:
    folder = result.outdir / "_images" if suffix == ".svg" else result.outdir
    return {p.name: p.read_bytes() for p in sorted(folder.glob(f"litreview-graph-*{suffix}"))}


@pytest.mark.needs_dot
def test_same_review_same_bytes_in_two_clean_builds_and_in_parallel(tmp_path):
    first = build(_copy("graphs", tmp_path / "a"))
    second = build(_copy("graphs", tmp_path / "b"))
    parallel = build(_copy("graphs", tmp_path / "c"), parallel=2)
    assert len(_images(first, ".svg")) == 5
    assert _images(first, ".svg") == _images(second, ".svg") == _images(parallel, ".svg")
    assert diff_pages(html_pages(parallel), html_pages(first)) == ""
    latex = build(_copy("graphs", tmp_path / "d"), "latex")
    time.sleep(1.1)  # cairo stamps the second: another second, another date, unless it is fixed
    latex_again = build(_copy("graphs", tmp_path / "e"), "latex")
    assert len(_images(latex, ".pdf")) == 5
    assert _images(latex, ".pdf") == _images(latex_again, ".pdf")


def test_reproducible_pdf_keeps_the_length_and_honours_source_date_epoch(tmp_path, monkeypatch):
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"<< /Producer (cairo)\n   /CreationDate (D:20261202030004Z)\n>>\nstartxref 42")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    reproducible_pdf(pdf)
    assert pdf.read_bytes() == b"<< /Producer (cairo)\n   /CreationDate (D:20231114221320Z)\n>>\nstartxref 42"


@pytest.mark.needs_dot
def test_pdf_has_the_pictures_as_vector_images_with_text_labels(tmp_path):
    _src, stderr, text, log = _root_pdf("graphs", tmp_path, "-D", "root_doc=index")
    assert "WARNING" not in stderr
    assert "! " not in log
    pdfs = sorted((tmp_path / "out" / "latex").glob("litreview-graph-*.pdf"))
    assert len(pdfs) == 5
    for pdf in pdfs:
        assert f"<{pdf.name}>" in log or pdf.name in log  # included, as a PDF: vector, not a bitmap
    labels = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True, check=True)
    assert re.search(r"\b(E\d|calib|rl)\b", labels.stdout)
    # the whole PDF: the labels of the topic map and the list's escaped title
    assert "calib" in text
    assert "tooling" in text
    assert 'Say "hi" <b> \\ {} -> & x' in text


@pytest.mark.needs_dot
def test_retitling_an_episode_rewrites_exactly_the_pictures_that_show_it(tmp_path):
    dot, log = _dot_logger(tmp_path)
    conf = {"graphviz_dot": str(dot)}
    src = _copy("graphs", tmp_path / "src")
    first = build(src, confoverrides=conf)
    assert len(_runs(log)) == 5
    log.unlink()
    episodes = src / "episodes.rst"
    episodes.write_text(
        episodes.read_text().replace("Confidence is miscalibrated", "Confidence, recalibrated")
    )
    again = rebuild(first, confoverrides=conf)
    # E4 is in calib's citation graph and in E3's depth-2 graph; not in rl's topic graph, the
    # topic map or E1's depth-1 graph. Its title is hover text, not in the DOT: dot is not re-run.
    assert {"calib", "map", "episodes"} <= rewritten(again)
    assert not {"rl", "sub/deep", "tooling"} & rewritten(again)
    assert _runs(log) == []
    assert "<title>E4: Confidence, recalibrated</title>" in _svgs(again.html("calib"))[0]
    assert "<title>E4: Confidence, recalibrated</title>" in _svgs(again.html("map"))[1]
    shutil.copytree(src, tmp_path / "clean", ignore=shutil.ignore_patterns("_build"))
    assert diff_pages(html_pages(again), html_pages(build(tmp_path / "clean", confoverrides=conf))) == ""


@pytest.mark.needs_dot
@pytest.mark.parametrize(
    ("edit", "redrawn"),
    [
        # E5 now cites E1, not E4: E1's graph and E3's depth-2 graph change; calib's does not
        (lambda t: t.replace("Found in :ep:`E4`.", "Found in :ep:`E1`."), 2),
        # E2 deleted: every picture showed it or counted it
        (lambda t: re.sub(r"\.\. episode:: E2\n(?:   .*\n|\n)*?(?=\.\. episode)", "", t), 5),
        # nothing a picture shows: an unchanged graph is not drawn again
        (lambda t: t.replace("The first.", "The first one."), 0),
    ],
    ids=["re-cite", "delete", "body-only"],
)
def test_incremental_pictures_equal_a_clean_build(tmp_path, edit, redrawn):
    dot, log = _dot_logger(tmp_path)
    conf = {"graphviz_dot": str(dot)}
    src = _copy("graphs", tmp_path / "src")
    first = build(src, confoverrides=conf)
    log.unlink()
    episodes = src / "episodes.rst"
    episodes.write_text(edit(episodes.read_text()))
    again = rebuild(first, confoverrides=conf)
    assert len(_runs(log)) == redrawn
    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = build(clean_src, confoverrides=conf)
    assert diff_pages(html_pages(again), html_pages(clean)) == ""


@pytest.mark.needs_dot
def test_singlehtml_links_reach_the_episodes_on_the_one_page(built):
    page = (built("graphs", "singlehtml").outdir / "index.html").read_text()
    links = {href for svg in _svgs(page) for href in _node_links(svg)}
    assert "#episode-E1" in links
    for href in links:
        assert f'id="{href[1:]}"' in page
