"""``:added:``, lists in the order episodes entered the review, and the Atom feeds of them."""

from __future__ import annotations

import datetime
import json
import re
import shutil

import feedparser
import pytest

from sphinxcontrib_litreview.values import build_day
from tests.conftest import ROOTS
from tests.helpers import Build, body, build, rebuild, section

ROOTS_BOTH = ["feeds", "feeds-myst"]
BASE = "https://example.org/review/"
#: the episodes with :added:, newest first; E2 and E4 were added on one day (ID order), E3 never, E5 is in `only`
NEWEST_FIRST = ["E2", "E4", "E1", "E10"]


def _ids(html: str) -> list[str]:
    return re.findall(r'href="(?:\w+\.html)?#episode-(E\d+)"', html)


@pytest.mark.parametrize("root", ROOTS_BOTH)
def test_the_feeds_root_builds_clean(built, root):
    assert built(root).warnings == []


@pytest.mark.parametrize("root", ROOTS_BOTH)
def test_added_is_in_litreview_json(built, root):
    episodes = json.loads(built(root).text("litreview.json"))["episodes"]
    assert {i: e["added"] for i, e in episodes.items()} == {
        "E1": "2025-01-10",
        "E2": "2025-03-01",
        "E3": "",
        "E4": "2025-03-01",
        "E10": "2024-12-31",
    }


@pytest.mark.parametrize("root", ROOTS_BOTH)
def test_lists_sort_by_added_with_the_never_added_last(built, root):
    html = body(built(root).html("index"))
    assert _ids(section(html, "recently-added")) == [*NEWEST_FIRST, "E3"]
    # oldest first; E2 and E4 tie and keep ID order either way
    assert _ids(section(html, "first-added")) == ["E10", "E1", "E2", "E4", "E3"]
    assert _ids(section(body(built(root).html("beta")), "beta")) == ["E2", "E4", "E10"]


def test_litreview_list_sort_takes_added(built):
    html = body(built("feeds", confoverrides={"litreview_list_sort": "-added"}).html("alpha"))
    assert _ids(section(html, "alpha")) == ["E2", "E1", "E3"]


