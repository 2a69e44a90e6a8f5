"""Episode pages in the PDF and Texinfo manuals, though no toctree holds them.

A large review keeps episode pages out of the toctree (see the docs' *Laying
out a large review*); LaTeX and Texinfo only assemble what the toctree
reaches, so those pages, and every link to them, would silently vanish from
the manual.  They are appended as appendices instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.records import natural_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: builder name -> (its documents config value, its appendices config value)
MANUALS = {
    "latex": ("latex_documents", "latex_appendices"),
    "texinfo": ("texinfo_documents", "texinfo_appendices"),
}


def _reachable(env: BuildEnvironment, roots: list[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        docname = todo.pop()
        if docname not in seen:
            seen.add(docname)
            todo.extend(env.toctree_includes.get(docname, ()))
    return seen


def append_episode_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: add unreachable episode pages to the manual's appendices."""
    if app.builder.name not in MANUALS or not app.config.litreview_manual_appendix:
        return
    documents_name, appendices_name = MANUALS[app.builder.name]
    appendices = list(getattr(app.config, appendices_name))
    roots = [entry[0] for entry in getattr(app.config, documents_name)] + appendices
    reachable = _reachable(env, roots)
    pages = lit_domain(env).pages_with_episodes()
    missing = sorted((d for d in pages if d not in reachable), key=natural_key)
    if missing:
        setattr(app.config, appendices_name, appendices + missing)
