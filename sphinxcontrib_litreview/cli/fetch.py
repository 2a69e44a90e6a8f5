"""Metadata from the web: doi.org's CSL-JSON (content negotiation) and arXiv's Atom API.

Both answer with one CSL-JSON item, so the rest of ``litreview add`` reads it
with the build's own CSL-JSON reader.  Every way a fetch fails (offline, a
timeout, an unknown identifier, an answer that is not what the service sends)
is a :class:`.CliError` of one line.  ``LITREVIEW_DOI_URL`` and
``LITREVIEW_ARXIV_URL`` point them at another server (a mirror, or the tests').
"""

from __future__ import annotations

import json
import os
import socket
import xml.etree.ElementTree as ET
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import quote, urlencode
from urllib.request import Request, urlopen

from sphinxcontrib_litreview import __version__
from sphinxcontrib_litreview.bibliography.normalize import arxiv_id, clean_doi
from sphinxcontrib_litreview.bibliography.write import person
from sphinxcontrib_litreview.cli.errors import CliError

DOI_URL = "https://doi.org"
ARXIV_URL = "https://export.arxiv.org/api/query"
#: seconds to wait for an answer
TIMEOUT = 20.0
CSL_JSON = "application/vnd.citationstyles.csl+json"
_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
#: the most a metadata answer may be: a CSL item or an Atom entry is a few kilobytes
_LIMIT = 2_000_000


def _get(url: str, accept: str, what: str) -> bytes:
    request = Request(url, headers={"Accept": accept, "User-Agent": f"sphinxcontrib-litreview/{__version__}"})
    try:
        with urlopen(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(_LIMIT + 1)
    except HTTPError as exc:
        if exc.code == 404:
            raise CliError(
                f"{what} is unknown to {url.split('?')[0]} (HTTP 404); nothing was written"
            ) from exc
        raise CliError(f"{url} answered HTTP {exc.code} {exc.reason}; nothing was written") from exc
    except TimeoutError as exc:
        raise CliError(f"{url} did not answer within {TIMEOUT:g} s; nothing was written") from exc
    except URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise CliError(f"{url} did not answer within {TIMEOUT:g} s; nothing was written") from exc
        raise CliError(f"cannot reach {url} ({reason}); nothing was written") from exc
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot fetch {url} ({exc}); nothing was written") from exc
    if len(data) > _LIMIT:
        raise CliError(f"{url} answered more than {_LIMIT:,} bytes: not metadata; nothing was written")
    return data


def fetch_doi(doi: str) -> dict[str, Any]:
    """The CSL-JSON item doi.org gives for *doi*."""
    doi = clean_doi(doi)
    base = os.environ.get("LITREVIEW_DOI_URL", DOI_URL).rstrip("/")
    url = f"{base}/{quote(doi, safe='/:;()')}"
    data = _get(url, CSL_JSON, f"DOI {doi}")
    try:
        item = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CliError(f"{url} did not answer with CSL-JSON ({exc}); nothing was written") from exc
    if not isinstance(item, dict) or not isinstance(item.get("title"), str | list):
        raise CliError(f"{url} did not answer with a CSL-JSON item with a title; nothing was written")
    if isinstance(item["title"], list):  # some agencies send a list of titles
        item["title"] = next((t for t in item["title"] if isinstance(t, str)), "")
    item.setdefault("DOI", doi)
    return item


def fetch_arxiv(identifier: str) -> dict[str, Any]:
    """A CSL-JSON item made from arXiv's Atom entry for *identifier*."""
    base = os.environ.get("LITREVIEW_ARXIV_URL", ARXIV_URL)
    url = f"{base}?{urlencode({'id_list': identifier})}"
    data = _get(url, "application/atom+xml", f"arXiv ID {identifier}")
    try:
        feed = ET.fromstring(data)
    except ET.ParseError as exc:
        raise CliError(f"{base} did not answer with an Atom feed ({exc}); nothing was written") from exc
    entry = feed.find(f"{_ATOM}entry")
    if entry is None or "/api/errors" in (entry.findtext(f"{_ATOM}id") or ""):
        raise CliError(f"arXiv ID {identifier} is unknown to {base}; nothing was written")
    abs_url = (entry.findtext(f"{_ATOM}id") or "").strip()
    found = arxiv_id(url=abs_url)
    title = " ".join((entry.findtext(f"{_ATOM}title") or "").split())
    if not found or not title:
        raise CliError(f"{base} answered an entry without an arXiv ID or a title; nothing was written")
    item: dict[str, Any] = {"type": "article", "title": title, "archive": "arXiv", "number": found}
    item["URL"] = f"https://arxiv.org/abs/{found}"
    names = [" ".join((a.findtext(f"{_ATOM}name") or "").split()) for a in entry.findall(f"{_ATOM}author")]
    item["author"] = [_csl_name(name) for name in names if name]
    published = (entry.findtext(f"{_ATOM}published") or "")[:10]
    parts = published.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        item["issued"] = {"date-parts": [[int(p) for p in parts]]}
    if doi := (entry.findtext(f"{_ARXIV}doi") or "").strip():
        item["DOI"] = doi
    if venue := " ".join((entry.findtext(f"{_ARXIV}journal_ref") or "").split()):
        item["container-title"] = venue
    return item


def _csl_name(name: str) -> dict[str, str]:
    parts = person(name)
    if parts.literal:
        return {"literal": parts.literal}
    return {
        k: v for k, v in {"family": parts.family, "given": parts.given, "suffix": parts.suffix}.items() if v
    }
