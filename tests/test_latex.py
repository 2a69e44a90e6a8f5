"""The PDF: LaTeX markup from the shipped style file, and a real latexmk run read back."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOTS
from tests.helpers import build, rebuild, require_tools

BOOK = {"root_doc": "book"}


@pytest.mark.parametrize("root", ["basic", "basic-myst"])
def test_latex_uses_the_shipped_style_and_hyperlinks(built, root):
    result = built(root, "latex", confoverrides=BOOK)
    tex = next(result.outdir.glob("*.tex")).read_text()
    assert r"\usepackage{litreview}" in tex
    assert (result.outdir / "litreview.sty").exists()
    # an episode is a section (a bookmark) with a label the citations point at; its ID is no link
    assert (
        "\\section{E026 RL mostly re\\sphinxhyphen{}weights what the base model "
        "already knew}\n\\label{\\detokenize{episodes:episode-E026}}"
    ) in tex
    assert r"{\hyperref[\detokenize{episodes:episode-E026}]" in tex
    # the lead is body text; only the header line is small; the web navigation is not printed
    assert (
        "\\begin{sphinxuseclass}{lit-topic-banner}\n\\sphinxAtStartPar\nLiterature review · 2 episodes\n\n"
        "\\end{sphinxuseclass}\n\\sphinxAtStartPar\nHow RL changes what a model knows."
    ) in tex
    assert "all topics" not in tex
    # the Episode index is a live link, to the label litreview.sty puts on the index
    assert (
        "{\\hyperref[\\detokenize{litreview:episodeindex}]{\\sphinxcrossref{\\DUrole{std}{\\DUrole{std-ref}"
        "{Episode index}}}}}"
    ) in tex
    assert "\\renewcommand\\litreviewepisodeindexname{Episode index}" in tex
    # a book without blank pages before chapters, unless latex_elements says otherwise
    assert "openany,oneside" in tex
    # lists are standard LaTeX lists and tables
    assert r"\begin{itemize}" in tex
    assert r"\begin{longtable}" in tex or r"\begin{tabulary}" in tex or r"\begin{tabular}" in tex
    assert "Literature review · 2 episodes" in tex
    # no raw LaTeX comes from the extension: only its style file's environments and roles
    assert r"\DUrole{lit-ep}{E026}" in tex


def _pdf_text(src: Path, out: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "latexpdf", str(src), str(out), "-q", *options],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    # the main PDF, not the pictures drawn for it (litreview-graph-*.pdf)
    pdfs = [p for p in (out / "latex").glob("*.pdf") if not p.name.startswith("litreview-graph-")]
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert len(pdfs) == 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdfs[0]), "-"], capture_output=True, text=True, check=True
    ).stdout
    return proc, " ".join(text.split())


def _root_pdf(root: str, tmp_path: Path, *options: str) -> tuple[Path, str, str, str]:
    """The PDF of test root *root* through latexmk: its source copy, warnings, text and LaTeX log."""
    require_tools("latexmk", "pdflatex", "pdftotext")
    src = tmp_path / "src"
    shutil.copytree(ROOTS / f"test-{root}", src)
    proc, text = _pdf_text(src, tmp_path / "out", *options)
    log = next((tmp_path / "out" / "latex").glob("*.log")).read_text(errors="replace")
    return src, proc.stderr, text, log


def test_pdf_shows_episodes_headers_lists_and_citations(tmp_path):
    require_tools("latexmk", "pdflatex", "pdftotext")
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    proc, text = _pdf_text(src, tmp_path / "out", "-D", "root_doc=book")
    assert "WARNING" not in proc.stderr
    log = next((tmp_path / "out" / "latex").glob("*.log")).read_text(errors="replace")
    assert "! " not in log  # no LaTeX errors
    assert len(re.findall(r"^Overfull \\hbox", log, re.M)) == 0
    for expected in (
        "Literature review · 2 episodes",
        "RL is calibration on math E026, but not on bridge questions E011.",
        "E026 RL mostly re-weights what the base model already knew 2025-06-14 · Jane Doe, Wei Zhang",
        "Takeaway: A contrastive steer on 50 problems recovers RL accuracy for ~$25.",
        "Cited by: E026, Basic review, Reinforcement learning for reasoning",
        "Reinforcement learning for reasoning — 2 episodes, 3 cited",
        "E011 Bridge questions need RL (2025-03)",
        "Episode Title Date Takeaway",
        # the Episode index, with titles
        "E009 Silent bugs in training libraries (2024), 3",
        "E026 RL mostly re-weights what the base model already knew (2025-06-14), 3",
    ):
        assert expected in text, expected
    assert "← all topics" not in text
    # every citation is a working internal link: pdflatex reports none undefined
    assert "undefined references" not in log
    assert "Hyper reference" not in log


@pytest.mark.parametrize("root", ["basic", "basic-myst"])
def test_episode_pages_outside_the_toctree_become_appendices(built, root):
    tex = next(built(root, "latex").outdir.glob("*.tex")).read_text()
    appendix = tex.index(r"\appendix")
    assert tex.index(r"\label{\detokenize{episodes:episode-E026}}") > appendix
    assert r"{\hyperref[\detokenize{episodes:episode-E026}]" in tex
    texinfo = next(built(root, "texinfo").outdir.glob("*.texi")).read_text()
    assert "@node Episodes,Episode index,Glossary,Top" in texinfo  # after the last chapter
    assert "@anchor{episodes episode-E026}" in texinfo


def test_manual_appendix_can_be_turned_off(built):
    tex = next(
        built("basic", "latex", confoverrides={"litreview_manual_appendix": False}).outdir.glob("*.tex")
    ).read_text()
    assert "episode-E026}}" not in tex.replace(r"\hyperref", "")
    assert r"\label{\detokenize{episodes:episode-E026}}" not in tex


def test_pages_already_in_the_manual_are_not_appended_again(built):
    tex = next(built("basic", "latex", confoverrides=BOOK).outdir.glob("*.tex")).read_text()
    assert tex.count(r"\label{\detokenize{episodes:episode-E026}}") == 1


def test_pdf_without_a_book_root_has_the_episodes_as_appendix(tmp_path):
    require_tools("latexmk", "pdflatex", "pdftotext")
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    _, text = _pdf_text(src, tmp_path / "out")
    assert "APPENDIX" in text
    assert "Cited by: E026, Basic review, Reinforcement learning for reasoning" in text
    log = next((tmp_path / "out" / "latex").glob("*.log")).read_text(errors="replace")
    assert "undefined references" not in log


def _tex(result) -> str:
    return next(result.outdir.glob("*.tex")).read_text()


@pytest.mark.parametrize("root", ["basic", "basic-myst", "monthly"])
def test_episode_pages_outside_the_toctree_are_the_sections_of_one_appendix(built, root):
    result = built(root, "latex")
    tex = _tex(result)
    pages = episode_pages(result)
    assert tex.count(r"\appendix") == 1
    assert tex.count(r"\chapter{Episode pages}") == 1
    appendix = tex.index(r"\chapter{Episode pages}")
    assert appendix > tex.index(r"\appendix")
    for docname in pages:
        # each page is a section of that appendix, with the label :doc: links use
        label = tex.index(rf"\label{{\detokenize{{{docname}::doc}}}}")
        assert label > appendix
        assert tex.rfind(r"\section{", 0, label) > appendix
    assert r"\chapter" not in tex[appendix + 1 :]


def episode_pages(result) -> list[str]:
    return sorted({ep.docname for ep in result.app.env.domains["lit"].review.episodes.values()})


def test_monthly_pages_are_sections_in_natural_order_and_every_citation_links_them(built):
    result = built("monthly", "latex")
    tex = _tex(result)
    months = re.findall(r"\\section\{(\w+ \d{4})\}", tex)
    assert len(months) == 30
    assert months[:2] == ["January 2024", "February 2024"]
    assert months[-1] == "June 2026"
    for n in range(1, 31):
        assert (
            rf"\hyperref[\detokenize{{episodes/{2024 + (n - 1) // 12}-{(n - 1) % 12 + 1:02d}:episode-E{n:03d}}}]"
            in tex
        )


def test_pages_listed_in_latex_appendices_keep_their_place_before_the_episode_pages(built):
    result = built("basic", "latex", confoverrides={"root_doc": "rl", "latex_appendices": ["glossary"]})
    tex = _tex(result)
    assert tex.index(r"\appendix") < tex.index(r"\chapter{Glossary}") < tex.index(r"\chapter{Episode pages}")
    assert r"\section{Episodes}" in tex


def test_an_episode_page_listed_in_latex_appendices_joins_the_episode_pages(built):
    tex = _tex(built("basic", "latex", confoverrides={"latex_appendices": ["episodes"]}))
    assert r"\chapter{Episodes}" not in tex
    assert tex.count(r"\section{Episodes}") == 1


def test_a_second_latex_build_writes_the_same_tex(tmp_path):
    shutil.copytree(ROOTS / "test-monthly", tmp_path, dirs_exist_ok=True)
    first = build(tmp_path, "latex")
    expected = _tex(first)
    assert _tex(rebuild(first, "latex")) == expected


def test_pdf_of_thirty_episode_pages_outside_the_toctree(tmp_path):
    # one page per month for thirty months: the 27th appendix chapter was "Counter too large"
    require_tools("latexmk", "pdflatex", "pdftotext")
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-monthly", src)
    proc, text = _pdf_text(src, tmp_path / "out")
    assert "WARNING" not in proc.stderr
    latex = tmp_path / "out" / "latex"
    log = next(latex.glob("*.log")).read_text(errors="replace")
    assert "! " not in log
    assert "undefined references" not in log
    assert "Hyper reference" not in log
    assert "A Episode pages" in text
    for expected in ("A.1 January 2024", "A.27 March 2026", "A.30 June 2026"):
        assert expected in text, expected
    assert "E030 Study 30 of the month 2026-06-15" in text
    assert "It follows E029 and uses entropy." in text
    # the PDF's bookmarks: the appendix, and under it one entry per page
    bookmarks = next(latex.glob("*.out")).read_text()
    assert len(re.findall(r"\{section\.A\.\d+\}.*\{appendix\.A\}", bookmarks)) == 30


#: an episode's heading as pdftotext reads it: "1.1.5 E05 Episode …" (a section) or "E11 Episode …" (a rubric)
EPISODE_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\s+)?E\d+\s(?!.*, \d+$)")  # not an index entry: "…, 3"
#: the running foot of a page: its number, the chapter or section mark
RUNNING_FOOT = re.compile(r"^(?:[ivxlc\d]+|\d+(?:\.\d+)*\.\s.*|Chapter \d+\..*|.*, Release 1\.0)$")


def test_pdf_never_ends_a_page_with_an_episode_heading_and_its_index_has_titles(tmp_path):
    _src, stderr, text, log = _root_pdf("reader", tmp_path)
    assert "WARNING" not in stderr
    assert "! " not in log
    (pdf,) = (tmp_path / "out" / "latex").glob("*.pdf")
    pages = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout,
        ).group(1)
    )  # type: ignore[union-attr]
    headings = 0
    for page in range(1, pages + 1):
        lines = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        body_lines = [line.strip() for line in lines if line.strip()]
        while body_lines and RUNNING_FOOT.match(body_lines[-1]):
            body_lines.pop()
        headings += sum(bool(EPISODE_HEADING.match(line)) for line in body_lines)
        if body_lines:
            assert not EPISODE_HEADING.match(body_lines[-1]), (page, body_lines[-3:])
    assert headings >= 12  # every episode's heading was seen (the bookmarks' text too)
    # the Episode index lists titles, in roman, with pages; the mention of it is a live link
    assert "E01 Episode number 1 <b>bold</b> (2025-01-01), 1" in text
    assert (
        r"\newlabel{litreview:episodeindex}" in (tmp_path / "out" / "latex" / "readerreview.aux").read_text()
    )
    assert "Hyper reference" not in log
