"""The bibliography readers on a real .bib and on hostile input: entries as text, problems at their line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text

from sphinxcontrib_litreview.bibliography import load
from sphinxcontrib_litreview.bibliography.bibtex import parse_bibtex
from sphinxcontrib_litreview.bibliography.csljson import parse_csl_json
from sphinxcontrib_litreview.bibliography.entries import BibEntry, Origin, Person
from sphinxcontrib_litreview.bibliography.latex import to_text
from sphinxcontrib_litreview.bibliography.load import load_bibliography, read_file

DATA = Path(__file__).parent / "data"
MNE = DATA / "mne-references.bib"
LEFTOVER_LATEX = re.compile(r"[\\{}$]")


def bib(text: str) -> tuple[dict[str, BibEntry], list[str]]:
    entries, problems = parse_bibtex(text, "refs.bib")
    return {e.key: e for e in entries}, [f"{p.line}: {p.message}" for p in problems]


def csl(text: str) -> tuple[dict[str, BibEntry], list[str]]:
    entries, problems = parse_csl_json(text, "refs.json")
    return {e.key: e for e in entries}, [f"{p.line}: {p.message}" for p in problems]


def shown(entry: BibEntry) -> BibEntry:
    """What an entry means, wherever it was read from and however it is spelled."""
    return entry._replace(source="", line=0, raw="")


def nothing_but(key: str, entry_type: str, origin: Origin, title: str = "") -> BibEntry:
    """An entry (as :func:`shown`) with no field but its key, type and perhaps a title."""
    return BibEntry(key, entry_type, title, (), "", "", "", "", "", "", 0, origin, "")


# -- a real file ------------------------------------------------------------


def test_every_entry_of_a_real_bib_loads_as_text():
    entries, problems = parse_bibtex(MNE.read_text(encoding="utf-8"), str(MNE))
    assert len(entries) == 233
    assert all(e.title for e in entries)
    leftovers = [
        (e.key, text)
        for e in entries
        for text in (e.title, e.venue, *(p.text for p in e.authors))
        if LEFTOVER_LATEX.search(text)
    ]
    assert leftovers == []
    by_key = {e.key: e for e in entries}
    gramfort = by_key["GramfortEtAl2014"]
    assert gramfort.title == "MNE Software for Processing MEG and EEG Data"
    assert gramfort.authors[-1] == Person("Hämäläinen", "Matti S.")
    assert (gramfort.date, gramfort.venue, gramfort.doi, gramfort.line) == (
        "2014",
        "NeuroImage",
        "10.1016/j.neuroimage.2013.10.027",
        7,
    )
    # what the file really gets wrong, each at its line
    assert [f"{p.line}: {p.message}" for p in problems] == [
        "1318: entry 'MolinsEtAl2008': author 'Molins A,' cannot be split (Trailing comma at end of name); kept whole",
        "1318: entry 'MolinsEtAl2008': author 'Stufflebeam S. M.,' cannot be split (Trailing comma at end of name); kept whole",
        "1318: entry 'MolinsEtAl2008': author 'Brown E. N.,' cannot be split (Trailing comma at end of name); kept whole",
        "2405: entry 'BertrandEtAl2020': year, month and day make no date ('2021-13--15 Apr' is not an ISO date "
        "(YYYY, YYYY-MM or YYYY-MM-DD)); the year alone is used",
    ]
    assert by_key["BertrandEtAl2020"].date == "2021"


def test_raw_bibtex_reimports_to_the_same_entries():
    entries, _ = parse_bibtex(MNE.read_text(encoding="utf-8"), str(MNE))
    again, problems = parse_bibtex("\n".join(e.raw for e in entries), "export.bib")
    assert [shown(e) for e in again] == [shown(e) for e in entries]
    assert all(
        p.message.startswith("entry 'MolinsEtAl2008'") or "BertrandEtAl2020" in p.message for p in problems
    )


# -- BibTeX, hostile --------------------------------------------------------


def test_latex_becomes_text_and_braced_names_stay_whole():
    entries, problems = bib(
        "@article{k,\n"
        '  title = {{\\"O}ver {LaTeX} -- and $\\alpha$-waves: 50% of H{\\"a}m{\\"a}l{\\"a}inen \\& co},\n'
        '  author = {H{\\"a}m{\\"a}l{\\"a}inen, Matti and {Braced Corp.} and von Neumann, Jr., John and Jane Q. Doe and others},\n'
        "  year = 2020, month = jun, journal = {Proc.~X},\n"
        "}\n"
    )
    entry = entries["k"]
    assert entry.title == "Över LaTeX – and α-waves: 50% of Hämäläinen & co"
    assert entry.authors == (
        Person("Hämäläinen", "Matti"),
        Person("", literal="Braced Corp."),
        Person("von Neumann", "John", "Jr."),
        Person("Doe", "Jane Q."),
        Person("", literal="et al."),
    )
    assert [p.text for p in entry.authors] == [
        "Matti Hämäläinen",
        "Braced Corp.",
        "John von Neumann, Jr.",
        "Jane Q. Doe",
        "et al.",
    ]
    assert [p.inverted for p in entry.authors][:3] == [
        "Hämäläinen, Matti",
        "Braced Corp.",
        "von Neumann, Jr., John",
    ]
    assert (entry.date, entry.venue) == ("2020-06", "Proc. X")
    assert problems == []


@pytest.mark.parametrize(
    ("month", "date"),
    [("jun", "2020-06"), ("6", "2020-06"), ("{June}", "2020-06"), ('"jun"', "2020-06"), ("{6}", "2020-06")],
)
def test_month_as_macro_number_or_name(month, date):
    entries, problems = bib(f"@misc{{k, title={{T}}, year={{2020}}, month={month}, day={{}}}}\n")
    assert (entries["k"].date, problems) == (date, [])


def test_date_field_wins_and_a_range_gives_its_start():
    entries, problems = bib(
        "@online{k, title={T}, date={2021-03-04/2021-05}, year={1999}}\n@misc{b, date={soon}}\n"
    )
    assert entries["k"].date == "2021-03-04"
    assert entries["b"].date == ""
    assert problems == [
        "2: entry 'b': date 'soon' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); left out"
    ]


def test_an_unbalanced_brace_loses_that_entry_only():
    entries, problems = bib(
        "@article{ok1, title={First}}\n"
        "@article{broken,\n"
        "  title = {Unbalanced {brace,\n"
        "  year = 2020\n"
        "}\n"
        "@article{ok2, title={Second}}\n"
    )
    assert sorted(entries) == ["ok1", "ok2"]
    assert problems == [
        "2: cannot read @article{broken: Unexpected block start: `@article`. "
        "Was still looking for field-value closing `}`; it is left out"
    ]


def test_string_macros_and_concatenation_are_resolved():
    entries, problems = bib(
        '@string{jmlr = "Journal of Machine Learning Research"}\n'
        '@STRING{conf = "Conf. " # jmlr}\n'
        "@article{k,\n"
        "  journal = JMLR,\n"
        '  booktitle = "Proc. " # conf # { 2020},\n'
        '  title = "Part " # 2 # {: C# and {"}quotes{"}} # ", " # may,\n'
        "}\n"
        "@inproceedings{u, title = undefined # { one}, booktitle = nomacro}\n"
    )
    entry = entries["k"]
    assert entry.venue == "Journal of Machine Learning Research"
    assert "booktitle = {Proc. Conf. Journal of Machine Learning Research 2020}" in entry.raw
    assert entry.title == 'Part 2: C# and "quotes", May'
    # the entry alone, macros resolved, re-imports to the same entry
    again, again_problems = bib(entry.raw)
    assert (shown(again["k"]), again_problems) == (shown(entry), [])
    assert entries["u"].title == "undefined one"
    assert entries["u"].venue == "nomacro"
    assert problems == [
        "8: entry 'u': title uses the undefined @string macro 'undefined'; shown as its name",
        "8: entry 'u': booktitle uses the undefined @string macro 'nomacro'; shown as its name",
    ]


def test_unknown_types_and_missing_fields_load_with_what_there_is():
    entries, problems = bib("@weird{w,\n  title = {Weird}\n}\n@article{bare,}\n@misc{nofields}\n")
    assert entries["w"].type == "weird"
    assert shown(entries["bare"]) == nothing_but("bare", "article", "bibtex")
    assert "nofields" in entries
    assert problems == ["1: entry 'w': unknown entry type @weird; read as @misc"]


def test_latex_commands_without_text_are_named_at_their_field():
    entries, problems = bib(
        "@misc{k,\n  title = {\\LaTeX\\ meets \\unknowncmd{arg} and \\xyz},\n  author = {Doe, \\initial J.},\n}\n"
    )
    assert entries["k"].title == "LaTeX meets arg and"
    assert entries["k"].authors == (Person("Doe", "J."),)
    assert problems == [
        "2: entry 'k': title uses LaTeX commands with no text equivalent (\\unknowncmd, \\xyz); left out",
        "3: entry 'k': author uses LaTeX commands with no text equivalent (\\initial); left out",
    ]


def test_keys_and_values_bibtex_cannot_use():
    entries, problems = bib(
        "@article{, title={No key}}\n@misc{a b, title={Spaced}}\n@misc{ok, title={z} year=2020}\n@misc{last, title={w}}\n"
    )
    assert sorted(entries) == ["a b", "last", "ok"]
    assert entries["ok"].title == "z year=2020"
    assert problems == [
        "1: an @article without a key is left out",
        "2: entry 'a b': a key with white space cannot be cited",
        "3: entry 'ok': title = {z} year=2020 is not one value (a comma missing?); shown as written",
    ]


def test_duplicate_keys_and_fields_in_one_file():
    entries, problems = bib(
        "@misc{a, title={One}}\n\n@misc{a, title={Two}}\n@misc{b, title={x}, title={y}}\n"
    )
    assert entries["a"].title == "One"
    assert entries["b"].title == "y"
    assert problems == [
        "3: duplicate key 'a': also at line 1; that entry is used",
        "4: a field appears twice in one entry (title); the last one is used",
    ]


def test_identifiers_doi_arxiv_and_url():
    entries, problems = bib(
        "@misc{e, eprint={2506.01234v2}, archivePrefix={arXiv}, doi={https://doi.org/10.1000/X%2FY}}\n"
        "@misc{t, eprint={2506.01234}, eprinttype={arxiv}}\n"
        "@misc{u, url={https://arxiv.org/pdf/hep-th/9901001v1.pdf}}\n"
        "@misc{d, doi={10.48550/arXiv.2401.00001}}\n"
        "@misc{n, eprint={12345}, eprinttype={pubmed}, url={https://example.org/x}}\n"
    )
    assert [(k, e.arxiv) for k, e in entries.items()] == [
        ("e", "2506.01234v2"),
        ("t", "2506.01234"),
        ("u", "hep-th/9901001v1"),
        ("d", "2401.00001"),
        ("n", ""),
    ]
    assert entries["e"].doi == "10.1000/X/Y"
    assert entries["n"].url == "https://example.org/x"
    assert problems == []


def test_ten_thousand_authors_all_load():
    names = " and ".join(f"Author{i}, Given{i}" for i in range(10_000))
    entries, problems = bib(f"@article{{big, title={{Big}}, author={{{names}}}}}\n")
    authors = entries["big"].authors
    assert len(authors) == 10_000
    assert authors[9_999] == Person("Author9999", "Given9999")
    assert problems == []


# The fast path of to_text (no commands, math, ties or ligatures: only drop braces) must say what
# pylatexenc says; %, & and # are literal in .bib values and escaped before pylatexenc sees them.
_PLAIN = st.text(alphabet=st.sampled_from(list("ab Z09{}.,;:()[]/+=<>*|@\"'!?-`%&#^_")), max_size=40)


@given(_PLAIN)
def test_the_plain_text_fast_path_agrees_with_pylatexenc(value):
    if value.count("{") != value.count("}"):
        return
    text, unknown = to_text(value)
    escaped = re.sub(r"([%&#])", r"\\\1", value)
    reference = LatexNodes2Text(math_mode="text").latex_to_text(escaped)
    assert text == " ".join(reference.split())
    assert unknown == ()


# -- CSL-JSON ---------------------------------------------------------------


def test_csl_json_items_as_zotero_exports_them():
    entries, problems = csl(
        json.dumps(
            [
                {
                    "id": "smith2024",
                    "type": "article-journal",
                    "title": "A  title\nwith breaks",
                    "author": [{"family": "Smith", "given": "Ann"}, {"literal": "WHO"}, {"given": "Plato"}],
                    "issued": {"date-parts": [[2024, 6, 14]]},
                    "container-title": "Nature",
                    "DOI": "10.1038/x",
                    "URL": "https://arxiv.org/abs/2506.01234",
                },
                {"id": 42, "title": "Numeric id", "issued": {"date-parts": [["2023"]]}, "publisher": "ACM"},
                {"id": "raw", "title": "Raw date", "issued": {"raw": "2022-05"}},
            ],
            indent=2,
        )
    )
    smith = entries["smith2024"]
    assert smith.title == "A title with breaks"
    assert smith.authors == (Person("Smith", "Ann"), Person("", literal="WHO"), Person("Plato"))
    assert (smith.date, smith.venue, smith.doi, smith.arxiv, smith.line) == (
        "2024-06-14",
        "Nature",
        "10.1038/x",
        "2506.01234",
        2,
    )
    assert (entries["42"].date, entries["42"].venue) == ("2023", "ACM")
    assert entries["raw"].date == "2022-05"
    assert problems == []
    again, _ = csl("[" + ",".join(e.raw for e in entries.values()) + "]")
    assert [shown(e) for e in again.values()] == [shown(e) for e in entries.values()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"items": []}', ["1: a CSL-JSON file holds a list of items, not a JSON object"]),
        (
            '[\n  {"id": "a",}\n]',
            ["2: not valid JSON: Expecting property name enclosed in double quotes (column 14)"],
        ),
        ("", ["1: not valid JSON: Expecting value (column 1)"]),
    ],
)
def test_a_csl_file_that_is_not_a_list_is_one_problem(text, expected):
    assert csl(text) == ({}, expected)


def test_bad_csl_items_are_problems_at_their_line():
    entries, problems = csl(
        "[\n"
        '  {"id": "n", "title": 42, "container-title": ["a"], "author": "Doe",\n'
        '   "issued": {"date-parts": [["June"]]}},\n'
        '  {"title": "no id"},\n'
        "  3,\n"
        '  {"id": "n", "title": "again"},\n'
        '  {"id": "m", "author": [{"family": 7}], "issued": "2020", "DOI": null}\n'
        "]"
    )
    assert shown(entries["n"]) == nothing_but("n", "", "csl-json", title="42")
    assert shown(entries["m"]) == nothing_but("m", "", "csl-json")
    assert problems == [
        "2: item 'n': \"title\" is a number, not a string; shown as 42",
        "2: item 'n': \"author\" is a JSON string, not a list of names; left out",
        '2: item \'n\': "issued" date-parts are not numbers (["June"]); left out',
        "2: item 'n': \"container-title\" is a JSON array, not a string; left out",
        '4: a CSL-JSON item without an "id" is left out',
        "5: a CSL-JSON item must be an object, not a JSON number; left out",
        "6: duplicate id 'n': also at line 2; that item is used",
        "7: item 'm': an author is not a name object with text parts ({\"family\": 7}); left out",
        "7: item 'm': \"issued\" is a JSON string, not a date object; left out",
    ]


# -- loading: once per content, several files -------------------------------


def test_a_file_is_parsed_once_per_content(tmp_path, monkeypatch):
    calls: list[str] = []
    real = load.READERS[".bib"]

    def counting(text: str, source: str):
        calls.append(source)
        return real(text, source)

    monkeypatch.setitem(load.READERS, ".bib", counting)
    refs = tmp_path / "refs.bib"
    cache = tmp_path / "cache"
    refs.write_text("@misc{a, title={One}}\n", encoding="utf-8")
    first = read_file(refs, cache)
    assert read_file(refs, cache) == first
    assert len(calls) == 1
    assert len(list(cache.glob("*.pickle"))) == 1
    refs.write_text("@misc{a, title={Two}}\n", encoding="utf-8")
    assert read_file(refs, cache).entries[0].title == "Two"
    assert len(calls) == 2
    assert len(list(cache.glob("*.pickle"))) == 1  # the pickle of the old content is gone
    # a damaged cache costs a parse, nothing else
    next(cache.glob("*.pickle")).write_bytes(b"not a pickle")
    assert read_file(refs, cache).entries[0].title == "Two"
    assert len(calls) == 3


def test_files_merge_and_a_key_in_two_files_names_both(tmp_path):
    (tmp_path / "a.bib").write_text(
        "@misc{shared, title={From A}}\n@misc{onlya, title={A}}\n", encoding="utf-8"
    )
    (tmp_path / "b.json").write_text('[\n  {"id": "onlyb"},\n  {"id": "shared", "title": "From B"}\n]')
    (tmp_path / "latin1.bib").write_bytes("@misc{x,\n title={Caf\xe9}}\n".encode("latin-1"))
    (tmp_path / "refs.ris").write_text("TY  - JOUR\n")
    result = load_bibliography(
        tmp_path, ["a.bib", "b.json", "a.bib", "gone.bib", "latin1.bib", "refs.ris"], None, ("conf.py", 3)
    )
    assert sorted(result.entries) == ["onlya", "onlyb", "shared"]
    assert result.entries["shared"].title == "From A"
    assert [(Path(p.source).name, p.line, p.message) for p in result.problems] == [
        ("b.json", 3, "key 'shared' is also defined at a.bib:1; that entry is used"),
        (
            "conf.py",
            3,
            f"litreview_bibliography: 'gone.bib' is not a file (looked at {tmp_path / 'gone.bib'})",
        ),
        ("latin1.bib", 2, "is not UTF-8 text; export it as UTF-8 (Zotero and Better BibTeX do)"),
        (
            "conf.py",
            3,
            f"litreview_bibliography: 'refs.ris' is not a .bib or .json file (looked at {tmp_path / 'refs.ris'})",
        ),
    ]
    assert set(result.digests) == set(result.entries)


def test_the_digest_ignores_where_an_entry_sits_but_not_what_it_says():
    entries, _ = bib("@misc{a, title={One}}\n")
    moved, _ = bib("\n\n@misc{a, title={One}}\n")
    edited, _ = bib("@misc{a, title={One}, pages={2}}\n")
    assert moved["a"].line == 3
    assert moved["a"].digest() == entries["a"].digest() != edited["a"].digest()
