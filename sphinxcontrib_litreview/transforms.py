"""Post-transforms: placeholders become lists, headers and *Cited by* lines.

They run at priority 5, before Sphinx resolves references (10), so the links
they create resolve like any other, in every builder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview import interactive, render
from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.checks import check_graph, check_list, check_timeline
from sphinxcontrib_litreview.compat import builder_tags
from sphinxcontrib_litreview.conditions import enclosing
from sphinxcontrib_litreview.glossary import GLOSSARY_DOC_ATTR, definition_of
from sphinxcontrib_litreview.nodes import (
    lit_backlinks,
    lit_episode_list,
    lit_graph_placeholder,
    lit_placeholder,
    lit_timeline,
    lit_topic_header,
    lit_topic_index,
)
from sphinxcontrib_litreview.pictures import render as pictures
from sphinxcontrib_litreview.pictures.graphs import GraphSpec, graph_view
from sphinxcontrib_litreview.pictures.timeline import timeline
from sphinxcontrib_litreview.review import ListSpec, Review, TimelineSpec
from sphinxcontrib_litreview.views import (
    cited_by_view,
    header_view,
    list_view,
    timeline_view,
    topic_index_view,
    used_in_view,
)

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

Filler = Callable[["BuildEnvironment", Review, Any], list[nodes.Node]]


def _topic_header(env: BuildEnvironment, review: Review, node: lit_topic_header) -> list[nodes.Node]:
    view = header_view(env, review, node["topic"])
    return render.topic_header(view, env.config.litreview_review_title, node["docname"])


def _episode_list(env: BuildEnvironment, review: Review, node: lit_episode_list) -> list[nodes.Node]:
    spec = ListSpec(**node["spec"])
    view = list_view(env, review, spec, node["docname"], node["this_topic"])
    check_list(view, spec, review, node)
    shown = render.episode_list(view.episodes, node["style"], node["docname"])
    if node["style"] == "table" and view.episodes and env.config.litreview_interactive:
        shown.append(interactive.list_data(view.episodes, view.topic_titles))
    return shown


def _topic_index(env: BuildEnvironment, review: Review, node: lit_topic_index) -> list[nodes.Node]:
    return render.topic_index(topic_index_view(review), node["style"], node["docname"])


def _backlinks(env: BuildEnvironment, review: Review, node: lit_backlinks) -> list[nodes.Node]:
    return render.cited_by(cited_by_view(env, review, node["episode"]), node["docname"])


def _timeline(env: BuildEnvironment, review: Review, node: lit_timeline) -> list[nodes.Node]:
    view = timeline_view(review, TimelineSpec(**node["spec"]))
    check_timeline(view, review, node)
    return timeline(view, node["docname"], builder_tags(env), env.config.latex_engine)


def _graph(env: BuildEnvironment, review: Review, node: lit_graph_placeholder) -> list[nodes.Node]:
    spec = GraphSpec(**node["spec"])
    view = graph_view(review, spec)
    check_graph(review, view, spec, node)
    return pictures.graph(view, spec, node["docname"], node.source, node.line)


#: placeholder kind -> what fills it: its view, the checks on that view, its rendering
FILLERS: dict[type[lit_placeholder], Filler] = {
    lit_topic_header: _topic_header,
    lit_episode_list: _episode_list,
    lit_topic_index: _topic_index,
    lit_backlinks: _backlinks,
    lit_timeline: _timeline,
    lit_graph_placeholder: _graph,
}


class FillPlaceholders(SphinxPostTransform):
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        review = lit_domain(self.env).review
        # one walk over the page finds both what to fill and the glossaries to annotate
        found = list(self.document.findall(lambda n: isinstance(n, (lit_placeholder, addnodes.glossary))))
        for node in found:
            if isinstance(node, addnodes.glossary):
                self._add_used_in(node, review)
            elif isinstance(node, lit_placeholder) and review.shown(enclosing(node)):
                # (a false ``only`` branch is left for Sphinx to drop, after references resolve)
                new = FILLERS[type(node)](self.env, review, node)
                for child in new:
                    if isinstance(child, nodes.Element):
                        child.source, child.line = node.source, node.line
                node.replace_self(new)

    def _add_used_in(self, glossary: addnodes.glossary, review: Review) -> None:
        docname = glossary.get(GLOSSARY_DOC_ATTR)
        if docname is None:
            return
        for item in glossary.findall(nodes.definition_list_item):
            ids = [term["ids"][0] for term in item.findall(nodes.term) if term["ids"]]
            entries = list(dict.fromkeys(e for i in ids for e in used_in_view(self.env, review, docname, i)))
            definition = definition_of(item)
            if entries and definition is not None:
                block = render.used_in(entries, docname)
                block.source, block.line = definition.source, definition.line
                definition += block
