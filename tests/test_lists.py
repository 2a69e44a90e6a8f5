"""Topic headers and the lists built from the whole review."""

from __future__ import annotations

import re

import pytest

from tests.helpers import body, section, visible


@pytest.fixture(scope="module")
def lists(built):
    return built("lists")


def _ids(html: str) -> list[str]:
    """Episode IDs linked from *html*, in order."""
    return re.findall(r'href="(?:\w+\.html)?#episode-(E\d+)"', html)


def test_lists_root_builds_clean(lists):
    assert lists.warnings == []


@pytest.mark.parametrize(
    ("page", "header"),
    [
        ("alpha", "Literature review · 4 episodes"),
        ("beta", "Literature review · 2 episodes"),
        ("words", "Literature review · 1 episode"),
        ("empty", "Literature review · 0 episodes"),
    ],
)
def test_topic_header_counts_anchoring_episodes(lists, page, header):
    html = body(lists.html(page))
    match = re.search(r'<p class="lit-topic-header"[^>]*>(.*?)</p>', html)
    assert match
    # html builds link the topic's own .bib (tests/test_bibliography_export.py)
    assert visible(match.group(1)) == f"{header} · BibTeX"


def test_topic_header_navigation_links_the_topic_index_and_glossary(built):
    html = body(built("basic").html("rl"))
    nav = re.search(r'<p class="lit-topic-nav">(.*?)</p>', html)
    assert nav
    assert visible(nav.group(1)) == "← all topics · Glossary →"
    assert re.findall(r'href="([^"]+)"', nav.group(1)) == ["topics.html", "glossary.html"]


def test_navigation_leaves_out_a_page_that_does_not_exist(lists):
    nav = re.search(r'<p class="lit-topic-nav">(.*?)</p>', body(lists.html("alpha")))
    assert nav
    assert visible(nav.group(1)) == "← all topics"  # no glossary in this review


def test_navigation_pages_can_be_configured(built):
    result = built("basic", confoverrides={"litreview_topics_page": "index", "litreview_glossary_page": "rl"})
    nav = re.search(r'<p class="lit-topic-nav">(.*?)</p>', body(result.html("rl")))
    assert nav
    assert re.findall(r'href="([^"]+)"', nav.group(1)) == ["index.html", "#"]
    assert result.warnings == []


def test_a_configured_page_that_does_not_exist_is_left_out_with_a_warning(built):
    result = built("basic", confoverrides={"litreview_glossary_page": "nowhere"})
    nav = re.search(r'<p class="lit-topic-nav">(.*?)</p>', body(result.html("rl")))
    assert nav
    assert visible(nav.group(1)) == "← all topics"
    assert result.warnings == [
        "WARNING: litreview_glossary_page names 'nowhere', which is not a document; "
        "the link is left out [litreview.config]"
    ]


def test_topic_lead_paragraph_follows_the_header(lists):
    html = visible(body(lists.html("empty")))
    assert "Literature review · 0 episodes · BibTeX ← all topics Nothing anchors this one." in html


def test_anchoring_episodes_lists_id_title_date_takeaway(lists):
    html = body(lists.html("alpha"))
    listing = section(html, "episodes-anchoring-this-topic")
    assert _ids(listing) == ["E1", "E2", "E4", "E10"]
    assert visible(listing).endswith(
        "E1 Zeta first (2023-05-01) — One. E2 Alpha second (2025) E4 Late fourth (2026-01-15) "
        "E10 Mid tenth (2025-02) — Ten."
    )


def test_anchoring_list_links_are_not_citations(lists):
    # alpha's own prose cites E1 and E3 only; its anchoring list links four more
    rows = {re.sub(r"\s+", " ", r) for r in re.findall(r"<tr[^>]*>.*?</tr>", lists.html("topics"), re.S)}
    alpha = next(r for r in rows if "The alpha topic" in r)
    assert visible(alpha) == "The alpha topic 4 2"


def test_anchoring_episodes_of_another_topic_and_sort_option(lists):
    html = body(lists.html("beta"))
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert len(tables) == 1
    assert _ids(tables[0]) == ["E2", "E3"]  # by title: "Alpha second", "Beta undated"
    assert "<th" in tables[0]
    # neither has a takeaway: no empty column for it
    assert [visible(h) for h in re.findall(r"<th.*?</th>", tables[0], re.S)] == ["Episode", "Title", "Date"]
    after = html[html.index("Another topic") :]
    assert _ids(after) == ["E4", "E10", "E2", "E1"]  # alpha, newest first


def test_anchoring_episodes_of_an_empty_topic(lists):
    assert "No episodes." in visible(body(lists.html("empty")))


def test_topic_index_lists_every_topic_with_counts(lists):
    html = body(lists.html("topics"))
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert [visible(i) for i in items] == [
        "The alpha topic — 4 episodes, 2 cited",
        "Beta topic — 2 episodes, 1 cited",
        "Empty topic — 0 episodes, 0 cited",
        "Single — 1 episode, 0 cited",
    ]
    assert 'href="alpha.html#topic-alpha"' in items[0]


def test_topic_index_as_a_table(lists):
    table = re.search(r"<table.*?</table>", body(lists.html("topics")), re.S)
    assert table
    rows = [visible(r) for r in re.findall(r"<tr.*?</tr>", table.group(0), re.S)]
    assert rows == [
        "Topic Episodes Cited",
        "The alpha topic 4 2",
        "Beta topic 2 1",
        "Empty topic 0 0",
        "Single 1 0",
    ]


@pytest.mark.parametrize(
    ("section_id", "expected"),
    [
        ("f-tag", ["E1", "E2", "E3"]),
        ("f-topic-tag", ["E2", "E3"]),
        ("f-cited-here", ["E4"]),
        ("f-cited-alpha", ["E1", "E3"]),
        ("f-since", ["E2", "E4", "E10"]),
        ("f-until", ["E1", "E2"]),
        ("f-range", ["E10"]),
        ("f-date", ["E1", "E2", "E10", "E4", "E3", "E20"]),
        ("f-newest", ["E4", "E10"]),
        ("f-title", ["E2", "E3", "E4", "E10", "E20", "E1"]),
        ("f-none", []),
    ],
)
def test_episode_list_filters_sorts_and_limits(lists, section_id, expected):
    html = body(lists.html("filters"))
    listing = section(html, section_id)
    assert _ids(listing) == expected
    if not expected:
        assert "No episodes." in visible(listing)


def test_episode_list_table_style(lists):
    listing = section(body(lists.html("filters")), "f-title")
    assert "<table" in listing
    assert "<li>" not in listing


def test_default_list_order_is_configurable(built):
    html = body(built("lists", confoverrides={"litreview_list_sort": "-date"}).html("alpha"))
    assert _ids(section(html, "episodes-anchoring-this-topic")) == ["E4", "E10", "E2", "E1"]


def test_rst_lists_match(built):
    html = body(built("basic").html("topics"))
    table = re.search(r"<table.*?</table>", html, re.S)
    assert table
    assert _ids(table.group(0)) == ["E026", "E011"]  # tag rl, newest first