def test_the_build_day_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01T00:00:00Z
    assert build_day() == datetime.date(2025, 1, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    assert build_day() == datetime.datetime.now(datetime.UTC).date()


def test_an_added_after_source_date_epoch_is_in_the_future(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01: E1, E2, E4 and E5 are yet to come
    shutil.copytree(ROOTS / "test-feeds", tmp_path, dirs_exist_ok=True)
    result = build(tmp_path)
    assert result.warnings_of("metadata") == [
        f"episodes.rst:{line}: WARNING: episode {ep}: :added: '{day}' is in the future "
        f"(the build's day is 2025-01-01) [litreview.metadata]"
        for line, ep, day in (
            (10, "E1", "2025-01-10"),
            (17, "E2", "2025-03-01"),
            (26, "E4", "2025-03-01"),
            # read before any builder's `only` is known, as every option's warning
            (38, "E5", "2025-05-01"),
        )
    ]
    # kept as written: the episode still enters the feed
    assert [e.link.rsplit("-", 1)[1] for e in feedparser.parse(result.text("litreview.atom")).entries] == [
        "E2",
        "E4",
        "E1",
        "E10",
    ]


# -- the feeds -------------------------------------------------------------------


def _feed(result: Build, name: str = "litreview.atom") -> feedparser.FeedParserDict:
    parsed = feedparser.parse(result.text(name))
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def _entry_ids(parsed: feedparser.FeedParserDict) -> list[str]:
    return [entry.link.rsplit("#episode-", 1)[1] for entry in parsed.entries]


@pytest.mark.parametrize("root", ROOTS_BOTH)
def test_the_review_feed_lists_added_episodes_newest_first(built, root):
    parsed = _feed(built(root))
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Feeds & <friends>"
    assert parsed.feed.id == f"{BASE}litreview.atom"
    assert parsed.feed.updated == "2025-03-01T00:00:00Z"  # the newest entry's: no clock in the file
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": f"{BASE}litreview.atom", "alternate": f"{BASE}index.html"}
    assert parsed.feed.author == "Rita Reviewer"
    # E3 has no :added:, E5 stands in an `only` this builder leaves out
    assert _entry_ids(parsed) == NEWEST_FIRST
    e2, e4, e1, e10 = parsed.entries
    assert e2.title == "Less <than> & ]]> more"
    assert e2.link == f"{BASE}episodes.html#episode-E2"
    assert e2.summary == 'Escaped <b>bold</b> & "quoted".'
    assert e2.summary_detail.type == "text/plain"
    assert [a.name for a in e2.authors] == ["Ann Other"]
    assert e2.updated == "2025-03-01T00:00:00Z"
    assert [a.name for a in e1.authors] == ["Doe, Jane", "Zhang, Wei"]
    assert [t.term for t in e1.tags] == ["rl"]
    assert e1.updated_parsed[:3] == (2025, 1, 10)
    assert "summary" not in e4  # no takeaway
    assert e10.id == "tag:example.org,2024-12-31:/review/E10"
    assert len({e.id for e in parsed.entries}) == 4


@pytest.mark.parametrize("root", ROOTS_BOTH)
def test_each_topic_has_a_feed_of_its_anchoring_episodes(built, root):
    result = built(root)
    alpha = _feed(result, "litreview-alpha.atom")
    assert alpha.feed.title == "Feeds & <friends>: Alpha <&> ]]> topic"
    assert alpha.feed.id == f"{BASE}litreview-alpha.atom"
    assert {link.rel: link.href for link in alpha.feed.links}["alternate"] == f"{BASE}alpha.html"
    assert _entry_ids(alpha) == ["E2", "E1"]
    beta = _feed(result, "litreview-beta.atom")
    assert _entry_ids(beta) == ["E2", "E4", "E10"]
    assert beta.feed.updated == "2025-03-01T00:00:00Z"
    assert sorted(p.name for p in result.outdir.glob("*.atom")) == [
        "litreview-alpha.atom",
        "litreview-beta.atom",
        "litreview.atom",
    ]


@pytest.mark.parametrize("root", ROOTS_BOTH)
def test_an_episode_in_only_is_in_the_feeds_of_the_outputs_that_show_it(built, root):
    result = built(root, tags=["never"])
    assert _entry_ids(_feed(result)) == ["E5", *NEWEST_FIRST]
    assert _entry_ids(_feed(result, "litreview-alpha.atom")) == ["E5", "E2", "E1"]


def _head_links(html: str) -> list[tuple[str, str]]:
    head = html.split("</head>", 1)[0]
    return [
        (href, title)
        for href, title in re.findall(
            r'<link rel="alternate" type="application/atom\+xml" href="([^"]*)" title="([^"]*)" />', head
        )
    ]


@pytest.mark.parametrize("root", ROOTS_BOTH)
def test_pages_link_their_feeds_in_the_head(built, root):
    result = built(root)
    review = ("litreview.atom", "Feeds &amp; &lt;friends&gt;")
    assert _head_links(result.html("index")) == [review]
    assert _head_links(result.html("episodes")) == [review]
    assert _head_links(result.html("alpha")) == [
        review,
        ("litreview-alpha.atom", "Feeds &amp; &lt;friends&gt;: Alpha &lt;&amp;&gt; ]]&gt; topic"),
    ]


def test_dirhtml_feeds_link_the_pages_as_dirhtml_names_them(built):
    result = built("feeds", "dirhtml")
    parsed = _feed(result)
    assert [e.link for e in parsed.entries][:1] == [f"{BASE}episodes/#episode-E2"]
    assert {link.rel: link.href for link in parsed.feed.links}["alternate"] == BASE
    alpha = _feed(result, "litreview-alpha.atom")
    assert {link.rel: link.href for link in alpha.feed.links}["alternate"] == f"{BASE}alpha/"
    page = (result.outdir / "alpha" / "index.html").read_text(encoding="utf-8")
    assert [href for href, _ in _head_links(page)] == ["../litreview.atom", "../litreview-alpha.atom"]


@pytest.mark.parametrize("builder", ["singlehtml", "epub", "text", "latex"])
def test_other_builders_write_no_feed(built, builder):
    result = built("feeds", builder)
    assert list(result.outdir.rglob("*.atom")) == []
    for page in result.outdir.rglob("*html"):
        assert "application/atom+xml" not in page.read_text(encoding="utf-8")
    assert "no Atom feeds" not in result.status


def test_the_feed_limit_keeps_the_newest(built):
    result = built("feeds", confoverrides={"litreview_feed_limit": 2})
    assert _entry_ids(_feed(result)) == ["E2", "E4"]
    assert _entry_ids(_feed(result, "litreview-beta.atom")) == ["E2", "E4"]


def test_a_limit_that_cannot_work_falls_back_to_the_default(built):
    result = built("feeds", confoverrides={"litreview_feed_limit": 0})
    assert result.warnings_of("config") == [
        "WARNING: litreview_feed_limit must be a whole number of at least 1, not 0; "
        "using the default 50 [litreview.config]"
    ]
    assert _entry_ids(_feed(result)) == NEWEST_FIRST


def test_without_html_baseurl_there_is_no_feed_and_the_build_says_why_once(built):
    result = built("feeds", confoverrides={"html_baseurl": ""})
    assert list(result.outdir.glob("*.atom")) == []
    assert "application/atom+xml" not in result.html("alpha")
    lines = [line for line in result.status.splitlines() if "Atom" in line]
    assert lines == [
        "litreview: no Atom feeds: html_baseurl is not set, and a feed needs absolute links "
        "(set html_baseurl, or litreview_feed = False to silence this)"
    ]
    assert result.warnings == []


def test_litreview_feed_off_writes_no_feed_and_says_nothing(built):
    result = built("feeds", confoverrides={"litreview_feed": False})
    assert list(result.outdir.glob("*.atom")) == []
    assert "application/atom+xml" not in result.html("index")
    assert "Atom" not in result.status


def test_a_topic_without_added_episodes_has_a_feed_with_no_entries(tmp_path):
    shutil.copytree(ROOTS / "test-feeds", tmp_path, dirs_exist_ok=True)
    (tmp_path / "gamma.rst").write_text(
        ":orphan:\n\nGamma\n=====\n\n.. topic-summary:: gamma\n\nCites :ep:`E3`.\n", encoding="utf-8"
    )
    text = (tmp_path / "episodes.rst").read_text(encoding="utf-8")
    (tmp_path / "episodes.rst").write_text(
        text.replace(":topics: alpha\n\n.. episode:: E4", ":topics: alpha, gamma\n\n.. episode:: E4"),
        encoding="utf-8",
    )
    result = build(tmp_path)
    assert result.warnings == []
    gamma = _feed(result, "litreview-gamma.atom")
    assert gamma.entries == []
    assert gamma.feed.updated == "1970-01-01T00:00:00Z"  # a fixed date: the file changes only with the review


def test_feeds_follow_edits_and_drop_deleted_episodes_and_topics(tmp_path):
    shutil.copytree(ROOTS / "test-feeds", tmp_path / "src")
    first = build(tmp_path / "src")
    episodes = tmp_path / "src" / "episodes.rst"
    text = episodes.read_text(encoding="utf-8")
    text = text.replace(":added: 2024-12-31", ":added: 2025-04-01").replace(
        ":title: The first", ":title: Renamed"
    )
    e4 = ".. episode:: E4\n   :title: Same day as E2\n   :topics: beta\n   :added: 2025-03-01\n\n"
    assert e4 in text
    text = text.replace(e4, "")
    episodes.write_text(text, encoding="utf-8")
    (tmp_path / "src" / "alpha.rst").unlink()
    index = tmp_path / "src" / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace("   alpha\n", ""), encoding="utf-8")
    incremental = rebuild(first)
    clean = build(
        shutil.copytree(tmp_path / "src", tmp_path / "clean", ignore=shutil.ignore_patterns("_build"))
    )
    feeds = {p.name: p.read_text(encoding="utf-8") for p in incremental.outdir.glob("*.atom")}
    assert feeds == {p.name: p.read_text(encoding="utf-8") for p in clean.outdir.glob("*.atom")}
    assert "litreview-alpha.atom" not in feeds
    parsed = _feed(incremental)
    assert _entry_ids(parsed) == ["E10", "E2", "E1"]
    assert parsed.entries[-1].title == "Renamed"


def test_a_parallel_build_writes_the_same_feeds(tmp_path):
    results = []
    for name, parallel in (("serial", 0), ("parallel", 2)):
        shutil.copytree(ROOTS / "test-feeds", tmp_path / name)
        results.append(build(tmp_path / name, parallel=parallel))
    serial, parallel = (
        {p.name: p.read_text(encoding="utf-8") for p in r.outdir.glob("*.atom")} for r in results
    )
    assert len(serial) == 3
    assert parallel == serial
    assert _head_links(results[1].html("alpha")) == _head_links(results[0].html("alpha"))
