"""The project's own docs and example review, built the way the README and CI build them."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from tests.helpers import body, require_tools, sphinx, visible


def test_docs_build_clean_with_furo(docs_html):
    assert (docs_html / "_static" / "litreview.css").exists()
    assert "furo" in (docs_html / "index.html").read_text()


def test_docs_document_every_config_value_and_warning(docs_html):
    from sphinxcontrib_litreview.config import CONFIG_VALUES
    from sphinxcontrib_litreview.warnings import SUBTYPES

    configuration = (docs_html / "configuration.html").read_text()
    for value in CONFIG_VALUES:
        assert value.name in configuration
    warnings = (docs_html / "warnings.html").read_text()
    for subtype in SUBTYPES:
        assert f"litreview.{subtype}" in warnings


def test_example_topic_page(docs_html):
    html = body((docs_html / "example" / "rag.html").read_text())
    assert re.search(
        r'<p class="lit-topic-header"[^>]*>Literature review · 5 episodes · <a [^>]*>BibTeX</a></p>', html
    )
    nav = re.search(r'<p class="lit-topic-nav">(.*?)</p>', html)
    assert nav
    assert visible(nav.group(1)) == "← all topics · Glossary →"
    assert re.findall(r'href="([^"]+)"', nav.group(1)) == ["topics.html", "glossary.html"]
    assert 'href="episodes-2024.html#episode-E003"' in html


def test_example_review_takes_metadata_from_its_bib_and_shows_apa_references(docs_html):
    html = (docs_html / "example" / "episodes-2024.html").read_text()
    start = html.index('id="episode-E012"')
    episode = visible(html[start : html.index('id="episode-E015"')])
    # from example/references.bib: title, authors, date, venue, DOI; the takeaway is the episode's own
    assert "E012 Lost in the middle, revisited 2024-09-02 · Costa, Maria; O'Brien, Liam · " in episode
    assert "Proceedings of the Workshop on Long Contexts · doi:10.5555/lit.2024.012" in episode
    assert "Takeaway: Position bias shrinks with newer models" in episode
    assert (
        "Costa, M., &amp; O'Brien, L. (2024, September 2). Lost in the middle, revisited. "
        "Proceedings of the Workshop on Long Contexts. https://doi.org/10.5555/lit.2024.012" in episode
    )
    exported = (docs_html / "litreview.bib").read_text()
    assert "@inproceedings{costa2024lost," in exported
    assert "@misc{E003," in exported
    assert (docs_html / "litreview-rag.bib").is_file()


def test_example_review_export(docs_html):
    data = json.loads((docs_html / "litreview.json").read_text())
    assert list(data["episodes"]) == ["E003", "E007", "E012", "E015", "E021", "E024", "E030", "E033"]
    assert data["topics"]["rag"]["anchors"] == ["E003", "E007", "E012", "E021", "E024"]


@pytest.mark.parametrize(
    "builder", ["dirhtml", "singlehtml", "epub", "text", "json", "dummy", "man", "texinfo"]
)
def test_every_builder_builds_the_example_review_clean(docs_src, tmp_path, builder):
    proc = sphinx(
        "-W",
        "-n",
        "-q",
        "-b",
        builder,
        "-d",
        str(tmp_path / "doctrees"),
        str(docs_src),
        str(tmp_path / builder),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    if builder == "text":
        rag = (tmp_path / "text" / "example" / "rag.txt").read_text()
        assert "Literature review · 5 episodes" in rag
        assert "← all topics" not in rag  # the web navigation is the web's
        assert "*E003*" in rag


def test_example_review_pdf(docs_src, tmp_path):
    require_tools("latexmk", "pdflatex", "pdftotext", "dot")
    out = tmp_path / "pdf"
    proc = sphinx("-M", "latexpdf", str(docs_src), str(out), "-W", "-n", "-q")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    # the book, not the pictures drawn for it (litreview-graph-*.pdf)
    (pdf,) = (p for p in (out / "latex").glob("*.pdf") if not p.name.startswith("litreview-graph-"))
    log = pdf.with_suffix(".log").read_text(errors="replace")
    assert "Overfull \\hbox" not in log
    assert "undefined references" not in log
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Literature review · 5 episodes" in text
    assert "← all topics · Glossary →" in text
    assert "Episodes anchoring this topic" in text
    assert "Cited by:" in text
    assert "Used in:" in text
    assert "E003" in text


def test_the_readme_builds_the_docs_without_graphviz_and_says_so(docs_src, tmp_path):
    """The README's first command needs Python alone: without dot the graphs are their lists."""
    proc = sphinx(
        "-W", "-n", "-b", "html", "-D", "graphviz_dot=/nonexistent/dot", str(docs_src), str(tmp_path)
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "graphviz's dot (/nonexistent/dot) is not installed" in proc.stdout
    html = body((tmp_path / "example" / "rag.html").read_text(encoding="utf-8"))
    assert "lit-graph-picture" not in html
    assert html.count('class="lit-graph-list') == 2
