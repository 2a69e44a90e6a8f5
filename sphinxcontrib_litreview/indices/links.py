"""Links from an episode's tags and authors to their entries in the Tag and Author index.

The metadata line holds them as ``pending_xref`` nodes (``lit:tag``,
``lit:author``) that the domain resolves for each builder: to the index page's
entry in HTML, to the entry's heading in the PDF (the label litreview.sty
gives it), and to nothing where the builder writes no such index or the
entry is not in it (the name stays plain text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.nodes import make_refnode

from sphinxcontrib_litreview.indices import index_docname, index_wanted
from sphinxcontrib_litreview.indices.terms import TERM_INDICES, TermIndex
from sphinxcontrib_litreview.latex import index_refuri

if TYPE_CHECKING:
    from sphinx.builders import Builder

    from sphinxcontrib_litreview.domain import LitDomain
    from sphinxcontrib_litreview.review import Review

#: link type -> the index its links go to
BY_REFTYPE: dict[str, type[TermIndex]] = {index.reftype: index for index in TERM_INDICES}


def term_xref(reftype: str, target: str, docname: str, content: nodes.Node) -> addnodes.pending_xref:
    """A link from a metadata line to *target*'s index entry; it never warns (see :mod:`.links`)."""
    return addnodes.pending_xref(
        "", content, refdomain="lit", reftype=reftype, reftarget=target, refwarn=False, refdoc=docname
    )


def manual_label(index: type[TermIndex], ordinal: int) -> str:
    """The reference litreview.sty's label on a manual's *ordinal*-th term heading answers to."""
    return index_refuri(f"{index.name}-{ordinal}")


def _manual_ordinals(domain: LitDomain, index: type[TermIndex], builder: Builder) -> dict[str, int]:
    """Term anchor -> its number in the manual being assembled, computed once per manual.

    The LaTeX builder resolves a manual's references once its set of documents
    (``builder.docnames``) is complete; each manual has a set of its own.
    """
    docnames: set[str] = builder.docnames  # type: ignore[attr-defined]
    key = ("manual", index.name)
    held = domain.review.memo.get(key)
    if isinstance(held, tuple) and held[0] is docnames and held[1] == len(docnames):
        return held[2]  # type: ignore[no-any-return]
    terms = index(domain).manual_terms(docnames)
    ordinals = {term.anchor: i for i, term in enumerate(terms, start=1)}
    # the set itself is kept, so that no other set can take its identity
    domain.review.memo[key] = (docnames, len(docnames), ordinals)
    return ordinals


def resolve_term_link(
    domain: LitDomain,
    builder: Builder,
    fromdocname: str,
    reftype: str,
    target: str,
    contnode: nodes.Element,
) -> nodes.reference | None:
    index = BY_REFTYPE[reftype]
    anchor = index.anchor_of(domain.review, target)
    name = index_docname(index)
    if anchor is None:
        return None
    if builder.format == "latex":
        if not index_wanted(builder.config.latex_domain_indices, name):
            return None
        ordinal = _manual_ordinals(domain, index, builder).get(anchor)
        if ordinal is None:
            return None
        return nodes.reference("", "", contnode, refuri=manual_label(index, ordinal), internal=True)
    if builder.format != "html" or not index_wanted(builder.config.html_domain_indices, name):
        return None
    return make_refnode(builder, fromdocname, name, anchor, contnode)


def term_link_view(review: Review, reftype: str, target: str) -> str | None:
    """What a link to *target* shows in HTML: the anchor it lands on (None: no link)."""
    return BY_REFTYPE[reftype].anchor_of(review, target)
