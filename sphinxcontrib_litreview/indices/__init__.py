"""The ``lit`` domain's indices: Episode index, Tag index, Author index.

Each is a Sphinx domain index, so it is a page in HTML and an index section in
the PDF.  What they share is here: their page names, their names in the
project's language, and their place in a toctree, as ``genindex`` has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx import addnodes

from sphinxcontrib_litreview.compat import allow_in_toctree
from sphinxcontrib_litreview.i18n import _
from sphinxcontrib_litreview.indices.episodes import EpisodeIndex
from sphinxcontrib_litreview.indices.terms import AuthorIndex, TagIndex

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.domains import Index

INDICES: tuple[type[Index], ...] = (EpisodeIndex, TagIndex, AuthorIndex)


def index_docname(index: type[Index]) -> str:
    """The index's page, and the name a toctree and ``:ref:`` use: ``lit-tagindex``."""
    return f"lit-{index.name}"


def index_wanted(setting: bool | list[str] | tuple[str, ...] | set[str], name: str) -> bool:
    """Whether ``html_domain_indices`` / ``latex_domain_indices`` (True, False or names) ask for *name*."""
    return setting if isinstance(setting, bool) else name in setting


def allow_indices_in_toctree() -> None:
    """Like genindex: a toctree entry for an index puts it in the sidebar."""
    for index in INDICES:
        allow_in_toctree(index_docname(index), str(index.localname))


def keep_indices_out_of_manuals(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a toctree entry for an index links a page; it includes no document.

    Sphinx counts it among the toctree's included files, as it does ``genindex``,
    and the PDF builder then warns that the file does not exist (it does for
    ``genindex`` too); the PDF has its own indices.
    """
    names = {index_docname(index) for index in INDICES}
    for toctree in doctree.findall(addnodes.toctree):
        toctree["includefiles"] = [name for name in toctree["includefiles"] if name not in names]


def name_in_language(app: Sphinx) -> None:
    """``builder-inited``: the indices' names in the project's language, as plain strings.

    Sphinx's writers take them from the class; a lazy translation there would
    reach the json builder's page context, which cannot serialise it. The
    toctree's title for an index is the same name, and so is the title of a
    ``:ref:`` to it: Sphinx notes that label when it sets the domain up, before
    this event, so with the name the class had then (another build's, in the
    same process).
    """
    EpisodeIndex.localname, EpisodeIndex.shortname = _("Episode index"), _("episodes")
    TagIndex.localname, TagIndex.shortname = _("Tag index"), _("tags")
    AuthorIndex.localname, AuthorIndex.shortname = _("Author index"), _("authors")
    allow_indices_in_toctree()
    std = app.env.domains["std"]
    for index in INDICES:
        std.note_hyperlink_target(index_docname(index), index_docname(index), "", str(index.localname))
