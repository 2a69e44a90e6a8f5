"""Field values both readers share: ISO dates, DOIs and arXiv IDs in one spelling."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sphinxcontrib_litreview.values import arxiv_url, check_date, doi_of, doi_url

_ISO_START = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(.+)", re.IGNORECASE)
_ARXIV_ABS = "https://arxiv.org/abs/"
_VERSION = re.compile(r"v[0-9]+$")


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
    """A DOI as the ``:doi:`` option takes it, without a resolver prefix: ``https://doi.org/10.1/x`` → ``10.1/x``.

    Anything that is no DOI is kept as written, for the episode's own check to report.
    """
    url = doi_url(value)
    return (doi_of(url) or value.strip()) if url else value.strip()


def _arxiv(candidate: str) -> str:
    url = arxiv_url(candidate)
    return url.removeprefix(_ARXIV_ABS) if url else ""


def arxiv_base(identifier: str) -> str:
    """An arXiv ID without its version: ``2506.01234v2`` and ``2506.01234`` name one paper."""
    return _VERSION.sub("", identifier)


def arxiv_id(*, eprint: str = "", archive: str = "", url: str = "", doi: str = "") -> str:
    """The arXiv ID an entry names: an ``eprint`` on arXiv, an arXiv URL or arXiv's own DOI."""
    if eprint and archive.strip().lower() == "arxiv" and (found := _arxiv(eprint)):
        return found
    parts = urlsplit(url.strip())
    if (parts.hostname or "").removeprefix("www.").removeprefix("export.") == "arxiv.org":
        for prefix in ("/abs/", "/pdf/"):
            if parts.path.startswith(prefix) and (
                found := _arxiv(parts.path[len(prefix) :].removesuffix(".pdf"))
            ):
                return found
    match = _ARXIV_DOI.fullmatch(doi.strip())
    return _arxiv(match.group(1)) if match else ""
