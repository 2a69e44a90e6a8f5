"""What a reader gets (issue 12): headings, the Episode index in a toctree, previews, folds, translations."""

from __future__ import annotations

import gettext
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from tests.helpers import body, section, visible

ROOTS = ["reader", "reader-myst"]
PACKAGE = Path(__file__).parent.parent / "sphinxcontrib_litreview"
LOCALE = PACKAGE / "locale"
TITLE_1 = "Episode number 1 &lt;b&gt;bold&lt;/b&gt;"


def _sidebar(html: str) -> str:
    return html[html.index('<div class="sphinxsidebarwrapper">') :]


@pytest.mark.parametrize("root", ROOTS)
def test_an_episode_at_section_level_is_a_heading_with_a_permalink_in_the_local_toc(built, root):
    result = built(root)
    assert result.warnings == []
    html = result.html("episodes")
    episode = section(html, "episode-E01").replace('<section id="episode-E01">', "")
    match = re.search(r'<section class="lit-episode" id="episode-E01">\s*<h3>(.*?)</h3>', html, re.S)
    assert match, episode
    heading = match.group(1)
    # the ID links to the episode itself, the title is escaped, the permalink is Sphinx's own
    assert heading.startswith('<a class="lit-episode-id reference internal" href="#episode-E01">E01</a> ')
    assert f'<span class="lit-episode-title">{TITLE_1}</span>' in heading
    assert heading.endswith('<a class="headerlink" href="#episode-E01" title="Link to this heading">¶</a>')
    # in the page's table of contents, under its section
    toc = _sidebar(html)
    entry = re.search(r'<li><a class="reference internal" href="#episode-E01">(.*?)</a>', toc)
    assert entry
    assert visible(entry.group(1)) == "E01 Episode number 1 &lt;b&gt;bold&lt;/b&gt;"
    assert toc.index('href="#early-work"') < toc.index('href="#episode-E01"')


@pytest.mark.parametrize("root", ROOTS)
def test_an_episode_in_a_list_or_an_admonition_has_a_heading_of_its_depth_outside_the_toc(built, root):
    html = built(root).html("episodes")
    for ep_id in ("E11", "E12"):
        assert re.search(
            rf'<h3 class="lit-episode-heading rubric" id="episode-{ep_id}">'
            rf'<a class="lit-episode-id reference internal" href="#episode-{ep_id}">{ep_id}</a>',
            html,
        ), ep_id
        assert f'href="#episode-{ep_id}"' not in _sidebar(html)
    assert re.search(r'<div class="admonition note">.*?id="episode-E12"', html, re.S)


@pytest.mark.parametrize("root", ROOTS)
def test_the_episode_index_can_be_listed_in_a_toctree_and_shows_titles(built, root):
    result = built(root)
    assert result.warnings == []  # no "toctree contains reference to nonexisting document"
    index = result.html("index")
    assert '<a class="reference internal" href="lit-episodeindex.html">Episode index</a>' in body(index)
    episode_index = result.html("lit-episodeindex")
    assert re.search(
        rf'href="episodes.html#episode-E01"><code class="xref">E01</code></a> <em>\(2025-01-01\)</em>'
        rf"</td><td>\s*<em>{re.escape(TITLE_1)}</em>",
        episode_index,
    )


