"""An episode joined with its bibliography entry: which option values the entry supplies.

Written options win field by field, so the entry supplies only what the
episode leaves out.  Values come as option text, to go through the episode's
own checks; people come as parts (:func:`authors`), to stay distinguishable.
"""

from __future__ import annotations

from collections.abc import Mapping

from sphinxcontrib_litreview.bibliography.entries import BibEntry
from sphinxcontrib_litreview.bibliography.normalize import arxiv_base, arxiv_id
from sphinxcontrib_litreview.values import doi_of


def _names_the_same_work(entry: BibEntry) -> bool:
    """Whether the entry's URL is only the link of its DOI or arXiv ID, which the episode shows anyway."""
    doi = doi_of(entry.url)
    if doi is not None and doi.casefold() == entry.doi.casefold():
        return True
    found = arxiv_id(url=entry.url)
    return bool(found) and arxiv_base(found) == arxiv_base(entry.arxiv)


def supplied(entry: BibEntry, written: Mapping[str, str]) -> dict[str, str]:
    """The option values *entry* supplies: those of the fields the episode does not write."""
    fields = {
        "title": entry.title,
        "date": entry.date,
        "venue": entry.venue,
        "doi": entry.doi,
        "arxiv": entry.arxiv,
        "source": "" if _names_the_same_work(entry) else entry.url,
    }
    return {name: value for name, value in fields.items() if value and not written.get(name, "").strip()}


def authors(entry: BibEntry) -> tuple[str, ...]:
    """The entry's people as ``:authors:`` writes them unambiguously: ``Doe, Jane``."""
    return tuple(dict.fromkeys(person.inverted for person in entry.authors))
