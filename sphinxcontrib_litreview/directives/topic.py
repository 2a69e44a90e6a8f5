"""The ``topic-summary`` directive: declares the topic a page is about."""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.nodes import make_id

from sphinxcontrib_litreview.directives import LitDirective
from sphinxcontrib_litreview.nodes import lit_topic_header
from sphinxcontrib_litreview.records import Need, Topic
from sphinxcontrib_litreview.warnings import warn

#: what a topic slug may hold: it is written in comma lists and in URLs
SLUG = re.compile(r"[^\s,;<>`]+")


class TopicSummaryDirective(LitDirective):
    """``.. topic-summary:: rl-reasoning`` with ``:title:`` and a lead paragraph."""

    has_content = True
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar = {"title": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        domain = self.domain
        docname = self.env.docname
        slug = self.arguments[0].strip() if self.arguments else ""
        container = nodes.container(classes=["lit-topic-summary"])
        self.set_source_info(container)
        if not slug or not SLUG.fullmatch(slug):
            warn(
                "metadata",
                "topic-summary needs a topic slug without spaces or commas"
                + (f", not {slug!r}" if slug else ""),
                self.location,
            )
            container += self.parse_content_to_nodes()
            return [container]
        declared_here = [t.slug for t in domain.topics_on(docname)]
        if declared_here and slug not in declared_here:
            warn(
                "topic",
                f"this page already declares topic {declared_here[0]!r}; "
                f"a page is about one topic, so {slug!r} is declared here too",
                self.location,
            )
        node_id = make_id(self.env, self.state.document, "topic", slug)
        # A link to the topic lands on the section it stands in, its title in view.
        holder = self.standing_in if isinstance(self.standing_in, nodes.section) else None
        target = nodes.target("", "", ids=[] if holder is not None else [node_id])
        if holder is not None:
            holder["ids"].append(node_id)
            self.state.document.ids[node_id] = holder
        else:
            self.state.document.note_explicit_target(target)
        title = " ".join(self.options.get("title", "").split())
        # An empty title is the page title, filled in once the page is read.
        source, line = self.get_source_info()
        domain.note_topic(Topic(slug, docname, source or "", line or self.lineno, node_id, title))
        domain.note_need(docname, Need("header", slug))
        if target["ids"]:
            container += target
        container += lit_topic_header(topic=slug, docname=docname)
        container += self.parse_content_to_nodes()
        return [container]
