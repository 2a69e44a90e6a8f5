"""The ``litreview`` command: ``init`` writes a review that builds clean, ``new`` appends episodes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_litreview.cli import main
from sphinxcontrib_litreview.cli.project import next_id
from tests.helpers import body, build, require_tools, sphinx, visible
from tests.test_latex import _pdf_text

SYNTAXES = ["myst", "rst"]
#: every character that means something in Python, Markdown, reST or HTML
TITLE = 'Notes on *attention* & <b>`x`_ [1] "q" \\ $y$ {z}'


def litreview(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m sphinxcontrib_litreview``, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "sphinxcontrib_litreview", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=300,
    )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module", params=SYNTAXES)
def initialised(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp(f"init-{request.param}") / "my-review"
    proc = litreview("init", str(folder), "--syntax", request.param, "--title", TITLE)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return folder


# -- init -------------------------------------------------------------------------------------


def test_init_writes_every_file_of_a_review(initialised):
    suffix = ".md" if (initialised / "index.md").exists() else ".rst"
    pages = {
        f"{stem}{suffix}" for stem in ("index", "topics", "pretrained-transformers", "episodes", "glossary")
    }
    assert {p.name for p in initialised.iterdir()} == pages | {"conf.py", "README.md", ".gitignore"}
    readme = (initialised / "README.md").read_text()
    for command in (
        "sphinx-build -W -n -b html . _build/html",
        "sphinx-build -M latexpdf . _build -W -n",
        "sphinx-build -b linkcheck . _build/linkcheck",
        "litreview new",
    ):
        assert command in readme
    assert "_build/" in (initialised / ".gitignore").read_text().splitlines()
    conf = (initialised / "conf.py").read_text()
    assert 'html_theme = "furo"' in conf
    assert ('"myst_parser"' in conf) == (suffix == ".md")


def test_init_review_builds_clean_with_sphinx_build(initialised, tmp_path):
    out = tmp_path / "html"
    proc = sphinx("-W", "-n", "-q", "-b", "html", str(initialised), str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    home = (out / "index.html").read_text()
    assert "furo" in home
    # the title, with every special character, is shown as written, escaped once
    assert "Notes on *attention* &amp; &lt;b&gt;`x`_ [1]" in home
    topic = visible(body((out / "pretrained-transformers.html").read_text()))
    assert "Literature review · 2 episodes" in topic
    assert "← all topics · Glossary →" in topic
    episodes = visible((out / "episodes.html").read_text())
    assert "E001 Attention is all you need" in episodes
    assert "Cited by: E002, Pretrained transformers" in episodes
    glossary = visible((out / "glossary.html").read_text())
    assert "Used in:" in glossary
    data = json.loads((out / "litreview.json").read_text())
    assert sorted(data["episodes"]) == ["E001", "E002"]
    assert data["topics"]["pretrained-transformers"]["anchors"] == ["E001", "E002"]


def test_init_review_builds_a_pdf(initialised, tmp_path):
    require_tools("latexmk", "pdflatex", "pdftotext")
    proc, text = _pdf_text(initialised, tmp_path / "out", "-W", "-n")
    assert proc.stderr == ""
    assert "Literature review · 2 episodes" in text
    assert "Attention is all you need" in text
    assert "Łukasz Kaiser" in text


def test_init_refuses_to_overwrite_and_touches_nothing(tmp_path):
    folder = tmp_path / "review"
    folder.mkdir()
    (folder / "index.md").write_text("# Mine\n")
    (folder / "notes.txt").write_text("keep\n")
    before = snapshot(folder)
    proc = litreview("init", str(folder))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert f"refusing to overwrite {folder / 'index.md'}; nothing was written" in proc.stderr
    assert snapshot(folder) == before


def test_init_names_every_file_it_would_overwrite(tmp_path):
    (tmp_path / "conf.py").write_text("")
    (tmp_path / ".gitignore").write_text("")
    proc = litreview("init", str(tmp_path), "--syntax", "rst")
    assert proc.returncode == 2
    assert f"{tmp_path / '.gitignore'}, {tmp_path / 'conf.py'}" in proc.stderr
    assert not (tmp_path / "index.rst").exists()


def test_init_into_a_file_is_an_error(tmp_path):
    (tmp_path / "file").write_text("x")
    proc = litreview("init", str(tmp_path / "file"))
    assert proc.returncode == 2
    assert proc.stderr == f"litreview init: error: {tmp_path / 'file'} exists and is not a folder\n"


def test_init_takes_its_default_title_from_the_folder(tmp_path):
    assert main(["init", str(tmp_path / "my-first_review"), "--syntax", "rst"]) == 0
    index = (tmp_path / "my-first_review" / "index.rst").read_text()
    assert index.startswith("My first review\n===============\n")


# -- help and entry points --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [((), "start a new review in a folder"), (("init",), "--syntax {myst,rst}"), (("new",), "--page FILE")],
)
def test_every_subcommand_has_help(args, expected):
    proc = litreview(*args, "--help")
    assert proc.returncode == 0, proc.stderr
    assert expected in proc.stdout


def test_console_script_is_the_same_command():
    script = Path(sys.executable).parent / "litreview"
    proc = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=True)
    assert proc.stdout == litreview("--version").stdout
    assert proc.stdout.startswith("litreview 0.")


def test_a_bad_command_line_is_exit_status_2():
    proc = litreview("init", "a", "--syntax", "latex")
    assert proc.returncode == 2
    assert "invalid choice: 'latex'" in proc.stderr


# -- new ----------------------------------------------------------------------------------------


def _episode(syntax: str, ep_id: str) -> str:
    if syntax == "myst":
        return f"```{{episode}} {ep_id}\n:title: Paper {ep_id}\n```\n\n"
    return f".. episode:: {ep_id}\n   :title: Paper {ep_id}\n\n"


def make_review(folder: Path, syntax: str, ids: list[str], conf: str = "") -> Path:
    """A review whose episodes page holds *ids*; orphans are fine here."""
    folder.mkdir(parents=True, exist_ok=True)
    extensions = (
        '["myst_parser", "sphinxcontrib_litreview"]' if syntax == "myst" else '["sphinxcontrib_litreview"]'
    )
    (folder / "conf.py").write_text(
        f'extensions = {extensions}\nsuppress_warnings = ["litreview.orphan"]\n{conf}'
    )
    suffix = ".md" if syntax == "myst" else ".rst"
    heading = "# Home\n" if syntax == "myst" else "Home\n====\n"
    (folder / f"index{suffix}").write_text(heading)
    page = folder / f"episodes{suffix}"
    head = "# Episodes\n\n" if syntax == "myst" else "Episodes\n========\n\n"
    page.write_text(head + "".join(_episode(syntax, i) for i in ids))
    return page


def new(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return litreview("new", *args, cwd=folder)


@pytest.mark.parametrize("syntax", SYNTAXES)
@pytest.mark.parametrize(
    ("ids", "expected"),
    [([f"E{n}" for n in range(1, 10)], "E10"), ([f"E{n:04}" for n in range(1, 127)], "E0127")],
    ids=["E1-E9", "E0001-E0126"],
)
def test_new_appends_the_next_free_id_and_the_build_shows_it(tmp_path, syntax, ids, expected):
    page = make_review(tmp_path, syntax, ids)
    before = page.read_text()
    proc = new(tmp_path, "--title", "A *new* paper")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{expected}\n"
    after = page.read_text()
    assert after.startswith(before)
    result = build(tmp_path)
    assert result.warnings == []
    html = visible(body(result.html("episodes")))
    assert f"{expected} A *new* paper" in html
    assert list(json.loads(result.text("litreview.json"))["episodes"])[-1] == expected


def test_new_in_an_initialised_review_builds_clean(tmp_path):
    assert main(["init", str(tmp_path), "--syntax", "rst"]) == 0
    proc = new(tmp_path, "--title", "GPT-2", "--topics", "pretrained-transformers")
    assert proc.stdout == "E003\n", proc.stderr
    out = tmp_path / "_build" / "html"
    run = sphinx("-W", "-n", "-q", "-b", "html", str(tmp_path), str(out))
    assert run.returncode == 0, run.stderr
    topic = visible(body((out / "pretrained-transformers.html").read_text()))
    assert "Literature review · 3 episodes" in topic
    assert "E003 GPT-2" in topic


def test_new_honours_the_width_of_the_id_pattern(tmp_path):
    make_review(tmp_path, "rst", [], conf='litreview_id_pattern = r"EP\\d{4}"\n')
    assert new(tmp_path, "--page", "episodes.rst").stdout == "EP0001\n"
    assert new(tmp_path).stdout == "EP0002\n"
    assert build(tmp_path).warnings == []


@pytest.mark.parametrize(
    ("ids", "pattern", "expected"),
    [
        ([], r"E\d+", "E1"),
        (["E7", "E10", "E9"], r"E\d+", "E11"),
        (["E009"], r"E\d+", "E010"),
        (["E999"], r"E\d{3,}", "E1000"),
        (["E0009", "X1", "bad"], r"E\d+", "E0010"),
        (["E1²"], r"E\d+", "E1"),
    ],
)
def test_next_id(ids, pattern, expected):
    assert next_id(ids, pattern) == expected


def test_new_says_when_the_pattern_has_no_room(tmp_path):
    page = make_review(tmp_path, "myst", ["E999"], conf='litreview_id_pattern = r"E\\d{3}"\n')
    before = page.read_text()
    proc = new(tmp_path)
    assert proc.returncode == 2
    assert "cannot make the ID after E999 that matches litreview_id_pattern" in proc.stderr
    assert page.read_text() == before


def test_new_goes_to_the_episodes_page_changed_last(tmp_path):
    older = make_review(tmp_path, "myst", ["E1", "E2"])
    newer = tmp_path / "more.rst"
    newer.write_text("More\n====\n\n" + _episode("rst", "E3"))
    os.utime(older, ns=(1_000_000_000, 1_000_000_000))
    assert new(tmp_path).stdout == "E4\n"
    assert ".. episode:: E4\n   :title: Untitled\n" in newer.read_text()
    os.utime(newer, ns=(500_000_000, 500_000_000))
    assert new(tmp_path, "--title", "Back").stdout == "E5\n"
    assert "```{episode} E5\n:title: Back\n" in older.read_text()


def test_new_counts_ids_on_every_page_and_in_every_spelling(tmp_path):
    make_review(tmp_path, "myst", ["E1"])
    (tmp_path / "other.md").write_text("# Other\n\n:::{lit:episode} E40\n:title: T\n:::\n")
    (tmp_path / "old.rst").write_text("Old\n===\n\n.. lit:episode:: E41\n   :title: T\n")
    assert new(tmp_path, "--page", "episodes.md").stdout == "E42\n"


def test_new_creates_a_named_page_that_does_not_exist(tmp_path):
    make_review(tmp_path, "myst", ["E1"])
    proc = new(tmp_path, "--page", "episodes-2026.md", "--key", "smith2024", "--title", "T")
    assert proc.stdout == "E2\n", proc.stderr
    text = (tmp_path / "episodes-2026.md").read_text()
    assert text.startswith("# Episodes\n\n```{episode} E2\n:title: T\n:key: smith2024\n")


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        ("none", (), "no conf.py in {dir} or any folder above it"),
        ("plain", (), "{dir}/conf.py does not list 'sphinxcontrib_litreview' in extensions: not a review"),
        ("broken", (), "cannot read {dir}/conf.py: There is a syntax error in your configuration file"),
        ("review", ("--page", "sub"), "{dir}/sub is not a file"),
        ("review", ("--page", "notes.txt"), "{dir}/notes.txt is not a source of the review"),
        ("review", ("--page", "_build/x.md"), "{dir}/_build/x.md is not a source of the review"),
        ("review", ("--title", " "), "--title must not be empty"),
        ("empty", (), "no page of {dir} holds an episode yet; name one with --page"),
    ],
)
def test_new_errors_are_one_line_exit_2_and_write_nothing(tmp_path, setup, args, message):
    folder = tmp_path / "r"
    folder.mkdir()
    if setup == "plain":
        (folder / "conf.py").write_text("extensions = []\n")
    elif setup == "broken":
        (folder / "conf.py").write_text("extensions = [\n")
    elif setup in {"review", "empty"}:
        make_review(
            folder, "myst", [] if setup == "empty" else ["E1"], conf='exclude_patterns = ["_build"]\n'
        )
        (folder / "sub").mkdir()
        (folder / "notes.txt").write_text("x")
        (folder / "_build").mkdir()
        (folder / "_build" / "x.md").write_text("# x\n")
    before = snapshot(tmp_path)
    proc = new(folder, *args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith(f"litreview new: error: {message.format(dir=folder)}")
    assert proc.stderr.count("\n") == 1
    assert snapshot(tmp_path) == before


def test_the_docs_show_every_subcommands_help(docs_html):
    from sphinxcontrib_litreview.cli import COMMANDS

    page = visible((docs_html / "usage" / "command-line.html").read_text())
    for command in COMMANDS:
        assert f"usage: litreview {command.NAME} [-h]" in page
    quickstart = visible((docs_html / "quickstart.html").read_text())
    assert "Your first review in five minutes" in quickstart
    assert "$ litreview init my-review" in quickstart


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_new_writes_any_title_so_that_it_is_shown_as_written(tmp_path, syntax):
    make_review(tmp_path, syntax, ["E1"])
    titles = ['"Quoted" rest', "Key: value #1", "'single' and ''double''", "- a list?", "{braces} & <b>"]
    for title in titles:
        assert new(tmp_path, "--title", title).returncode == 0
    result = build(tmp_path)
    assert result.warnings == []
    episodes = json.loads(result.text("litreview.json"))["episodes"]
    assert [episodes[f"E{n}"]["title"] for n in range(2, 2 + len(titles))] == titles
