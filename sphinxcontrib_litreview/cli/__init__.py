"""The ``litreview`` command: start a review, add to it.

Each subcommand is one module with ``NAME``, ``HELP``, ``configure(parser)``
and ``run(args)``; adding one (``import``, ``add``) is one more entry in
:data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from sphinxcontrib_litreview import __version__
from sphinxcontrib_litreview.cli import add, importing, init, new
from sphinxcontrib_litreview.cli.errors import EXIT_ERROR, CliError

COMMANDS: tuple[ModuleType, ...] = (init, new, importing, add)


def _parsers(width: int | None = None) -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The command's parser and one per subcommand; *width* fixes the help's line length."""

    def formatter(prog: str) -> argparse.HelpFormatter:
        return argparse.HelpFormatter(prog, width=width)

    top = argparse.ArgumentParser(
        prog="litreview",
        description="Start a literature review kept with sphinxcontrib-litreview, and add episodes to it "
        "(by hand, from a bibliography file, or by DOI or arXiv ID).",
        formatter_class=formatter,
    )
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    subs = {}
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.NAME, help=command.HELP, description=command.DESCRIPTION, formatter_class=formatter
        )
        command.configure(sub)
        sub.set_defaults(run=command.run)
        subs[command.NAME] = sub
    return top, subs


def parser() -> argparse.ArgumentParser:
    return _parsers()[0]


def help_text(command: str | None = None, width: int = 80) -> str:
    """``litreview [COMMAND] --help`` at a fixed width, for the documentation."""
    top, subs = _parsers(width)
    return (top if command is None else subs[command]).format_help()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; a problem is one line on stderr and exit status 2."""
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except CliError as exc:
        print(f"litreview {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    return 0
