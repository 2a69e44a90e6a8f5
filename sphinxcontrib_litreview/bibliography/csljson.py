"""CSL-JSON files (Zotero's and Better BibTeX's export) read with the standard library.

A CSL-JSON file is a list of items.  The file is validated by :func:`json.loads`
first, then its items are decoded one by one with :meth:`json.JSONDecoder.raw_decode`,
which says where each starts, so that a problem with an item is reported at its
line.  A value of the wrong type is a problem, never a crash: numbers become
text, anything else is left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from sphinxcontrib_litreview.bibliography.entries import BibEntry, Person, Problem
from sphinxcontrib_litreview.bibliography.normalize import arxiv_id, clean_doi, date_field, iso_date

_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
#: report a problem with the item being read
_Report = Callable[[str], None]


def parse_csl_json(text: str, source: str) -> tuple[list[BibEntry], list[Problem]]:
    """Every item of a CSL-JSON file's text, and every problem at its line."""
    text = text.removeprefix("\ufeff")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [Problem(source, exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})")]
    if not isinstance(document, list):
        kind = _json_type(document)
        return [], [Problem(source, 1, f"a CSL-JSON file holds a list of items, not a JSON {kind}")]
    entries: dict[str, BibEntry] = {}
    problems: list[Problem] = []
    for line, item in _items(text):
        entry = _entry(item, source, line, problems)
        if entry is None:
            continue
        first = entries.setdefault(entry.key, entry)
        if first is not entry:
            problems.append(
                Problem(
                    source, line, f"duplicate id {entry.key!r}: also at line {first.line}; that item is used"
                )
            )
    return list(entries.values()), problems


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), "null")


def _items(text: str) -> Iterator[tuple[int, Any]]:
    """The items of a JSON list known to be valid, each with the line it starts at."""
    pos = text.index("[") + 1
    line = 1 + text.count("\n", 0, pos)
    while True:
        start = pos
        while text[pos] in _SPACE or text[pos] == ",":
            pos += 1
        if text[pos] == "]":
            return
        line += text.count("\n", start, pos)
        item, end = _DECODER.raw_decode(text, pos)
        yield line, item
        line += text.count("\n", pos, end)
        pos = end


def _entry(item: Any, source: str, line: int, problems: list[Problem]) -> BibEntry | None:
    if not isinstance(item, dict):
        problems.append(
            Problem(
                source, line, f"a CSL-JSON item must be an object, not a JSON {_json_type(item)}; left out"
            )
        )
        return None
    key = item.get("id")
    if isinstance(key, int | float) and not isinstance(key, bool):
        key = str(key)
    if not isinstance(key, str) or not key.strip():
        problems.append(Problem(source, line, 'a CSL-JSON item without an "id" is left out'))
        return None

    def problem(message: str) -> None:
        problems.append(Problem(source, line, f"item {key!r}: {message}"))

    def text(name: str) -> str:
        value = item.get(name)
        if value is None:  # absent, or null
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            problem(f'"{name}" is a number, not a string; shown as {value}')
            return str(value)
        if not isinstance(value, str):
            problem(f'"{name}" is a JSON {_json_type(value)}, not a string; left out')
            return ""
        return " ".join(value.split())

    url = text("URL")
    doi = clean_doi(text("DOI"))
    archive = text("archive") if "archive" in item else ""
    number = text("number") if archive.lower() == "arxiv" else ""
    return BibEntry(
        key=key,
        type=text("type"),
        title=text("title"),
        authors=_people(item.get("author", []), problem),
        date=_date(item.get("issued"), problem),
        venue=next((text(name) for name in ("container-title", "publisher") if item.get(name)), ""),
        doi=doi,
        arxiv=arxiv_id(eprint=number, archive=archive, url=url, doi=doi),
        url=url,
        source=source,
        line=line,
        origin="csl-json",
        raw=json.dumps(item, ensure_ascii=False, sort_keys=True),
    )


def _people(value: Any, problem: _Report) -> tuple[Person, ...]:
    if not isinstance(value, list):
        problem(f'"author" is a JSON {_json_type(value)}, not a list of names; left out')
        return ()
    people = []
    for name in value:
        parts = (
            {k: name.get(k, "") for k in ("family", "given", "suffix", "literal")}
            if isinstance(name, dict)
            else {}
        )
        if not parts or not all(isinstance(v, str) for v in parts.values()):
            problem(f"an author is not a name object with text parts ({json.dumps(name)[:60]}); left out")
            continue
        if not parts["family"] and not parts["literal"]:
            # a name given only as "given", as some exports write a mononym
            parts = {"family": parts["given"], "given": "", "suffix": "", "literal": ""}
        people.append(Person(parts["family"], parts["given"], parts["suffix"], parts["literal"]))
    return tuple(people)


def _date(value: Any, problem: _Report) -> str:
    """CSL's ``issued``: ``date-parts`` (the first, for a range), else ``raw``; "" if neither."""
    if value is None:
        return ""
    if not isinstance(value, dict):
        problem(f'"issued" is a JSON {_json_type(value)}, not a date object; left out')
        return ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = parts[0][:3]
        if all(
            (isinstance(p, int) and not isinstance(p, bool)) or (isinstance(p, str) and p.isdigit())
            for p in first
        ):
            date, why = iso_date(*first)
            if why:
                problem(f'"issued" {why}')
            return date
        problem(f'"issued" date-parts are not numbers ({json.dumps(first)[:60]}); left out')
        return ""
    raw = value.get("raw")
    if isinstance(raw, str) and raw.strip():
        date, why = date_field(raw)
        if why:
            problem(f'"issued" {why}')
        return date
    if "literal" not in value and "season" not in value:
        problem('"issued" has no "date-parts"; left out')
    return ""
