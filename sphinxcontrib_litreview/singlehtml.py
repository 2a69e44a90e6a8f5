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

from sphinxcontrib_litreview.unreached import as_page, episode_pages_outside, reachable

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains import Index, IndexEntry


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
        domain = self.env.domains["lit"]
        for index_cls in domain.indices:
            name = f"{domain.name}-{index_cls.name}"
            if _enabled(self.config.html_domain_indices, name):
                section = index_section(name, index_cls(domain))
                if section is not None:
                    end += section


def _enabled(setting: bool | list[str], name: str) -> bool:
    """``html_domain_indices``: True, False, or the names of the indices to write."""
    return name in setting if isinstance(setting, (list, tuple)) else bool(setting)


def index_section(name: str, index: Index) -> nodes.section | None:
    """A domain index as a section of the page, with the id its links will point at."""
    content, _collapse = index.generate()
    if not content:
        return None
    section = nodes.section("", nodes.title("", str(index.localname)), ids=[name], classes=["lit-index"])
    for group, entries in content:
        section += nodes.rubric("", group)
        items = nodes.bullet_list()
        for entry in entries:
            item = nodes.list_item("", _entry_paragraph(entry))
            if entry.subtype == 2 and len(items):
                # a sub-entry goes under the entry before it
                last = items[-1]
                if not isinstance(last[-1], nodes.bullet_list):
                    last += nodes.bullet_list()
                last[-1] += item
            else:
                items += item
        section += items
    return section


def _entry_paragraph(entry: IndexEntry) -> nodes.paragraph:
    anchor = entry.anchor or f"document-{entry.docname}"
    para = nodes.paragraph()
    para += nodes.reference("", "", nodes.literal("", entry.name), refuri=f"#{anchor}", internal=True)
    if entry.descr:
        para += nodes.Text(f" {entry.descr}")
    if entry.extra:
        para += nodes.Text(f" ({entry.extra})")
    return para


def repair_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``, late: every reference of the single page points into it."""
    builder = app.builder
    if not isinstance(builder, SingleFileHTMLBuilder):
        return
    domain = app.env.domains["lit"]
    names = {f"{domain.name}-{index_cls.name}" for index_cls in domain.indices}
    on_page = {i for node in doctree.findall(nodes.section) for i in node["ids"] if i in names}
    index_pages = {builder.get_target_uri(name): f"#{name}" for name in on_page}
    for ref in doctree.findall(nodes.reference):
        page, _, fragment = ref.get("refuri", "").partition("#")
        if "#" in fragment:
            ref["refuri"] = "#" + fragment.rpartition("#")[2]
        elif page in index_pages:
            ref["refuri"] = index_pages[page]
