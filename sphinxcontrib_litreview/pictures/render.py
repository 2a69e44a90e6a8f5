"""A graph on the page: the picture, and the same data as a list for readers who cannot see it.

The list is standard docutils nodes, so every builder has it: folded under
the picture in HTML (a ``<details>``, for screen readers and keyboards), the
key to the IDs in the PDF, and the whole picture in the text builder.
"""

from __future__ import annotations

from docutils import nodes

from sphinxcontrib_litreview.i18n import _, ngettext
from sphinxcontrib_litreview.nodes import lit_more
from sphinxcontrib_litreview.pictures.dot import dot_code
from sphinxcontrib_litreview.pictures.drawing import lit_graph
from sphinxcontrib_litreview.pictures.graphs import GraphNode, GraphSpec, GraphView
from sphinxcontrib_litreview.render import episodes_count
from sphinxcontrib_litreview.roles import episode_xref, topic_xref


def picture_name(spec: GraphSpec) -> str:
    if spec.picture == "topic-graph":
        return _("Topic graph of {topic}").format(topic=spec.topic) if spec.topic else _("Topic map")
    if spec.episode:
        return _("Citation graph of {episode}").format(episode=spec.episode)
    return _("Citation graph of the topic {topic}").format(topic=spec.topic)


def _neighbours(view: GraphView) -> tuple[list[list[tuple[int, int]]], list[list[tuple[int, int]]]]:
    """Per node, (other node, count) along its edges: out (cites, or any for a map) and in."""
    out: list[list[tuple[int, int]]] = [[] for _node in view.nodes]
    into: list[list[tuple[int, int]]] = [[] for _node in view.nodes]
    for edge in view.edges:
        out[edge.tail].append((edge.head, edge.times))
        (into if view.directed else out)[edge.head].append((edge.tail, edge.times))
    return out, into


def _item(node: GraphNode, docname: str, relations: list[str]) -> nodes.list_item:
    para = nodes.paragraph()
    if node.kind == "episode":
        para += episode_xref(node.key, docname)
        if node.title:
            para += nodes.Text(f" — {node.title}")
    else:
        para += topic_xref(node.key, docname)
        para += nodes.Text(f" ({node.key}): {episodes_count(node.weight)}")
    if relations:
        para += nodes.Text("; " + "; ".join(relations))
    return nodes.list_item("", para)


def _relations(
    view: GraphView, position: int, out: list[tuple[int, int]], into: list[tuple[int, int]]
) -> list[str]:
    def keys(pairs: list[tuple[int, int]], counted: bool) -> str:
        shown = sorted(pairs)
        return ", ".join(
            f"{view.nodes[i].key} ({count})" if counted else view.nodes[i].key for i, count in shown
        )

    node = view.nodes[position]
    if view.directed:
        found = []
        if out:
            found.append(_("cites {episodes}").format(episodes=keys(out, False)))
        if into:
            found.append(_("cited by {episodes}").format(episodes=keys(into, False)))
        return found
    if not out:
        return []
    if node.kind == "episode":
        return [_("anchors {topics}").format(topics=keys(out, False))]
    if all(view.nodes[i].kind == "topic" for i, _count in out):
        return [_("shares episodes with {topics}").format(topics=keys(out, True))]
    return []


def text_alternative(view: GraphView, docname: str) -> nodes.bullet_list:
    out, into = _neighbours(view)
    items = nodes.bullet_list(classes=["lit-graph-list"])
    for position, node in enumerate(view.nodes):
        items += _item(node, docname, _relations(view, position, out[position], into[position]))
    return items


def graph(
    view: GraphView, spec: GraphSpec, docname: str, source: str | None, line: int | None
) -> list[nodes.Node]:
    """The picture, a note of what ``:max-nodes:`` left out, and the list; nothing for an empty graph."""
    if not view.nodes:
        return []
    name = picture_name(spec)
    picture = lit_graph(
        code=dot_code(view, name),
        # the page is in the options, so each page draws its own file: a picture shared by two
        # pages is never written by two parallel writers at once
        options={"docname": docname},
        links=[(node.docname, node.node_id) for node in view.nodes],
        titles=[f"{node.key}: {node.title}" if node.title else node.key for node in view.nodes],
        name=name,
        directive=spec.picture,
    )
    picture.source, picture.line = source, line
    block = nodes.container(classes=["lit-graph"])
    block += picture
    if view.left_out:
        block += nodes.paragraph(
            "",
            ngettext(
                "{count} more node is left out of this picture.",
                "{count} more nodes are left out of this picture.",
                view.left_out,
            ).format(count=view.left_out),
            classes=["lit-graph-cut"],
        )
    more = lit_more(summary=_("The picture as a list"))
    more += text_alternative(view, docname)
    block += more
    return [block]
