"""The indices as docutils sections: the Tag and Author index pages, and every index on the single page.

Sphinx's ``domainindex.html`` gives ids to letter rows only (``cap-X``), and
themes copy it (furo has its own).  A term index needs an id on every entry,
so its page is rendered from standard nodes into the theme's ``page.html``,
which every theme has and fills with ``body`` like any other page: the same
sections singlehtml appends to its page.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.i18n import ngettext
from sphinxcontrib_litreview.indices import index_docname
from sphinxcontrib_litreview.indices.terms import TERM_INDICES, Term, TermIndex

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains import Index, IndexEntry

#: (docname, anchor) -> the link's address from the page being written
Link = Callable[[str, str], str]

TERM_PAGES = {index_docname(index): index for index in TERM_INDICES}


def index_section(name: str, index: Index, link: Link) -> nodes.section | None:
    """An index as a section with the id *name*; a term index gives every entry its anchor."""
    if isinstance(index, TermIndex):
        terms = index.terms(index.domain.review)
        if not terms:
            return None
        section = _section(name, index)
        section += _term_groups(terms, index, link)
        return section
    content, _collapse = index.generate()
    if not content:
        return None
    section = _section(name, index)
    for group, entries in content:
        section += nodes.rubric("", group)
        items = nodes.bullet_list()
        for entry in entries:
            items += nodes.list_item("", _entry_paragraph(entry, link))
        section += items
    return section


def _section(name: str, index: Index) -> nodes.section:
    title = str(index.localname)
    return nodes.section("", nodes.title(title, title), ids=[name], classes=["lit-index", name])


def _entry_paragraph(entry: IndexEntry, link: Link) -> nodes.paragraph:
    para = nodes.paragraph()
    para += nodes.reference(
        "", "", nodes.literal("", entry.name), refuri=link(entry.docname, entry.anchor), internal=True
    )
    if entry.descr:
        para += nodes.Text(f" {entry.descr}")
    if entry.extra:
        para += nodes.Text(f" ({entry.extra})")
    return para


def _term_groups(terms: list[Term], index: TermIndex, link: Link) -> list[nodes.Node]:
    """A line of letters, then under each letter its terms, each with links to its episodes."""
    review = index.domain.review
    by_letter = [(letter, list(group)) for letter, group in groupby(terms, key=lambda t: t.letter)]
    prefix = f"{index.name}-letter-"
    jump = nodes.paragraph(classes=["lit-index-letters"])
    for i, (letter, _terms) in enumerate(by_letter):
        if i:
            jump += nodes.Text(" · ")
        jump += nodes.reference(letter, letter, refuri=f"#{prefix}{i}", internal=True)
    result: list[nodes.Node] = [jump]
    for i, (letter, group) in enumerate(by_letter):
        result.append(nodes.rubric(letter, letter, ids=[f"{prefix}{i}"], classes=["lit-index-letter"]))
        items = nodes.definition_list(classes=["lit-index-terms"])
        for term in group:
            count = ngettext("{count} episode", "{count} episodes", len(term.episodes)).format(
                count=len(term.episodes)
            )
            label = nodes.term("", "", ids=[term.anchor])
            label += nodes.inline(term.name, term.name, classes=["lit-index-term"])
            label += nodes.Text(" ")
            label += nodes.inline(count, count, classes=["lit-index-count"])
            episodes = nodes.paragraph()
            for j, ep_id in enumerate(term.episodes):
                ep = review.episodes[ep_id]
                if j:
                    episodes += nodes.Text(", ")
                episodes += nodes.reference(
                    ep.id, ep.id, refuri=link(ep.docname, ep.node_id), internal=True, reftitle=ep.title
                )
            items += nodes.definition_list_item("", label, nodes.definition("", episodes))
        result.append(items)
    return result


#: what Sphinx's HTML translator reads from the builder about the page being written
_PAGE_STATE = ("current_docname", "secnumbers", "fignumbers")


def _render(builder: StandaloneHTMLBuilder, pagename: str, node: nodes.Element) -> str:
    """*node* as HTML for the generated page *pagename*, which has no section or figure numbers.

    Sphinx sets the translator's per-page state only when it writes a document,
    and a build that writes none has none to give.
    """
    saved = {name: getattr(builder, name) for name in _PAGE_STATE if hasattr(builder, name)}
    builder.current_docname, builder.secnumbers, builder.fignumbers = pagename, {}, {}
    try:
        return builder.render_partial(node)["fragment"]
    finally:
        for name, value in saved.items():
            setattr(builder, name, value)


def render_term_index_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> str | None:
    """``html-page-context``: a term index page is the theme's ``page.html`` holding its section."""
    index_cls = TERM_PAGES.get(pagename)
    builder = app.builder
    if (
        index_cls is None
        or templatename != "domainindex.html"
        or not isinstance(builder, StandaloneHTMLBuilder)
    ):
        return None

    def link(docname: str, anchor: str) -> str:
        return f"{builder.get_relative_uri(pagename, docname)}#{anchor}"

    section = index_section(pagename, index_cls(lit_domain(builder.env)), link)
    # in a container, so that docutils does not take the section's title for the document's
    context["body"] = (
        _render(builder, pagename, nodes.container("", section, classes=["lit-index-page"]))
        if section is not None
        else ""
    )
    context["title"] = str(index_cls.localname)
    return "page.html"
