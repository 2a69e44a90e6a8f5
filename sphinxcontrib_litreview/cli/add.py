"""``litreview add``: fetch a work's metadata by DOI or arXiv ID, add its entry and an episode with ``:key:``.

Everything that can fail is checked before anything is written: the review,
its first bibliography file, the page, the fetch, the answer.  The entry goes
to the end of the first file of ``litreview_bibliography`` (BibTeX written by
:mod:`.bibliography.write`, or one more CSL-JSON item), the episode to the page;
if the page cannot be written, the bibliography file is put back as it was.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from sphinxcontrib_litreview.bibliography.csljson import parse_csl_json
from sphinxcontrib_litreview.bibliography.entries import BibEntry
from sphinxcontrib_litreview.bibliography.load import read_file
from sphinxcontrib_litreview.bibliography.normalize import arxiv_base, clean_doi
from sphinxcontrib_litreview.bibliography.write import as_bibtex_type, bibtex
from sphinxcontrib_litreview.cli.errors import CliError
from sphinxcontrib_litreview.cli.fetch import fetch_arxiv, fetch_doi
from sphinxcontrib_litreview.cli.new import append_stubs, episode_stub, target_page
from sphinxcontrib_litreview.cli.project import Review, find_review, next_id
from sphinxcontrib_litreview.values import arxiv_url, doi_url

NAME = "add"
HELP = "fetch a work by DOI or arXiv ID; add its bibliography entry and an episode with :key:"
DESCRIPTION = (
    "Fetch the metadata of a DOI (doi.org's CSL-JSON) or an arXiv ID (arXiv's API), append the "
    "entry to the first file of litreview_bibliography and an episode with its :key: and the next "
    "free ID to a page, and print the ID and key. Offline, or for an unknown identifier, it says "
    "so and writes nothing. LITREVIEW_DOI_URL and LITREVIEW_ARXIV_URL point it at another server."
)
#: words a generated key skips, as Better BibTeX's default key formula does
_SKIP = frozenset(
    ["a", "an", "the", "of", "on", "in", "for", "and", "to", "with", "from", "by", "at", "is", "are", "as"]
)


def configure(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--doi", metavar="DOI", help="a DOI (10.1234/abc, doi:…, or a https://doi.org/ link)")
    which.add_argument("--arxiv", metavar="ID", help="an arXiv ID (2406.01234, arXiv:…, or an abs link)")
    parser.add_argument(
        "--page",
        type=Path,
        metavar="FILE",
        help="the page to append the episode to (default: the episodes page changed most recently)",
    )


def _entries(review: Review) -> list[BibEntry]:
    entries: list[BibEntry] = []
    for path in review.bibliography:
        if path.is_file():
            entries.extend(read_file(path).entries)
    return entries


def _same_work(entry: BibEntry, existing: list[BibEntry]) -> BibEntry | None:
    for other in existing:
        if entry.doi and other.doi.casefold() == entry.doi.casefold():
            return other
        if entry.arxiv and other.arxiv and arxiv_base(other.arxiv) == arxiv_base(entry.arxiv):
            return other
    return None


def _arxiv(identifier: str) -> str:
    url = arxiv_url(identifier)
    return url.rsplit("/abs/", 1)[1] if url else ""


def _refuse_known(asked: str, entry: BibEntry, existing: list[BibEntry]) -> None:
    if (other := _same_work(entry, existing)) is not None:
        raise CliError(
            f"{asked} is already in {other.source} as {other.key!r} "
            f"(an episode takes it with 'litreview new --key {other.key}'); nothing was written"
        )


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def make_key(entry: BibEntry, taken: set[str]) -> str:
    """``doe2024entropy``: first author's family name, year, first word of the title; unique in *taken*."""
    first = entry.authors[0] if entry.authors else None
    name = (
        _ascii_word(first.family or first.literal.split()[0])
        if first and (first.family or first.literal)
        else ""
    )
    words = (_ascii_word(w) for w in entry.title.split())
    word = next((w for w in words if w and w not in _SKIP), "")
    key = f"{name or 'anon'}{entry.date[:4]}{word}"
    candidate, n = key, 0
    while candidate in taken:
        n += 1
        candidate = key + "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26] * (1 + (n - 1) // 26)
    return candidate


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {path}: {exc}; nothing was written") from exc


