"""People as ``:authors:`` names them: ``Jane Doe`` and ``Doe, Jane`` are one person.

SPEC.md allows a person to be written ``First Last`` or ``Last, First``.  A
person's *key* folds the two forms (and case and white space) into one, so the
Author index, its links and ``episode-list :author:`` agree on who is who;
the name shown for a person is one of the spellings the review uses.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from sphinxcontrib_litreview.records import natural_key


class Name(NamedTuple):
    """A person's name split into given names and family name (either may be "")."""

    given: str
    family: str


def split_name(written: str) -> Name:
    """``Doe, Jane`` and ``Jane Doe`` → ``Name("Jane", "Doe")``; a single word is a family name."""
    text = " ".join(written.split())
    if "," in text:
        family, _, given = text.partition(",")
        return Name(" ".join(given.split()), family.strip())
    given, _, family = text.rpartition(" ")
    return Name(given, family)


def person_key(written: str) -> str:
    """What identifies a person however the name is written; "" for a name with no letter or digit."""
    if not has_word(written):
        return ""
    name = split_name(unicodedata.normalize("NFKC", written))
    return " ".join(part for part in (name.given, name.family) if part).casefold()


def has_word(text: str) -> bool:
    """Whether *text* holds a letter or digit: a tag or name of punctuation alone names nothing."""
    return any(ch.isalnum() for ch in text)


class Person(NamedTuple):
    key: str
    #: the spelling shown in the Author index: the most used, ties broken by natural order
    display: str
    #: the IDs of the person's episodes, in the order given
    episodes: tuple[str, ...]


def family_order(person: Person) -> tuple[object, ...]:
    """Sort key of the Author index: family name, then given names, then the key itself."""
    name = split_name(person.display)
    return natural_key(name.family), natural_key(name.given), person.key


def group_people(authorships: Iterable[tuple[str, tuple[str, ...]]]) -> list[Person]:
    """Every person of ``(episode ID, authors as written)`` pairs, sorted by family name."""
    spellings: dict[str, Counter[str]] = {}
    episodes: dict[str, dict[str, None]] = {}
    for ep_id, authors in authorships:
        for written in authors:
            key = person_key(written)
            if not key:
                continue
            spellings.setdefault(key, Counter())[" ".join(written.split())] += 1
            episodes.setdefault(key, {})[ep_id] = None
    people = [Person(key, _most_used(spellings[key]), tuple(episodes[key])) for key in spellings]
    return sorted(people, key=family_order)


def _most_used(counts: Counter[str]) -> str:
    return min(counts, key=lambda spelling: (-counts[spelling], natural_key(spelling)))
