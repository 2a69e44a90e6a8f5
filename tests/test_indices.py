"""The Tag index and the Author index (issue 13): entries with anchors, links from metadata lines, lists by person."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sphinxcontrib_litreview.people import group_people, has_word, person_key
from tests.helpers import body, build, diff_pages, html_pages, read_inventory, rebuild, visible

ROOTS = ["indices", "indices-myst"]
ROOT_DIR = Path(__file__).parent / "roots"
#: the two located warnings of each root: a tag and an author of punctuation alone
BAD_TERMS = {
    "indices": [
        "episodes.rst:16: WARNING: episode E2: tag '!!!' has no letter or digit; "
        "it is left out of the Tag index [litreview.metadata]",
        "episodes.rst:22: WARNING: episode E3: author '...' has no letter or digit; "
        "it is left out of the Author index [litreview.metadata]",
        "index.rst:23: WARNING: episode-list: no episode is by 'Nobody Known' [litreview.metadata]",
    ],
    "indices-myst": [
        "episodes.md:16: WARNING: episode E2: tag '!!!' has no letter or digit; "
        "it is left out of the Tag index [litreview.metadata]",
        "episodes.md:23: WARNING: episode E3: author '...' has no letter or digit; "
        "it is left out of the Author index [litreview.metadata]",
        "index.md:21: WARNING: episode-list: no episode is by 'Nobody Known' [litreview.metadata]",
    ],
}


def _ids(html: str) -> set[str]:
    return set(re.findall(r' id="([^"]+)"', html))


def _terms(html: str) -> list[tuple[str, str, str]]:
    """Each entry of a term index page: (its id, its name as shown, its episodes as shown)."""
    return [
        (anchor, visible(name), visible(episodes))
        for anchor, name, episodes in re.findall(
            r'<dt id="([^"]+)"><span class="lit-index-term">(.*?)</span>.*?</dt><dd>(.*?)</dd>', html, re.S
        )
    ]


def _links(html: str, page: str) -> list[tuple[str, str]]:
    """The links of the metadata lines of *html* to index *page*: (anchor, text)."""
    meta = "".join(re.findall(r'<p class="lit-episode-meta">.*?</p>', html, re.S))
    return [
        (anchor, visible(text))
        for anchor, text in re.findall(
            rf'<a class="reference internal" href="{page}#([^"]+)">(.*?)</a>', meta
        )
    ]


@pytest.mark.parametrize("root", ROOTS)
def test_the_tag_index_lists_each_tag_with_an_anchor_and_its_episodes_escaped(built, root):
    result = built(root)
    assert result.warnings == BAD_TERMS[root]
    html = result.html("lit-tagindex")
    assert "<title>Tag index" in html
    # filed by letter (<script> under S), in natural order within a letter; tags differing in case are two
    assert _terms(html) == [
        ("tag-calibration", "calibration", "E4"),
        ("tag-rl-4767ad80", "RL", "E2"),
        ("tag-rl", "rl", "E1, E2"),
        ("tag-script-alert-1-script-d5f93694", "&lt;script&gt;alert(1)&lt;/script&gt;", "E1"),
        ("tag-token-entropy", "token-entropy", "E1, E3"),
    ]
    assert "<script>alert" not in html
    assert (
        '<a class="reference internal" href="episodes.html#episode-E1" title="First &lt;b&gt;one&lt;/b&gt;">E1</a>'
        in html
    )
    letters = re.search(r'<p class="lit-index-letters">(.*?)</p>', html)
    assert letters
    assert visible(letters.group(1)) == "C · R · S · T"
    # an episode only the PDF shows is in no HTML index; the punctuation-only tag in none
    assert "print-only" not in html
    assert "!!!" not in html


@pytest.mark.parametrize("root", ROOTS)
def test_the_author_index_knows_one_person_in_both_spellings_sorted_by_family_name(built, root):
    html = built(root).html("lit-authorindex")
    # Jane Doe is written "Doe, Jane" twice and "Jane Doe" once: the most used spelling is shown;
    # Wei Zhang is written once each way: the tie goes to the first in natural order
    assert _terms(html) == [
        ("author-jane-doe", "Doe, Jane", "E1, E2, E3"),
        ("author-ada-lovelace", "Ada Lovelace", "E4"),
        ("author-wei-zhang", "Wei Zhang", "E1, E2"),
        ("author-emile-zola-d29b3af2", "Émile Zola", "E2"),
    ]
    assert "3 episodes" in html
    assert "..." not in body(html)


@pytest.mark.parametrize("root", ROOTS)
def test_every_tag_and_author_of_a_metadata_line_links_to_an_existing_entry(built, root):
    result = built(root)
    episodes = result.html("episodes")
    tag_links = _links(episodes, "lit-tagindex.html")
    author_links = _links(episodes, "lit-authorindex.html")
    assert [text for _anchor, text in tag_links] == [
        "rl",
        "token-entropy",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "RL",
        "rl",
        "token-entropy",
        "calibration",
    ]
    # each person as written on the episode, linked to the one entry of that person
    assert author_links == [
        ("author-jane-doe", "Jane Doe"),
        ("author-wei-zhang", "Wei Zhang"),
        ("author-jane-doe", "Doe, Jane"),
        ("author-wei-zhang", "Zhang, Wei"),
        ("author-emile-zola-d29b3af2", "Émile Zola"),
        ("author-jane-doe", "Doe, Jane"),
        ("author-ada-lovelace", "Ada Lovelace"),
    ]
    for page, links in (("lit-tagindex", tag_links), ("lit-authorindex", author_links)):
        ids = _ids(result.html(page))
        assert {anchor for anchor, _text in links} <= ids
    # a tag or author of punctuation alone is shown, unlinked
    assert (
        '<code class="lit-tag docutils literal notranslate"><span class="pre">!!!</span></code></span>'
        in episodes
    )
    assert '; <span class="lit-author">...</span>' in episodes


@pytest.mark.parametrize("root", ROOTS)
def test_each_index_can_be_listed_in_a_toctree(built, root):
    result = built(root)
    index = body(result.html("index"))
    for page, title in (
        ("lit-tagindex", "Tag index"),
        ("lit-authorindex", "Author index"),
        ("lit-episodeindex", "Episode index"),
    ):
        assert f'<a class="reference internal" href="{page}.html">{title}</a>' in index
    # :ref: to an index is titled by it
    assert (
        '<a class="reference internal" href="lit-tagindex.html"><span class="std std-ref">Tag index</span></a>'
        in index
    )


@pytest.mark.parametrize("root", ROOTS)
def test_episode_list_by_author_matches_either_spelling(built, root):
    index = built(root).html("index")
    by_jane = index[index.index('id="by-jane-doe"') : index.index('id="by-nobody"')]
    assert re.findall(r'href="episodes.html#episode-(E\d+)"', by_jane) == ["E1", "E2", "E3"]
    by_nobody = index[index.index('id="by-nobody"') :]
    assert "No episodes." in visible(by_nobody.split("</section>")[0])


def test_html_domain_indices_turns_the_term_indices_and_their_links_off(tmp_path):
    src = shutil.copytree(ROOT_DIR / "test-indices", tmp_path / "src")
    result = build(src, confoverrides={"html_domain_indices": ["lit-episodeindex"]})
    assert not (result.outdir / "lit-tagindex.html").exists()
    assert "lit-tagindex.html#" not in result.html("episodes")
    assert "lit-authorindex.html#" not in result.html("episodes")
    assert (
        '<code class="lit-tag docutils literal notranslate"><span class="pre">rl</span></code>'
        in result.html("episodes")
    )


def test_dirhtml_links_land_on_the_index_entries(built):
    result = built("indices", "dirhtml")
    episodes = (result.outdir / "episodes" / "index.html").read_text(encoding="utf-8")
    links = _links(episodes, "../lit-tagindex/")
    assert ("tag-rl", "rl") in links
    ids = _ids((result.outdir / "lit-tagindex" / "index.html").read_text(encoding="utf-8"))
    assert {anchor for anchor, _text in links} <= ids


def test_singlehtml_links_land_on_the_index_sections_of_the_page(built):
    result = built("indices", "singlehtml")
    html = result.html("index")
    ids = _ids(html)
    links = re.findall(r'href="#((?:tag|author)-[^"]+)"', html)
    assert "tag-rl" in links
    assert "author-jane-doe" in links
    assert set(links) <= ids
    assert '<section class="lit-index lit-tagindex" id="lit-tagindex">' in html
    assert "lit-tagindex.html" not in html


def test_furo_shows_the_entries_with_their_ids_and_the_indices_in_its_sidebar(tmp_path):
    src = shutil.copytree(ROOT_DIR / "test-indices", tmp_path / "src")
    result = build(src, confoverrides={"html_theme": "furo"})
    html = result.html("lit-authorindex")
    assert '<dt id="author-jane-doe">' in html
    assert re.search(r'<a class="reference internal" href="lit-tagindex.html">Tag index</a>', html)
    assert "<title>Author index - Index review" in html


def _tex(result) -> str:
    return next(result.outdir.glob("*.tex")).read_text(encoding="utf-8")


@pytest.mark.parametrize("root", ROOTS)
def test_the_pdf_labels_each_term_and_metadata_links_reach_their_term(built, root):
    tex = _tex(built(root, "latex"))
    for name in ("tagindex", "authorindex"):
        # the index of that name: its group headings are the terms, numbered as litreview.sty labels them
        start = tex.index(
            f"\\renewcommand{{\\indexname}}{{{'Tag' if name == 'tagindex' else 'Author'} index}}"
        )
        block = tex[start : tex.index("\\end{sphinxtheindex}", start)]
        headings = re.findall(r"\\bigletter\{(.*?)\}\n", block)
        links = re.findall(
            rf"\\hyperref\[\\detokenize\{{litreview:{name}-(\d+)\}}\]\{{\\sphinxcrossref\{{(.*?)\}}\}}\}}",
            tex,
        )
        assert links
        for number, text in links:
            shown = re.sub(r"\\(?:sphinxcode|sphinxupquote|DUrole\{lit-author\})\{", "", text).replace(
                "}", ""
            )
            heading = headings[int(number) - 1].replace("}", "")
            if name == "tagindex":
                assert shown == heading, (number, text)
            else:
                assert person_key(shown) == person_key(heading), (number, text)
    # the PDF shows the episode that only it has, with its tag
    assert "\\bigletter{print\\sphinxhyphen{}only}" in tex
    assert "\\renewcommand\\litreviewtagindexname{Tag index}" in tex
    # a mention of the index links to its label
    assert "\\hyperref[\\detokenize{litreview:authorindex}]" in tex


def test_german_names_of_the_indices(built):
    html = built("indices", confoverrides={"language": "de"})
    assert "<title>Schlagwortverzeichnis" in html.html("lit-tagindex")
    assert "<title>Autorenverzeichnis" in html.html("lit-authorindex")
    tex = _tex(built("indices", "latex", confoverrides={"language": "de"}))
    assert "\\renewcommand\\litreviewauthorindexname{Autorenverzeichnis}" in tex


def test_objects_inv_gains_the_indices_as_labels_and_no_objects(built):
    result = built("indices")
    inv = read_inventory(result.outdir / "objects.inv", "https://review.example/")
    assert inv["std:label"]["lit-tagindex"].uri == "https://review.example/lit-tagindex.html"
    assert inv["std:label"]["lit-authorindex"].display_name == "Author index"
    assert sorted(inv["lit:episode"]) == ["E1", "E2", "E3", "E4"]
    assert not any(key.startswith("lit:") and key != "lit:episode" for key in inv)


def test_parallel_build_writes_the_same_indices(tmp_path):
    serial = build(shutil.copytree(ROOT_DIR / "test-indices", tmp_path / "serial"))
    parallel = build(shutil.copytree(ROOT_DIR / "test-indices", tmp_path / "parallel"), parallel=2)
    assert not diff_pages(html_pages(parallel), html_pages(serial))
    assert sorted(parallel.warnings) == sorted(serial.warnings)


def test_ten_thousand_tags_build_with_an_entry_and_a_link_each(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinxcontrib_litreview"]\nproject = "Many tags"\n')
    tags = [f"tag {n} <{n}>" if n % 2 else f"t{n}" for n in range(10_000)]
    (src / "index.rst").write_text(
        "Many tags\n=========\n\n.. episode:: E1\n   :title: Tagged\n"
        f"   :tags: {', '.join(tags)}\n\n   Cites :ep:`E2`.\n\n.. episode:: E2\n   :title: Cites\n\n   :ep:`E1`\n",
        encoding="utf-8",
    )
    result = build(src)
    assert result.warnings == []
    entries = _terms(result.html("lit-tagindex"))
    assert len(entries) == len({anchor for anchor, _n, _e in entries}) == 10_000
    links = _links(result.html("index"), "lit-tagindex.html")
    assert len(links) == 10_000
    assert {anchor for anchor, _text in links} == {anchor for anchor, _n, _e in entries}


# -- who is who ------------------------------------------------------------------


def test_a_person_is_the_same_in_either_spelling_and_white_space():
    assert person_key("Doe, Jane") == person_key("Jane  Doe") == person_key("JANE DOE") == "jane doe"
    assert person_key("van der Berg, Anna") == person_key("Anna van der Berg")
    assert person_key("Plato") == "plato"
    assert person_key("Jane Doe") != person_key("John Doe")
    assert person_key("...") == person_key(" ") == ""
    assert not has_word("!!!")
    assert has_word("C3")


def test_the_shown_spelling_is_the_most_used_and_ties_go_to_natural_order():
    people = group_people(
        [("E1", ("Zhang, Wei", "Jane Doe")), ("E2", ("Wei Zhang", "Doe, Jane")), ("E3", ("Doe, Jane",))]
    )
    assert [(p.display, p.episodes) for p in people] == [
        ("Doe, Jane", ("E1", "E2", "E3")),
        ("Wei Zhang", ("E1", "E2")),
    ]
    # the same whatever order the episodes come in
    assert group_people([("E2", ("Wei Zhang",)), ("E1", ("Zhang, Wei",))])[0].display == "Wei Zhang"


def test_a_build_that_writes_no_document_still_writes_the_term_indices(tmp_path):
    # Sphinx writes the domain indices on every build; the translator then has no page state of its own
    first = build(shutil.copytree(ROOT_DIR / "test-indices", tmp_path / "src"))
    pages = {name: first.html(name) for name in ("lit-tagindex", "lit-authorindex")}
    again = rebuild(first)
    assert "writing output... [" not in again.status.split("generating indices")[0]
    assert {name: again.html(name) for name in pages} == pages
