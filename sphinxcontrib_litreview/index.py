"""The domain index ``lit-episodeindex``: every episode, grouped by year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sphinx.domains import Index, IndexEntry

from sphinxcontrib_litreview.i18n import _

if TYPE_CHECKING:
    from sphinxcontrib_litreview.domain import LitDomain

UNDATED = _("Undated")


class EpisodeIndex(Index):
    name = "episodeindex"
    localname = _("Episode index")
    shortname = _("episodes")
    domain: LitDomain

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        wanted = frozenset(docnames) if docnames is not None else None
        review = self.domain.review
        groups: dict[str, list[IndexEntry]] = {}
        for ep_id in review.ids_sorted:
            ep = review.episodes[ep_id]
            if wanted is not None and ep.docname not in wanted:
                continue
            group = ep.date[:4] if ep.date else UNDATED
            groups.setdefault(group, []).append(
                IndexEntry(ep.id, 0, ep.docname, ep.node_id, ep.date, "", ep.title)
            )
        order = sorted(groups, key=lambda g: (g == UNDATED, g))
        return [(g, groups[g]) for g in order], False
