"""The parsing of option values: dates, lists, URLs, identifiers, counts.

Each checker returns why a value is wrong (or ``None``), each converter the
value or ``None``, so that the directives can turn every problem into a
located warning; nothing here raises on any input text. Numbers are ASCII
digits only: Python's ``str.isdigit`` and ``\\d`` accept every Unicode digit,
which then look like another ID or break pdflatex.
"""

from __future__ import annotations

import datetime
import os
import re
from urllib.parse import quote, unquote, urlsplit

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_DOI = re.compile(r"10\.[0-9]{4,9}/\S+")
_ARXIV = re.compile(r"(?:[0-9]{4}\.[0-9]{4,5}|[a-z-]+(?:\.[A-Z]{2})?/[0-9]{7})(?:v[0-9]+)?")
_SOURCE_SEPARATOR = re.compile(r"\s*,\s+|\s+")
_DOI_URLS = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/")
_ARXIV_URLS = ("https://arxiv.org/abs/", "http://arxiv.org/abs/")
#: what may stay unencoded in a URL path (RFC 3986 ``pchar`` and ``/``); ``#``, ``?``, ``%`` … are encoded
_PATH_SAFE = "/:@!$&'()*+,;="
#: a value longer than this is cut in warnings, so a runaway value cannot flood the log
SHOWN_LIMIT = 60


def shown(value: str) -> str:
    """*value* as a warning quotes it: ``repr``, cut to about :data:`SHOWN_LIMIT` characters."""
    if len(value) <= SHOWN_LIMIT:
        return repr(value)
    return repr(value[:SHOWN_LIMIT]) + f"… ({len(value)} characters)"


def split_list(value: str | None, sep: str) -> tuple[str, ...]:
    """Split an option on *sep*, dropping blanks and repeats but keeping order."""
    if not value:
        return ()
    return _unique(value.split(sep))


def split_sources(value: str | None) -> tuple[str, ...]:
    """Split ``:source:`` on white space or a comma followed by white space.

    A comma without a space after it is part of a URL (``…/wiki/Washington,_D.C.``).
    """
    if not value:
        return ()
    return _unique(_SOURCE_SEPARATOR.split(value.strip()))


def _unique(items: list[str]) -> tuple[str, ...]:
    stripped = (item.strip() for item in items)
    return tuple(dict.fromkeys(item for item in stripped if item))


def check_ascii_id(text: str) -> str | None:
    """Return why *text* cannot be an episode ID whatever the pattern: IDs are ASCII.

    A fullwidth ``E12`` (U+FF11 U+FF12) would otherwise look like ``E12`` and take its anchor.
    """
    return None if text.isascii() else "is not ASCII"


def check_date(text: str) -> str | None:
    """Return why *text* is not an ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date."""
    match = _DATE.fullmatch(text)
    if not match:
        return "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        return f"is not a real date ({exc})"
    return None


def check_day(text: str) -> str | None:
    """Return why *text* is not an ISO ``YYYY-MM-DD`` date: ``:added:`` names a day, as feed entries need."""
    match = _DATE.fullmatch(text)
    if not match or match.group(3) is None:
        return "is not an ISO date (YYYY-MM-DD)"
    return check_date(text)


def build_day() -> datetime.date:
    """Today in UTC, or the day of ``SOURCE_DATE_EPOCH`` when set, as Sphinx takes copyright years.

    A reproducible build pins it, so that whether a date is "in the future" does not depend on the clock.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if re.fullmatch(r"[0-9]{1,12}", epoch):
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.datetime.now(datetime.UTC).date()


def check_not_future(day: str, today: datetime.date) -> str | None:
    """Return why *day* (a valid ``YYYY-MM-DD``) cannot have happened yet."""
    if datetime.date.fromisoformat(day) > today:
        return f"is in the future (the build's day is {today.isoformat()})"
    return None


def check_url(url: str) -> str | None:
    """Return why *url* is not an absolute http(s) URL."""
    if any(ch.isspace() for ch in url):
        return "contains white space"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number in range
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if parts.scheme.lower() not in {"http", "https"}:
        return "is not an http(s) URL"
    if not parts.netloc:
        return "has no host"
    if re.search(r",https?://", url, re.IGNORECASE):
        return "holds a second URL after a comma; separate sources with ', ' or a space"
    return None


def _without_prefix(text: str, prefixes: tuple[str, ...]) -> str | None:
    """*text* after the first of *prefixes* it starts with (ignoring case), or ``None``."""
    lower = text.lower()
    for prefix in prefixes:
        if lower.startswith(prefix):
            return text[len(prefix) :]
    return None


def doi_url(doi: str) -> str | None:
    """``https://doi.org/<doi>``, percent-encoded, from a DOI as users paste it; ``None`` if it is none.

    A pasted ``https://doi.org/…`` link is already encoded, so it is decoded first;
    a bare or ``doi:`` DOI is taken as written (``10.1234/a#b`` holds a ``#``).
    """
    doi = doi.strip()
    if (from_url := _without_prefix(doi, _DOI_URLS)) is not None:
        doi = unquote(from_url)
    elif (bare := _without_prefix(doi, ("doi:",))) is not None:
        doi = bare.strip()
    return f"https://doi.org/{quote(doi, safe=_PATH_SAFE)}" if _DOI.fullmatch(doi) else None


def arxiv_url(arxiv: str) -> str | None:
    """``https://arxiv.org/abs/<id>`` from an arXiv ID (``arXiv:`` prefix or abs link accepted)."""
    arxiv = arxiv.strip()
    arxiv = (_without_prefix(arxiv, ("arxiv:", *_ARXIV_URLS)) or arxiv).strip()
    return f"https://arxiv.org/abs/{arxiv}" if _ARXIV.fullmatch(arxiv) else None


def doi_of(url: str) -> str | None:
    """The DOI a ``doi.org`` link resolves, decoded, for its label; ``None`` for other links."""
    parts = urlsplit(url)
    if (parts.hostname or "").removeprefix("dx.") != "doi.org" or not parts.path.strip("/"):
        return None
    return unquote(parts.path.lstrip("/"))


def check_count(text: str, largest: int) -> str | None:
    """Return why *text* is not a whole number from 1 to *largest*, in ASCII digits."""
    if not re.fullmatch(r"[0-9]+", text):
        return "must be a positive whole number"
    digits = text.lstrip("0")
    # compare by length first: int() refuses more than 4,300 digits
    if not digits:
        return "must be a positive whole number"
    if len(digits) > len(str(largest)) or int(digits) > largest:
        return f"must be at most {largest:,}"
    return None


def authors_text(authors: tuple[str, ...]) -> str:
    """The authors as one line that keeps people apart.

    Names are shown as written; if any holds a comma (``Doe, Jane``), people are
    joined by ``; `` as they were written, else by ``, ``.
    """
    return authors_separator(authors).join(authors)


def authors_separator(authors: tuple[str, ...]) -> str:
    """``; `` between people when any name holds a comma (``Doe, Jane``), else ``, ``."""
    return "; " if any("," in name for name in authors) else ", "
