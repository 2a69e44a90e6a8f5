"""The bibliography in a Sphinx build: loaded once per build, checked, and watched for edits.

The files are read at ``builder-inited``, before Sphinx decides what to re-read
and before parallel reading forks its workers, so every process sees the same
entries and the files are parsed once.  Their problems are ``litreview.bib``
warnings at the file and line, on every build (the files are read on every
build), so an incremental build warns as a clean one does.

A page that took metadata from an entry remembers the entry's digest
(:meth:`.LitDomain.bib_entry`); ``env-get-outdated`` re-reads exactly the pages
whose entries changed, appeared or disappeared.  Pages that only display such an
episode elsewhere are then re-written through the digests of :mod:`.dependencies`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.bibliography.load import load_bibliography
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.bibliography.entries import Problem


def cache_dir(app: Sphinx) -> Path:
    """Parsed files are kept beside the doctrees, which every builder of the project shares."""
    return Path(app.doctreedir) / "litreview" / "bibliography"


def load(app: Sphinx) -> None:
    """``builder-inited``: read the configured files (from the cache when unchanged) and warn their problems."""
    conf = Path(app.confdir) / "conf.py"
    bibliography = load_bibliography(
        Path(app.srcdir),
        app.config.litreview_bibliography,
        cache_dir(app),
        str(conf) if conf.is_file() else "",
    )
    lit_domain(app.env).bibliography = bibliography
    for problem in bibliography.problems:
        warn("bib", problem.message, _location(problem))


def _location(problem: Problem) -> str | None:
    if not problem.source:
        return None
    return f"{problem.source}:{problem.line}" if problem.line else problem.source


def outdated_pages(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the pages that took an entry whose digest is no longer what they read."""
    domain = lit_domain(env)
    digests = domain.bibliography.digests
    return sorted(
        docname
        for docname, uses in domain.bib_uses().items()
        if docname not in removed and any(digests.get(key, "") != digest for key, digest in uses.items())
    )
