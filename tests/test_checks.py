"""Every bad input is a located, suppressible warning, and the build goes on."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOTS
from tests.helpers import body

RST_WARNINGS = [
    "episodes.rst:12: WARNING: episode E002: :date: '2025-02-30' is not a real date "
    "(day is out of range for month) [litreview.metadata]",
    "episodes.rst:17: WARNING: episode E003: :source: 'javascript:alert(1)' is not an http(s) URL; "
    "it is left out [litreview.metadata]",
    "episodes.rst:17: WARNING: episode E003: :source: 'ftp://example.org/x' is not an http(s) URL; "
    "it is left out [litreview.metadata]",
    "episodes.rst:20: WARNING: episode E004 has no :title: [litreview.metadata]",
    "episodes.rst:25: WARNING: episode has no ID; it cannot be cited or listed [litreview.metadata]",
    "episodes.rst:28: WARNING: episode ID 'X5' does not match litreview_id_pattern 'E\\\\d+' [litreview.id]",
    "episodes.rst:43: WARNING: episode E007: :date: 'June 2025' is not an ISO date "
    "(YYYY, YYYY-MM or YYYY-MM-DD) [litreview.metadata]",
    "episodes.rst:41: WARNING: episode E007: :doi: 'not-a-doi' is not a valid doi identifier "
    "[litreview.metadata]",
    "episodes.rst:42: WARNING: episode E007: :arxiv: 'nope' is not a valid arxiv identifier "
    "[litreview.metadata]",
    "topic.rst:6: WARNING: this page already declares topic 'rl'; a page is about one topic, "
    "so 'other' is declared here too [litreview.topic]",
    "topic.rst:9: WARNING: episode-list: :since: '2025-13' is not a real date (month must be in 1..12); "
    "the filter is ignored [litreview.metadata]",
    "topic.rst:10: WARNING: episode-list: :sort: must be one of id, date, -date, title, added, -added, "
    "not 'sideways'; "
    "using 'id' [litreview.metadata]",
    "topic.rst:11: WARNING: episode-list: :limit: must be a positive whole number, not '-3'; "
    "the list is not limited [litreview.metadata]",
    "topic.rst:12: WARNING: episode-list: :style: must be one of list, table, not 'grid'; "
    "using 'list' [litreview.metadata]",
    "episodes.rst:46: WARNING: duplicate episode ID E001: also declared at episodes.rst:4; "
    "citations go to that one [litreview.duplicate]",
    "topic.rst:4: WARNING: topic 'rl' is declared twice: also at again.rst:6 [litreview.topic]",
    "episodes.rst:32: WARNING: episode E061 is an orphan: nothing cites it and it anchors no topic "
    "[litreview.orphan]",
    "episodes.rst:37: WARNING: unknown topic 'rl-reasonig'; no topic-summary declares it [litreview.topic]",
    "index.rst:8: WARNING: citation of unknown episode 'E062' (did you mean E061?) [litreview.missing]",
    "index.rst:8: WARNING: citation of unknown episode 'E999' [litreview.missing]",
    "index.rst:8: WARNING: citation of unknown episode 'e001' (did you mean E001?) [litreview.missing]",
    "index.rst:8: WARNING: unknown topic 'nowhere'; no topic-summary declares it (did you mean other?) "
    "[litreview.topic]",
    # checked once every page is read, yet reported at the option's own line
    "topic.rst:13: WARNING: episode-list: :cited-in: 'nowhere' is not a document [litreview.metadata]",
    "topic.rst:15: WARNING: unknown topic 'missing-topic'; no topic-summary declares it [litreview.topic]",
    "topic.rst:18: WARNING: episode-list: no episode has the tag 'rl' [litreview.metadata]",
    "topic.rst:19: WARNING: unknown topic 'rl-reasonig'; no topic-summary declares it [litreview.topic]",
]

MYST_WARNINGS = [
    "episodes.md:12: WARNING: episode E002: :date: '2025-02-30' is not a real date "
    "(day is out of range for month) [litreview.metadata]",
    "episodes.md:18: WARNING: episode E003: :source: 'javascript:alert(1)' is not an http(s) URL; "
    "it is left out [litreview.metadata]",
    "episodes.md:26: WARNING: duplicate episode ID E001: also declared at episodes.md:3; "
    "citations go to that one [litreview.duplicate]",
    "episodes.md:22: WARNING: episode E061 is an orphan: nothing cites it and it anchors no topic "
    "[litreview.orphan]",
    "index.md:7: WARNING: citation of unknown episode 'E062' (did you mean E061?) [litreview.missing]",
    "index.md:7: WARNING: citation of unknown episode 'E999' [litreview.missing]",
    "index.md:7: WARNING: unknown topic 'nowhere'; no topic-summary declares it [litreview.topic]",
    "topic.md:7: WARNING: episode-list: no episode has the tag 'rl' [litreview.metadata]",
    "topic.md:8: WARNING: unknown topic 'rl-reasonig'; no topic-summary declares it [litreview.topic]",
    "topic.md:9: WARNING: episode-list: :cited-in: 'nowhere' is not a document [litreview.metadata]",
]


def test_each_bad_input_is_a_located_warning(built):
    assert sorted(built("checks").warnings) == sorted(RST_WARNINGS)


def test_each_bad_input_is_a_located_warning_in_myst(built):
    assert sorted(built("checks-myst").warnings) == sorted(MYST_WARNINGS)


def test_pages_with_bad_input_still_build(built):
    result = built("checks")
    episodes = body(result.html("episodes"))
    assert "The page goes on after the episodes." in episodes
    # every episode block is there, bad ones included
    # a section each, but the episodes that cannot be cited, which have no ID to carry
    assert episodes.count('<section class="lit-episode"') == 9
    assert episodes.count('class="lit-episode docutils container"') == 1
    assert "Nobody cites me" in episodes
    assert 'href="https://example.org/ok"' in episodes
    assert "javascript:" not in episodes
    assert "ftp://" not in episodes
    assert "2025-02-30" not in episodes
    index = body(result.html("index"))
    assert "After the bad citations the page goes on." in index
    # an unresolved citation stays readable text
    assert '<span class="xref lit lit-ep">E999</span>' in index


def test_citations_of_a_duplicate_go_to_the_first_declaration(built):
    html = body(built("checks").html("episodes"))
    assert 'href="#episode-E001" title="Good one"' in html


def test_an_id_outside_the_pattern_is_still_an_episode(built):
    html = body(built("checks").html("episodes"))
    assert 'id="episode-X5"' in html


def test_a_custom_id_pattern(built):
    result = built("checks", confoverrides={"litreview_id_pattern": r"[A-Z]\d+"})
    assert not result.warnings_of("id")


@pytest.mark.parametrize("subtype", ["missing", "duplicate", "id", "topic", "metadata", "orphan"])
def test_suppress_warnings_silences_exactly_one_subtype(built, subtype):
    everything = built("checks").warnings
    result = built("checks", confoverrides={"suppress_warnings": [f"litreview.{subtype}"]})
    expected = [w for w in everything if not w.endswith(f"[litreview.{subtype}]")]
    assert len(expected) < len(everything)
    assert sorted(result.warnings) == sorted(expected)


def test_suppress_all_litreview_warnings(built):
    assert built("checks", confoverrides={"suppress_warnings": ["litreview"]}).warnings == []


def _sphinx_build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *args], capture_output=True, text=True, check=False
    )


def test_fail_on_warning_fails_the_build_but_writes_every_page(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-checks", src)
    proc = _sphinx_build("-W", "-q", "-b", "html", str(src), str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "[litreview.duplicate]" in proc.stderr
    for page in ("index", "episodes", "topic"):
        assert (tmp_path / "out" / f"{page}.html").exists()


def test_clean_review_passes_fail_on_warning(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic-myst", src)
    proc = _sphinx_build("-W", "-n", "-q", "-b", "html", str(src), str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""


def test_each_citation_is_located_at_its_own_line(built):
    """docutils locates roles by paragraph; our citations carry their own line."""
    assert built("lines").warnings == [
        "index.rst:5: WARNING: citation of unknown episode 'E9' [litreview.missing]",
        "index.rst:6: WARNING: citation of unknown episode 'E8' [litreview.missing]",
        "index.rst:6: WARNING: citation of unknown episode 'E9' [litreview.missing]",
        "index.rst:9: WARNING: citation of unknown episode 'E7' [litreview.missing]",
        "index.rst:14: WARNING: citation of unknown episode 'E6' [litreview.missing]",
        "index.rst:16: WARNING: term not in glossary: 'nope' [ref.term]",
        "md.md:4: WARNING: citation of unknown episode 'E9' [litreview.missing]",
        "md.md:5: WARNING: citation of unknown episode 'E8' [litreview.missing]",
        "md.md:5: WARNING: citation of unknown episode 'E9' [litreview.missing]",
        "md.md:8: WARNING: citation of unknown episode 'E7' [litreview.missing]",
    ]
