"""Content inside ``only`` counts for exactly the outputs that show it.

In both roots, E1 is everywhere, E2 sits in ``only:: latex``, E3 in ``only:: html``
and E4 in ``only:: draft`` inside that; the topic ``print-methods`` is declared in
``only:: latex``.  The methods page cites E1, E2 and E3 and, in ``only:: html``,
E1 again and ``print-methods``.
"""

from __future__ import annotations

import json
import re
import zlib

import pytest

from tests.helpers import body, visible
from tests.test_latex import _root_pdf

ROOTS_ONLY = ["only", "only-myst"]
SUFFIX = {"only": "rst", "only-myst": "md"}
#: the line of "The print study is E2, the web study is E3" in methods.*
PRINT_WEB_LINE = {"only": (8, 9), "only-myst": (7, 8)}
#: the line of the html-only paragraph citing print-methods
HTML_ONLY_LINE = {"only": 13, "only-myst": 11}


def _listed(html: str) -> list[str]:
    return re.findall(r'href="episodes.html#episode-(E\d+)"[^>]*>(?:<[^>]+>)*E\d+ ?', html)


def _anchoring(html: str) -> str:
    return visible(body(html)).split("see print-methods.")[1].strip()


@pytest.mark.parametrize("root", ROOTS_ONLY)
def test_html_lists_links_and_counts_only_what_html_shows(built, root):
    result = built(root)
    methods = result.html("methods")
    # the anchoring list and the topic index know E1 and E3, not the print-only E2 nor the draft E4
    assert _anchoring(methods) == "E1 Shown everywhere E3 Shown on the web only"
    assert visible(body(result.html("index"))).endswith("Methods — 2 episodes, 2 cited")
    # no page links to an episode or topic that HTML does not show
    for page in ("methods", "episodes", "index", "glossary"):
        html = result.html(page)
        assert "episode-E2" not in html, page
        assert "episode-E4" not in html, page
        assert "topic-print-methods" not in html, page
    # E2's body cites E1 in print only: E1's "Cited by" line is the methods page alone
    episodes = visible(body(result.html("episodes")))
    assert "E1 Shown everywhere Topics: Methods Nothing to add. Cited by: Methods E3" in episodes
    # and E2's :term: is no "Used in" of the web glossary
    assert visible(body(result.html("glossary"))).endswith("A small device. Used in: Methods")


@pytest.mark.parametrize("root", ROOTS_ONLY)
def test_citing_what_only_other_outputs_show_is_a_located_warning(built, root):
    suffix, (print_line, web_line) = SUFFIX[root], PRINT_WEB_LINE[root]
    assert built(root).warnings == [
        f"methods.{suffix}:{print_line}: WARNING: citation of episode 'E2', which only other outputs show "
        "[litreview.missing]",
        f"methods.{suffix}:{HTML_ONLY_LINE[root]}: WARNING: topic 'print-methods' is declared only in "
        "other outputs [litreview.topic]",
    ]
    assert built(root, "latex").warnings == [
        f"methods.{suffix}:{web_line}: WARNING: citation of episode 'E3', which only other outputs show "
        "[litreview.missing]",
    ]


@pytest.mark.parametrize("root", ROOTS_ONLY)
def test_html_objects_inventory_and_export_leave_out_print_only_records(built, root):
    result = built(root)
    raw = (result.outdir / "objects.inv").read_bytes()
    inventory = zlib.decompress(raw.split(b"\n", 4)[4]).decode()
    assert re.findall(r"^(\S+) lit:(\w+)", inventory, re.M) == [
        ("E1", "episode"),
        ("E3", "episode"),
        ("methods", "topic"),
    ]
    export = json.loads(result.text("litreview.json"))
    assert list(export["episodes"]) == ["E1", "E3"]
    assert list(export["topics"]) == ["methods"]
    # E2's body (print only) cites E1: that citation is not in the web's data
    assert [(c["docname"], c["episode"]) for c in export["citations"]] == [
        ("methods", "E1"),
        ("methods", "E2"),
        ("methods", "E3"),
        ("methods", "E1"),
    ]


def _tex(result) -> str:
    return next(result.outdir.glob("*.tex")).read_text()


@pytest.mark.parametrize("root", ROOTS_ONLY)
def test_latex_links_only_to_labels_it_has(built, root):
    tex = _tex(built(root, "latex"))
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert refs <= labels, refs - labels
    assert "episodes:episode-E2" in refs
    assert "episode-E3" not in tex
    assert "episode-E4" not in tex
    # the PDF counts E2 where HTML does not: its topic, its citation of E1, its use of the term
    assert "Methods}}}}}} — 2 episodes, 2 cited" in tex
    # (its page is outside the PDF, so the topic is not a link)
    assert r"{print\sphinxhyphen{}methods}}} — 1 episode, 0 cited" in tex
    cited_by = re.search(r"\\sphinxstylestrong\{Cited by:\}(.*)", tex)
    assert cited_by
    assert re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", cited_by.group(1)) == [
        "episodes:episode-E2",
        "methods::doc",
    ]


def test_pdf_of_a_review_with_only_has_no_undefined_references(tmp_path):
    src, stderr, text, log = _root_pdf("only", tmp_path)
    assert "Shown in print only" in text
    assert "Shown on the web only" not in text
    assert [line for line in stderr.splitlines() if "WARNING" in line] == [
        f"{src}/methods.rst:9: WARNING: citation of episode 'E3', which only other outputs show "
        "[litreview.missing]"
    ]
    assert "undefined references" not in log
    assert "Hyper reference" not in log


@pytest.mark.parametrize("root", ROOTS_ONLY)
def test_user_tags_count_like_the_builder_s_own(built, root):
    # E4 is in `only:: draft` inside `only:: html`: shown by an html build tagged draft, by no PDF
    html = built(root, tags=["draft"])
    assert _anchoring(html.html("methods")) == (
        "E1 Shown everywhere E3 Shown on the web only E4 A draft on the web"
    )
    tex = _tex(built(root, "latex", tags=["draft"]))
    assert "episode-E4" not in tex
