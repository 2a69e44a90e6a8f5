"""BibTeX and BibLaTeX files read through bibtexparser 2.

bibtexparser splits the file into blocks (with their lines), resolves
``@string`` macros, removes enclosing braces, reads month names and splits
person names; :mod:`.latex` turns the values into text.  Every block it could
not read, and every value it could only half read, is a :class:`.Problem` at
its line; the rest of the file still loads.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator

from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from bibtexparser.exceptions import BlockAbortedException
from bibtexparser.library import Library
from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    ParsingFailedBlock,
)
from bibtexparser.writer import write

from sphinxcontrib_litreview.bibliography.entries import BibEntry, Person, Problem
from sphinxcontrib_litreview.bibliography.latex import to_text
from sphinxcontrib_litreview.bibliography.normalize import arxiv_id, clean_doi, date_field, iso_date

# bibtexparser also logs the blocks it gives up on; they are reported as problems, at their line, instead
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

#: BibTeX's and BibLaTeX's entry types (biblatex manual §2.1); others load, with a problem
KNOWN_TYPES = frozenset(
    [
        "article",
        "book",
        "booklet",
        "conference",
        "inbook",
        "incollection",
        "inproceedings",
        "manual",
        "mastersthesis",
        "misc",
        "phdthesis",
        "proceedings",
        "techreport",
        "unpublished",
        "mvbook",
        "bookinbook",
        "suppbook",
        "collection",
        "mvcollection",
        "suppcollection",
        "reference",
        "mvreference",
        "inreference",
        "periodical",
        "suppperiodical",
        "patent",
        "online",
        "www",
        "software",
        "dataset",
        "thesis",
        "report",
        "set",
        "xdata",
        "electronic",
        "artwork",
        "audio",
        "image",
        "jurisdiction",
        "legislation",
        "legal",
        "letter",
        "movie",
        "music",
        "performance",
        "review",
        "standard",
        "video",
        "preprint",
    ]
)
#: where the venue comes from, in order of preference
VENUE_FIELDS = ("journaltitle", "journal", "booktitle", "publisher", "institution", "school", "organization")
#: BibTeX's predefined month macros (plain.bst), for ``#`` expressions such as ``"4~" # jun``
MONTH_MACROS = {
    name: full
    for name, full in zip(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        strict=True,
    )
}
_UNDEFINED = "litreview_undefined_macros"
#: what BibTeX accepts as a macro name (the characters its scanner stops at excluded)
_MACRO_NAME = re.compile(r"[^\d\s\"#%'(),={}][^\s\"#%'(),={}]*")
#: report a problem at a field (or, for None, at the entry)
_Report = Callable[[Field | None, str], None]


class ResolveConcatenation(middlewares.LibraryMiddleware):
    """Evaluate ``#`` expressions (``"Proc. " # conf # { 2020}``) in fields and ``@string`` values.

    bibtexparser 2.1 keeps such a value as written (sciunto-org/python-bibtexparser#396,
    fix pending in #565); drop this middleware once a release evaluates them.  It runs
    before ``ResolveStringReferencesMiddleware``, on values that still carry their
    delimiters, and leaves each result braced, so later middlewares see a plain value.
    """

    def __init__(self) -> None:
        super().__init__(allow_inplace_modification=True)

    @classmethod
    def metadata_key(cls) -> str:
        return "litreview_concatenation"

    def transform(self, library: Library) -> Library:
        macros: dict[str, str] = {}
        for string in library.strings:
            parts = _top_level_parts(string.value)
            if len(parts) > 1:
                string.value = "{" + "".join(_evaluate(p, macros, []) for p in parts) + "}"
            macros[string.key.lower()] = _evaluate(string.value, macros, [])
        for entry in library.entries:
            undefined: list[tuple[str, str]] = []
            for field in entry.fields:
                if isinstance(field.value, str) and "#" in field.value:
                    parts = _top_level_parts(field.value)
                    if len(parts) > 1:
                        names: list[str] = []
                        field.value = "{" + "".join(_evaluate(p, macros, names) for p in parts) + "}"
                        undefined.extend((field.key, name) for name in names)
                        entry.parser_metadata[self.metadata_key()] = True
            if undefined:
                entry.parser_metadata[_UNDEFINED] = undefined
        return library


def _top_level_parts(value: str) -> list[str]:
    """The operands of a ``#`` expression: split on ``#`` outside braces and quotes."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == '"' and depth == 0:
            quoted = not quoted
        elif char == "#" and depth == 0 and not quoted:
            parts.append(value[start:i].strip())
            start = i + 1
    parts.append(value[start:].strip())
    return parts


def _evaluate(operand: str, macros: dict[str, str], undefined: list[str]) -> str:
    """One operand's text: a delimited literal, a number, or a macro (kept as its name if undefined)."""
    if len(operand) >= 2 and (operand[0], operand[-1]) in {("{", "}"), ('"', '"')}:
        return operand[1:-1]
    if operand.isdigit():
        return operand
    name = operand.lower()
    if name in macros:
        return macros[name]
    if name in MONTH_MACROS:
        return MONTH_MACROS[name]
    undefined.append(operand)
    return operand


PARSE_STACK = (
    ResolveConcatenation(),
    middlewares.ResolveStringReferencesMiddleware(allow_inplace_modification=True),
    middlewares.RemoveEnclosingMiddleware(allow_inplace_modification=True),
    middlewares.NormalizeFieldKeys(allow_inplace_modification=True),
    middlewares.MonthIntMiddleware(allow_inplace_modification=True),
)


def parse_bibtex(text: str, source: str) -> tuple[list[BibEntry], list[Problem]]:
    """Every entry of a ``.bib`` file's text, and every problem at its line."""
    library = parse_string(text, parse_stack=list(PARSE_STACK))
    entries: list[BibEntry] = []
    problems: list[Problem] = []
    for block in library.failed_blocks:
        problems.extend(_failed(block, source))
        if isinstance(block, DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, Entry):
            entries.append(_entry(block.ignore_error_block, source, problems))
    for entry in library.entries:
        if entry.key.strip():
            entries.append(_entry(entry, source, problems))
        else:
            problems.append(
                Problem(source, _line(entry.start_line), f"an @{entry.entry_type} without a key is left out")
            )
    entries.sort(key=lambda e: e.line)
    problems.sort(key=lambda p: p.line)
    return entries, problems


def _line(start_line: int | None) -> int:
    """bibtexparser counts lines from 0; Sphinx and editors from 1."""
    return (start_line or 0) + 1


def _failed(block: ParsingFailedBlock, source: str) -> Iterator[Problem]:
    line = _line(block.start_line)
    if isinstance(block, DuplicateBlockKeyBlock):
        first = _line(block.previous_block.start_line)
        yield Problem(source, line, f"duplicate key {block.key!r}: also at line {first}; that entry is used")
    elif isinstance(block, DuplicateFieldKeyBlock):
        fields = ", ".join(sorted(block.duplicate_keys))
        yield Problem(source, line, f"a field appears twice in one entry ({fields}); the last one is used")
    else:
        error = block.error
        reason = error.abort_reason if isinstance(error, BlockAbortedException) else str(error)
        head = (block.raw or "").split(",", 1)[0].split("\n", 1)[0].strip()
        yield Problem(
            source, line, f"cannot read {head or 'this block'}: {' '.join(reason.split())}; it is left out"
        )


def _value(field: Field | None) -> str:
    return "" if field is None else str(field.value)


def _entry(entry: Entry, source: str, problems: list[Problem]) -> BibEntry:
    fields = entry.fields_dict
    line = _line(entry.start_line)

    def problem(field: Field | None, message: str) -> None:
        at = _line(field.start_line) if field is not None and field.start_line is not None else line
        problems.append(Problem(source, at, f"entry {entry.key!r}: {message}"))

    if any(char.isspace() for char in entry.key):
        problem(None, "a key with white space cannot be cited")
    entry_type = entry.entry_type.lower()
    if entry_type not in KNOWN_TYPES:
        problem(None, f"unknown entry type @{entry.entry_type}; read as @misc")
    for field_key, name in entry.parser_metadata.get(_UNDEFINED, []):
        problem(
            fields.get(field_key), f"{field_key} uses the undefined @string macro {name!r}; shown as its name"
        )
    resolved = set(entry.parser_metadata.get("ResolveStringReferences", []))
    for field in entry.fields:
        macro = (
            isinstance(field.value, str) and field.enclosing == "no-enclosing" and not field.value.isdigit()
        )
        if macro and field.key not in resolved and field.key != "month":
            if _MACRO_NAME.fullmatch(field.value):
                problem(
                    field, f"{field.key} uses the undefined @string macro {field.value!r}; shown as its name"
                )
            else:
                problem(
                    field,
                    f"{field.key} = {field.value} is not one value (a comma missing?); shown as written",
                )

    def text(key: str) -> str:
        field = fields.get(key)
        value, unknown = to_text(_value(field))
        if unknown:
            problem(
                field, f"{key} uses LaTeX commands with no text equivalent ({', '.join(unknown)}); left out"
            )
        return value

    venue = next((text(key) for key in VENUE_FIELDS if _value(fields.get(key)).strip()), "")
    url = _value(fields.get("url")).strip()
    doi = clean_doi(_value(fields.get("doi")))
    archive = _value(fields.get("archiveprefix") or fields.get("eprinttype"))
    return BibEntry(
        key=entry.key,
        type=entry_type,
        title=text("title"),
        authors=_people(fields.get("author"), problem),
        date=_date(fields, problem),
        venue=venue,
        doi=doi,
        arxiv=arxiv_id(eprint=_value(fields.get("eprint")), archive=archive, url=url, doi=doi),
        url=url,
        source=source,
        line=line,
        origin="bibtex",
        raw=_raw(entry),
    )


def _date(fields: dict[str, Field], problem: _Report) -> str:
    """``date`` (BibLaTeX), else ``year`` with ``month`` and ``day``; a bad month or day keeps the year."""
    if "date" in fields:
        date, why = date_field(_value(fields["date"]))
        if why:
            problem(fields["date"], f"date {why}; left out")
        return date
    year, month, day = (fields.get(key) for key in ("year", "month", "day"))
    if year is None:
        return ""
    date, why = iso_date(_value(year), _value(month), _value(day))
    if why and (month is not None or day is not None):
        date, plain = iso_date(_value(year))
        if not plain:
            problem(month or day, f"year, month and day make no date ({why}); the year alone is used")
            return date
    if why:
        problem(year, f"year {why}; left out")
    return date


def _people(field: Field | None, problem: _Report) -> tuple[Person, ...]:
    if field is None:
        return ()
    unknown: set[str] = set()

    def text(value: str) -> str:
        decoded, commands = to_text(value)
        unknown.update(commands)
        return decoded

    people = []
    for name in split_multiple_persons_names(_value(field)):
        if name.strip().lower() == "others":
            people.append(Person("", literal="et al."))
        elif _one_group(name.strip()):
            people.append(Person("", literal=text(name)))
        else:
            try:
                parts = parse_single_name_into_parts(name)
            except InvalidNameError as exc:
                problem(field, f"author {name.strip()!r} cannot be split ({exc.reason}); kept whole")
                people.append(Person("", literal=text(name)))
                continue
            family = text(" ".join(parts.von + parts.last))
            people.append(Person(family, text(" ".join(parts.first)), text(" ".join(parts.jr))))
    if unknown:
        commands = ", ".join(sorted(unknown))
        problem(field, f"author uses LaTeX commands with no text equivalent ({commands}); left out")
    return tuple(people)


def _one_group(name: str) -> bool:
    """Whether *name* is one brace group, ``{Braced Corp.}``: BibTeX's way of saying "do not split"."""
    if not (name.startswith("{") and name.endswith("}")):
        return False
    depth = 0
    for i, char in enumerate(name):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0:
            return i == len(name) - 1
    return False


def _raw(entry: Entry) -> str:
    """The entry alone, macros and ``#`` resolved: BibTeX that re-imports to the same entry.

    That is the entry as written in the file, unless it used ``@string`` macros or ``#``.
    """
    metadata = entry.parser_metadata
    if (
        entry.raw
        and not metadata.get("ResolveStringReferences")
        and ResolveConcatenation.metadata_key() not in metadata
    ):
        return entry.raw.strip() + "\n"
    fields = [Field(f.key, "{" + str(f.value) + "}") for f in entry.fields]
    return str(write(Library([Entry(entry.entry_type, entry.key, fields)])))
