"""The topic page in a real browser (Debian's Chromium), furo light and dark, desktop and phone."""

from __future__ import annotations

import os
import shutil
import time
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


def start_chromium() -> object:
    """Headless Chromium under selenium, keeping the page's console messages for the tests to read."""
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
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One Chromium per test module (tests/test_interactive_browser.py imports this fixture)."""
    driver = start_chromium()
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
@pytest.mark.parametrize("page", ["index", "rag", "episodes-2024", "episodes-2025", "topics", "glossary"])
def test_no_horizontal_overflow_on_a_phone(site, browser, scheme, page):
    _open(browser, site / f"{page}.html", scheme, 375, 800)
    _shot(browser, f"{page}-phone-{scheme}")
    overflow = browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_timeline_takes_the_schemes_text_colour_and_fits_the_column(site, browser, scheme):
    from selenium.webdriver.common.by import By

    for width in (1280, 390):
        _open(browser, site / "index.html", scheme, width, 900)
        chart = browser.find_element(By.CSS_SELECTOR, ".lit-timeline svg.lit-chart")
        browser.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", chart)
        _shot(browser, f"timeline-{width}-{scheme}")
        box = browser.execute_script(
            "var r = arguments[0].getBoundingClientRect(), c = arguments[0].closest('article').getBoundingClientRect();"
            "return {width: r.width, height: r.height, right: r.right, column: c.right};",
            chart,
        )
        assert box["width"] > 0
        assert box["height"] > 0
        assert box["right"] <= box["column"] + 1
        colours = browser.execute_script(
            "var t = arguments[0].querySelector('text');"
            "return [getComputedStyle(t).fill, getComputedStyle(arguments[0].closest('article')).color];",
            chart,
        )
        assert colours[0] == colours[1], colours  # axis labels in the page's text colour
    bars = chart.find_elements(By.TAG_NAME, "rect")
    assert bars
    assert all(bar.find_element(By.TAG_NAME, "title").get_attribute("textContent") for bar in bars)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_episode_headings_are_headings_in_furos_local_toc(site, browser, scheme):
    from selenium.webdriver.common.by import By

    _open(browser, site / "episodes-2024.html", scheme, 1280, 900)
    heading = browser.find_element(By.CSS_SELECTOR, "section#episode-E003 > :first-child")
    assert heading.tag_name in {"h2", "h3", "h4"}
    assert heading.text.startswith("E003 Where a document is split")
    permalink = heading.find_element(By.CSS_SELECTOR, "a.headerlink")
    assert permalink.get_attribute("href").endswith("#episode-E003")
    own = heading.find_element(By.CSS_SELECTOR, "a.lit-episode-id")
    assert own.get_attribute("href").endswith("#episode-E003")
    toc = browser.find_elements(By.CSS_SELECTOR, ".toc-tree a[href='#episode-E003']")
    assert toc, "the episode is not in furo's 'On this page'"
    # arriving at the episode highlights it
    _open(browser, Path(str(site / "episodes-2024.html") + "#episode-E003"), scheme, 1280, 900)
    browser.get((site / "episodes-2024.html").as_uri() + "#episode-E003")
    background = browser.execute_script(
        "return getComputedStyle(document.getElementById('episode-E003')).backgroundColor"
    )
    assert background not in {"rgba(0, 0, 0, 0)", "transparent"}, background
    _shot(browser, f"episode-target-{scheme}")


def _popup(driver):
    return driver.execute_script(
        "var p = document.getElementById('lit-preview-popup');"
        "if (!p || p.hidden) return null;"
        "var r = p.getBoundingClientRect();"
        "return {text: p.innerText, left: r.left, right: r.right, top: r.top, bottom: r.bottom,"
        " width: document.documentElement.clientWidth, height: document.documentElement.clientHeight,"
        " colour: getComputedStyle(p).color, background: getComputedStyle(p).backgroundColor};"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_shows_the_preview_and_escape_hides_it(site, browser, scheme):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, site / "rag.html", scheme, 1280, 900)
    link = browser.find_element(By.CSS_SELECTOR, "article p a[href$='#episode-E003']")
    assert link.get_attribute("title") == TITLE_E003  # the fallback without JavaScript
    # Tab through the page until the citation has the keyboard focus
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(200):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element == link:
            break
    assert browser.switch_to.active_element == link
    popup = _popup(browser)
    assert popup is not None
    assert popup["text"].startswith("E003 " + TITLE_E003)
    assert "2024-03 · Ana Lima, Tomasz Nowak" in popup["text"]
    assert "Takeaway: Splitting on section boundaries" in popup["text"]
    assert popup["left"] >= 0
    assert popup["right"] <= popup["width"]
    assert popup["colour"] != popup["background"]
    _shot(browser, f"preview-keyboard-{scheme}")
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert _popup(browser) is None
    # a term's preview is its definition
    term = browser.find_element(By.CSS_SELECTOR, "article p a[href$='#term-chunking']")
    browser.execute_script("arguments[0].focus()", term)
    popup = _popup(browser)
    assert popup is not None
    assert "Splitting the documents of a corpus" in popup["text"]


def test_a_tap_shows_the_preview_inside_a_phone_screen(site, browser):
    from selenium.webdriver.common.by import By

    _open(browser, site / "rag.html", "light", 390, 800)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    try:
        link = browser.find_element(By.CSS_SELECTOR, "article p a[href$='#episode-E003']")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link)
        box = browser.execute_script(
            "var r = arguments[0].getClientRects()[0]; return {x: r.left + r.width / 2, y: r.top + r.height / 2};",
            link,
        )
        url = browser.current_url
        for kind in ("touchStart", "touchEnd"):
            points = [{"x": box["x"], "y": box["y"]}] if kind == "touchStart" else []
            browser.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
        popup = None
        for _ in range(20):  # the tap's click follows the touch events
            popup = _popup(browser)
            if popup is not None:
                break
            time.sleep(0.05)
        assert popup is not None, "a tap did not show the preview"
        assert browser.current_url == url  # the first tap previews; it does not follow the link
        assert "Takeaway: Splitting on section boundaries" in popup["text"]
        assert popup["left"] >= 0
        assert popup["right"] <= popup["width"]
        _shot(browser, "preview-tap-phone")
    finally:
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["index", "topics", "rag", "episodes-2024", "lit-episodeindex"])
def test_at_390_px_no_table_overflows_and_no_date_wraps(site, browser, scheme, page):
    path = site / f"{page}.html" if page != "lit-episodeindex" else site.parent / "lit-episodeindex.html"
    _open(browser, path, scheme, 390, 800)
    _shot(browser, f"{page}-390-{scheme}")
    measured = browser.execute_script(
        "var tables = Array.from(document.querySelectorAll('article table'));"
        "var over = tables.filter(function (t) {"
        "  var box = t.parentElement.getBoundingClientRect();"
        "  var r = t.getBoundingClientRect();"
        "  return r.right > box.right + 1 || t.scrollWidth > t.clientWidth + 1; });"
        "var dates = Array.from(document.querySelectorAll("
        "  'article .lit-date, article table.domainindex-table td:nth-child(2) em'));"
        "var wrapped = dates.filter(function (d) { return d.getClientRects().length > 1; })"
        "  .map(function (d) { return d.textContent; });"
        "return {tables: tables.length, over: over.length, dates: dates.length, wrapped: wrapped};"
    )
    if measured["tables"]:
        browser.execute_script(
            "document.querySelector('article table').scrollIntoView({block: 'start', behavior: 'instant'})"
        )
        _shot(browser, f"{page}-390-{scheme}-table")
    assert measured["over"] == 0, measured
    assert measured["wrapped"] == [], measured
    if page in {"index", "topics", "lit-episodeindex"}:
        assert measured["tables"] > 0, measured
    if page != "topics":
        assert measured["dates"] > 0, measured


def test_previews_work_on_alabaster_from_file_urls(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from tests.conftest import ROOTS
    from tests.helpers import sphinx

    out = tmp_path / "html"
    proc = sphinx("-q", "-b", "html", "-D", "html_theme=alabaster", str(ROOTS / "test-reader"), str(out))
    assert proc.returncode == 0, proc.stderr
    _open(browser, out / "index.html", "light", 1024, 800)
    link = browser.find_element(By.CSS_SELECTOR, "div.body > section > p a[href$='#episode-E01']")
    browser.execute_script("arguments[0].focus()", link)
    popup = _popup(browser)
    assert popup is not None
    # the title is text, never markup: the source's <b> is shown as written
    assert popup["text"].startswith("E01 Episode number 1 <b>bold</b>")
    assert 'Takeaway: Takeaway 1 & "quoted" </script>' in popup["text"]
    _shot(browser, "preview-alabaster")
    link.send_keys(Keys.ESCAPE)
    assert _popup(browser) is None


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["tag", "author"])
def test_a_tag_or_author_link_lands_on_its_entry_in_the_index_at_390_px(site, browser, scheme, kind):
    from selenium.webdriver.common.by import By

    _open(browser, site / "episodes-2024.html", scheme, 390, 800)
    link = browser.find_element(By.CSS_SELECTOR, f"p.lit-episode-meta .lit-{kind}s a")
    name = link.text
    link.click()
    page = "lit-tagindex" if kind == "tag" else "lit-authorindex"
    assert f"/{page}.html#{kind}-" in browser.current_url
    # Chromium scrolls to the fragment a moment after the click returns (after the first layout
    # with the stylesheets), so read where the entry is once the page has stopped moving.
    where = (
        "var t = document.querySelector(':target'); var r = t.getBoundingClientRect();"
        "return {tag: t.tagName, text: t.textContent, top: r.top, bottom: r.bottom, height: innerHeight,"
        " scroll: scrollY, overflow: document.documentElement.scrollWidth - innerWidth};"
    )
    landed = browser.execute_script(where)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = browser.execute_script(where)
        if now == landed:
            break
        landed = now
    _shot(browser, f"{page}-390-{scheme}")
    assert landed["tag"] == "DT"
    if kind == "tag":
        assert landed["text"].startswith(name)
    # wholly in view, below furo's header (an entry near the end of the page cannot reach the top)
    assert landed["top"] >= 40, landed
    assert landed["bottom"] <= landed["height"], landed
    assert landed["overflow"] <= 0, landed


#: WCAG 2 contrast ratio of two computed colours (``rgb(r, g, b)``), worked out in the page
CONTRAST_JS = """
function lum(css) {
  var c = css.match(/[\\d.]+/g).slice(0, 3).map(function (v) {
    v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function contrast(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("page", "picture"), [("topics", "map"), ("rag", "citations")])
def test_a_graph_reads_in_light_and_dark_fits_a_phone_and_its_nodes_lead_to_episodes(
    site, browser, scheme, page, picture
):
    from selenium.webdriver.common.by import By

    for width in (1280, 390):
        _open(browser, site / f"{page}.html", scheme, width, 900)
        svg = browser.find_element(By.CSS_SELECTOR, ".lit-graph-picture svg")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", svg)
        _shot(browser, f"graph-{picture}-{width}-{scheme}")
        seen = browser.execute_script(
            CONTRAST_JS + "var svg = arguments[0], page = getComputedStyle(document.body).backgroundColor;"
            "var text = 99, rim = 99, n = 0;"
            "svg.querySelectorAll('.node').forEach(function (node) {"
            "  var shape = getComputedStyle(node.querySelector('ellipse, polygon, path'));"
            "  text = Math.min(text, contrast(getComputedStyle(node.querySelector('text')).fill, shape.fill));"
            "  rim = Math.min(rim, contrast(shape.stroke, page)); n++;"
            "});"
            "var r = svg.getBoundingClientRect(), frame = svg.parentElement.getBoundingClientRect();"
            "return {nodes: n, text: text, rim: rim, overflow: document.documentElement.scrollWidth - innerWidth,"
            " right: r.right, frame: frame.right,"
            " ink: getComputedStyle(svg.querySelector('.node text')).fill};",
            svg,
        )
        assert seen["nodes"] >= 2, seen
        # the labels are re-coloured from the theme: light ink on dark, dark ink on light
        assert (int(seen["ink"].split("(")[1].split(",")[0]) > 128) == (scheme == "dark"), seen
        # labels on their shapes (WCAG AA for text, 4.5), and rims against the page (3 for graphics)
        assert seen["text"] >= 4.5, seen
        assert seen["rim"] >= 3, seen
        assert seen["overflow"] <= 0, seen
        assert seen["right"] <= seen["frame"] + 1, seen
    # a node is a link to its episode or topic: following it lands there
    href = browser.execute_script(
        "var a = document.querySelector('.lit-graph-picture svg .node a');"
        "return new URL(a.getAttribute('href') || a.getAttribute('xlink:href'), document.baseURI).href;"
    )
    assert "#" in href, href
    browser.get(href)
    target = browser.execute_script("var t = document.querySelector(':target'); return t && t.id;")
    assert target == href.rsplit("#", 1)[1]
