"""Parallel builds (``-j 2``) give the same pages and warnings as serial ones.

Under ``-j`` Sphinx reads the sources in chunks, each in its own process, and
merges every chunk's environment into the main one (``merge_domaindata``):
whatever the extension learns while reading must survive that merge, and the
checks over the whole review must see every chunk.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import pytest
from sphinx.util.parallel import make_chunks, parallel_available

from tests.helpers import ANSI, Build, build, diff_pages, html_pages, rebuild
from tests.test_incremental import (
    MYST_DEPRECATION,
    Tree,
    delete_cited_episode,
    move_episode,
    rename_topic_slug,
)

ROOTS = Path(__file__).parent / "roots"

pytestmark = [
    pytest.mark.skipif(not parallel_available, reason="no multiprocessing fork on this platform"),
    MYST_DEPRECATION,
]


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("_build"))
    return dst


def _chunks_read(result: Build) -> list[str]:
    """What the status shows for each chunk read: ``a .. d`` for several pages, ``a`` for one."""
    return re.findall(r"reading sources\.\.\. \[ *\d+%\] (\S+(?: \.\. \S+)?)", ANSI.sub("", result.status))


def _outputs(result: Build) -> dict[str, str]:
    """Every HTML page, and the review's export for other tools."""
    outputs = html_pages(result)
    export = result.outdir / "litreview.json"
    if export.exists():
        outputs[export.name] = export.read_text(encoding="utf-8")
    return outputs


def _assert_same(parallel: Build, serial: Build) -> None:
    # Sphinx's own test for reading in parallel (Builder.read): otherwise -j 2 reads serially.
    assert parallel.app.parallel == 2
    assert parallel.app.is_parallel_allowed("read")
    # Byte for byte: nothing may depend on which process read which page.
    diff = diff_pages(_outputs(parallel), _outputs(serial))
    assert not diff, diff
    # Chunks are read in other processes, whose log records the main process
    # replays when each chunk is merged, in whichever order the chunks finish:
    # the warnings are the same, but their order need not be.
    assert sorted(parallel.warnings) == sorted(serial.warnings)


@pytest.mark.needs_dot  # the roots draw graphs, and must build clean
@pytest.mark.parametrize("root", ["review-rst", "review-myst"])
def test_parallel_build_equals_serial_build(tmp_path: Path, root: str) -> None:
    serial = build(_copy(ROOTS / f"test-{root}", tmp_path / "serial"))
    parallel = build(_copy(ROOTS / f"test-{root}", tmp_path / "parallel"), parallel=2)
    assert serial.warnings == []
    assert len(_chunks_read(parallel)) == 3  # 7 pages: 3 + 3 + 1
    _assert_same(parallel, serial)


@pytest.mark.parametrize("fmt", ["rst", "myst"])
def test_parallel_build_equals_serial_build_with_warnings(tmp_path: Path, fmt: str) -> None:
    """A broken review: warnings from reading, resolving and the whole-review checks all come through."""
    tree = Tree(_copy(ROOTS / f"test-review-{fmt}", tmp_path / "serial"), fmt)
    delete_cited_episode(tree)  # every citation of E2 is missing
    rename_topic_slug(tree)  # unknown topics
    orphan = tree.episode("E9", [":title: Nobody cites this", ":date: 2025-13"], "Alone.")
    tree.write("episodes-b", tree.read("episodes-b") + "\n" + orphan)  # a bad date, an orphan
    serial = build(tree.srcdir)
    parallel = build(_copy(tree.srcdir, tmp_path / "parallel"), parallel=2)
    assert {w.rsplit("[", 1)[1] for w in serial.warnings} >= {
        "litreview.missing]",
        "litreview.topic]",
        "litreview.orphan]",
        "litreview.metadata]",
    }
    _assert_same(parallel, serial)


@pytest.mark.parametrize("fmt", ["rst", "myst"])
def test_parallel_incremental_build_equals_clean_build(tmp_path: Path, fmt: str) -> None:
    """Re-reading two pages in two chunks merges them into the previous environment exactly."""
    tree = Tree(_copy(ROOTS / f"test-review-{fmt}", tmp_path / "incremental"), fmt)
    first = build(tree.srcdir, parallel=2)
    move_episode(tree)  # episodes-a and episodes-b: one chunk each
    incremental = rebuild(first, parallel=2)
    assert sorted(_chunks_read(incremental)) == ["episodes-a", "episodes-b"]
    clean = build(_copy(tree.srcdir, tmp_path / "clean"))
    _assert_same(incremental, clean)


def test_duplicate_across_chunks_warns_as_in_a_serial_build(tmp_path: Path) -> None:
    srcdir = _copy(ROOTS / "test-duplicate-parallel", tmp_path / "serial")
    # Sphinx reads the sorted docnames in chunks (Builder._read_parallel,
    # sphinx.util.parallel.make_chunks): the two declarations of E1 must be
    # read by different processes for this test to mean anything.
    docnames = sorted(p.stem for p in srcdir.glob("*.rst"))
    chunks = make_chunks(docnames, 2)
    assert len(chunks) > 1
    assert next(i for i, c in enumerate(chunks) if "ep-01" in c) != next(
        i for i, c in enumerate(chunks) if "ep-07" in c
    )

    serial = build(srcdir)
    parallel = build(_copy(ROOTS / "test-duplicate-parallel", tmp_path / "parallel"), parallel=2)
    assert _chunks_read(parallel) == ["ep-01 .. ep-04", "ep-05 .. index"]
    duplicate = (
        "ep-07.rst:6: WARNING: duplicate episode ID E1: also declared at ep-01.rst:4; "
        "citations go to that one [litreview.duplicate]"
    )
    assert serial.warnings == [duplicate]
    _assert_same(parallel, serial)

    # Re-reading both declarations, again in two chunks, warns again.
    for docname in ("ep-01", "ep-07"):
        path = parallel.srcdir / f"{docname}.rst"
        path.write_text(path.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
        bumped = time.time() + 2
        os.utime(path, (bumped, bumped))
    again = rebuild(parallel, parallel=2)
    assert sorted(_chunks_read(again)) == ["ep-01", "ep-07"]
    assert again.warnings == [duplicate]
