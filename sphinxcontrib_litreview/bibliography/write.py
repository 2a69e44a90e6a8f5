"""Episodes written out as bibliography entries (:class:`.BibEntry`): CSL-JSON items and BibTeX text.

What is written is the episode as the review shows it (its entry joined with
what the episode writes), so that re-reading the export with :mod:`.bibtex` or
:mod:`.csljson` gives back every field: title, authors, date, venue, DOI,
arXiv ID and URL.  BibTeX is written by bibtexparser, with the characters
LaTeX treats specially escaped by pylatexenc's encoder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from bibtexparser import middlewares
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.middlewares.names import InvalidNameError, parse_single_name_into_parts
from bibtexparser.model import Block, Entry, Field
from pylatexenc.latexencode import RULE_DICT, UnicodeToLatexConversionRule, UnicodeToLatexEncoder

from sphinxcontrib_litreview.bibliography.entries import BibEntry, Person
from sphinxcontrib_litreview.bibliography.join import authors
from sphinxcontrib_litreview.bibliography.normalize import arxiv_id
from sphinxcontrib_litreview.records import Episode
from sphinxcontrib_litreview.values import doi_of

#: BibTeX entry types and the CSL types that mean the same (CSL 1.0.2 appendix III)
CSL_TYPES = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "software": "software",
    "dataset": "dataset",
    "unpublished": "manuscript",
    "misc": "document",
}
BIBTEX_TYPES = {csl: bib for bib, csl in reversed(CSL_TYPES.items())}
#: the BibTeX field that holds the venue of each type (the rest: ``publisher``)
_VENUE_FIELD = {"article": "journal", "inproceedings": "booktitle", "incollection": "booktitle"}

#: LaTeX's special characters, written so that a BibTeX reader gives them back as themselves
_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ENCODER = UnicodeToLatexEncoder(
    conversion_rules=[UnicodeToLatexConversionRule(RULE_DICT, {ord(k): v for k, v in _SPECIALS.items()})],
    replacement_latex_protection="none",
    # other characters stay Unicode: a UTF-8 .bib, as Better BibTeX writes it
    unknown_char_policy="keep",
    unknown_char_warning=False,
)
#: ``--``, ````` `` and ``''`` are ligatures in LaTeX (an en dash, quotes): keep them two characters
_LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=`)(?=`)|(?<=')(?=')|(?<=[!?])(?=`)")
#: text fields are encoded here (author names need their braces); DOIs, arXiv IDs and URLs stay verbatim
_UNPARSE_STACK = (
    middlewares.AddEnclosingMiddleware(
        reuse_previous_enclosing=False,
        enclose_integers=True,
        default_enclosing="{",
        allow_inplace_modification=True,
    ),
)


def person(name: str) -> Person:
    """A name as ``:authors:`` writes it (``Jane Doe`` or ``Doe, Jane``) in parts, by BibTeX's rules."""
    try:
        parts = parse_single_name_into_parts(name)
    except InvalidNameError:
        return Person("", literal=name)
    family = " ".join(parts.von + parts.last)
    if not family:
        return Person("", literal=name)
    return Person(family, " ".join(parts.first), " ".join(parts.jr))


def people(episode: Episode, entry: BibEntry | None) -> tuple[Person, ...]:
    """The episode's authors as people: the entry's own when the episode took them from it."""
    if entry is not None and episode.authors == authors(entry):
        return tuple(dict.fromkeys(entry.authors))
    return tuple(person(name) for name in episode.authors)


