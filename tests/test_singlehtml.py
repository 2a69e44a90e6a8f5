"""The single HTML page: every episode is on it, and every ``#`` link lands on it."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pytest

from tests.conftest import ROOTS as ROOTS_DIR
from tests.helpers import Build, build, diff_pages, html_pages, rebuild

#: episode pages outside the toctree in each; `monthly` has thirty, in reST and MyST
ROOTS = ["basic", "basic-myst", "monthly"]


class _Anchors(HTMLParser):
    """The ids of a page and the fragment of every ``href="#…"`` on it."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.fragments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        href = found.get("href") or ""
        if href.startswith("#"):
            self.fragments.append(href[1:])


def _anchors(html: str) -> _Anchors:
    parser = _Anchors()
    parser.feed(html)
    return parser


def _page(result: Build) -> str:
    return result.html(result.app.config.root_doc)


@pytest.mark.parametrize("theme", ["basic", "alabaster", "furo"])
@pytest.mark.parametrize("root", ROOTS)
def test_every_link_of_the_single_page_reaches_an_id_on_it(built, root, theme):
    result = built(root, "singlehtml", confoverrides={"html_theme": theme})
    assert result.warnings == []
    page = _anchors(_page(result))
    assert len(page.fragments) > 20
    # "#" alone is the top of the page (the theme's home link)
    missed = sorted({f for f in page.fragments if f and f not in page.ids})
    assert missed == []


@pytest.mark.parametrize("root", ROOTS)
def test_episode_pages_outside_the_toctree_are_on_the_single_page(built, root):
    result = built(root, "singlehtml")
    html = _page(result)
    episodes = result.app.env.domains["lit"].review.episodes
    for ep_id in episodes:
        assert html.count(f'id="episode-{ep_id}"') == 1, ep_id
    # after the toctree's pages, as chapters of the root like them
    glossary = html.index('<span id="document-glossary"></span>')
    pages = re.findall(r'<span id="document-(episodes[^"]*)"></span><section id="[^"]+">\s*<h2>', html)
    assert pages
    assert html.index(f'id="document-{pages[0]}"') > glossary


def test_monthly_pages_follow_in_the_natural_order_of_their_names(built):
    html = _page(built("monthly", "singlehtml"))
    pages = re.findall(r'<span id="document-(episodes/[^"]*)"></span>', html)
    assert pages == sorted(pages)
    assert len(pages) == 30


@pytest.mark.parametrize("root", ROOTS)
def test_the_episode_index_is_a_section_of_the_single_page(built, root):
    result = built(root, "singlehtml")
    html = _page(result)
    assert "lit-episodeindex.html" not in html
    index = html[html.index('<section class="lit-index lit-episodeindex" id="lit-episodeindex">') :]
    assert "<h2>Episode index" in index
    # the :ref: to the index points at the section
    assert '<a class="reference internal" href="#lit-episodeindex"><span class="std std-ref">' in html
    for ep_id, episode in result.app.env.domains["lit"].review.episodes.items():
        assert (
            f'href="#episode-{ep_id}"><code class="docutils literal notranslate"><span class="pre">{ep_id}'
            in index
        )
        assert episode.title in index


def test_sphinx_own_links_lose_their_double_fragment(built):
    # sphinx-doc/sphinx#14221: Sphinx 9.0 writes "#document-glossary#term-entropy"
    html = _page(built("monthly", "singlehtml"))
    assert "#document-" not in "".join(re.findall(r'href="(#[^"]*#[^"]*)"', html))
    links = re.findall(r'<a class="reference internal" href="#([^"]+)"', html)
    assert "term-entropy" in links  # :term:
    assert "what-rl-does" in links  # :ref: into rl.md
    assert "document-glossary" in links  # :doc:
    # links to the root page (Cited by) land on its title
    assert '<section id="monthly-review">\n<span id="document-index"></span>' in html


def test_the_switch_that_drops_the_appendices_drops_them_here_too(built):
    result = built("monthly", "singlehtml", confoverrides={"litreview_manual_appendix": False})
    assert 'id="episode-E001"' not in _page(result)


def test_no_index_section_when_html_domain_indices_leaves_it_out(built):
    result = built("basic", "singlehtml", confoverrides={"html_domain_indices": ["py-modindex"]})
    assert 'id="lit-episodeindex"' not in _page(result)


def test_a_second_singlehtml_build_writes_the_same_page(tmp_path):
    shutil.copytree(ROOTS_DIR / "test-monthly", tmp_path, dirs_exist_ok=True)
    first = build(tmp_path, "singlehtml")
    expected = html_pages(first)
    second = rebuild(first, "singlehtml")
    assert diff_pages(html_pages(second), expected) == ""
