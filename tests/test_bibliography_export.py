"""litreview.bib, litreview.csl.json and the topics' .bib files: written by html builds, re-importable."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sphinxcontrib_litreview.bibliography.bibtex import parse_bibtex
from sphinxcontrib_litreview.bibliography.csljson import parse_csl_json
from sphinxcontrib_litreview.bibliography.entries import BibEntry, Person
from sphinxcontrib_litreview.bibliography.write import bibtex, people
from tests.helpers import build

ROOTS = Path(__file__).parent / "roots"

pytestmark = pytest.mark.filterwarnings(
    "ignore:'myst_parser.sphinx_ext.myst_refs.MystReferenceResolver.app' is deprecated"
)


def _reimported(result, name: str):
    text = result.text(name)
    reader = parse_bibtex if name.endswith(".bib") else parse_csl_json
    entries, problems = reader(text, name)
    assert problems == []
    return {e.key: e for e in entries}


@pytest.mark.parametrize("root", ["bib-join", "bib-join-myst"])
@pytest.mark.parametrize("name", ["litreview.bib", "litreview.csl.json"])
def test_the_export_reimports_to_every_field_of_every_episode(built, root, name):
    result = built(root)
    episodes = result.app.env.domains["lit"].review.episodes
    entries = result.app.env.domains["lit"].bibliography.entries
    again = _reimported(result, name)
    # key = :key: or the ID; E3's key is unknown, and is still its key
    assert sorted(again) == sorted(ep.key or ep.id for ep in episodes.values())
    for ep in episodes.values():
        entry = again[ep.key or ep.id]
        assert entry.title == ep.title
        assert entry.date == ep.date
        assert entry.venue == ep.venue
        assert entry.authors == people(ep, entries.get(ep.key))
        # the sources: a DOI, an arXiv ID and a URL, each as the episode shows it
        shown = [s for s in (entry.url,) if s]
        if entry.doi:
            shown.append(f"https://doi.org/{entry.doi}")
        if entry.arxiv:
            shown.append(f"https://arxiv.org/abs/{entry.arxiv}")
        assert sorted(shown) == sorted(ep.sources), ep.id
    # a joined episode keeps its entry's people: a braced name stays one name
    assert again["doe2024"].authors[-1] == Person("", literal="Braced Corp.")
    assert again["doe2024"].arxiv == "2406.01234v2"
    assert again["E4"].venue == "Workshop on Things"


def test_csl_json_export_is_what_zotero_reads(built):
    items = json.loads(built("bib-join").text("litreview.csl.json"))
    e8 = next(item for item in items if item["id"] == "csl2025")
    assert e8 == {
        "id": "csl2025",
        "type": "article-journal",
        "title": "From Zotero, with <b>tags</b> & ampersands",
        "author": [{"family": "García", "given": "Lucía"}, {"literal": "The Team"}],
        "issued": {"date-parts": [[2025, 3, 9]]},
        "container-title": "Journal of Exported Things",
        "DOI": "10.5555/zotero.1",
    }


def test_latex_specials_are_escaped_and_come_back(tmp_path):
    title = r"A {braced} 50% & 10\x $5 #1 a_b ~ ^ x--y ``q'' Hämäläinen"
    item = BibEntry(
        "k", "article", title, (Person("Doe", "Jane"),), "2024", "R&D", "", "", "", "", 0, "bibtex", ""
    )
    text = bibtex([item])
    assert r"50\% \& 10\textbackslash{}x \$5 \#1 a\_b" in text
    assert "journal = {R\\&D}" in text
    (entry,), problems = parse_bibtex(text, "x.bib")
    assert problems == []
    assert entry.title == title
    assert entry.venue == "R&D"


def test_each_topic_has_a_bib_of_its_anchoring_and_cited_episodes_linked_from_its_header(built):
    result = built("bib-join")
    # E8 anchors the topic; the page cites E2 and E4
    assert sorted(_reimported(result, "litreview-rl.bib")) == ["E4", "csl2025", "partial2023"]
    html = result.html("topics/rl")
    link = re.search(r'<p class="lit-topic-header"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", link) == "Literature review · 1 episode · BibTeX"
    # relative to the page, which is one folder down
    assert 'href="../litreview-rl.bib"' in link


def test_dirhtml_links_the_topic_bib_from_its_folder(built):
    result = built("bib-join", "dirhtml")
    html = (result.outdir / "topics" / "rl" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../litreview-rl.bib"' in html
    assert (result.outdir / "litreview-rl.bib").is_file()
    assert (result.outdir / "litreview.csl.json").is_file()


@pytest.mark.parametrize("builder", ["latex", "text", "singlehtml"])
def test_other_builders_neither_write_nor_link_the_files(built, builder):
    result = built("bib-join", builder)
    assert not (result.outdir / "litreview.bib").exists()
    assert not list(result.outdir.glob("litreview-*.bib"))
    out = "".join(
        p.read_text(encoding="utf-8")
        for p in result.outdir.rglob("*.*")
        if p.suffix in {".tex", ".txt", ".html"}
    )
    assert "Literature review · 1 episode" in out
    assert "BibTeX" not in out


def test_a_slug_that_is_no_file_name_is_encoded(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-bib-join", src)
    page = src / "topics" / "rl.rst"
    page.write_text(page.read_text(encoding="utf-8").replace(":: rl", ":: rl/a&b?c"), encoding="utf-8")
    episodes = src / "episodes.rst"
    episodes.write_text(
        episodes.read_text(encoding="utf-8").replace(":topics: rl", ":topics: rl/a&b?c"), encoding="utf-8"
    )
    (src / "_build" / "html").mkdir(parents=True)
    (src / "_build" / "html" / "litreview-gone.bib").write_text("of a topic deleted since", encoding="utf-8")
    result = build(src)
    assert (result.outdir / "litreview-rl%2Fa%26b%3Fc.bib").is_file()
    assert not (result.outdir / "litreview-gone.bib").exists()
    assert 'href="../litreview-rl%252Fa%2526b%253Fc.bib"' in result.html("topics/rl")
