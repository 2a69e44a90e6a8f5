"""Glossary terms: hover definitions, "Used in" lines, the unused-term check."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import ROOTS
from tests.helpers import body, build, visible, without_previews

GLOSSARIES = ["glossary", "glossary-myst"]
ENTROPY = "How uncertain a policy is about its next action."


def _term_links(html: str, term_id: str) -> list[str]:
    return re.findall(rf'<a class="reference internal" href="[^"]*#{term_id}"[^>]*>', html)


@pytest.mark.parametrize("root", GLOSSARIES)
def test_term_links_show_the_first_sentence_on_hover(built, root):
    result = built(root)
    topic = body(result.html("topic"))
    assert _term_links(topic, "term-entropy") == [
        f'<a class="reference internal" href="glossary.html#term-entropy" title="{ENTROPY}">'
    ]
    # in episode bodies too, matched case-insensitively as Sphinx does
    episodes = body(result.html("episodes"))
    assert _term_links(episodes, "term-entropy") == [
        f'<a class="reference internal" href="glossary.html#term-entropy" title="{ENTROPY}">'
    ]


@pytest.mark.parametrize("root", GLOSSARIES)
def test_hover_text_is_escaped(built, root):
    episodes = body(built(root).html("episodes"))
    assert _term_links(episodes, "term-policy") == [
        '<a class="reference internal" href="glossary.html#term-policy" '
        # the definition's quotes are smart quotes, as Sphinx renders them on the glossary page
        'title="The model being trained, with “quotes” &amp; &lt;angle brackets&gt;.">'
    ]


@pytest.mark.parametrize("root", GLOSSARIES)
def test_long_definitions_are_cut_at_about_200_characters(built, root):
    topic = body(built(root).html("topic"))
    (link,) = _term_links(topic, "term-value")
    title = re.search(r'title="([^"]*)"', link)
    assert title
    assert title.group(1).startswith("A long definition that goes on and on about expected returns")
    assert title.group(1).endswith("…")
    assert len(title.group(1)) <= 200
    # the explicit-title form keeps its text
    assert re.search(r'title="A long[^"]*"><span class="xref std std-term">value function</span>', topic)


@pytest.mark.parametrize("root", GLOSSARIES)
def test_used_in_links_every_page_and_episode_using_the_term(built, root):
    glossary = body(built(root).html("glossary"))
    used = re.findall(r'<div class="lit-used-in docutils container">(.*?)</div>', glossary, re.S)
    # episodes by ID, their title on hover; pages by title
    assert [visible(u) for u in used] == [
        "Used in: E1, Glossary review, Exploration",  # entropy
        "Used in: E1",  # policy / actor
        "Used in: Exploration",  # value
    ]
    assert re.findall(r'href="([^"]+)"', used[0]) == ["episodes.html#episode-E1", "index.html", "topic.html"]
    assert 'href="episodes.html#episode-E1" title="Entropy bonuses help"' in used[0]


@pytest.mark.parametrize("root", GLOSSARIES)
def test_unused_terms_are_not_reported_by_default(built, root):
    assert built(root).warnings == []


@pytest.mark.parametrize(
    ("root", "line"), [("glossary", "glossary.rst:20"), ("glossary-myst", "glossary.md:18")]
)
def test_unused_term_check_when_switched_on(built, root, line):
    result = built(root, confoverrides={"litreview_warn_unused_terms": True})
    # `actor` is unused but shares its entry with `policy`, which is used
    assert result.warnings == [
        f"{line}: WARNING: glossary term 'unused' is used on no page [litreview.unused-term]"
    ]
    suppressed = built(
        root,
        confoverrides={"litreview_warn_unused_terms": True, "suppress_warnings": ["litreview.unused-term"]},
    )
    assert suppressed.warnings == []


def test_latex_keeps_sphinx_term_markup(built):
    tex = next(built("glossary", "latex").outdir.glob("*.tex")).read_text()
    assert r"\sphinxtermref{\DUrole{xref}{\DUrole{std}{\DUrole{std-term}{entropy}}}}" in tex
    assert "title=" not in tex
    assert "Used in:" in tex


def _normalise(html: str) -> str:
    """Remove exactly what the extension may add to a plain glossary project."""
    html = without_previews(html)
    html = re.sub(r' title="[^"]*"(?=><span class="xref std std-term">)', "", html)
    html = re.sub(r'\n?<div class="lit-used-in docutils container">.*?</div>', "", html, flags=re.S)
    html = re.sub(r'\n\s*<script defer="defer" src="_static/litreview-preview.js\?v=\w+"></script>', "", html)
    # the extension's stylesheet, and sphinx.ext.graphviz's, which the pictures set up
    return re.sub(
        r'\n\s*<link rel="stylesheet" type="text/css" href="_static/(?:litreview|graphviz).css\?v=\w+" />',
        "",
        html,
    )


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_a_plain_glossary_project_changes_only_by_hover_and_used_in(tmp_path, builder):
    plain_src, ext_src = tmp_path / "plain", tmp_path / "ext"
    shutil.copytree(ROOTS / "test-sphinx-glossary", plain_src)
    shutil.copytree(ROOTS / "test-sphinx-glossary", ext_src)
    plain = build(plain_src, builder)
    with_ext = build(ext_src, builder, confoverrides={"extensions": ["sphinxcontrib_litreview"]})

    assert with_ext.warnings == plain.warnings
    if builder == "latex":
        tex_plain = next(plain.outdir.glob("*.tex")).read_text()
        tex_ext = next(with_ext.outdir.glob("*.tex")).read_text()
        tex_ext = tex_ext.replace("\\usepackage{litreview}\n", "")
        # the book defaults (documented, overridable) and the indices' names for litreview.sty
        tex_ext = tex_ext.replace(",openany,oneside]", "]")
        for name in ("episodeindexname{Episode", "tagindexname{Tag", "authorindexname{Author"):
            tex_ext = tex_ext.replace(f"\n\\renewcommand\\litreview{name} index}}\n", "")
        tex_ext = re.sub(
            r"\n\\begin\{sphinxuseclass\}\{lit-used-in\}.*?\\end\{sphinxuseclass\}(?=\n)",
            "",
            tex_ext,
            flags=re.S,
        )
        assert tex_ext == tex_plain
        return
    for page in ("index", "usage", "glossary"):
        a, b = plain.html(page), with_ext.html(page)
        assert a != b  # hover titles and "Used in" lines were added...
        assert _normalise(b) == a  # ...and nothing else changed
    usage = with_ext.html("usage")
    assert (
        'title="A reStructuredText markup element that allows marking a block of content with special meaning."'
        in usage
    )
    glossary = body(with_ext.html("glossary"))
    assert "Used in: Plain glossary, Usage" in visible(glossary)  # builder


TWICE = ["glossary-twice", "glossary-twice-myst"]
_DEFINITION = re.compile(r'<dt id="([^"]+)">.*?</dt><dd><p>(.*?)</p>', re.S)
_TERM_LINK = re.compile(r'<a class="reference internal" href="([^"#]+)#([^"]+)"(?: title="([^"]*)")?>')


@pytest.mark.parametrize("root", TWICE)
def test_hover_text_is_the_definition_the_link_goes_to(built, root):
    # Terms A defines `widget` and `gadget`, Terms B `Widget` and `gadget` again.  Sphinx
    # matches the exact name first, then the lower-case one, and a duplicate's last reading wins.
    result = built(root)
    definitions = {
        (page, term_id): text
        for page in ("a-terms", "b-terms")
        for term_id, text in _DEFINITION.findall(result.html(page))
    }
    links = [link for page in ("exact", "other") for link in _TERM_LINK.findall(body(result.html(page)))]
    assert links == [
        ("a-terms.html", "term-widget", "A lower-case widget, from page A."),  # widget
        ("b-terms.html", "term-Widget", "A capitalised Widget, from page B."),  # Widget
        ("b-terms.html", "term-Widget", "A capitalised Widget, from page B."),  # WIDGET
        ("b-terms.html", "term-gadget", "Gadget as page B defines it."),  # gadget
    ]
    for href, term_id, title in links:
        assert definitions[href.removesuffix(".html"), term_id] == title
    suffix = "rst:8" if root == "glossary-twice" else "md:3"
    assert result.warnings == [
        f"b-terms.{suffix}: WARNING: duplicate term description of gadget, other instance in a-terms"
    ]


@pytest.mark.parametrize("root", TWICE)
def test_used_in_goes_to_the_entry_the_uses_link_to(built, root):
    result = built(root)
    assert visible(body(result.html("a-terms"))) == (
        "Terms A widget A lower-case widget, from page A. Used in: Exact case "
        "gadget Gadget as page A defines it."
    )
    assert visible(body(result.html("b-terms"))) == (
        "Terms B Widget A capitalised Widget, from page B. Used in: Other cases "
        "gadget Gadget as page B defines it. Used in: Other cases"
    )


@pytest.mark.parametrize(("root", "line"), [("glossary-twice", 9), ("glossary-twice-myst", 7)])
def test_a_duplicate_term_no_link_goes_to_is_unused(built, root, line):
    result = built(root, confoverrides={"litreview_warn_unused_terms": True})
    suffix = "rst" if root == "glossary-twice" else "md"
    assert result.warnings_of("unused-term") == [
        f"a-terms.{suffix}:{line}: WARNING: glossary term 'gadget' is used on no page [litreview.unused-term]"
    ]
