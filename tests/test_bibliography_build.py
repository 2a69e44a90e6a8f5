"""The bibliography in real builds: problems are located warnings, and the build goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import body, build, diff_pages, html_pages, rebuild, reread, rewritten, sphinx, visible

ROOTS = Path(__file__).parent / "roots"


def _no_traceback(result) -> None:
    assert "Traceback" not in result.warning_text
    assert "Exception occurred" not in result.status


def test_problems_of_bib_and_csl_files_warn_at_their_file_and_line(built):
    result = built("bib")
    assert result.warnings_of("bib") == [
        "refs/main.bib:12: WARNING: cannot read @article{broken2023: Unexpected block start: `@article`. "
        "Was still looking for field-value closing `}`; it is left out [litreview.bib]",
        "refs/zotero.json:9: WARNING: key 'shared' is also defined at refs/main.bib:17; that entry is used "
        "[litreview.bib]",
        "refs/zotero.json:13: WARNING: item 'numbered': \"title\" is a number, not a string; shown as 7 "
        "[litreview.bib]",
        # the srcdir prefix is cut from the message too (tests.helpers)
        "conf.py:3: WARNING: litreview_bibliography: 'refs/missing.bib' is not a file "
        "(looked at refs/missing.bib) [litreview.bib]",
    ]
    assert len(result.warnings) == 4
    _no_traceback(result)
    # the build goes on: the page is all there
    assert "The page builds whatever the bibliography holds." in visible(body(result.html("index")))
    entries = result.app.env.domains["lit"].bibliography.entries
    assert sorted(entries) == ["doe2024", "numbered", "shared", "zhang2025"]
    assert entries["doe2024"].title == "Entropy of RL – re-weighting what Hämäläinen knew"
    assert entries["doe2024"].venue == "Advances in Neural Information Processing Systems"
    assert entries["doe2024"].date == "2024-06"


@pytest.mark.filterwarnings(
    "ignore:'myst_parser.sphinx_ext.myst_refs.MystReferenceResolver.app' is deprecated"
)
def test_a_csl_file_that_is_not_a_list_and_duplicate_keys_in_a_myst_project(built):
    result = built("bib-myst")
    assert result.warnings_of("bib") == [
        "library.json:1: WARNING: a CSL-JSON file holds a list of items, not a JSON object [litreview.bib]",
        "extra.bib:5: WARNING: duplicate key 'twice': also at line 1; that entry is used [litreview.bib]",
        "extra.bib:9: WARNING: entry 'odd': unknown entry type @weird; read as @misc [litreview.bib]",
    ]
    assert len(result.warnings) == 3
    _no_traceback(result)
    assert "The page builds whatever the bibliography holds." in visible(body(result.html("index")))
    assert result.app.env.domains["lit"].bibliography.entries["twice"].title == "First"


def test_bib_warnings_can_be_suppressed(built):
    result = built("bib", confoverrides={"suppress_warnings": ["litreview.bib"]})
    assert result.warnings == []


def test_a_parallel_build_parses_and_warns_once(built):
    serial = built("bib")
    parallel = built("bib", parallel=2)
    assert parallel.warnings_of("bib") == serial.warnings_of("bib")


def test_a_missing_file_set_with_d_is_named_in_the_message(built):
    result = built("minimal", confoverrides={"litreview_bibliography": ["nowhere.bib"]})
    assert result.warnings_of("bib") == [
        "WARNING: conf.py: litreview_bibliography: 'nowhere.bib' is not a file (looked at nowhere.bib) "
        "[litreview.bib]"
    ]


def test_a_bibliography_value_that_is_not_a_list_of_paths_falls_back(built):
    result = built("bib", confoverrides={"litreview_bibliography": ["refs/main.bib", 3]})
    assert result.warnings_of("config") == [
        "WARNING: litreview_bibliography must be a list of file paths (strings); using the default [] "
        "[litreview.config]"
    ]
    assert result.warnings_of("bib") == []


# -- editing the bibliography -----------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_bib_edit_re_reads_exactly_the_pages_whose_entries_changed(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bib-outdated", src)
    first = build(src)
    assert "E2 Zhang's paper" in visible(body(first.html("b")))
    refs = src / "refs.bib"

    # an entry changes: the one page that reads it
    _edit(refs, "Zhang's paper", "Zhang's revised paper")
    second = rebuild(first)
    assert reread(second) == ((0, 1, 0), {"b"})
    assert "E2 Zhang's revised paper" in visible(body(second.html("b")))

    # an entry appears that a page asked for in vain
    refs.write_text(refs.read_text(encoding="utf-8") + "\n@misc{later, title = {Later}}\n", encoding="utf-8")
    third = rebuild(second)
    assert reread(third) == ((0, 1, 0), {"c"})
    assert "E3 Later" in visible(body(third.html("c")))
    assert third.warnings_of("bib") == []

    # entries only move in the file: nothing to re-read
    refs.write_text("% sorted differently\n\n" + refs.read_text(encoding="utf-8"), encoding="utf-8")
    assert reread(rebuild(third)) == ((0, 0, 0), set())

    # an entry disappears
    _edit(refs, "@article{doe2024,", "@article{doe2024renamed,")
    fifth = rebuild(third)
    assert reread(fifth) == ((0, 1, 0), {"a"})
    assert "E1 The reviewer’s own summary of doe2024." in visible(body(fifth.html("a")))
    assert fifth.warnings_of("bib") == [
        "a.rst:5: WARNING: episode E1: unknown bibliography key 'doe2024' (did you mean doe2024renamed?) "
        "[litreview.bib]"
    ]

    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    assert diff_pages(html_pages(fifth), html_pages(build(clean_src))) == ""


def test_parallel_readers_see_the_bibliography_loaded_before_they_fork(built):
    result = built("bib-outdated", parallel=2)
    assert "E2 Zhang's paper" in visible(body(result.html("b")))
    assert "E1 Doe's paper" in visible(body(result.html("a")))
    # what each page read is merged back, for the next build's outdated check
    uses = result.app.env.domains["lit"].bib_uses()
    assert sorted((doc, sorted(keys)) for doc, keys in uses.items()) == [
        ("a", ["doe2024"]),
        ("b", ["zhang2025"]),
        ("c", ["later"]),
    ]
    assert uses["c"]["later"] == ""


def test_a_sphinx_build_prints_only_our_warnings(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bib", src)
    proc = sphinx("-q", "-b", "html", str(src), str(tmp_path / "out"))
    assert proc.returncode == 0
    lines = proc.stderr.splitlines()
    assert len(lines) == 4
    assert all(line.endswith("[litreview.bib]") for line in lines), proc.stderr


@pytest.mark.parametrize("root", ["bib-join", "bib-join-myst"])
def test_a_bib_edit_re_writes_the_pages_that_display_the_changed_entry(tmp_path, root):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / f"test-{root}", src)
    first = build(src, confoverrides={"litreview_citation_style": "apa"})
    assert "From Zotero" in visible(body(first.html("topics/rl")))

    # E8 (episodes) takes its title from zotero.json; the topic page lists it
    _edit(src / "zotero.json", "From Zotero, with", "Renamed in Zotero, with")
    second = rebuild(first, confoverrides={"litreview_citation_style": "apa"})
    assert reread(second) == ((0, 1, 0), {"episodes"})
    assert "E8 Renamed in Zotero, with" in visible(body(second.html("topics/rl")))
    assert "Renamed in Zotero, with" in visible(body(second.html("episodes")))
    # (index: Sphinx re-writes the toctree parent of a page it re-read)
    assert rewritten(second) == {"episodes", "index", "topics/rl"}

    # an entry that no page shows changes: nothing is re-read
    refs = src / "refs.bib"
    refs.write_text(
        refs.read_text(encoding="utf-8") + "\n@misc{unused, title = {Unused}}\n", encoding="utf-8"
    )
    third = rebuild(second, confoverrides={"litreview_citation_style": "apa"})
    assert reread(third) == ((0, 0, 0), set())
    assert rewritten(third) == set()

    clean = tmp_path / "clean"
    shutil.copytree(src, clean, ignore=shutil.ignore_patterns("_build"))
    clean_build = build(clean, confoverrides={"litreview_citation_style": "apa"})
    assert diff_pages(html_pages(third), html_pages(clean_build)) == ""
    assert third.text("litreview.bib") == clean_build.text("litreview.bib")
    assert third.text("litreview-rl.bib") == clean_build.text("litreview-rl.bib")
