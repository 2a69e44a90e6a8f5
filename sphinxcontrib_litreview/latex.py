"""What the PDF needs beyond the shipped style file: book defaults and live links to the indices.

Sphinx's LaTeX writer sets each domain index under ``\\indexname`` and gives
it no label, so a ``:ref:`lit-episodeindex``` would be dead text in the PDF.
The preamble names each of the domain's indices; ``litreview.sty`` labels the
index of that name (and, in the Tag and Author index, each term's heading);
references to it become links to that label, in Sphinx's own markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview.indices import INDICES, index_docname

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def index_refuri(name: str) -> str:
    """The label litreview.sty sets at the index *name* (``episodeindex``), as a reference names it.

    The LaTeX writer turns ``%doc#id`` into ``\\hyperref[doc:id]``.
    """
    return f"%litreview#{name}"


#: latex_elements the extension sets unless the project sets them: a review read
#: on screen or printed one-sided, with no blank page before each chapter
BOOK_DEFAULTS = {"extraclassoptions": "openany,oneside"}


def book_defaults(app: Sphinx, config: Config) -> None:
    """``config-inited``: fill in :data:`BOOK_DEFAULTS` where ``latex_elements`` is silent."""
    for key, value in BOOK_DEFAULTS.items():
        config.latex_elements.setdefault(key, value)


def name_the_index(app: Sphinx) -> None:
    """``builder-inited``: tell litreview.sty the indices' (translated) names."""
    if app.builder.format == "latex":
        context: dict[str, Any] = app.builder.context  # type: ignore[attr-defined]
        context["preamble"] += "".join(
            f"\n\\renewcommand\\litreview{index.name}name{{{index.localname}}}\n" for index in INDICES
        )


class IndexLinks(SphinxPostTransform):
    """``:ref:`lit-tagindex``` and the others as links to the PDF's index, before Sphinx finds no page for it."""

    default_priority = 8  # before ReferencesResolver (10)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        by_docname = {index_docname(index): index for index in INDICES}
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if (xref.get("refdomain"), xref.get("reftype")) != ("std", "ref"):
                continue
            index = by_docname.get(xref.get("reftarget", ""))
            if index is None:
                continue
            text = xref.astext() if xref.get("refexplicit") else str(index.localname)
            inner = nodes.inline(text, text, classes=["std", "std-ref"])
            xref.replace_self(nodes.reference("", "", inner, refuri=index_refuri(index.name), internal=True))
