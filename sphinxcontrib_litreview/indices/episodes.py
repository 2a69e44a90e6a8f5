"""The domain index ``lit-episodeindex``: every episode, grouped by year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx.domains import Index, IndexEntry

from sphinxcontrib_litreview.i18n import _

if TYPE_CHECKING:
    from sphinxcontrib_litreview.domain import LitDomain
    from sphinxcontrib_litreview.records import Episode

UNDATED = _("Undated")


class EpisodeIndex(Index):
    name = "episodeindex"
    #: in the project's language from builder-inited on (see :func:`.name_in_language`)
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
            groups.setdefault(group, []).append(episode_entry(ep, ep.date, wanted is not None))
        order = sorted(groups, key=lambda g: (g == str(UNDATED), g))
        return [(g, groups[g]) for g in order], False


def episode_entry(ep: Episode, extra: str, manual: bool) -> IndexEntry:
    """An episode as an index entry: its ID, linked; in a manual, its title and date as the extra."""
    if manual:
        date = f"({ep.date})" if ep.date else ""
        extra = " ".join(part for part in (ep.title, date) if part)
    return IndexEntry(ep.id, 0, ep.docname, ep.node_id, extra, "", ep.title)
