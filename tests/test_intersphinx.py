"""Another project cites this review's episodes and topics through objects.inv."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOTS
from tests.helpers import body, build


@pytest.fixture
def citing_src(built, tmp_path: Path) -> Path:
    """The citing project, with the `basic` review's inventory beside its conf.py."""
    shutil.copytree(ROOTS / "test-intersphinx", tmp_path, dirs_exist_ok=True)
    shutil.copy(built("basic").outdir / "objects.inv", tmp_path / "review-objects.inv")
    return tmp_path


def test_another_project_cites_episodes_through_intersphinx(citing_src):
    citing = build(citing_src)

    assert citing.warnings == []
    html = body(citing.html("index"))
    assert 'href="https://review.example/episodes.html#episode-E026"' in html
    assert ">E026<" in html
    assert 'href="https://review.example/episodes.html#episode-E011"' in html
    assert ">the bridge study<" in html
    assert 'href="https://review.example/rl.html#topic-rl-reasoning"' in html
    assert ">Reinforcement learning for reasoning<" in html
    assert 'href="https://review.example/episodes.html#episode-E009"' in html


def test_unknown_external_episode_warns(citing_src):
    (citing_src / "index.rst").write_text("Title\n=====\n\n:external+review:lit:ep:`E999`\n")

    citing = build(citing_src)

    assert len(citing.warnings) == 1
    assert citing.warnings[0].startswith("index.rst:4: WARNING:")
    assert "external lit:ep reference target not found: E999" in citing.warnings[0]


def test_a_review_cites_another_review(built, tmp_path):
    """Both projects are reviews: local citations resolve locally, the other's through objects.inv."""
    other = built("basic")
    shutil.copytree(ROOTS / "test-basic-myst", tmp_path, dirs_exist_ok=True)
    shutil.copy(other.outdir / "objects.inv", tmp_path / "other-objects.inv")
    with (tmp_path / "conf.py").open("a") as conf:
        conf.write(
            'extensions.append("sphinx.ext.intersphinx")\n'
            'intersphinx_mapping = {"other": ("https://other.example/", "other-objects.inv")}\n'
        )
    with (tmp_path / "rl.md").open("a") as page:
        page.write(
            "\nThe other review's {external+other:lit:ep}`E026` and {external+other:lit:topic}`rl-reasoning`.\n"
        )

    citing = build(tmp_path)

    assert citing.warnings == []
    html = body(citing.html("rl"))
    # the local E026 and the other review's E026 are different links
    assert 'href="episodes.html#episode-E026"' in html
    assert 'href="https://other.example/episodes.html#episode-E026"' in html
    assert 'href="https://other.example/rl.html#topic-rl-reasoning"' in html
