"""Option values as users write and paste them: shown as written, one string everywhere."""

from __future__ import annotations

import html
import json
import re

import pytest

from tests.helpers import body, build, rebuild

ROOTS = ["values", "values-myst"]
TITLE = 'The "best" model -- really...'
TAKEAWAY = 'It\'s "fine" -- mostly.'


def _texts(page: str, css_class: str) -> list[str]:
    """The unescaped text of every ``<span class=css_class>`` / ``<strong class=…>`` on *page*."""
    found = re.findall(rf'<span class="{css_class}">(.*?)</span>(?! *</a>)', body(page))
    return [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in found]


@pytest.mark.parametrize("root", ROOTS)
def test_title_and_takeaway_are_the_same_string_everywhere(built, root):
    result = built(root)
    episodes, index, topic = (result.html(d) for d in ("episodes", "index", "topic"))
    exported = json.loads(result.text("litreview.json"))["episodes"]["E1"]
    assert _texts(episodes, "lit-episode-title")[0] == TITLE
    # the episode-list (list and table) and the anchoring list of the topic
    assert _texts(index, "lit-title").count(TITLE) == 2
    assert _texts(topic, "lit-title") == [TITLE, "Plain"]
    # the hover text of the citation
    hovers = [
        html.unescape(t) for t in re.findall(r'<a class="reference internal"[^>]*title="([^"]*)"', topic)
    ]
    assert TITLE in hovers
    assert exported["title"] == TITLE
    takeaway = re.search(r'class="lit-episode-takeaway"><strong>Takeaway:</strong> ([^<]*)<', episodes)
    assert takeaway
    assert html.unescape(takeaway.group(1)) == TAKEAWAY
    assert [t for t in _texts(index, "lit-takeaway") if t] == [TAKEAWAY, TAKEAWAY]
    assert exported["takeaway"] == TAKEAWAY


@pytest.mark.parametrize("root", ROOTS)
def test_the_body_keeps_sphinx_smart_quotes(built, root):
    assert "Body text keeps Sphinx’s “smart quotes” – as usual." in built(root).html("episodes")


def test_latex_shows_the_title_as_written(built):
    tex = next(built("values", "latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    written = r'The "best" model \sphinxhyphen{}\sphinxhyphen{} really...'
    # the heading, the two episode-lists, the anchoring list and the Episode, Tag and Author index
    assert tex.count(written) == 7
    # the one dash Sphinx makes is the body's
    assert tex.count("\\textendash") == 1
    assert "“smart quotes” \\textendash{} as usual" in tex


@pytest.mark.parametrize("root", ROOTS)
def test_doi_is_percent_encoded_and_labelled_as_written(built, root):
    page = built(root).html("episodes")
    # a '#' in a DOI is part of it: encoded in the link, shown in the label, no dash made of '--'
    assert (
        '<a class="reference external" href="https://doi.org/10.1234/a--b%23c">doi:10.1234/a--b#c</a>' in page
    )
    # a pasted dx.doi.org link (already encoded) resolves at doi.org, and the label decodes it
    assert '<a class="reference external" href="https://doi.org/10.5555/x%3Fy">doi:10.5555/x?y</a>' in page
    assert (
        '<a class="reference external" href="https://arxiv.org/abs/2506.01234">arXiv:2506.01234</a>' in page
    )


@pytest.mark.parametrize("root", ROOTS)
def test_a_comma_inside_a_url_is_part_of_it(built, root):
    result = built(root)
    assert (
        '<a class="reference external" href="https://en.wikipedia.org/wiki/Washington,_D.C.">'
        in result.html("episodes")
    )
    assert json.loads(result.text("litreview.json"))["episodes"]["E1"]["sources"] == [
        "https://en.wikipedia.org/wiki/Washington,_D.C.",
        "https://example.org/x",
        "https://example.com/y",
        "https://doi.org/10.1234/a--b%23c",
    ]
    assert result.warnings_of("metadata") == []


@pytest.mark.parametrize("root", ROOTS)
def test_authors_written_last_comma_first_stay_distinguishable(built, root):
    result = built(root)
    assert _texts(result.html("episodes"), "lit-authors") == ["Doe, Jane; Zhang, Wei", "Jane Doe, Wei Zhang"]
    exported = json.loads(result.text("litreview.json"))["episodes"]
    assert exported["E1"]["authors"] == ["Doe, Jane", "Zhang, Wei"]
    assert exported["E2"]["authors"] == ["Jane Doe", "Wei Zhang"]


def _write(src, name, text):
    (src / name).write_text(text, encoding="utf-8")


def _list_order(page: str) -> list[str]:
    return re.findall(r'<span class="xref lit lit-ep">([^<]*)</span>', body(page))


def test_ids_that_tie_in_natural_order_list_the_same_after_an_incremental_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _write(
        src, "conf.py", 'extensions = ["sphinxcontrib_litreview"]\nsuppress_warnings = ["litreview.orphan"]\n'
    )
    _write(src, "index.rst", "Index\n=====\n\n.. episode-list::\n")
    _write(src, "a.rst", ":orphan:\n\nA\n=\n\n.. episode:: E01\n   :title: Zero-padded\n")
    _write(src, "b.rst", ":orphan:\n\nB\n=\n\n.. episode:: E1\n   :title: Plain\n")
    first = build(src)
    assert _list_order(first.html("index")) == ["E01", "E1"]
    # re-reading a.rst stores its episode after b.rst's
    _write(src, "a.rst", ":orphan:\n\nA\n=\n\n.. episode:: E01\n   :title: Zero-padded, retitled\n")
    again = rebuild(first)
    assert "Zero-padded, retitled" in again.html("index")
    assert _list_order(again.html("index")) == ["E01", "E1"]


def test_a_fullwidth_id_is_refused_and_cannot_take_the_ascii_ids_anchor(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _write(src, "conf.py", 'extensions = ["sphinxcontrib_litreview"]\n')
    _write(
        src,
        "index.rst",
        "Index\n=====\n\n.. episode:: E\uff11\uff12\n   :title: Fullwidth\n\n"
        ".. episode:: E12\n   :title: ASCII\n\nCites :ep:`E12`.\n\n.. episode-list::\n",
    )
    result = build(src)
    page = body(result.html("index"))
    assert (
        '<section class="lit-episode" id="episode-E12">\n<h2><a class="lit-episode-id reference internal" '
        'href="#episode-E12">E12</a>'
    ) in page
    assert '<a class="reference internal" href="#episode-E12" title="ASCII">' in page
    # shown as written, but not a target: not listed, not in objects.inv
    assert 'E\uff11\uff12</span> <span class="lit-episode-title">Fullwidth' in page
    assert _list_order(page) == ["E12", "E12"]  # the citation and the one listed episode
    assert result.warnings_of("id") == [
        "index.rst:4: WARNING: episode ID 'E\uff11\uff12' is not ASCII; it cannot be cited or listed [litreview.id]"
    ]
