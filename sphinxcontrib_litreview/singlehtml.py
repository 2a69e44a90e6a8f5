"""The single HTML page: every link on it lands on it.

Sphinx's singlehtml builder inlines what the root's toctree reaches, so:

- episode pages that no toctree reaches are appended, as the PDF appends them;
- links to the root page (``#document-<root>``) land on its title;
- the domain indices (``lit-episodeindex``, …), which singlehtml never writes
  as pages, become sections at the end of the page, and links to them point
  there;
- Sphinx 9.0 makes cross-document links ``#document-x#id``
  (sphinx-doc/sphinx#14221: ``fix_refuris`` is no longer called); every
  reference on the page keeps its last fragment, as ``fix_refuris`` did, so
  Sphinx's own ``:ref:``, ``:term:`` and ``:doc:`` links land too.  Where
  Sphinx still repairs them (8.1), nothing is left to repair.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.compat import global_toctree
from sphinxcontrib_litreview.indices import index_docname, index_wanted
from sphinxcontrib_litreview.indices.pages import index_section
from sphinxcontrib_litreview.unreached import as_page, episode_pages_outside, reachable

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.domains import Domain, Index


class AppendToSinglePage(SphinxPostTransform):
    """Unreachable episode pages, then the domain indices, at the end of the single page.

    Before the placeholders are filled (5) and references resolved (10), so
    the appended pages come out as the others do.
    """

    default_priority = 3
    builders = ("singlehtml",)

    def run(self, **kwargs: Any) -> None:
        root = self.config.root_doc
        if self.env.docname != root:
            return
        # inside the root's last top-level section, where its toctree's pages are
        sections = [child for child in self.document.children if isinstance(child, nodes.section)]
        end: nodes.Element = sections[-1] if sections else self.document
        # Sphinx wraps every page but the root in a `#document-<name>` target
        # and links to the root (Cited by) all the same
        (sections[0] if sections else self.document)["ids"].append(f"document-{root}")
        if self.config.litreview_manual_appendix:
            for docname in episode_pages_outside(self.env, reachable(self.env, [root])):
                end += as_page(docname, self.env.get_doctree(docname))
        for name, index in page_indices(self.config, lit_domain(self.env)):
            section = index_section(name, index, _on_this_page)
            if section is not None:
                end += section


def page_indices(config: Config, domain: Domain) -> list[tuple[str, Index]]:
    """The domain's indices that ``html_domain_indices`` asks for (True, False or names)."""
    return [
        (index_docname(index_cls), index_cls(domain))
        for index_cls in domain.indices
        if index_wanted(config.html_domain_indices, index_docname(index_cls))
    ]


def _on_this_page(docname: str, anchor: str) -> str:
    return f"#{anchor or f'document-{docname}'}"


def _index_pages(builder: SingleFileHTMLBuilder) -> dict[str, str]:
    """The index pages singlehtml links to but never writes -> the section that stands in."""
    domain = lit_domain(builder.env)
    return {
        builder.get_target_uri(name): f"#{name}"
        for name, index in page_indices(builder.config, domain)
        if index.generate()[0]
    }


def _repair(tree: nodes.Node, index_pages: dict[str, str]) -> None:
    for ref in tree.findall(nodes.reference):
        page, _, fragment = ref.get("refuri", "").partition("#")
        if "#" in fragment:
            ref["refuri"] = "#" + fragment.rpartition("#")[2]
        elif page in index_pages:
            # an entry of the index (a tag, an author) has its id in the index's section
            ref["refuri"] = f"#{fragment}" if fragment else index_pages[page]


def repair_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, late: every reference of the single page points into it."""
    if isinstance(app.builder, SingleFileHTMLBuilder):
        _repair(doctree, _index_pages(app.builder))


def repair_sidebar(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: the sidebar's toctree, which Sphinx renders apart from the page, too."""
    builder = app.builder
    if not isinstance(builder, SingleFileHTMLBuilder):
        return
    index_pages = _index_pages(builder)

    def toctree(docname: str, collapse: bool = True, **kwargs: Any) -> str:
        # as SingleFileHTMLBuilder._get_local_toctree, plus the repair
        if isinstance(hidden := kwargs.get("includehidden"), str):
            kwargs["includehidden"] = hidden.lower() == "true"
        if kwargs.get("maxdepth") == "":
            kwargs.pop("maxdepth")
        tree = global_toctree(builder, docname, collapse=collapse, **kwargs)
        if tree is None:
            return ""
        _repair(tree, index_pages)
        return str(builder.render_partial(tree)["fragment"])

    if context.get("display_toc"):
        context["toc"] = toctree(app.config.root_doc, collapse=False)
    if "toctree" in context:
        context["toctree"] = lambda **kwargs: toctree(pagename, **kwargs)
