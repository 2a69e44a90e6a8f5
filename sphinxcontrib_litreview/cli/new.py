"""``litreview new``: append an episode stub with the next free ID, and print the ID."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from sphinxcontrib_litreview.cli.errors import CliError
from sphinxcontrib_litreview.cli.project import Review, find_review, next_id
from sphinxcontrib_litreview.cli.templates import Syntax
from sphinxcontrib_litreview.cli.writing import append

NAME = "new"
HELP = "append a new episode with the next free ID"
DESCRIPTION = (
    "Append an episode stub with the next free ID (after the highest one in the review's "
    "sources, as wide as litreview_id_pattern and the existing IDs ask) to a page, in that "
    "page's syntax, and print the ID. Run it inside the review (or give --page)."
)
DEFAULT_TITLE = "Untitled"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--page",
        type=Path,
        metavar="FILE",
        help="the page to append to (default: the episodes page changed most recently); "
        "a new page is created with an 'Episodes' heading",
    )
    parser.add_argument("--title", metavar="T", help=f"the episode's :title: (default: {DEFAULT_TITLE!r})")
    parser.add_argument(
        "--key",
        metavar="K",
        help="the episode's bibliography :key:; without --title the entry gives the title",
    )
    parser.add_argument(
        "--topics",
        metavar="SLUGS",
        help="the topics the episode anchors, comma-separated (without, the build reports an orphan "
        "until a page cites it)",
    )


def run(args: argparse.Namespace) -> None:
    page: Path | None = args.page
    review = find_review(page.parent if page is not None else Path.cwd())
    ids_by_page = review.episode_ids()
    page = target_page(review, page, ids_by_page)
    ep_id = next_id((i for ids in ids_by_page.values() for i in ids), review.id_pattern)
    title = DEFAULT_TITLE if args.title is None and args.key is None else args.title
    given = {"title": title, "key": args.key, "topics": args.topics}
    options = {name: " ".join(value.split()) for name, value in given.items() if value is not None}
    if empty := [f"--{name}" for name, value in options.items() if not value]:
        raise CliError(f"{' and '.join(empty)} must not be empty")
    append_stubs(review, page, episode_stub(review.syntax_of(page), ep_id, options))
    print(ep_id)


def append_stubs(review: Review, page: Path, stubs: str) -> None:
    """Append episode stubs to *page* in one write; a new page gets an 'Episodes' heading."""
    if page.exists():
        try:
            text = page.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read {page}: {exc}") from exc
        separator = "" if not text else "\n" if text.endswith("\n") else "\n\n"
        append(page, separator + stubs, create=False)
    else:
        heading = "# Episodes\n" if review.syntax_of(page) == "myst" else "Episodes\n========\n"
        append(page, f"{heading}\n{stubs}", create=True)


def target_page(review: Review, page: Path | None, ids_by_page: dict[Path, list[str]]) -> Path:
    """The page to append to: *page* if it is a source of the review, else the episodes page changed last."""
    if page is None:
        if not ids_by_page:
            raise CliError(f"no page of {review.srcdir} holds an episode yet; name one with --page")
        return max(ids_by_page, key=lambda p: (p.stat().st_mtime_ns, str(p)))
    page = page.resolve()
    if page.exists() and not page.is_file():
        raise CliError(f"{page} is not a file")
    if page.suffix not in review.suffixes:
        raise CliError(
            f"{page} is not a source of the review (source suffixes: {', '.join(review.suffixes)})"
        )
    if page.exists() and page not in review.sources():
        raise CliError(f"{page} is not a source of the review in {review.srcdir} (exclude_patterns?)")
    return page


def episode_stub(syntax: Syntax, ep_id: str, values: dict[str, str]) -> str:
    """An episode with its ID and options, and a comment where the summary goes."""
    quote = _yaml_quoted if syntax == "myst" else str
    options = [f":{name}: {quote(value)}" for name, value in values.items()]
    hint = "Summary in your own words; cite other episodes with"
    if syntax == "myst":
        lines = [f"```{{episode}} {ep_id}", *options, "", f"% {hint} {{ep}}`E…`.", "```"]
    else:
        lines = [f".. episode:: {ep_id}", *(f"   {o}" for o in options), "", f"   .. {hint} :ep:`E…`."]
    return "\n".join(lines) + "\n"


#: what makes MyST read an option value as something other than plain text (it reads them as YAML)
_YAML_SPECIAL = re.compile(r"""^[-?:,\[\]{}#&*!|>'"%@`]|: | #|:$""")


def _yaml_quoted(value: str) -> str:
    """*value* as MyST must be given it to read it back as written."""
    return "'" + value.replace("'", "''") + "'" if _YAML_SPECIAL.search(value) else value
