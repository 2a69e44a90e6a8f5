"""The topic page in a real browser (Debian's Chromium), furo light and dark, desktop and phone."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
TITLE_E003 = "Where a document is split matters more than how long the pieces are"


@pytest.fixture(scope="module")
def site(docs_html: Path) -> Path:
    """The example review in docs/, built with furo by the README's command."""
    return docs_html / "example"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("CI"):
            pytest.fail("CI must install chromium and chromium-driver (.ci/run does)")
        pytest.skip("needs chromium and chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _open(driver, page: Path, scheme: str, width: int, height: int) -> None:
    driver.set_window_size(width, height)
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )
    driver.get(page.as_uri())


def _shot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_sees_header_navigation_list_and_hover_titles(site, browser, scheme):
    from selenium.webdriver.common.by import By

    _open(browser, site / "rag.html", scheme, 1280, 900)
    _shot(browser, f"topic-{scheme}")
    header = browser.find_element(By.CSS_SELECTOR, "p.lit-topic-header")
    assert header.is_displayed()
    # the stylesheet upper-cases it; html builds link the topic's .bib
    assert header.text.lower() == "literature review · 5 episodes · bibtex"
    (bib,) = header.find_elements(By.TAG_NAME, "a")
    assert bib.get_attribute("href").rsplit("/", 1)[1] == "litreview-rag.bib"
    nav = browser.find_element(By.CSS_SELECTOR, "p.lit-topic-nav")
    links = nav.find_elements(By.TAG_NAME, "a")
    assert [a.text for a in links] == ["← all topics", "Glossary →"]
    assert [a.get_attribute("href").rsplit("/", 1)[1] for a in links] == ["topics.html", "glossary.html"]
    items = browser.find_elements(By.CSS_SELECTOR, "ul.lit-episode-list > li")
    assert [i.text.split()[0] for i in items] == ["E003", "E007", "E012", "E021", "E024"]
    assert all(i.is_displayed() for i in items)
    citation = browser.find_element(By.CSS_SELECTOR, "article p a[href$='#episode-E003']")
    assert citation.get_attribute("title") == TITLE_E003
    term = browser.find_element(By.CSS_SELECTOR, "article p a[href$='#term-chunking']")
    assert (
        term.get_attribute("title")
        == "Splitting the documents of a corpus into the passages a retriever indexes and returns."
    )
    # the colour scheme really applies: text is light on dark, dark on light
    colour = browser.execute_script("return getComputedStyle(document.querySelector('article')).color")
    red = int(colour.split("(")[1].split(",")[0])
    assert (red > 128) == (scheme == "dark"), colour


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["rag", "episodes-2024", "episodes-2025", "topics", "glossary"])
def test_no_horizontal_overflow_on_a_phone(site, browser, scheme, page):
    _open(browser, site / f"{page}.html", scheme, 375, 800)
    _shot(browser, f"{page}-phone-{scheme}")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
