"""A stand-in for the episode's ``:key:`` (issue 11's next step): shows one entry's title.

It reads the entry the way ``:key:`` will, through ``LitDomain.bib_entry``, so the
tests can prove now that editing the .bib re-reads exactly the pages that use it.
"""

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinxcontrib_litreview.access import lit_domain


class BibTitle(SphinxDirective):
    required_arguments = 1

    def run(self):
        entry = lit_domain(self.env).bib_entry(self.env.docname, self.arguments[0])
        return [nodes.paragraph("", f"{self.arguments[0]}: {entry.title if entry else '(no entry)'}")]


def setup(app):
    app.add_directive("bib-title", BibTitle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
