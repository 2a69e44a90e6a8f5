r"""The DOT text of a graph: one description for the SVG of HTML and the PDF of LaTeX.

Only IDs and slugs go into the DOT.  Node links are written as
:data:`LINK_BASE` plus the node's position, not as page URLs, and hover titles
are the node's key: the HTML writer puts in each page's own relative URL and
the episode's title when it inlines the SVG (:mod:`.drawing`).  So the image
does not depend on the page it stands on, retitling an episode does not make
dot draw again, and a title never meets graphviz's escapes (``\N``, ``\\``
and entities, applied more than once).  A host under ``.invalid`` also keeps
Sphinx from rewriting the links as paths relative to ``_images``.

The palette is neutral (black text, grey lines, a light fill) so that the PDF
reads on paper; in HTML the stylesheet re-colours the inline SVG from the
theme's own colours, light or dark.
"""

from __future__ import annotations

import math

from sphinxcontrib_litreview.pictures.graphs import GraphNode, GraphView

LINK_BASE = "https://litreview.invalid/"
FONT = "Helvetica,Arial,sans-serif"


def quoted(text: str) -> str:
    """*text* as a DOT string that graphviz shows exactly as written.

    Inside quotes DOT knows only ``\\"``; but graphviz also reads ``\\N``-style
    escapes and HTML entities in labels and tooltips, so backslashes and
    ampersands are escaped too, and line breaks become spaces.
    """
    text = " ".join(text.split())
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return f'"{text}"'


def _attrs(**attrs: str | float) -> str:
    values = (quoted(value) if isinstance(value, str) else _number(value) for value in attrs.values())
    return "[" + ", ".join(f"{key}={value}" for key, value in zip(attrs, values, strict=True)) + "]"


def _statement(keyword: str, **attrs: str | float) -> str:
    return f"  {keyword} {_attrs(**attrs)};"


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _node(position: int, node: GraphNode) -> str:
    attrs: dict[str, str | float] = {
        "label": node.key,
        # the title is put in when the SVG is inlined (see module docstring): retitling an episode
        # leaves the DOT as it was, and graphviz's own escapes never meet a title
        "tooltip": node.key,
        "URL": f"{LINK_BASE}{position}",
        "class": f"lit-graph-{node.kind}" + (" lit-graph-focus" if node.focus else ""),
    }
    if node.kind == "topic":
        attrs["shape"] = "box"
        attrs["style"] = "rounded,filled"
        # the area grows with the anchoring episodes, so a big topic does not swamp the map
        attrs["width"] = 0.75 + 0.25 * math.sqrt(node.weight)
        attrs["height"] = 0.4 + 0.1 * math.sqrt(node.weight)
    if node.focus:
        attrs["penwidth"] = 2.5
    return f"  n{position} {_attrs(**attrs)};"


def dot_code(view: GraphView, name: str) -> str:
    """The DOT of *view*; *name* is the picture's accessible name (the SVG's title)."""
    kind, arrow = ("digraph", "->") if view.directed else ("graph", "--")
    lines = [
        f"{kind} {quoted(name)} {{",
        _statement(
            "graph",
            bgcolor="transparent",
            fontname=FONT,
            rankdir="LR",
            # a map of topics has no direction: a spring layout; citations flow left to right
            layout="dot" if view.directed else "neato",
            overlap="false",
            # room between the boxes of a spring layout, so that lines between them show
            sep="+12",
            outputorder="edgesfirst",
        ),
        _statement(
            "node",
            fontname=FONT,
            fontsize=11.0,
            shape="ellipse",
            style="filled",
            fillcolor="#f2f2f2",
            color="#555555",
            fontcolor="#000000",
        ),
        _statement("edge", color="#777777", arrowsize=0.7, len=1.6),
    ]
    lines += [_node(i, node) for i, node in enumerate(view.nodes)]
    for edge in view.edges:
        tail, head = view.nodes[edge.tail], view.nodes[edge.head]
        # thicker for more shared episodes or citations, but never a wall
        width = 1 + math.log2(edge.times)
        lines.append(
            f"  n{edge.tail} {arrow} n{edge.head} "
            + _attrs(
                penwidth=width,
                weight=edge.times,
                tooltip=f"{tail.key} {arrow} {head.key}" + (f" ({edge.times})" if edge.times > 1 else ""),
            )
            + ";"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"
