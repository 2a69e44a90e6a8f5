"""``topic-graph`` and ``citation-graph``: placeholders filled from the whole review after reading."""

from __future__ import annotations

import json
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from sphinxcontrib_litreview.directives import LitDirective
from sphinxcontrib_litreview.nodes import lit_graph_placeholder
from sphinxcontrib_litreview.pictures.graphs import DEPTHS, MAX_NODES_DEFAULT, GraphSpec
from sphinxcontrib_litreview.records import Need
from sphinxcontrib_litreview.values import check_count, shown
from sphinxcontrib_litreview.warnings import warn

#: dot lays out 5,000 nodes in minutes and nobody reads them; a larger bound is surely a typo
MAX_NODES_MAX = 5000


class _GraphDirective(LitDirective):
    has_content = False

    def _max_nodes(self) -> int:
        value = self.options.get("max-nodes", "").strip()
        if not value:
            return MAX_NODES_DEFAULT
        if problem := check_count(value, MAX_NODES_MAX):
            warn(
                "metadata",
                f"{self.name}: :max-nodes: {problem}, not {shown(value)}; using {MAX_NODES_DEFAULT}",
                self.option_location("max-nodes"),
            )
            return MAX_NODES_DEFAULT
        return int(value)

    def placeholder(self, spec: GraphSpec, names: tuple[str, ...]) -> list[nodes.Node]:
        docname = self.env.docname
        self.domain.note_need(docname, Need("graph", json.dumps(spec)))
        node = lit_graph_placeholder(
            spec=spec._asdict(),
            docname=docname,
            # names that can only be checked once every page is read are reported at their line
            locations={name: self.option_location(name) for name in names if name in self.options},
        )
        self.set_source_info(node)
        return [node]


class TopicGraphDirective(_GraphDirective):
    """The map of topics, or (with a slug) one topic, its episodes and their other topics."""

    optional_arguments = 1
    option_spec: ClassVar = {"max-nodes": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        slug = self.arguments[0].strip() if self.arguments else ""
        return self.placeholder(GraphSpec("topic-graph", topic=slug, max_nodes=self._max_nodes()), ())


class CitationGraphDirective(_GraphDirective):
    """Which episodes cite which: around one ``:episode:`` (``:depth:`` 1 or 2), or within a ``:topic:``."""

    option_spec: ClassVar = dict.fromkeys(("episode", "topic", "depth", "max-nodes"), directives.unchanged)

    def run(self) -> list[nodes.Node]:
        episode = self.options.get("episode", "").strip()
        topic = self.options.get("topic", "").strip()
        if bool(episode) == bool(topic):
            warn(
                "metadata",
                "citation-graph needs either :episode: or :topic:"
                + (", not both; using :episode:" if episode else ""),
                self.location,
            )
            if not episode:
                return []
            topic = ""
        spec = GraphSpec(
            "citation-graph", topic=topic, episode=episode, depth=self._depth(), max_nodes=self._max_nodes()
        )
        return self.placeholder(spec, ("episode", "topic"))

    def _depth(self) -> int:
        value = self.options.get("depth", "").strip()
        if not value:
            return 1
        if value not in {str(d) for d in DEPTHS}:
            warn(
                "metadata",
                f"citation-graph: :depth: must be 1 or 2, not {shown(value)}; using 1",
                self.option_location("depth"),
            )
            return 1
        if "topic" in self.options and "episode" not in self.options:
            warn(
                "metadata",
                "citation-graph: :depth: goes with :episode:, not :topic:",
                self.option_location("depth"),
            )
        return int(value)
