"""The benchmark's generated reviews build clean in both flavours, so its figures compare like with like.

No timing here: speed is measured by ``benchmarks/run.py``, never asserted in tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from sphinxcontrib_litreview.bibliography.load import read_file
from tests.helpers import sphinx

GENERATE = Path(__file__).parent.parent / "benchmarks" / "generate.py"


def _generate_and_build(tmp_path: Path, *options: str) -> Path:
    """Generate a 40-episode review with *options*, build it -W -n as html; return its source folder."""
    src = tmp_path / "src"
    subprocess.run(
        [sys.executable, str(GENERATE), "--episodes", "40", "--topics", "3", *options, str(src)],
        check=True,
        capture_output=True,
    )
    proc = sphinx("-W", "-n", "-q", "-E", "-b", "html", str(src), str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return src


@pytest.mark.parametrize("syntax", ["myst", "rst"])
@pytest.mark.parametrize("flavour", ["litreview", "plain"])
def test_generated_review_builds_without_warnings(tmp_path, syntax, flavour):
    _generate_and_build(tmp_path, "--syntax", syntax, "--flavour", flavour)
    assert len(list((tmp_path / "out" / "episodes").glob("*.html"))) == 40


def test_generated_bibliography_reads_back_as_the_review(tmp_path):
    src = _generate_and_build(tmp_path, "--syntax", "rst", "--bib")
    parsed = read_file(src / "references.bib")
    assert parsed.problems == ()
    episodes = json.loads((tmp_path / "out" / "litreview.json").read_text())["episodes"]
    # the generator writes some family names with LaTeX accents (Ok{\\"a}f{\\"o}r); the pages have none
    assert [(e.key, e.title, e.date, [_ascii(p.text) for p in e.authors]) for e in parsed.entries] == [
        (ep_id.lower(), ep["title"], ep["date"], ep["authors"]) for ep_id, ep in sorted(episodes.items())
    ]
    assert all(e.arxiv and e.venue for e in parsed.entries)
    assert any(p.text != _ascii(p.text) for e in parsed.entries for p in e.authors)


def test_episodes_that_take_their_metadata_by_key_show_the_same_titles_and_dates(tmp_path):
    src = _generate_and_build(tmp_path, "--syntax", "myst", "--keys")
    keyed = json.loads((tmp_path / "out" / "litreview.json").read_text())["episodes"]
    assert "\n:key: e0001\n" in (src / "episodes" / "e0001.md").read_text()
    assert ":title:" not in (src / "episodes" / "e0001.md").read_text()
    written = tmp_path / "written"
    written.mkdir()
    _generate_and_build(written, "--syntax", "myst", "--bib")
    plain = json.loads((written / "out" / "litreview.json").read_text())["episodes"]
    # the entry has one URL, the arXiv link: the episode's first source
    assert [(e["title"], e["date"], e["sources"]) for e in keyed.values()] == [
        (e["title"], e["date"], e["sources"][:1]) for e in plain.values()
    ]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
