"""Field values both readers share: ISO dates, DOIs and arXiv IDs in one spelling."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from sphinxcontrib_litreview.records import check_date

_ISO_START = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
_ARXIV_ID = re.compile(r"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?")


def iso_date(year: str | int, month: str | int = "", day: str | int = "") -> tuple[str, str]:
    """``(date, problem)``: the ISO text of a year, month and day, or why they make none."""
    parts = [str(year).strip(), str(month).strip(), str(day).strip()]
    if not parts[0]:
        return "", ""
    if not parts[1] and parts[2]:
        parts[2] = ""
    text = "-".join(
        [parts[0].zfill(4) if parts[0].isdigit() else parts[0]]
        + [p.zfill(2) if p.isdigit() else p for p in parts[1:] if p]
    )
    problem = check_date(text)
    return ("", f"{text!r} {problem}") if problem else (text, "")


def date_field(value: str) -> tuple[str, str]:
    """A BibLaTeX ``date`` (ISO 8601, perhaps a range ``2020-01/2020-03``): its start, or why not."""
    start = value.strip().split("/", 1)[0]
    match = _ISO_START.fullmatch(start)
    problem = check_date(start) if match else "is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    return ("", f"{value!r} {problem}") if problem else (start, "")


def clean_doi(value: str) -> str:
    """A DOI without a resolver prefix: ``https://doi.org/10.1/x`` → ``10.1/x``."""
    doi = value.strip()
    for prefix in _DOI_PREFIXES:
        if doi.lower().startswith(prefix):
            return unquote(doi[len(prefix) :])
    return doi


def arxiv_id(*, eprint: str = "", archive: str = "", url: str = "", doi: str = "") -> str:
    """The arXiv ID an entry names: an ``eprint`` on arXiv, an arXiv URL or arXiv's own DOI."""
    if eprint and archive.strip().lower() == "arxiv":
        candidate = eprint.strip().removeprefix("arXiv:").removeprefix("arxiv:")
        if _ARXIV_ID.fullmatch(candidate):
            return candidate
    parts = urlsplit(url.strip())
    if (parts.hostname or "").removeprefix("www.") in {"arxiv.org", "export.arxiv.org"}:
        for prefix in ("/abs/", "/pdf/"):
            if parts.path.startswith(prefix):
                candidate = parts.path.removeprefix(prefix).removesuffix(".pdf").strip("/")
                if _ARXIV_ID.fullmatch(candidate):
                    return candidate
    match = _ARXIV_DOI.fullmatch(doi.strip())
    if match and _ARXIV_ID.fullmatch(match.group(1)):
        return match.group(1)
    return ""
