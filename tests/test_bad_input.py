"""A catalogue of bad input: each gives a located warning or error, the page builds, no traceback."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tests.helpers import MYST4, Build, build, require_tools


@dataclass(frozen=True)
class Case:
    name: str
    source: str  # the page body; `{end}` marks where the page must still render
    expected: tuple[str, ...]  # "line: text" fragments of the warnings this page must give
    myst: bool = False
    titled: bool = True
    #: what MyST-Parser 4 gives instead, where it differs (see docs/install.md)
    myst4: tuple[str, ...] | None = None
    #: the programs it needs to give just these warnings (a picture drawn needs dot)
    needs: tuple[str, ...] = ()


RST_HEAD = ":orphan:\n\n{title}\n{rule}\n\n"
MYST_HEAD = "---\norphan: true\n---\n\n# {title}\n\n"


def _rst(name: str, body: str, *expected: str, needs: tuple[str, ...] = ()) -> Case:
    return Case(name, body, expected, needs=needs)


def _md(
    name: str, body: str, *expected: str, myst4: tuple[str, ...] | None = None, needs: tuple[str, ...] = ()
) -> Case:
    return Case(name, body, expected, myst=True, myst4=myst4, needs=needs)


# MyST-Parser 4 drops an option block it cannot parse before the directive sees a line of it, and
# files its own warning under "<page>.md.rst"; the episode can only say that it has no title.


# Every case is one page; the head above adds 5 (reST) or 6 (MyST) lines before the body,
# so a fragment "6: ..." means the body's first line in reST, "7: ..." in MyST.
CASES = [
    _rst("no-id", ".. episode::\n   :title: No ID\n\n{end}", "6: WARNING: episode has no ID"),
    _rst("blank-id", ".. episode::    \n   :title: Blank ID\n\n{end}", "6: WARNING: episode has no ID"),
    _rst(
        "id-pattern",
        ".. episode:: X1\n   :title: Wrong ID\n   :topics: t\n\n{end}",
        "6: WARNING: episode ID 'X1' does not match litreview_id_pattern",
    ),
    _rst(
        "id-with-space",
        ".. episode:: E8 E9\n   :title: Two IDs\n   :topics: t\n\n{end}",
        "6: WARNING: episode ID 'E8 E9' does not match",
    ),
    _rst(
        "id-zero-width",
        ".. episode:: E7\u200b\n   :title: Zero-width space\n   :topics: t\n\n{end}",
        "6: WARNING: episode ID 'E7\\u200b' is not ASCII",  # shown escaped
    ),
    _rst(
        "id-superscript-digit",
        ".. episode:: E1²\n   :title: A digit Python cannot count with\n   :topics: t\n\n{end}",
        "6: WARNING: episode ID 'E1²' is not ASCII; it cannot be cited or listed",
    ),
    _rst(
        "id-fullwidth-digits",
        ".. episode:: E\uff11\uff12\n   :title: Looks like E12\n   :topics: t\n\n{end}",
        "6: WARNING: episode ID 'E\uff11\uff12' is not ASCII; it cannot be cited or listed",
    ),
    _rst(
        "id-arabic-indic-digits",
        ".. episode:: E\u0661\u0662\n   :title: Also looks like a number\n   :topics: t\n\n{end}",
        "6: WARNING: episode ID 'E\u0661\u0662' is not ASCII",
    ),
    _rst(
        # int() refuses more than 4,300 digits; sorting must not need it
        "id-ten-thousand-digits",
        ".. episode:: E" + "7" * 10_000 + "\n   :title: A very long ID\n   :topics: t\n\n{end}",
    ),
    _rst(
        "duplicate-same-page",
        ".. episode:: E100\n   :title: A\n   :topics: t\n\n.. episode:: E100\n   :title: B\n   :topics: t\n\n{end}",
        "10: WARNING: duplicate episode ID E100: also declared at duplicate-same-page.rst:6",
    ),
    _md(
        "duplicate-across-parsers",
        "```{episode} E101\n:title: MyST twin\n:topics: t\n```\n\n{end}",
    ),
    _rst(
        "duplicate-rst-twin",
        ".. episode:: E101\n   :title: reST twin\n   :topics: t\n\n{end}",
        "6: WARNING: duplicate episode ID E101: also declared at duplicate-across-parsers.md:7",
    ),
    _rst("no-title", ".. episode:: E102\n   :topics: t\n\n{end}", "6: WARNING: episode E102 has no :title:"),
    _rst(
        "empty-title",
        ".. episode:: E103\n   :title:\n   :topics: t\n\n{end}",
        "6: WARNING: episode E103 has no :title:",
    ),
    _rst(
        "bad-date",
        ".. episode:: E104\n   :title: T\n   :date: June 2025\n   :topics: t\n\n{end}",
        "8: WARNING: episode E104: :date: 'June 2025' is not an ISO date",
    ),
    _rst(
        "impossible-date",
        ".. episode:: E105\n   :title: T\n   :date: 2025-02-30\n   :topics: t\n\n{end}",
        "8: WARNING: episode E105: :date: '2025-02-30' is not a real date",
    ),
    _rst(
        "date-with-time",
        ".. episode:: E106\n   :title: T\n   :date: 2025-01-01T10:00\n   :topics: t\n\n{end}",
        "8: WARNING: episode E106: :date: '2025-01-01T10:00' is not an ISO date",
    ),
    _rst(
        "added-month-only",
        ".. episode:: E140\n   :title: T\n   :topics: t\n   :added: 2025-06\n\n{end}",
        "9: WARNING: episode E140: :added: '2025-06' is not an ISO date (YYYY-MM-DD)",
    ),
    _rst(
        "added-impossible",
        ".. episode:: E141\n   :title: T\n   :added: 2025-02-30\n   :topics: t\n\n{end}",
        "8: WARNING: episode E141: :added: '2025-02-30' is not a real date",
    ),
    _rst(
        "added-in-words",
        ".. episode:: E142\n   :title: T\n   :added: yesterday\n   :topics: t\n\n{end}",
        "8: WARNING: episode E142: :added: 'yesterday' is not an ISO date (YYYY-MM-DD)",
    ),
    _rst(
        "added-in-the-future",
        ".. episode:: E143\n   :title: T\n   :added: 9999-12-31\n   :topics: t\n\n{end}",
        "8: WARNING: episode E143: :added: '9999-12-31' is in the future (the build's day is ",
    ),
    _md(
        "added-myst",
        "```{episode} E144\n:title: T\n:topics: t\n:added: 2025-1-5\n```\n\n{end}",
        "10: WARNING: episode E144: :added: '2025-1-5' is not an ISO date (YYYY-MM-DD)",
    ),
    _md(
        "added-in-the-future-myst",
        "```{episode} E145\n:title: T\n:added: 9999-01-01\n:topics: t\n```\n\n{end}",
        "9: WARNING: episode E145: :added: '9999-01-01' is in the future",
    ),
    _rst(
        "javascript-source",
        ".. episode:: E107\n   :title: T\n   :source: javascript:alert(1)\n   :topics: t\n\n{end}",
        "8: WARNING: episode E107: :source: 'javascript:alert(1)' is not an http(s) URL",
    ),
    _rst(
        "source-without-host",
        ".. episode:: E108\n   :title: T\n   :source: https://\n   :topics: t\n\n{end}",
        "8: WARNING: episode E108: :source: 'https://' has no host",
    ),
    _rst(
        "source-with-space",
        ".. episode:: E109\n   :title: T\n   :source: https://example.org/a b\n   :topics: t\n\n{end}",
        # white space separates sources, so the second is 'b'
        "8: WARNING: episode E109: :source: 'b' is not an http(s) URL; it is left out",
    ),
    _rst(
        "source-unclosed-ipv6",
        ".. episode:: E125\n   :title: T\n   :source: http://[::1\n   :topics: t\n\n{end}",
        "8: WARNING: episode E125: :source: 'http://[::1' is not a valid URL (Invalid IPv6 URL); it is left out",
    ),
    _rst(
        "source-bracket-in-host",
        ".. episode:: E126\n   :title: T\n   :source: https://exa]mple.com/\n   :topics: t\n\n{end}",
        "8: WARNING: episode E126: :source: 'https://exa]mple.com/' is not a valid URL (Invalid IPv6 URL)",
    ),
    _rst(
        "source-bad-port",
        ".. episode:: E127\n   :title: T\n   :source: https://example.com:99999/\n   :topics: t\n\n{end}",
        "8: WARNING: episode E127: :source: 'https://example.com:99999/' is not a valid URL (Port out of range",
    ),
    _rst(
        "sources-joined-by-a-bare-comma",
        ".. episode:: E128\n   :title: T\n   :source: https://example.com/a,https://example.org/b\n"
        "   :topics: t\n\n{end}",
        "8: WARNING: episode E128: :source: 'https://example.com/a,https://example.org/b' holds a second URL "
        "after a comma; separate sources with ', ' or a space; it is left out",
    ),
    _rst(
        "date-arabic-indic-digits",
        ".. episode:: E129\n   :title: T\n   :date: \u0662\u0660\u0662\u0665\n   :topics: t\n\n{end}",
        "8: WARNING: episode E129: :date: '\u0662\u0660\u0662\u0665' is not an ISO date",
    ),
    _rst(
        "date-fullwidth-digits",
        ".. episode:: E130\n   :title: T\n   :date: \uff12\uff10\uff12\uff15-01\n   :topics: t\n\n{end}",
        "8: WARNING: episode E130: :date: '\uff12\uff10\uff12\uff15-01' is not an ISO date",
    ),
    _rst(
        "doi-fullwidth-prefix",
        ".. episode:: E131\n   :title: T\n   :doi: 10.\uff11\uff12\uff13\uff14/x\n   :topics: t\n\n{end}",
        "8: WARNING: episode E131: :doi: '10.\uff11\uff12\uff13\uff14/x' is not a valid doi identifier",
    ),
    _rst(
        "bad-doi",
        ".. episode:: E110\n   :title: T\n   :doi: 11.x\n   :topics: t\n\n{end}",
        "8: WARNING: episode E110: :doi: '11.x' is not a valid doi identifier",
    ),
    _rst(
        "bad-arxiv",
        ".. episode:: E111\n   :title: T\n   :arxiv: 99\n   :topics: t\n\n{end}",
        "8: WARNING: episode E111: :arxiv: '99' is not a valid arxiv identifier",
    ),
    _rst(
        "unknown-option",
        ".. episode:: E112\n   :title: T\n   :colour: red\n\n{end}",
        '6: ERROR: Error in "episode" directive:',  # docutils' own message, continued with the option
    ),
    _rst(
        "unknown-topic",
        ".. episode:: E113\n   :title: T\n   :topics: t, nowhere\n\n{end}",
        "8: WARNING: unknown topic 'nowhere'; no topic-summary declares it",
    ),
    _rst(
        "section-in-body",
        ".. episode:: E114\n   :title: T\n   :topics: t\n\n   Heading\n   -------\n\n   Body.\n\n{end}",
        "11: ERROR: Unexpected section title.",
    ),
    _rst(
        "huge-fields",
        ".. episode:: E115\n   :title: "
        + "long " * 2000
        + "\n   :authors: "
        + "; ".join(f"Author {i}" for i in range(500))
        + "\n   :tags: "
        + ", ".join(f"tag{i}" for i in range(500))
        + "\n   :topics: t\n\n{end}",
    ),
    _rst(
        "odd-unicode",
        ".. episode:: E116\n   :title: \u202eevil\u202c ﷽ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0001f600\n   :authors: Zoë; 李雷\n"
        "   :tags: ünïcödé\n   :topics: t\n\n{end}",
    ),
    _rst(
        "in-a-table",
        ".. list-table::\n\n   * - .. episode:: E117\n          :title: In a cell\n          :topics: t\n\n     - cell\n\n{end}",
    ),
    _rst(
        "in-only-block",
        ".. only:: html\n\n   .. episode:: E118\n      :title: Only in HTML\n      :topics: t\n\n{end}",
    ),
    _rst(
        "nested-episodes",
        ".. episode:: E119\n   :title: Outer\n   :topics: t\n\n   .. episode:: E120\n      :title: Inner\n"
        "      :topics: t\n\n      Cites :ep:`E119`.\n\n{end}",
    ),
    _rst(
        "recursive-citations",
        ".. episode:: E121\n   :title: A\n\n   Cites :ep:`E122`.\n\n.. episode:: E122\n   :title: B\n\n"
        "   Cites :ep:`E121` and itself, :ep:`E122`.\n\n{end}",
    ),
    _rst(
        "self-citation-only",
        ".. episode:: E123\n   :title: Only cites itself\n\n   See :ep:`E123`.\n\n{end}",
        "6: WARNING: episode E123 is an orphan: nothing cites it and it anchors no topic",
    ),
    _rst(
        "unknown-citation",
        "Cites :ep:`E9999` and :lit:ep:`E9998`.\n\n{end}",
        "6: WARNING: citation of unknown episode 'E9999'",
        "6: WARNING: citation of unknown episode 'E9998'",
    ),
    _rst(
        "close-citation",
        "Cites :ep:`e123`.\n\n{end}",
        "6: WARNING: citation of unknown episode 'e123' (did you mean E123?)",
    ),
    _rst(
        "empty-target", "Cites :ep:`the paper <>`.\n\n{end}", "6: WARNING: an :ep: citation names no episode"
    ),
    _md(
        "empty-target-myst",
        "Cites {ep}`the paper <>`.\n\n{end}",
        "7: WARNING: an :ep: citation names no episode",
    ),
    _rst(
        "unknown-topic-role",
        "See :topic:`nowhere`.\n\n{end}",
        "6: WARNING: unknown topic 'nowhere'; no topic-summary declares it",
    ),
    _rst("topic-no-slug", ".. topic-summary::\n\n{end}", "6: WARNING: topic-summary needs a topic slug"),
    _rst(
        "topic-slug-with-space",
        ".. topic-summary:: two words\n\n{end}",
        "6: WARNING: topic-summary needs a topic slug without spaces or commas, not 'two words'",
    ),
    _rst(
        "topic-twice-on-a-page",
        ".. topic-summary:: u\n\n.. topic-summary:: v\n\n{end}",
        "8: WARNING: this page already declares topic 'u'",
    ),
    _rst(
        "topic-declared-twice",
        ".. topic-summary:: t\n\n{end}",
        "6: WARNING: topic 't' is declared twice: also at",
    ),
    _rst(
        "anchoring-without-topic",
        ".. anchoring-episodes::\n\n{end}",
        "6: WARNING: anchoring-episodes without a topic slug needs a topic-summary on its page",
    ),
    _rst(
        "anchoring-unknown-topic",
        ".. anchoring-episodes:: nowhere\n\n{end}",
        "6: WARNING: unknown topic 'nowhere'; no topic-summary declares it",
    ),
    _rst(
        "bad-list-options",
        ".. episode-list::\n   :since: 2025-13\n   :until: soon\n   :sort: sideways\n   :limit: many\n"
        "   :style: grid\n   :cited-in: nowhere\n\n{end}",
        "7: WARNING: episode-list: :since: '2025-13' is not a real date",
        "8: WARNING: episode-list: :until: 'soon' is not an ISO date",
        "9: WARNING: episode-list: :sort: must be one of id, date, -date, title, added, -added, not 'sideways'",
        "10: WARNING: episode-list: :limit: must be a positive whole number, not 'many'",
        "11: WARNING: episode-list: :style: must be one of list, table, not 'grid'",
        "12: WARNING: episode-list: :cited-in: 'nowhere' is not a document",
    ),
    _rst(
        "limit-superscript-digit",
        ".. episode-list::\n   :limit: \u00b2\n\n{end}",
        "7: WARNING: episode-list: :limit: must be a positive whole number, not '\u00b2'; the list is not limited",
    ),
    _rst(
        "limit-fullwidth-digits",
        ".. episode-list::\n   :limit: \uff11\uff10\n\n{end}",
        "7: WARNING: episode-list: :limit: must be a positive whole number, not '\uff11\uff10'",
    ),
    _rst(
        "limit-zero",
        ".. episode-list::\n   :limit: 000\n\n{end}",
        "7: WARNING: episode-list: :limit: must be a positive whole number, not '000'",
    ),
    _rst(
        "limit-five-thousand-digits",
        ".. episode-list::\n   :limit: " + "9" * 5_000 + "\n\n{end}",
        "7: WARNING: episode-list: :limit: must be at most 1,000,000, not '"
        + "9" * 60
        + "'… (5000 characters)",
    ),
    _rst(
        "since-until-non-ascii-digits",
        ".. episode-list::\n   :since: \u0662\u0660\u0662\u0665\n   :until: \uff12\uff10\uff12\uff15\n\n{end}",
        "7: WARNING: episode-list: :since: '\u0662\u0660\u0662\u0665' is not an ISO date",
        "8: WARNING: episode-list: :until: '\uff12\uff10\uff12\uff15' is not an ISO date",
    ),
    _rst(
        "bad-timeline-options",
        ".. episode-timeline::\n   :by: week\n   :topic: nowhere\n   :tag: nothing\n\n{end}",
        "7: WARNING: episode-timeline: :by: must be one of year, month, not 'week'; using 'year'",
        "8: WARNING: episode-timeline: unknown topic 'nowhere'; no topic-summary declares it",
        "9: WARNING: episode-timeline: no episode has the tag 'nothing'",
    ),
    _rst(
        "list-unknown-tag-and-author",
        ".. episode-list::\n   :tag: OK\n   :author: Doe, Jan\n\n{end}",
        "7: WARNING: episode-list: no episode has the tag 'OK' (did you mean ok?)",
        "8: WARNING: episode-list: no episode is by 'Doe, Jan' (did you mean Jane Doe?)",
    ),
    _md(
        "list-unknown-author-myst",
        "```{episode-list}\n:style: table\n:author: Nobody At All\n```\n\n{end}",
        "9: WARNING: episode-list: no episode is by 'Nobody At All'",
    ),
    _md(
        "bad-timeline-options-myst",
        "```{episode-timeline}\n:by: Month\n:topic: T\n```\n\n{end}",
        "8: WARNING: episode-timeline: :by: must be one of year, month, not 'Month'; using 'year'",
        "9: WARNING: episode-timeline: unknown topic 'T'; no topic-summary declares it (did you mean t?)",
    ),
    _md(
        "myst-value-starting-with-a-quote",
        '```{episode} E132\n:title: "Quoted" rest\n:topics: t\n```\n\n{end}',
        "8: WARNING: 'episode': Invalid options format",  # MyST's own warning
        "7: WARNING: episode E132: none of its options were read: MyST reads the option block as YAML",
        "7: WARNING: episode E132 is an orphan",
        myst4=("7: WARNING: episode E132 has no :title:", "7: WARNING: episode E132 is an orphan"),
    ),
    _md(
        "myst-yaml-block-value-starting-with-a-quote",
        '```{episode} E133\n---\ntitle: "Quoted" rest\n---\n```\n\n{end}',
        "9: WARNING: 'episode': Invalid options format",
        "7: WARNING: episode E133: none of its options were read: MyST reads the option block as YAML",
        "7: WARNING: episode E133 is an orphan",
        myst4=("7: WARNING: episode E133 has no :title:", "7: WARNING: episode E133 is an orphan"),
    ),
    _rst(
        "options-after-a-blank-line",
        ".. episode:: E134\n\n   :title: T\n   :topics: t\n\n{end}",
        "6: WARNING: episode E134: none of its options were read: options must follow the directive's first line",
        "6: WARNING: episode E134 is an orphan",
    ),
    Case(
        "topic-on-an-untitled-page",
        ".. topic-summary:: untitled\n\nSee :topic:`untitled`.\n\n{end}",
        ("3: WARNING: topic 'untitled' has no :title: and its page has no title; the slug is used",),
        titled=False,
    ),
    _rst(
        "graph-unknown-episode",
        ".. citation-graph::\n   :episode: E1211\n\n{end}",
        "7: WARNING: citation-graph: unknown episode 'E1211' (did you mean E121?)",
    ),
    _rst(
        "graph-unknown-topic",
        ".. topic-graph:: tt\n\n.. citation-graph::\n   :topic: nope\n\n{end}",
        "6: WARNING: topic-graph: unknown topic 'tt'; no topic-summary declares it (did you mean t?)",
        "9: WARNING: citation-graph: unknown topic 'nope'; no topic-summary declares it",
    ),
    _rst(
        "graph-bad-options",
        ".. citation-graph::\n   :episode: E121\n   :depth: 9\n   :max-nodes: lots\n\n"
        ".. citation-graph::\n\n{end}",
        "8: WARNING: citation-graph: :depth: must be 1 or 2, not '9'; using 1",
        "9: WARNING: citation-graph: :max-nodes: must be a positive whole number, not 'lots'; using 150",
        "11: WARNING: citation-graph needs either :episode: or :topic:",
        needs=("dot",),
    ),
    _md(
        "graph-bad-options-myst",
        "```{citation-graph}\n:episode: E121\n:depth: 0\n:max-nodes: 99999\n```\n\n{end}",
        "9: WARNING: citation-graph: :depth: must be 1 or 2, not '0'; using 1",
        "10: WARNING: citation-graph: :max-nodes: must be at most 5,000, not '99999'; using 150",
        needs=("dot",),
    ),
    _md(
        "bad-options-myst",
        "```{episode} E124\n:title: T\n:date: 2025-13-01\n:source: ftp://example.org/x\n:topics: t\n```\n\n{end}",
        "9: WARNING: episode E124: :date: '2025-13-01' is not a real date",
        "10: WARNING: episode E124: :source: 'ftp://example.org/x' is not an http(s) URL",
    ),
    _rst(
        "punctuation-tag",
        ".. episode:: E901\n   :title: Tagged with punctuation\n   :tags: !!!, ok\n   :topics: t\n\n{end}",
        "8: WARNING: episode E901: tag '!!!' has no letter or digit; it is left out of the Tag index",
    ),
    _md(
        "punctuation-author",
        "```{episode} E902\n:title: By punctuation\n:authors: ---; Jane Doe\n:topics: t\n\n{end}\n```",
        "9: WARNING: episode E902: author '---' has no letter or digit; it is left out of the Author index",
    ),
]

TOPIC_PAGE = "Topic\n=====\n\n.. topic-summary:: t\n\nCites :ep:`E121`.\n"


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Build:
    src = tmp_path_factory.mktemp("bad-input")
    (src / "conf.py").write_text('extensions = ["myst_parser", "sphinxcontrib_litreview"]\nproject = "Bad"\n')
    (src / "index.rst").write_text("Bad input\n=========\n\n.. toctree::\n\n   topic\n")
    (src / "topic.rst").write_text(TOPIC_PAGE)
    for case in CASES:
        title = f"Case {case.name}"
        if case.myst:
            text = (
                MYST_HEAD.format(title=title)
                + case.source.replace("{end}", f"END OF CASE {case.name}")
                + "\n"
            )
            (src / f"{case.name}.md").write_text(text, encoding="utf-8")
        else:
            head = RST_HEAD.format(title=title, rule="=" * len(title)) if case.titled else ":orphan:\n\n"
            text = head + case.source.replace("{end}", f"END OF CASE {case.name}") + "\n"
            (src / f"{case.name}.rst").write_text(text, encoding="utf-8")
    return build(src)


def test_the_catalogue_has_at_least_thirty_kinds(catalogue):
    assert len(CASES) >= 30


def test_no_traceback_anywhere(catalogue):
    for text in (catalogue.status, catalogue.warning_text):
        assert "Traceback" not in text
        assert "Exception occurred" not in text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_located_and_the_page_builds(catalogue, case):
    require_tools(*case.needs)
    filename = f"{case.name}.{'md' if case.myst else 'rst'}"
    html = catalogue.html(case.name)
    assert f"END OF CASE {case.name}" in html
    text = re.sub(r"\x1b\[[0-9;]*m", "", catalogue.warning_text).replace(str(catalogue.srcdir) + "/", "")
    # docutils 0.21 reports a section inside a directive as SEVERE (CRITICAL), 0.22 as ERROR
    text = text.replace(": CRITICAL: ", ": ERROR: ")
    mine = [m for m in re.split(r"\n(?=\S)", text) if m.startswith(f"{filename}:")]
    expected = case.myst4 if MYST4 and case.myst4 is not None else case.expected
    assert len(mine) == len(expected), "\n".join(mine)
    for fragment in expected:
        assert any(m.startswith(f"{filename}:{fragment}") for m in mine), (fragment, mine)
