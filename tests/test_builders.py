"""Every builder renders what the extension adds, with no warnings."""

from __future__ import annotations

import json
import re

import pytest

ROOTS = ["basic", "basic-myst"]
#: single-document outputs start from `book`, which adds the episode pages to the
#: web site's toctree (docs/large-reviews.md describes this layout)
BOOK = {"root_doc": "book"}
SINGLE = ("singlehtml", "epub", "man", "texinfo", "latex")


def _built(built, root, builder):
    return built(root, builder, confoverrides=BOOK) if builder in SINGLE else built(root, builder)


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("builder", ["dirhtml", "text", "json", "dummy", *SINGLE])
def test_builder_is_warning_free(built, root, builder):
    assert _built(built, root, builder).warnings == []


@pytest.mark.parametrize("root", ROOTS)
def test_text_builder_shows_header_lists_and_citations(built, root):
    result = built(root, "text")
    rl = " ".join(result.text("rl.txt").split())
    assert "Literature review · 2 episodes" in rl
    assert "← all topics" not in rl  # the navigation links pages of the web site: HTML only
    # the text writer stars cross-references, as it does for every Sphinx xref
    assert "RL is calibration on math *E026*, but not on bridge questions *E011*." in rl
    assert "* *E026* RL mostly re-weights what the base model already knew (2025-06-14) — A contrastive" in rl
    episodes = " ".join(result.text("episodes.txt").split())
    assert "**Cited by:** *E026*, Basic" in episodes
    assert "**Takeaway:** A contrastive steer" in episodes


@pytest.mark.parametrize("root", ROOTS)
def test_dirhtml_links_reach_their_anchors(built, root):
    result = built(root, "dirhtml")
    rl = (result.outdir / "rl" / "index.html").read_text()
    assert 'href="../episodes/#episode-E026"' in rl
    assert 'href="../topics/"' in rl
    episodes = (result.outdir / "episodes" / "index.html").read_text()
    assert 'id="episode-E026"' in episodes


@pytest.mark.parametrize("root", ROOTS)
def test_singlehtml_links_stay_on_the_one_page(built, root):
    html = _built(built, root, "singlehtml").html("book")
    targets = set(re.findall(r'href="#(episode-E\d+)"', html))
    assert targets == {"episode-E009", "episode-E011", "episode-E026"}
    for target in targets:
        assert f'id="{target}"' in html
    assert "Literature review · 2 episodes" in html
    assert "lit-episode-list" in html


@pytest.mark.parametrize("root", ROOTS)
def test_json_builder_carries_the_rendered_lists(built, root):
    result = built(root, "json")
    page = json.loads(result.text("rl.fjson"))
    assert "Literature review · 2 episodes" in page["body"]
    assert 'class="lit-episode-list' in page["body"]


@pytest.mark.parametrize("root", ROOTS)
def test_epub_contains_the_episode_blocks(built, root):
    result = _built(built, root, "epub")
    assert 'id="episode-E026"' in (result.outdir / "episodes.xhtml").read_text()


@pytest.mark.parametrize("root", ROOTS)
def test_man_and_texinfo_render_citations_as_text(built, root):
    man = next(_built(built, root, "man").outdir.glob("*.1")).read_text()
    assert "E026" in man
    assert "Literature review · 2 episodes" in man
    texinfo = next(_built(built, root, "texinfo").outdir.glob("*.texi")).read_text()
    assert "Literature review · 2 episodes" in texinfo
    assert "@anchor{episodes episode-E026}" in texinfo
    assert "@ref{" in texinfo
