"""The episode directive as a reader sees it, in reST and MyST."""

from __future__ import annotations

import re

import pytest

from tests.helpers import body

ROOTS = ["basic", "basic-myst"]


def _episode_block(html: str, ep_id: str) -> str:
    match = re.search(rf'<section class="lit-episode" id="episode-{ep_id}">.*?</section>', html, re.S)
    assert match, f"no episode block for {ep_id}"
    return match.group(0)


@pytest.mark.parametrize("root", ROOTS)
def test_episode_renders_id_title_metadata_and_body(built, root):
    html = built(root).html("episodes")
    block = _episode_block(html, "E026")
    assert (
        '<h2><a class="lit-episode-id reference internal" href="#episode-E026">E026</a> '
        '<span class="lit-episode-title">RL mostly re-weights what the base model already knew</span>'
        '<a class="headerlink" href="#episode-E026" title="Link to this heading">¶</a></h2>'
    ) in block
    assert '<span class="lit-date">2025-06-14</span>' in block
    # each person links to their entry in the Author index, as written
    assert (
        '<span class="lit-authors"><a class="reference internal" href="lit-authorindex.html#author-jane-doe">'
        '<span class="lit-author">Jane Doe</span></a>, '
        '<a class="reference internal" href="lit-authorindex.html#author-wei-zhang">'
        '<span class="lit-author">Wei Zhang</span></a></span>'
    ) in block
    assert '<a class="reference external" href="https://example.org/papers/e026">example.org</a>' in block
    assert '<a class="reference external" href="https://example.com/talk">example.com</a>' in block
    assert "Tags: " in block
    assert '<span class="pre">token-entropy</span>' in block
    assert "<strong>Takeaway:</strong> A contrastive steer on 50 problems" in block
    # the body is parsed by the page's own parser
    assert "RL-trained and base models agree on" in block


def test_myst_body_is_parsed_as_markdown(built):
    block = _episode_block(built("basic-myst").html("episodes"), "E026")
    assert "agree on <strong>most</strong> tokens" in block


@pytest.mark.parametrize("root", ROOTS)
def test_doi_and_arxiv_become_links(built, root):
    html = built(root).html("episodes")
    assert 'href="https://doi.org/10.1234/rl.2025.26">doi:10.1234/rl.2025.26</a>' in html
    assert 'href="https://arxiv.org/abs/2503.01234">arXiv:2503.01234</a>' in html


@pytest.mark.parametrize("root", ROOTS)
def test_date_is_shown_as_written(built, root):
    html = built(root).html("episodes")
    assert '<span class="lit-date">2025-03</span>' in _episode_block(html, "E011")
    assert '<span class="lit-date">2024</span>' in _episode_block(html, "E009")


@pytest.mark.parametrize("root", ROOTS)
def test_topics_in_metadata_link_to_the_topic_page(built, root):
    block = _episode_block(built(root).html("episodes"), "E011")
    assert re.search(
        r'Topics: <a class="reference internal" href="rl.html#topic-rl-reasoning"[^>]*>'
        r'<span class="xref lit lit-topic">Reinforcement learning for reasoning</span></a>',
        block,
    )


@pytest.mark.parametrize("root", ROOTS)
def test_cited_by_links_every_citing_page_and_episode(built, root):
    html = built(root).html("episodes")
    cited_by = re.search(r'<p class="lit-cited-by">.*?</p>', _episode_block(html, "E011"), re.S)
    assert cited_by
    text = re.sub(r"<[^>]+>", "", cited_by.group(0))
    # E026's body cites E011; so do the index page's and the topic page's prose
    assert text == "Cited by: E026, Basic review, Reinforcement learning for reasoning".replace(
        "Basic review", "Basic MyST review" if root.endswith("myst") else "Basic review"
    )
    assert 'href="#episode-E026"' in cited_by.group(0)
    assert 'href="rl.html"' in cited_by.group(0)


@pytest.mark.parametrize("root", ROOTS)
def test_self_citation_is_not_a_citation(built, root):
    block = _episode_block(built(root).html("episodes"), "E009")
    cited_by = re.search(r'<p class="lit-cited-by">.*?</p>', block, re.S)
    assert cited_by
    assert 'href="#episode-E009"' not in cited_by.group(0)


def test_backlinks_can_be_switched_off(built):
    html = built("basic", confoverrides={"litreview_backlinks": False}).html("episodes")
    assert "lit-cited-by" not in html
    assert "Cited by" not in html


@pytest.mark.parametrize("root", ROOTS)
def test_clean_review_builds_without_warnings(built, root):
    assert built(root).warnings == []


def test_episode_pages_need_no_toctree_entry(built):
    # episodes.md is in no toctree, yet Sphinx does not complain
    assert built("lists").warnings == []


def test_toctree_warning_comes_back_when_asked(built):
    result = built("lists", confoverrides={"litreview_episode_pages_in_toctree": True})
    # Sphinx 8.1 names no subtype for this warning; 8.2 and later add [toc.not_included]
    assert [w.removesuffix(" [toc.not_included]") for w in result.warnings] == [
        "episodes.md: WARNING: document isn't included in any toctree"
    ]


def test_episode_block_keeps_page_order(built):
    html = body(built("basic").html("episodes"))
    assert html.index("episode-E026") < html.index("episode-E011") < html.index("episode-E009")


def test_two_sources_on_one_host_are_told_apart(built):
    html = built("escaping").html("md")
    assert (
        '<a class="reference external" href="https://example.org/papers/a">example.org/papers/a</a>' in html
    )
    assert '<a class="reference external" href="https://example.org/slides">example.org/slides</a>' in html
    assert '<a class="reference external" href="https://example.com/x">example.com</a>' in html


def test_prefixed_directives_and_roles(built):
    result = built("prefixed")
    assert result.warnings == []
    index = body(result.html("index"))
    assert 'id="episode-E1"' in index
    assert re.search(
        r'<p class="lit-topic-header"[^>]*>Literature review · 2 episodes · <a [^>]*>BibTeX</a></p>', index
    )
    # the citation, the anchoring list, the filtered list; the heading's ID and its permalink
    assert index.count('href="#episode-E1"') == 5
    # the two lists, and the toctree's entry for the episode, a heading of md.html
    assert index.count('href="md.html#episode-E2"') == 3
    assert "Prefixed spellings — 2 episodes, 1 cited" in re.sub(r"<[^>]+>", "", index)
    md = body(result.html("md"))
    assert 'id="episode-E2"' in md
    assert '<span class="xref lit lit-topic">Prefixed spellings</span>' in md
