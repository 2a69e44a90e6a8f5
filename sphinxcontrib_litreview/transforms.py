"""Post-transforms: placeholders become lists, headers and *Cited by* lines.

They run at priority 5, before Sphinx resolves references (10), so the links
they create resolve like any other, in every builder.
"""

from __future__ import annotations

from typing import Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview import render
from sphinxcontrib_litreview.domain import LitDomain
from sphinxcontrib_litreview.glossary import GLOSSARY_DOC_ATTR, definition_of
from sphinxcontrib_litreview.nodes import (
    lit_backlinks,
    lit_episode_list,
    lit_placeholder,
    lit_topic_header,
    lit_topic_index,
)
from sphinxcontrib_litreview.review import ListSpec, Review
from sphinxcontrib_litreview.views import (
    cited_by_view,
    header_view,
    list_view,
    topic_index_view,
    used_in_view,
)
from sphinxcontrib_litreview.warnings import warn


class FillPlaceholders(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        domain = cast("LitDomain", self.env.domains["lit"])
        review = domain.review
        # one walk over the page finds both what to fill and the glossaries to annotate
        found = list(self.document.findall(lambda n: isinstance(n, (lit_placeholder, addnodes.glossary))))
        for glossary in found:
            if isinstance(glossary, addnodes.glossary):
                self._add_used_in(glossary, review)
        for node in found:
            if not isinstance(node, lit_placeholder):
                continue
            docname = node["docname"]
            new: list[nodes.Node]
            if isinstance(node, lit_topic_header):
                view = header_view(self.env, review, node["topic"])
                new = render.topic_header(view, self.config.litreview_review_title, docname)
            elif isinstance(node, lit_episode_list):
                spec = ListSpec(**node["spec"])
                lview = list_view(self.env, review, spec, docname, node["this_topic"])
                if node["this_topic"] and not lview.topic:
                    warn(
                        "topic",
                        "anchoring-episodes without a topic slug needs a topic-summary on its page",
                        node,
                    )
                elif lview.topic and not lview.topic_declared:
                    warn("topic", f"unknown topic {lview.topic!r}; no topic-summary declares it", node)
                if not lview.cited_in_known:
                    warn("metadata", f"episode-list: :cited-in: {spec.cited_in!r} is not a document", node)
                new = render.episode_list(lview.episodes, node["style"], docname)
            elif isinstance(node, lit_topic_index):
                new = render.topic_index(topic_index_view(review), node["style"], docname)
            elif isinstance(node, lit_backlinks):
                new = render.cited_by(cited_by_view(self.env, review, node["episode"]), docname)
            else:  # pragma: no cover - every placeholder class is handled above
                raise TypeError(node)
            for child in new:
                if isinstance(child, nodes.Element):
                    child.source, child.line = node.source, node.line
            node.replace_self(new)

    def _add_used_in(self, glossary: addnodes.glossary, review: Review) -> None:
        docname = glossary.get(GLOSSARY_DOC_ATTR)
        if docname is None:
            return
        for item in glossary.findall(nodes.definition_list_item):
            keys = dict.fromkeys(term.astext().lower() for term in item.findall(nodes.term))
            entries = list(
                dict.fromkeys(entry for key in keys for entry in used_in_view(self.env, review, key))
            )
            definition = definition_of(item)
            if entries and definition is not None:
                para = render.used_in(entries, docname)
                para.source, para.line = definition.source, definition.line
                definition += para
