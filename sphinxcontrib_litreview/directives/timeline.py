"""The ``episode-timeline`` directive: a placeholder for the episodes per period, drawn after reading."""

from __future__ import annotations

import json
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from sphinxcontrib_litreview.directives.lists import _ListDirective
from sphinxcontrib_litreview.nodes import lit_timeline
from sphinxcontrib_litreview.records import Need
from sphinxcontrib_litreview.review import TimelineSpec

PERIODS = ("year", "month")


class EpisodeTimelineDirective(_ListDirective):
    """Episodes per year or month, stacked by topic; ``:topic:`` and ``:tag:`` narrow it."""

    option_spec: ClassVar = dict.fromkeys(("by", "topic", "tag"), directives.unchanged)

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        spec = TimelineSpec(
            by=self.choice("by", PERIODS, "year"),
            topic=self.options.get("topic", "").strip(),
            tag=self.options.get("tag", "").strip(),
        )
        self.domain.note_need(docname, Need("timeline", json.dumps(spec)))
        return self.placeholder(
            lit_timeline(
                spec=spec._asdict(),
                docname=docname,
                # whether the topic and tag exist is known only once every page is read
                locations={
                    name: self.option_location(name) for name in ("topic", "tag") if name in self.options
                },
            )
        )
