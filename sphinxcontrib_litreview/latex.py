"""What the PDF needs beyond the shipped style file: book defaults and live links to the Episode index.

Sphinx's LaTeX writer sets each domain index under ``\\indexname`` and gives
it no label, so a ``:ref:`lit-episodeindex``` would be dead text in the PDF.
The preamble names the Episode index; ``litreview.sty`` labels the index of
that name; references to it become links to that label, in Sphinx's own markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview.index import EpisodeIndex, index_docname

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

#: the label litreview.sty sets at the start of the Episode index, as a reference names it:
#: the LaTeX writer turns ``%doc#id`` into ``\hyperref[doc:id]``
INDEX_REFURI = "%litreview#episodeindex"

#: latex_elements the extension sets unless the project sets them: a review read
#: on screen or printed one-sided, with no blank page before each chapter
BOOK_DEFAULTS = {"extraclassoptions": "openany,oneside"}


def book_defaults(app: Sphinx, config: Config) -> None:
    """``config-inited``: fill in :data:`BOOK_DEFAULTS` where ``latex_elements`` is silent."""
    for key, value in BOOK_DEFAULTS.items():
        config.latex_elements.setdefault(key, value)


def name_the_index(app: Sphinx) -> None:
    """``builder-inited``: tell litreview.sty the Episode index's (translated) name."""
    if app.builder.format == "latex":
        context: dict[str, Any] = app.builder.context  # type: ignore[attr-defined]
        context["preamble"] += f"\n\\renewcommand\\litreviewepisodeindexname{{{EpisodeIndex.localname}}}\n"


class EpisodeIndexLinks(SphinxPostTransform):
    """``:ref:`lit-episodeindex``` as a link to the PDF's Episode index, before Sphinx finds no page for it."""

    default_priority = 8  # before ReferencesResolver (10)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if (xref.get("refdomain"), xref.get("reftype"), xref.get("reftarget")) != (
                "std",
                "ref",
                index_docname(),
            ):
                continue
            text = xref.astext() if xref.get("refexplicit") else str(EpisodeIndex.localname)
            inner = nodes.inline(text, text, classes=["std", "std-ref"])
            xref.replace_self(nodes.reference("", "", inner, refuri=INDEX_REFURI, internal=True))
