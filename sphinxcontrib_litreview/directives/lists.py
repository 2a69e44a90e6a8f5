"""The list directives: placeholders filled from the whole review after reading."""

from __future__ import annotations

import json
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from sphinxcontrib_litreview.config import SORT_KEYS
from sphinxcontrib_litreview.directives import LitDirective
from sphinxcontrib_litreview.nodes import lit_episode_list, lit_topic_index
from sphinxcontrib_litreview.records import Need
from sphinxcontrib_litreview.review import ListSpec
from sphinxcontrib_litreview.values import check_count, check_date, shown
from sphinxcontrib_litreview.warnings import warn

STYLES = ("list", "table")
#: the largest ``:limit:``; a larger one is surely a typo, and ``int()`` refuses 4,300 digits
LIMIT_MAX = 1_000_000


class _ListDirective(LitDirective):
    has_content = False

    def choice(self, name: str, choices: tuple[str, ...], default: str) -> str:
        value = str(self.options.get(name, "")).strip()
        if not value:
            return default
        if value not in choices:
            warn(
                "metadata",
                f"{self.name}: :{name}: must be one of {', '.join(choices)}, not {shown(value)}; "
                f"using {default!r}",
                self.option_location(name),
            )
            return default
        return value

    def placeholder(self, node: nodes.Element) -> list[nodes.Node]:
        self.set_source_info(node)
        return [node]


class AnchoringEpisodesDirective(_ListDirective):
    """The episodes whose ``:topics:`` name this page's topic (or the given one)."""

    optional_arguments = 1
    option_spec: ClassVar = {"style": directives.unchanged, "sort": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        slug = self.arguments[0].strip() if self.arguments else ""
        spec = ListSpec(topic=slug, sort=self.choice("sort", SORT_KEYS, self.config.litreview_list_sort))
        self.domain.note_need(docname, Need("anchoring", json.dumps(spec)))
        return self.placeholder(
            lit_episode_list(
                spec=spec._asdict(),
                style=self.choice("style", STYLES, "list"),
                this_topic=not slug,
                docname=docname,
            )
        )


class TopicIndexDirective(_ListDirective):
    """Every topic: title link, anchoring count, cited count."""

    option_spec: ClassVar = {"style": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        self.domain.note_topic_index(docname)
        self.domain.note_need(docname, Need("topic-index", ""))
        return self.placeholder(lit_topic_index(style=self.choice("style", STYLES, "list"), docname=docname))


class EpisodeListDirective(_ListDirective):
    """Any filtered list of episodes; every filter is a declarative option."""

    option_spec: ClassVar = dict.fromkeys(
        ("topic", "tag", "author", "cited-in", "since", "until", "sort", "limit", "style"),
        directives.unchanged,
    )

    def run(self) -> list[nodes.Node]:
        docname = self.env.docname
        opts = self.options
        cited_in = opts.get("cited-in", "").strip()
        if cited_in == ".":
            cited_in = docname
        elif cited_in:
            cited_in = cited_in.removeprefix("/")
            for suffix in self.config.source_suffix:
                cited_in = cited_in.removesuffix(suffix)
        spec = ListSpec(
            topic=opts.get("topic", "").strip(),
            tag=opts.get("tag", "").strip(),
            cited_in=cited_in,
            since=self._date("since"),
            until=self._date("until"),
            sort=self.choice("sort", SORT_KEYS, self.config.litreview_list_sort),
            limit=self._limit(),
            author=" ".join(opts.get("author", "").split()),
        )
        self.domain.note_need(docname, Need("list", json.dumps(spec)))
        return self.placeholder(
            lit_episode_list(
                spec=spec._asdict(),
                style=self.choice("style", STYLES, "list"),
                this_topic=False,
                docname=docname,
                # names that can only be checked once every page is read are reported at their line
                locations={
                    name: self.option_location(name)
                    for name in ("topic", "cited-in", "tag", "author")
                    if name in opts
                },
            )
        )

    def _date(self, name: str) -> str:
        value = str(self.options.get(name, "")).strip()
        if value and (problem := check_date(value)):
            warn(
                "metadata",
                f"episode-list: :{name}: {shown(value)} {problem}; the filter is ignored",
                self.option_location(name),
            )
            return ""
        return value

    def _limit(self) -> int:
        value = self.options.get("limit", "").strip()
        if not value:
            return 0
        if problem := check_count(value, LIMIT_MAX):
            warn(
                "metadata",
                f"episode-list: :limit: {problem}, not {shown(value)}; the list is not limited",
                self.option_location("limit"),
            )
            return 0
        return int(value)
