"""Interactive lists as built (litreview_interactive): the data beside each table, the script, and its absence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import body, html_pages, visible

SCRIPT = "_static/litreview-lists.js"
PACKAGE_STATIC = Path(__file__).parent.parent / "sphinxcontrib_litreview" / "static"


def _data_blocks(html: str) -> list[dict]:
    return [
        json.loads(m)
        for m in re.findall(
            r'<script type="application/json" class="lit-list-data"[^>]*>(.*?)</script>', html, re.S
        )
    ]


def _without_data(html: str) -> str:
    html = re.sub(
        r'<script type="application/json" class="lit-list-data"[^>]*>.*?</script>\n', "", html, flags=re.S
    )
    return re.sub(r'\s*<script defer="defer" src="_static/litreview-lists\.js\?v=\w+"></script>', "", html)


def _tables(html: str) -> list[str]:
    return re.findall(r'<table class="[^"]*lit-episode-list.*?</table>', body(html), re.S)


@pytest.fixture(scope="module")
def on(built):
    result = built("interactive", "html", confoverrides={"html_theme": "basic"})
    assert result.warnings == []
    return result


@pytest.fixture(scope="module")
def off(built):
    return built("interactive", "html", confoverrides={"html_theme": "basic", "litreview_interactive": False})


def test_a_table_list_carries_the_data_its_filters_read_escaped(on):
    html = on.html("index")
    (data,) = _data_blocks(html)
    assert data["topics"] == [["agents", "Agents"], ["retrieval", "Retrieval <em>first</em>"]]
    # ID, date, authors, tags, topics (by position in "topics"); the table shows the rest
    assert data["rows"] == [
        ["E1", "2023", "Tomasz Nowak", ["sparse"], [0], ""],
        ["E2", "2024-03", "Jane Doe, Wei Zhang", ["eval", "dense"], [1], ""],
        ["E3", "", "Jane Doe", ["dense"], [1], ""],
        ["E4", "2024-11-02", "Wei Zhang", [], [0], ""],
        ["E10", "2025-01-10", "Ana Lima", ["eval"], [1, 0], ""],
        ["E20", "", "Li Wei", ["eval"], [], ""],
    ]
    assert data["strings"]["count"] == "{shown} of {total} episodes"
    # nothing from a source ends the block or opens a tag
    assert html.count("</script>") == html.count("<script")
    assert "<em>first" not in html
    # the script is on the page, deferred, and ships
    assert f'<script defer="defer" src="{SCRIPT}' in html
    assert (on.outdir / SCRIPT).exists()


def test_the_data_follows_the_list_and_its_order(on):
    (data,) = _data_blocks(on.html("retrieval"))
    assert [row[0] for row in data["rows"]] == ["E10", "E2", "E3"]  # :sort: -date
    (table,) = _tables(on.html("retrieval"))
    assert re.findall(r"#episode-(E\d+)", table) == ["E10", "E2", "E3"]


def test_the_episode_index_has_its_data_in_the_head_with_takeaways(on):
    html = on.html("lit-episodeindex")
    head = html[: html.index("</head>")]
    (data,) = _data_blocks(head)
    assert [row[0] for row in data["rows"]] == ["E1", "E2", "E3", "E4", "E10", "E20"]
    assert data["rows"][1][5] == 'Dense retrieval wins & "quoted" </script>'
    assert f'<script defer="defer" src="{SCRIPT}' in html


def test_without_javascript_every_row_is_there_and_the_table_is_unchanged(on, off):
    (table,) = _tables(on.html("index"))
    assert re.findall(r"#episode-(E\d+)", table) == ["E1", "E2", "E3", "E4", "E10", "E20"]
    assert "Dense retrieval wins &amp; &quot;quoted&quot; &lt;/script&gt;" in table
    assert visible(table).startswith("Episode Title Date Takeaway E1 First paper 2023 Sparse is enough.")
    # every page is the same as with the option off, but for the data blocks and the script tag
    on_pages, off_pages = html_pages(on), html_pages(off)
    assert on_pages.keys() == off_pages.keys()
    for name, html in on_pages.items():
        assert _without_data(html) == _without_data(off_pages[name]), name


def test_off_puts_no_script_and_no_data_on_any_page(off):
    for name, html in html_pages(off).items():
        assert "litreview-lists.js" not in html, name
        assert "lit-list-data" not in html, name
    assert len(_tables(off.html("index"))) == 1


def test_only_pages_with_a_table_list_or_the_index_load_the_script(on):
    loading = sorted(name for name, html in html_pages(on).items() if "litreview-lists.js" in html)
    assert loading == ["index.html", "lit-episodeindex.html", "retrieval.html"]


def test_the_pdf_has_neither_controls_nor_data(built):
    result = built("interactive", "latex")
    tex = (result.outdir / "interactivelists.tex").read_text(encoding="utf-8")
    assert "lit-list-data" not in tex
    assert "Tomasz Nowak" not in tex.split(r"\chapter")[0]
    assert re.search(r"E10.*Tenth paper", tex, re.S)


def test_the_words_of_the_controls_are_translated(built):
    result = built("interactive", "html", confoverrides={"language": "de", "html_theme": "basic"})
    (data,) = _data_blocks(result.html("index"))
    assert data["strings"]["filter"] == "Episoden filtern"
    assert data["strings"]["count"] == "{shown} von {total} Episoden"
    (data,) = _data_blocks(result.html("lit-episodeindex"))
    assert data["strings"]["undated"] == "Ohne Datum"


def test_french_counts_use_the_french_plural(built):
    result = built("interactive", "html", confoverrides={"language": "fr", "html_theme": "basic"})
    (data,) = _data_blocks(result.html("index"))
    assert data["strings"]["count"] == "{shown} sur {total} épisodes"
    # the topic header's count, whose third plural form was empty and fell back to English
    assert "Revue de littérature · 3 épisodes" in visible(result.html("retrieval"))


def test_the_script_stays_small():
    """The issue's budget: our own script, no framework, at most 15 kB as it ships (unminified)."""
    script = PACKAGE_STATIC / "litreview-lists.js"
    assert script.stat().st_size <= 15_000
    assert "://" not in script.read_text(encoding="utf-8")  # nothing from another host
