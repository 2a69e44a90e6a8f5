"""The domain index ``lit-episodeindex``: every episode, grouped by year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Index, IndexEntry

from sphinxcontrib_litreview.compat import allow_in_toctree
from sphinxcontrib_litreview.i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinxcontrib_litreview.domain import LitDomain
    from sphinxcontrib_litreview.records import Episode

UNDATED = _("Undated")


class EpisodeIndex(Index):
    name = "episodeindex"
    #: in the project's language from builder-inited on (see :func:`name_in_language`)
    localname = "Episode index"
    shortname = "episodes"
    domain: LitDomain

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """Every episode by year: its ID, date and title.

        Sphinx's LaTeX and Texinfo writers print an entry's name, extra and page
        but not its description; they are the builders that pass *docnames*
        (the documents of the manual), so for them the extra is the title and the date.
        """
        wanted = frozenset(docnames) if docnames is not None else None
        review = self.domain.review
        groups: dict[str, list[IndexEntry]] = {}
        for ep_id in review.ids_sorted:
            ep = review.episodes[ep_id]
            if wanted is not None and ep.docname not in wanted:
                continue
            group = ep.date[:4] if ep.date else str(UNDATED)
            groups.setdefault(group, []).append(
                IndexEntry(ep.id, 0, ep.docname, ep.node_id, _extra(ep, wanted is not None), "", ep.title)
            )
        order = sorted(groups, key=lambda g: (g == str(UNDATED), g))
        return [(g, groups[g]) for g in order], False


def _extra(ep: Episode, manual: bool) -> str:
    if not manual:
        return ep.date
    date = f"({ep.date})" if ep.date else ""
    return " ".join(part for part in (ep.title, date) if part)


def index_docname() -> str:
    return f"lit-{EpisodeIndex.name}"


def keep_index_out_of_manuals(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a toctree entry for the Episode index links a page; it includes no document.

    Sphinx counts it among the toctree's included files, as it does ``genindex``,
    and the PDF builder then warns that the file does not exist (it does for
    ``genindex`` too); the PDF has its own Episode index.
    """
    name = index_docname()
    for toctree in doctree.findall(addnodes.toctree):
        if name in toctree["includefiles"]:
            toctree["includefiles"].remove(name)


def name_in_language(app: Sphinx) -> None:
    """``builder-inited``: the index's names in the project's language, as plain strings.

    Sphinx's writers take them from the class; a lazy translation there would
    reach the json builder's page context, which cannot serialise it. The
    toctree's title for the index is the same name.
    """
    EpisodeIndex.localname = _("Episode index")
    EpisodeIndex.shortname = _("episodes")
    allow_in_toctree(index_docname(), EpisodeIndex.localname)
