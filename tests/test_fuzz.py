"""Fuzzing the option parsers and the directive: any text gives a value or a warning, never an exception."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sphinx.testing.restructuredtext import parse

from sphinxcontrib_litreview.glossary import HOVER_LIMIT, hover_text
from sphinxcontrib_litreview.records import natural_key
from sphinxcontrib_litreview.values import (
    arxiv_url,
    check_date,
    check_url,
    doi_url,
    split_list,
)

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@given(text)
def test_date_check_accepts_only_iso_dates(value):
    problem = check_date(value)
    if problem is None:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)


@given(text)
def test_url_check_accepts_only_http_urls(value):
    if check_url(value) is None:
        assert value.lower().startswith(("http://", "https://"))
        assert not any(ch.isspace() for ch in value)


@given(text)
def test_identifier_converters_return_urls_or_none(value):
    for convert, prefix in ((doi_url, "https://doi.org/10."), (arxiv_url, "https://arxiv.org/abs/")):
        url = convert(value)
        assert url is None or (url.startswith(prefix) and check_url(url) is None)


@given(text, st.sampled_from([",", ";"]))
def test_split_list_drops_blanks_and_repeats(value, sep):
    items = split_list(value, sep)
    assert all(item and item == item.strip() for item in items)
    assert len(set(items)) == len(items)


@given(st.lists(text, max_size=8))
def test_natural_key_orders_any_ids(values):
    assert sorted(values, key=natural_key) == sorted(sorted(values), key=natural_key)


@given(st.text(max_size=1000))
def test_hover_text_is_short_plain_text(value):
    hover = hover_text(value)
    assert len(hover) <= HOVER_LIMIT
    assert "\n" not in hover


option_value = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).map(
    lambda v: v.replace("\n", " ")
)


@pytest.mark.sphinx("html", testroot="minimal")
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ep_id=option_value,
    date=option_value,
    source=option_value,
    topics=option_value,
    doi=option_value,
)
def test_episode_directive_survives_any_option_values(app, ep_id, date, source, topics, doi):
    rst = (
        f".. episode:: {ep_id}\n"
        f"   :title: Fuzzed\n"
        f"   :date: {date}\n"
        f"   :source: {source}\n"
        f"   :doi: {doi}\n"
        f"   :topics: {topics}\n\n"
        "   Body.\n"
    )
    doctree = parse(app, rst, "fuzz")
    # the episode renders, whatever was wrong with its options
    assert "Fuzzed" in doctree.astext()
    app.env.domains["lit"].clear_doc("fuzz")
