"""The record of what each builder's pages show is the builder's own, and survives a failed write.

Several builders share one doctree folder (``sphinx-build -M html``, then
``-M latexpdf``), and a build can stop half-way through writing; either way,
the next build of a builder must re-write every page whose displayed views
changed since *that builder* last wrote it successfully.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.helpers import build, diff_pages, rebuild
from tests.test_incremental import MYST_DEPRECATION, ROOTS, Tree, _copy, pages, retitle_episode

pytestmark = MYST_DEPRECATION

NEW_TITLE = "Stated confidence follows accuracy, mostly"


@pytest.mark.parametrize("fmt", ["rst", "myst"])
def test_another_builder_in_between_does_not_take_the_html_rewrites(tmp_path: Path, fmt: str) -> None:
    tree = Tree(_copy(ROOTS / f"test-review-{fmt}", tmp_path / "incremental"), fmt)
    first = build(tree.srcdir)  # _build/html and _build/doctrees, as `sphinx-build -M html`
    retitle_episode(tree)
    rebuild(first, "latex")  # `-M latexpdf` reads the edit into the shared environment
    again = rebuild(first, "html")
    clean = build(_copy(tree.srcdir, tmp_path / "clean"))
    assert NEW_TITLE in again.html("calibration")
    diff = diff_pages(pages(again), pages(clean))
    assert not diff, diff


def test_the_latex_build_after_an_html_build_shows_the_edit(tmp_path: Path) -> None:
    tree = Tree(_copy(ROOTS / "test-review-rst", tmp_path / "incremental"), "rst")
    first = build(tree.srcdir, "latex")
    rebuild(first, "html")
    retitle_episode(tree)
    rebuild(first, "html")
    latex = rebuild(first, "latex")
    clean = build(_copy(tree.srcdir, tmp_path / "clean"), "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex == next(clean.outdir.glob("*.tex")).read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["rst", "myst"])
def test_a_build_interrupted_while_writing_leaves_its_rewrites_for_the_next(tmp_path: Path, fmt: str) -> None:
    tree = Tree(_copy(ROOTS / f"test-review-{fmt}", tmp_path / "incremental"), fmt)
    first = build(tree.srcdir)
    retitle_episode(tree)

    # Ctrl-C while writing: Sphinx keeps the environment it pickled before writing
    # (it deletes it only after an Exception), so the next build starts from it.
    def interrupt(app: object, pagename: str, *args: object) -> None:
        if pagename == "calibration":
            raise KeyboardInterrupt

    app = SphinxTestApp("html", srcdir=tree.srcdir, freshenv=False)
    app.connect("html-page-context", interrupt)
    try:
        with pytest.raises(KeyboardInterrupt):
            app.build()
    finally:
        app.cleanup()

    again = rebuild(first)
    clean = build(_copy(tree.srcdir, tmp_path / "clean"))
    assert NEW_TITLE in again.html("calibration")
    diff = diff_pages(pages(again), pages(clean))
    assert not diff, diff
