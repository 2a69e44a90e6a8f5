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

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.bibliography.load import load_bibliography
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def cache_dir(app: Sphinx) -> Path:
    """Parsed files are kept beside the doctrees, which every builder of the project shares."""
    return Path(app.doctreedir) / "litreview" / "bibliography"


def load(app: Sphinx) -> None:
    """``builder-inited``: read the configured files (from the cache when unchanged) and warn their problems."""
    bibliography = load_bibliography(
        Path(app.srcdir), app.config.litreview_bibliography, cache_dir(app), _setting(Path(app.confdir))
    )
    lit_domain(app.env).bibliography = bibliography
    for problem in bibliography.problems:
        if problem.line:
            warn("bib", problem.message, f"{problem.source}:{problem.line}")
        else:
            # Sphinx reads a location without a line as a docname; name the file in the message instead
            warn("bib", f"{problem.source}: {problem.message}" if problem.source else problem.message, None)


def _setting(confdir: Path) -> tuple[str, int]:
    """conf.py and the line that sets ``litreview_bibliography`` (0 if it is set elsewhere, e.g. with -D)."""
    conf = confdir / "conf.py"
    try:
        tree = ast.parse(conf.read_bytes())
    except (OSError, SyntaxError, ValueError):
        return "", 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == "litreview_bibliography" for t in targets):
            return str(conf), node.lineno
    return str(conf), 0


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
