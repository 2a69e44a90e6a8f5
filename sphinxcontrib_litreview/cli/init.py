"""``litreview init DIR``: a new review that builds clean, in MyST or reST."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

from sphinxcontrib_litreview.cli.errors import CliError
from sphinxcontrib_litreview.cli.templates import render_review
from sphinxcontrib_litreview.cli.writing import write_new_files

NAME = "init"
HELP = "start a new review in a folder"
DESCRIPTION = (
    "Write a ready review into DIR: conf.py (furo and the extension), a home page, a topics "
    "page, one topic, an episodes page with two episodes, a glossary, a README with the build "
    "commands, and a .gitignore. Refuses to overwrite any existing file."
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", type=Path, help="folder of the new review (created if missing)")
    parser.add_argument(
        "--syntax",
        choices=("myst", "rst"),
        default="myst",
        help="write the pages in MyST Markdown (default) or reStructuredText",
    )
    parser.add_argument(
        "--title", help="the review's title (default: the folder's name as words, my-review: My review)"
    )


def default_title(folder: Path) -> str:
    words = " ".join(folder.resolve().name.replace("-", " ").replace("_", " ").split())
    return words[:1].upper() + words[1:] if words else "Literature review"


def run(args: argparse.Namespace) -> None:
    folder: Path = args.dir
    title = " ".join((args.title if args.title is not None else default_title(folder)).split())
    if not title:
        raise CliError("--title is empty")
    written = write_new_files(folder, render_review(title, args.syntax))
    print(f"Wrote a review to {folder}: {', '.join(written)}")
    print(f"Build it: sphinx-build -W -n -b html {folder} {folder / '_build' / 'html'}")
    needed = ["furo"] + (["myst_parser"] if args.syntax == "myst" else [])
    missing = [name for name in needed if importlib.util.find_spec(name) is None]
    if missing:
        packages = " ".join(name.replace("_", "-") for name in missing)
        print(f"note: the build needs {packages}: pip install {packages}", file=sys.stderr)
