"""Interactive lists in a real browser (Debian's Chromium): filter, facets, sorting, the address, the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import test_browser
from tests.test_browser import _open, _shot

#: the same Chromium fixture, one browser for this module
browser = test_browser.browser


@pytest.fixture(scope="module")
def site(built) -> Path:
    result = built("interactive")
    assert result.warnings == []
    return result.outdir


@pytest.fixture(autouse=True)
def no_console_errors(browser) -> Iterator[None]:
    """Every test ends with a clean console: no error, no warning, from our script or the page."""
    browser.get_log("browser")
    yield
    problems = [e for e in browser.get_log("browser") if e["level"] in {"SEVERE", "WARNING"}]
    assert problems == []


def _state(driver) -> dict:
    """What a reader sees: the IDs of the shown rows in order, the count, the facet options."""
    return driver.execute_script(
        "var table = document.querySelector('table.lit-interactive');"
        "var rows = Array.from(table.tBodies[0].rows).filter(function (r) {"
        "  return !r.hidden && r.getClientRects().length && !r.classList.contains('cap')"
        "    && !r.classList.contains('pcap'); });"
        "var count = document.querySelector('.lit-filter-count');"
        "var options = {};"
        "document.querySelectorAll('.lit-filter select').forEach(function (s) {"
        "  options[s.name] = Array.from(s.options).slice(1).map(function (o) { return o.textContent; }); });"
        "return {ids: rows.map(function (r) { return r.querySelector('a').textContent.trim(); }),"
        "  count: count.textContent, live: count.getAttribute('aria-live'), options: options,"
        "  caps: Array.from(table.querySelectorAll('tr.cap')).filter(function (r) { return !r.hidden; })"
        "    .map(function (r) { return r.textContent.trim(); })};"
    )


def _type(driver, text: str) -> None:
    from selenium.webdriver.common.by import By

    box = driver.find_element(By.CSS_SELECTOR, ".lit-filter input[type=search]")
    box.send_keys(text)


def _query(driver) -> str:
    return driver.execute_script("return location.search")


ALL = ["E1", "E2", "E3", "E4", "E10", "E20"]


def test_typing_narrows_the_rows_and_the_live_count(site, browser):
    _open(browser, site / "index.html", "light", 1280, 900)
    before = _state(browser)
    assert before["ids"] == ALL  # the table's own order: natural ID order
    assert before["count"] == "6 of 6 episodes"
    assert before["live"] == "polite"
    _type(browser, "zhang")  # an author: not in the table, in the data beside it
    assert _state(browser)["ids"] == ["E2", "E4"]
    assert _state(browser)["count"] == "2 of 6 episodes"
    _type(browser, " dense")  # every word must match: authors and tags
    assert _state(browser)["ids"] == ["E2"]
    assert _state(browser)["count"] == "1 of 6 episodes"
    assert _query(browser) == "?q=zhang+dense"
    _shot(browser, "interactive-filtered-light")


def test_a_facet_narrows_and_counts_follow_the_other_filters(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, site / "index.html", "light", 1280, 900)
    options = _state(browser)["options"]
    assert options["topic"] == ["Agents (3)", "Retrieval <em>first</em> (3)"]  # titles, as text
    assert options["tag"] == ["dense (2)", "eval (3)", "sparse (1)"]
    assert options["year"] == ["2025 (1)", "2024 (2)", "2023 (1)", "Undated (2)"]
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=tag]")).select_by_value("eval")
    state = _state(browser)
    assert state["ids"] == ["E2", "E10", "E20"]
    assert state["count"] == "3 of 6 episodes"
    # the other facets count within the tag
    assert state["options"]["topic"] == ["Agents (1)", "Retrieval <em>first</em> (2)"]
    assert state["options"]["tag"] == ["dense (2)", "eval (3)", "sparse (1)"]
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=year]")).select_by_value("undated")
    assert _state(browser)["ids"] == ["E20"]
    assert _query(browser) == "?tag=eval&year=undated"
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=year]")).select_by_value("")
    assert _query(browser) == "?tag=eval"
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=topic]")).select_by_value("agents")
    assert _state(browser)["ids"] == ["E10"]
    assert _query(browser) == "?tag=eval&topic=agents"


def test_sorting_by_id_is_natural_and_undated_episodes_come_last_both_ways(site, browser):
    from selenium.webdriver.common.by import By

    _open(browser, site / "index.html", "light", 1280, 900)
    date = browser.find_element(By.CSS_SELECTOR, ".lit-sort button[data-sort=date]")
    date.click()  # newest first
    assert _state(browser)["ids"] == ["E10", "E4", "E2", "E1", "E3", "E20"]
    assert _query(browser) == "?sort=-date"
    heading = browser.find_element(By.CSS_SELECTOR, "table.lit-interactive thead th:nth-child(3)")
    assert heading.get_attribute("aria-sort") == "descending"
    date.click()  # oldest first; the undated still last
    assert _state(browser)["ids"] == ["E1", "E2", "E4", "E10", "E3", "E20"]
    assert heading.get_attribute("aria-sort") == "ascending"
    # the column heading sorts too
    browser.find_element(By.CSS_SELECTOR, "table.lit-interactive thead th:first-child button").click()
    assert _state(browser)["ids"] == ["E1", "E2", "E3", "E4", "E10", "E20"]
    browser.find_element(By.CSS_SELECTOR, "table.lit-interactive thead th:first-child button").click()
    assert _state(browser)["ids"] == ["E20", "E10", "E4", "E3", "E2", "E1"]
    browser.find_element(By.CSS_SELECTOR, ".lit-sort button[data-sort=title]").click()
    assert _state(browser)["ids"] == ["E1", "E4", "E2", "E10", "E20", "E3"]
    _shot(browser, "interactive-sorted-light")


def test_reloading_the_address_restores_the_view_and_back_undoes_it(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, site / "index.html", "light", 1280, 900)
    _type(browser, "paper")
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=year]")).select_by_value("2024")
    browser.find_element(By.CSS_SELECTOR, ".lit-sort button[data-sort=date]").click()
    assert _state(browser)["ids"] == ["E4", "E2"]
    assert _query(browser) == "?q=paper&year=2024&sort=-date"
    browser.refresh()
    state = _state(browser)
    assert state["ids"] == ["E4", "E2"]
    assert state["count"] == "2 of 6 episodes"
    assert browser.find_element(By.CSS_SELECTOR, ".lit-filter input").get_attribute("value") == "paper"
    assert browser.find_element(By.CSS_SELECTOR, "select[name=year]").get_attribute("value") == "2024"
    browser.back()  # the sort undone
    assert _query(browser) == "?q=paper&year=2024"
    assert _state(browser)["ids"] == ["E2", "E4"]
    browser.back()  # the year undone
    assert _state(browser)["ids"] == ["E1", "E2", "E4", "E10"]
    browser.back()  # the typing undone: one step for the whole word
    assert _query(browser) == ""
    assert _state(browser)["ids"] == ALL
    assert browser.find_element(By.CSS_SELECTOR, ".lit-filter input").get_attribute("value") == ""
    # a link to a filtered view opens filtered
    browser.get((site / "index.html").as_uri() + "?tag=dense&sort=id")
    assert _state(browser)["ids"] == ["E2", "E3"]


def test_the_keyboard_alone_filters_sorts_and_clears(site, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    _open(browser, site / "index.html", "light", 1280, 900)

    def press(*keys):
        ActionChains(browser).send_keys(*keys).perform()

    def focused():
        return browser.execute_script(
            "var a = document.activeElement; return (a.name || a.dataset.sort || a.className || a.tagName);"
        )

    browser.find_element("tag name", "body").click()
    for _ in range(60):
        press(Keys.TAB)
        if focused() == "q":
            break
    assert focused() == "q"
    press("paper")
    assert _state(browser)["ids"] == ["E1", "E2", "E4", "E10"]
    press(Keys.TAB)
    assert focused() == "topic"
    press(Keys.TAB, Keys.TAB, Keys.TAB)
    assert focused() == "id"
    press(Keys.TAB, Keys.TAB)
    assert focused() == "date"
    press(Keys.ENTER)
    assert _state(browser)["ids"] == ["E10", "E4", "E2", "E1"]
    press(Keys.TAB)
    assert focused() == "lit-filter-clear"
    press(Keys.ENTER)
    assert _state(browser)["ids"] == ALL
    assert focused() == "q"  # clearing puts the reader back in the filter
    press("tenth", Keys.ESCAPE)  # Escape empties the filter
    assert _state(browser)["ids"] == ALL


@pytest.mark.parametrize("text", [".*(", "<script>alert(1)</script>", "[", "\\", '" onmouseover="x'])
def test_a_filter_with_pattern_or_markup_characters_is_plain_text(site, browser, text):
    _open(browser, site / "index.html", "light", 1280, 900)
    _type(browser, text)
    state = _state(browser)
    assert state["ids"] == []
    assert state["count"] == "0 of 6 episodes"
    assert (
        browser.execute_script("return document.querySelectorAll('article script:not([type])').length") == 0
    )
    _type(browser, "\b" * len(text) + "(.*)")  # E3's takeaway says "(.*)", as text
    assert _state(browser)["ids"] == ["E3"]


def test_the_episode_index_filters_by_year_rows_and_sorts_flat(site, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    _open(browser, site / "lit-episodeindex.html", "light", 1280, 900)
    state = _state(browser)
    assert state["ids"] == ["E1", "E2", "E4", "E10", "E3", "E20"]
    assert state["caps"] == ["2023", "2024", "2025", "Undated"]
    _type(browser, "plan")  # E10's takeaway, which the index does not show
    state = _state(browser)
    assert state["ids"] == ["E10"]
    assert state["caps"] == ["2025"]  # a year with nothing shown goes
    assert state["count"] == "1 of 6 episodes"
    _type(browser, Keys.ESCAPE)
    Select(browser.find_element(By.CSS_SELECTOR, "select[name=topic]")).select_by_value("retrieval")
    assert _state(browser)["ids"] == ["E2", "E10", "E3"]
    browser.find_element(By.CSS_SELECTOR, ".lit-sort button[data-sort=id]").click()
    state = _state(browser)
    assert state["ids"] == ["E2", "E3", "E10"]
    assert state["caps"] == []  # sorted, the year rows would mislead
    _shot(browser, "interactive-index-light")


def test_two_lists_on_a_page_keep_their_own_state(site, browser):
    _open(browser, site / "retrieval.html", "light", 1280, 900)
    assert _state(browser)["ids"] == ["E10", "E2", "E3"]  # the list's own order: -date
    assert _state(browser)["count"] == "3 of 3 episodes"
    _type(browser, "E1")
    assert _state(browser)["ids"] == ["E10"]


@pytest.mark.parametrize(
    ("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390), ("dark", 390)]
)
def test_the_controls_fit_light_dark_and_a_phone(site, browser, scheme, width):
    from selenium.webdriver.common.by import By

    _open(browser, site / "index.html", scheme, width, 900)
    browser.find_element(By.CSS_SELECTOR, ".lit-filter").location_once_scrolled_into_view  # noqa: B018
    _shot(browser, f"interactive-{width}-{scheme}")
    measured = browser.execute_script(
        "var box = document.querySelector('.lit-filter');"
        "var input = box.querySelector('input');"
        "var cs = getComputedStyle(input);"
        "return {overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,"
        "  right: Math.max.apply(null, Array.from(box.querySelectorAll('*')).map(function (e) {"
        "    return e.getBoundingClientRect().right; })) - box.getBoundingClientRect().right,"
        "  colour: cs.color, background: cs.backgroundColor,"
        "  layout: getComputedStyle(box).display,"
        "  label: getComputedStyle(box.querySelector('label')).flexDirection,"
        "  headings: Array.from(document.querySelectorAll('table.lit-interactive th button'))"
        "    .filter(function (b) { return b.getClientRects().length; }).length};"
    )
    assert measured["overflow"] <= 0, measured
    assert measured["right"] <= 1, measured
    assert measured["colour"] != measured["background"]
    # the stylesheet's own rules reach the controls: each label stands above its field
    assert (measured["layout"], measured["label"]) == ("flex", "column"), measured
    red = int(measured["background"].split("(")[1].split(",")[0])
    assert (red < 128) == (scheme == "dark"), measured
    _type(browser, "zhang")
    assert _state(browser)["ids"] == ["E2", "E4"]  # hidden rows stay hidden in the stacked layout
