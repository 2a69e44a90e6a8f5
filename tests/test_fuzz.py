"""Fuzzing the option parsers and the directive: any text gives a value or a warning, never an exception."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sphinx.testing.restructuredtext import parse

from sphinxcontrib_litreview.glossary import HOVER_LIMIT, hover_text
from sphinxcontrib_litreview.records import natural_key
from sphinxcontrib_litreview.values import (
    arxiv_url,
    check_count,
    check_date,
    check_url,
    doi_of,
    doi_url,
    split_list,
    split_sources,
)

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@given(text)
def test_date_check_accepts_only_iso_dates(value):
    problem = check_date(value)
    if problem is None:
        assert re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value)


@given(
    st.one_of(text, st.text(alphabet="htps:/[]:@,.%#?exampl0-9 ", max_size=40).map(lambda v: "https://" + v))
)
@example("http://[::1")
@example("https://exa]mple.com/")
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


@given(text)
def test_split_sources_gives_urls_without_white_space(value):
    for url in split_sources(value):
        assert url
        assert not any(ch.isspace() for ch in url)


@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Cc")), min_size=1), unique=True
    )
)
@example(["https://en.wikipedia.org/wiki/Washington,_D.C.", "https://example.org/"])
def test_sources_joined_by_comma_space_split_back_exactly(urls):
    # a URL that ends in a comma is followed by a separator: by the rule, that comma separates
    urls = [u for u in urls if not any(ch.isspace() for ch in u) and not u.endswith(",")]
    assert split_sources(", ".join(urls)) == tuple(urls)
    assert split_sources(" ".join(urls)) == tuple(urls)


@given(text, st.integers(min_value=1, max_value=10**7))
@example("²", 10)
@example("9" * 5000, 10)
def test_count_check_accepts_only_ascii_whole_numbers_in_range(value, largest):
    if check_count(value, largest) is None:
        assert re.fullmatch(r"[0-9]+", value)
        assert 1 <= int(value) <= largest


@given(st.lists(text, max_size=8))
@example(["1", "01"])
@example(["E1", "e1", "E01", "E001"])
def test_natural_key_orders_any_ids_whatever_order_they_come_in(values):
    # a total order: sorting never depends on the order the values arrive in
    assert sorted(values, key=natural_key) == sorted(reversed(values), key=natural_key)


@given(
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8),
    st.sampled_from(["", "0", "00"]),
)
def test_natural_key_orders_numbers_as_numbers(numbers, padding):
    ids = [f"E{padding}{n}" for n in numbers]
    assert sorted(ids, key=natural_key) == [f"E{padding}{n}" for n in sorted(numbers)]


def test_natural_key_needs_no_int_of_thousands_of_digits():
    # int() refuses more than 4,300 digits
    assert (
        natural_key("E" + "9" * 10_000) < natural_key("E1" + "0" * 10_000) < natural_key("E2" + "0" * 10_000)
    )


@given(st.text(alphabet='abcxyz0189#?%/;()<>"-. \u00e9', min_size=1, max_size=20))
@example("a--b#c")
@example("x%3Fy")
def test_doi_link_label_is_the_doi_as_written(suffix):
    doi = f"10.1234/{suffix}"
    url = doi_url(doi)
    if url is not None:
        assert doi_of(url) == doi.strip()
        assert "#" not in url
        assert "?" not in url


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