def _with_entry(path: Path, before: str | None, item: dict[str, Any], entry: BibEntry) -> str:
    """The bibliography file's new text: the old one with the entry at its end."""
    if path.suffix.lower() == ".json":
        items = json.loads(before) if before and before.strip() else []
        if not isinstance(items, list):
            raise CliError(f"{path} is not a CSL-JSON list of items; nothing was written")
        return json.dumps([*items, item], indent=2, ensure_ascii=False) + "\n"
    text = before or ""
    separator = "" if not text else "\n" if text.endswith("\n") else "\n\n"
    return text + separator + bibtex([as_bibtex_type(entry)])


def run(args: argparse.Namespace) -> None:
    page: Path | None = args.page
    review = find_review(page.parent if page is not None else Path.cwd())
    if not review.bibliography:
        raise CliError(
            "litreview_bibliography in conf.py names no file to add the entry to; nothing was written"
        )
    bibfile = review.bibliography[0]
    if bibfile.suffix.lower() not in {".bib", ".json"}:
        raise CliError(f"{bibfile} is not a .bib or .json file; nothing was written")
    before = _read(bibfile)
    if before is not None and bibfile.suffix.lower() == ".json":
        try:
            json.loads(before or "[]")
        except ValueError as exc:
            raise CliError(f"{bibfile} is not valid JSON ({exc}); nothing was written") from exc
    ids_by_page = review.episode_ids()
    if page is None and not ids_by_page:
        raise CliError(f"no page of {review.srcdir} holds an episode yet; name one with --page")
    target = target_page(review, page, ids_by_page)

    doi = clean_doi(args.doi) if args.doi is not None else ""
    arxiv = _arxiv(args.arxiv) if args.arxiv is not None else ""
    if args.doi is not None and doi_url(doi) is None:
        raise CliError(f"{args.doi!r} is not a DOI (10.NNNN/…); nothing was written")
    if args.arxiv is not None and not arxiv:
        raise CliError(f"{args.arxiv!r} is not an arXiv ID (2406.01234, hep-th/9901001); nothing was written")
    existing = _entries(review)
    # known already? then there is nothing to fetch
    given = BibEntry("", "", "", (), "", "", doi, arxiv, "", "", 0, "csl-json", "")
    _refuse_known(args.doi or args.arxiv, given, existing)
    item = fetch_doi(doi) if args.doi is not None else fetch_arxiv(arxiv)
    item.pop("reference", None)  # Crossref's list of cited works: not this work's metadata
    read, problems = parse_csl_json(json.dumps([{**item, "id": "new"}]), "answer")
    if not read or not read[0].title:
        why = problems[0].message if problems else "no title"
        raise CliError(
            f"the answer for {args.doi or args.arxiv} is not usable metadata ({why}); nothing was written"
        )
    _refuse_known(args.doi or args.arxiv, read[0], existing)
    key = make_key(read[0], {e.key for e in existing} | review.keys_used())
    entry = read[0]._replace(key=key)
    item["id"] = key
    ep_id = next_id((i for ids in ids_by_page.values() for i in ids), review.id_pattern)

    try:
        bibfile.write_text(_with_entry(bibfile, before, item, entry), encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {bibfile}: {exc.strerror}; nothing was written") from exc
    try:
        append_stubs(review, target, episode_stub(review.syntax_of(target), ep_id, {"key": key}))
    except CliError:
        if before is None:
            bibfile.unlink(missing_ok=True)
        else:
            bibfile.write_text(before, encoding="utf-8")
        raise
    print(f"{ep_id} {key}")