def exported(episodes: Iterable[Episode], entries: dict[str, BibEntry]) -> Iterator[BibEntry]:
    """Each episode as an entry (of a BibTeX type) of the fields it shows.

    Keys are ``:key:`` or the ID, made unique in order.
    """
    used: set[str] = set()
    for episode in episodes:
        entry = entries.get(episode.key) if episode.key else None
        key = episode.key or episode.id
        if key in used:
            key = episode.id
        n = 1
        while key in used:
            n += 1
            key = f"{episode.id}-{n}"
        used.add(key)
        doi = arxiv = url = ""
        for source in episode.sources:
            if (found := doi_of(source)) is not None and not doi:
                doi = found
            elif (found_arxiv := arxiv_id(url=source)) and not arxiv:
                arxiv = found_arxiv
            elif not url:
                url = source
        kind = (as_bibtex_type(entry).type or "misc") if entry is not None else "misc"
        yield BibEntry(
            key,
            kind,
            episode.title,
            people(episode, entry),
            episode.date,
            episode.venue,
            doi,
            arxiv,
            url,
            source="",
            line=0,
            origin="bibtex",
            raw="",
        )


def as_bibtex_type(entry: BibEntry) -> BibEntry:
    """*entry* with a BibTeX type, as :func:`bibtex` and :func:`csl_item` expect."""
    if entry.origin == "csl-json":
        return entry._replace(type=BIBTEX_TYPES.get(entry.type, "misc"), origin="bibtex")
    return entry


def csl_item(item: BibEntry) -> dict[str, Any]:
    """A CSL-JSON item, as Zotero writes one; arXiv IDs as ``archive`` and ``number``."""
    data: dict[str, Any] = {"id": item.key, "type": CSL_TYPES.get(item.type, "document")}
    if item.title:
        data["title"] = item.title
    if item.authors:
        data["author"] = [_csl_name(p) for p in item.authors]
    if item.date:
        data["issued"] = {"date-parts": [[int(part) for part in item.date.split("-")]]}
    if item.venue:
        data["container-title" if item.type in _VENUE_FIELD else "publisher"] = item.venue
    if item.doi:
        data["DOI"] = item.doi
    if item.arxiv:
        data["archive"] = "arXiv"
        data["number"] = item.arxiv
    if item.url:
        data["URL"] = item.url
    return data


def _csl_name(name: Person) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    parts = {"family": name.family, "given": name.given, "suffix": name.suffix}
    return {k: v for k, v in parts.items() if v}


def bibtex(items: Iterable[BibEntry]) -> str:
    """The entries as BibTeX text (UTF-8), through bibtexparser's writer."""
    blocks: list[Block] = [_bibtex_entry(item) for item in items]
    return str(write_string(Library(blocks), unparse_stack=list(_UNPARSE_STACK))) if blocks else ""


def _bibtex_entry(item: BibEntry) -> Entry:
    fields = [Field("title", _latex(item.title))] if item.title else []
    if item.authors:
        fields.append(Field("author", " and ".join(_bibtex_name(p) for p in item.authors)))
    if item.date:
        fields.append(Field("date", item.date))
        fields.append(Field("year", item.date[:4]))
    if item.venue:
        fields.append(Field(_VENUE_FIELD.get(item.type, "publisher"), _latex(item.venue)))
    if item.doi:
        fields.append(Field("doi", item.doi))
    if item.arxiv:
        fields.extend([Field("eprint", item.arxiv), Field("archiveprefix", "arXiv")])
    if item.url:
        # a brace would end the value; in a URL it is %7B / %7D anyway
        fields.append(Field("url", item.url.replace("{", "%7B").replace("}", "%7D")))
    return Entry(item.type, item.key, fields)


def _bibtex_name(name: Person) -> str:
    """``von Last, Jr, First``, BibTeX's unambiguous form; a literal name in braces, never split."""
    if name.literal:
        return "{" + _latex(name.literal) + "}"
    parts = [name.family, name.suffix, name.given] if name.suffix else [name.family, name.given]
    return ", ".join(_latex(part) if "," not in part else "{" + _latex(part) + "}" for part in parts if part)


def _latex(text: str) -> str:
    return _LIGATURE.sub("{}", str(_ENCODER.unicode_to_latex(text)))
