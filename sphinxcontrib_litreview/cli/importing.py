"""``litreview import``: an episode with ``:key:`` for every entry of a bibliography file that none uses yet.

The entries are read by the build's own readers, so an entry the build cannot
read is not imported either; the problems are printed as the build warns them.
Existing episodes are never changed: new ones are appended to one page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sphinxcontrib_litreview.bibliography.entries import BibEntry
from sphinxcontrib_litreview.bibliography.load import READERS, read_file
from sphinxcontrib_litreview.cli.errors import CliError
from sphinxcontrib_litreview.cli.new import append_stubs, episode_stub, target_page
from sphinxcontrib_litreview.cli.project import Review, find_review, next_id

NAME = "import"
HELP = "append an episode with :key: for every entry of a .bib or CSL-JSON file that none uses"
DESCRIPTION = (
    "Read a BibTeX/BibLaTeX (.bib) or CSL-JSON (.json) file, as Zotero and Better BibTeX export "
    "them, and append an episode with :key: for each entry that no episode names yet, with the "
    "next free IDs, to one page. Existing episodes are never changed: run it again after each "
    "export. Prints each new ID and its key."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the .bib or .json file to import")
    parser.add_argument(
        "--page",
        type=Path,
        metavar="FILE",
        help="the page to append to (default: the episodes page changed most recently)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the episodes that would be appended; write nothing"
    )


def read_entries(path: Path) -> list[BibEntry]:
    """The entries of *path*, in file order; its problems go to stderr, as the build would warn them."""
    if path.suffix.lower() not in READERS:
        raise CliError(f"{path} is not a {' or '.join(READERS)} file")
    if not path.is_file():
        raise CliError(f"{path} is not a file")
    parsed = read_file(path.resolve())
    for problem in parsed.problems:
        if problem.line == 0 and not parsed.entries:
            raise CliError(f"{path}: {problem.message}")
        where = f"{path}:{problem.line}" if problem.line else str(path)
        print(f"{where}: warning: {problem.message}", file=sys.stderr)
    return sorted(parsed.entries, key=lambda e: e.line)


def new_episodes(review: Review, entries: list[BibEntry]) -> list[tuple[str, str]]:
    """``(ID, key)`` for each entry that no episode names, with the next free IDs in order."""
    used = review.keys_used()
    ids = [i for ids in review.episode_ids().values() for i in ids]
    result = []
    for entry in entries:
        if entry.key in used:
            continue
        used.add(entry.key)
        ep_id = next_id(ids, review.id_pattern)
        ids.append(ep_id)
        result.append((ep_id, entry.key))
    return result


def run(args: argparse.Namespace) -> None:
    page: Path | None = args.page
    review = find_review(page.parent if page is not None else Path.cwd())
    entries = read_entries(args.file)
    ids_by_page = review.episode_ids()
    target = target_page(review, page, ids_by_page) if page is not None or ids_by_page else None
    found = new_episodes(review, entries)
    if not found:
        print(f"every entry of {args.file} has an episode already; nothing to import", file=sys.stderr)
        return
    if target is None:
        raise CliError(f"no page of {review.srcdir} holds an episode yet; name one with --page")
    for ep_id, key in found:
        print(f"{ep_id} {key}")
    if args.dry_run:
        print(f"dry run: {len(found)} episode(s) would be appended to {target}", file=sys.stderr)
        return
    syntax = review.syntax_of(target)
    append_stubs(review, target, "\n".join(episode_stub(syntax, ep_id, {"key": key}) for ep_id, key in found))
    if args.file.resolve() not in review.bibliography:
        print(
            f"note: {args.file} is not in litreview_bibliography; add it in conf.py so the build "
            "finds the entries",
            file=sys.stderr,
        )