def _previews(html: str) -> dict[str, dict[str, str]]:
    match = re.search(r'<script type="application/json" class="lit-previews">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def _preview_of(html: str, href: str) -> dict[str, str]:
    """The preview data of the links to *href*; the links are as Sphinx writes them."""
    assert f'<a class="reference internal" href="{href}"' in html
    return _previews(html)[href]


@pytest.mark.parametrize("root", ROOTS)
def test_links_carry_their_preview_in_the_page_escaped(built, root):
    result = built(root)
    html = result.html("index")
    assert _preview_of(html, "episodes.html#episode-E01") == {
        "kind": "episode",
        "id": "E01",
        "title": "Episode number 1 <b>bold</b>",
        "date": "2025-01-01",
        "authors": "Jane Doe, Wei Zhang",
        "takeaway": 'Takeaway 1 & "quoted" </script>',
        "takeawayLabel": "Takeaway:",
    }
    # nothing from a source can end the script block or open a tag: one script element each
    assert html.count("</script>") == html.count("<script")
    assert "<b>" not in html
    assert _preview_of(html, "glossary.html#term-entropy") == {
        "kind": "term",
        "title": "entropy",
        "definition": "How uncertain the model is about its next token.",
    }
    # the hover title stays for readers without JavaScript; the script and its style ship
    assert 'href="episodes.html#episode-E01" title="Episode number 1 &lt;b&gt;bold&lt;/b&gt;"' in html
    assert '<script defer="defer" src="_static/litreview-preview.js' in html
    assert (result.outdir / "_static" / "litreview-preview.js").exists()


@pytest.mark.parametrize("root", ROOTS)
def test_used_in_names_episodes_by_id_and_folds_beyond_eight(built, root):
    glossary = body(built(root).html("glossary"))
    used = re.search(r'<div class="lit-used-in docutils container">(.*)</details>', glossary, re.S)
    assert used
    text = visible(used.group(0))
    title = "Reader MyST review" if root.endswith("myst") else "Reader review"
    assert text.startswith(
        f"Used in: E01, E02, E03, E04, E05, E06, E07, E08 and 5 more E09, E10, E11, E12, {title}"
    )
    assert '<details class="lit-more">\n<summary>and 5 more</summary>' in used.group(0)
    assert 'href="episodes.html#episode-E01" title="Episode number 1 &lt;b&gt;bold&lt;/b&gt;"' in used.group(
        0
    )


@pytest.mark.parametrize("root", ROOTS)
def test_german_labels_in_html_and_latex(built, root):
    html = built(root, confoverrides={"language": "de"})
    glossary = visible(body(html.html("glossary")))
    assert "Verwendet in: E01" in glossary
    assert "und 5 weitere" in glossary
    episodes = visible(body(html.html("episodes")))
    assert "Fazit: Takeaway 1" in episodes
    assert "Zitiert in:" in episodes
    assert "<title>Episodenverzeichnis" in html.html("lit-episodeindex")
    tex = next(built(root, "latex", confoverrides={"language": "de"}).outdir.glob("*.tex")).read_text()
    assert "\\sphinxstylestrong{Fazit:}" in tex
    assert "\\renewcommand\\litreviewepisodeindexname{Episodenverzeichnis}" in tex
    assert "\\renewcommand{\\indexname}{Episodenverzeichnis}" in tex


def test_catalogues_hold_every_message_and_their_compiled_files_are_up_to_date():
    messages = {
        message if isinstance(message, str) else message[0]
        for _file, _lineno, message, _comments, _context in extract_from_dir(
            PACKAGE,
            method_map=[("**.py", "python")],
            keywords={"_": None, "ngettext": (1, 2)},
        )
    }
    assert "Cited by:" in messages
    for lang in ("de", "fr"):
        folder = LOCALE / lang / "LC_MESSAGES"
        with open(folder / "sphinxcontrib_litreview.po", "rb") as f:
            catalog = read_po(f)
        ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        assert ids == messages, lang
        assert all(m.string for m in catalog if m.id), lang
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        with open(folder / "sphinxcontrib_litreview.mo", "rb") as f:
            shipped = gettext.GNUTranslations(f)
        fresh = gettext.GNUTranslations(io.BytesIO(compiled.getvalue()))
        for m in catalog:
            if m.id and isinstance(m.id, str):
                assert shipped.gettext(m.id) == fresh.gettext(m.id), (lang, m.id)


def test_the_wheel_carries_the_script_stylesheet_and_catalogues(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(PACKAGE.parent)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "static/litreview.css",
        "static/litreview-preview.js",
        "texinputs/litreview.sty",
        "locale/de/LC_MESSAGES/sphinxcontrib_litreview.mo",
        "locale/fr/LC_MESSAGES/sphinxcontrib_litreview.mo",
    ):
        assert f"sphinxcontrib_litreview/{name}" in names, name
