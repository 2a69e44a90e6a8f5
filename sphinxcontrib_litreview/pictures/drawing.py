"""Drawing a graph with Sphinx's graphviz support: inline SVG in HTML, a vector PDF in LaTeX.

``render_dot`` (``sphinx.ext.graphviz``) runs dot and caches the image in
``_images`` by a hash of the DOT and its options, so an unchanged graph is
never drawn twice.  HTML always gets SVG, whatever ``graphviz_output_format``
says, and inline: links inside an ``<img>`` do not work, those inside an
``<object>`` open in the object's frame, and only inline SVG takes the
theme's colours from the page's stylesheet.  Without dot (or when dot fails),
a located warning, and the picture's text alternative stands alone.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.ext.graphviz import GraphvizError, graphviz, render_dot

from sphinxcontrib_litreview.pictures.dot import LINK_BASE
from sphinxcontrib_litreview.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.text import TextTranslator

PREFIX = "litreview-graph"


class lit_graph(graphviz):
    """A picture of the review drawn by dot.

    ``code`` is the DOT, ``options`` graphviz's options, ``links`` the (docname,
    node id) and ``titles`` the hover title of each graph node by position, ``name`` the picture's name, ``directive``
    the directive that asked for it.
    """


def _render(
    translator: HTML5Translator | LaTeXTranslator, node: lit_graph, fmt: str
) -> tuple[str, Path] | None:
    """The image dot drew (or had drawn before): its path from the page, its file; or None, after a located warning."""
    program = translator.builder.config.graphviz_dot
    if not program or shutil.which(program) is None:
        warn(
            "graph",
            f"{node['directive']}: not drawn, the dot program {program!r} (graphviz_dot) is not found "
            "(install graphviz); only the picture's list is shown",
            node,
        )
        return None
    try:
        relative, outfn = render_dot(translator, node["code"], node["options"], fmt, PREFIX)
    except GraphvizError as exc:
        warn("graph", f"{node['directive']}: dot failed, only the picture's list is shown: {exc}", node)
        return None
    if relative is None or outfn is None:
        warn("graph", f"{node['directive']}: not drawn, {program!r} cannot be run", node)
        return None
    return str(relative), Path(outfn)


# -- HTML -------------------------------------------------------------------

_NODE_LINK = re.compile(r'<a xlink:href="' + re.escape(LINK_BASE) + r'(\d+)" xlink:title="[^"]*">')
_TOOLTIP = re.compile(r'<a xlink:title="([^"]*)">')
#: graphviz titles each node and edge with its DOT name (``n3``, ``n3->n5``): not for readers
_DOT_NAME = re.compile(r'(<g id="(?:node|edge)\d+" class="[^"]*">\n)<title>[^<]*</title>\n')
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def _page_url(translator: HTML5Translator, docname: str, node_id: str) -> str:
    uri = translator.builder.get_relative_uri(translator.builder.current_docname, docname)
    # singlehtml gives "#document-x": the node's own fragment is the one that exists on its page
    return f"{'' if uri.startswith('#') else uri}#{node_id}"


def inline_svg(svg: str, urls: list[str], titles: list[str], id_prefix: str) -> str:
    """Graphviz's SVG file as an element of the page.

    Node links get the page's own relative URLs, hover titles become
    ``<title>`` elements (which browsers show; ``xlink:title`` they do not),
    and every id gets *id_prefix*, as a page can hold several pictures.
    """
    svg = _COMMENT.sub("", svg[svg.index("<svg") :])
    svg = _DOT_NAME.sub(r"\1", svg)
    svg = _NODE_LINK.sub(
        lambda m: (
            f'<a xlink:href="{html.escape(urls[int(m[1])])}"><title>{html.escape(titles[int(m[1])])}</title>'
        ),
        svg,
    )
    svg = _TOOLTIP.sub(r"<a><title>\1</title>", svg)
    return svg.replace(' id="', f' id="{id_prefix}')


def _visit_html(self: HTML5Translator, node: lit_graph) -> None:
    drawn = _render(self, node, "svg")
    if drawn is not None:
        count = getattr(self, "_litreview_graphs", 0) + 1
        self._litreview_graphs = count  # type: ignore[attr-defined]
        urls = [_page_url(self, docname, node_id) for docname, node_id in node["links"]]
        svg = inline_svg(drawn[1].read_text(encoding="utf-8"), urls, node["titles"], f"lit-graph{count}-")
        self.body.append(f'<div class="lit-graph-picture">{svg}</div>\n')
    raise nodes.SkipNode


# -- LaTeX ------------------------------------------------------------------

_CREATION_DATE = re.compile(rb"(/CreationDate \(D:)([0-9]{14})")


def reproducible_pdf(path: Path) -> None:
    """Give cairo's PDF a fixed creation date (``SOURCE_DATE_EPOCH``, else 1970), so the bytes repeat.

    cairo before 1.18 ignores ``SOURCE_DATE_EPOCH``; the date keeps its length,
    so the PDF's byte offsets stay right.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "0")
    stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(int(epoch) if epoch.isdigit() else 0)).encode()
    data = path.read_bytes()
    fixed = _CREATION_DATE.sub(lambda m: m[1] + stamp, data)
    if fixed != data:
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(fixed)
        tmp.replace(path)


def _visit_latex(self: LaTeXTranslator, node: lit_graph) -> None:
    drawn = _render(self, node, "pdf")
    if drawn is not None:
        reproducible_pdf(drawn[1])
        self.body.append(f"\n\\begin{{center}}\\sphinxincludegraphics{{{drawn[0]}}}\\end{{center}}\n")
    raise nodes.SkipNode


# -- text, man, texinfo: the text alternative that follows says it all -------


def _visit_text(self: TextTranslator, node: lit_graph) -> None:
    self.add_text(f"[{node['name']}]")
    raise nodes.SkipNode


def _skip(self: Any, node: lit_graph) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(
        lit_graph,
        html=(_visit_html, None),
        latex=(_visit_latex, None),
        text=(_visit_text, None),
        man=(_skip, None),
        texinfo=(_skip, None),
    )
