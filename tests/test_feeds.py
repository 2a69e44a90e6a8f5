"""``:added:``, lists in the order episodes entered the review, and the Atom feeds of them."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from sphinxcontrib_litreview.values import build_day
from tests.helpers import body, section

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
