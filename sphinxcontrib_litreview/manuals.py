"""Episode pages in the PDF and the Texinfo manual, though no toctree holds them.

They are added to the manual's appendices (``latex_appendices``,
``texinfo_appendices``), which is how Sphinx lets a document into a manual
and its links resolve.  In the PDF each appendix would be a chapter lettered
by ``\\Alph``, which stops at Z (``Counter too large`` at the 27th), and a
chapter per page of one episode reads badly; so the PDF gathers them as the
sections of one appendix, *Episode pages*.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.utils import new_document
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxcontrib_litreview.i18n import _
from sphinxcontrib_litreview.unreached import as_page, episode_pages_outside, reachable

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: builder name -> (its documents config value, its appendices config value)
MANUALS = {
    "latex": ("latex_documents", "latex_appendices"),
    "texinfo": ("texinfo_documents", "texinfo_appendices"),
}

APPENDIX_TITLE = _("Episode pages")


def append_episode_pages(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: add unreachable episode pages to the manual's appendices.

    The appendices config value has rebuild ``""``: changing it never makes
    the environment outdated.
    """
    if app.builder.name not in MANUALS or not app.config.litreview_manual_appendix:
        return
    documents_name, appendices_name = MANUALS[app.builder.name]
    appendices = list(getattr(app.config, appendices_name))
    roots = [entry[0] for entry in getattr(app.config, documents_name)] + appendices
    missing = episode_pages_outside(env, reachable(env, roots))
    if missing:
        setattr(app.config, appendices_name, appendices + missing)


class GatherEpisodePages(SphinxPostTransform):
    """In the assembled PDF, one appendix whose sections are the unreachable episode pages.

    Before Sphinx's ``DocumentTargetTransform`` (400), which gives each
    page's first section the label ``:doc:`` links point at.
    """

    default_priority = 3
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        if not self.config.litreview_manual_appendix:
            return
        # the LaTeX builder appends each appendix to its assembled tree as a document
        appended = {
            child["docname"]: child
            for child in self.document.children
            if isinstance(child, nodes.document) and "docname" in child
        }
        root = self.document.get("docname", self.env.docname)
        pages = [d for d in episode_pages_outside(self.env, reachable(self.env, [root])) if d in appended]
        if not pages:
            return
        section = nodes.section("", nodes.title("", APPENDIX_TITLE), classes=["lit-episode-pages"])
        for docname in pages:
            section += as_page(docname, appended[docname])
            self.document.remove(appended[docname])
        # a document node of its own: the writer starts the appendices (\appendix)
        # at the first one, and each resets the section level to a chapter
        wrapper = new_document("", self.document.settings)
        wrapper += section
        self.document += wrapper
