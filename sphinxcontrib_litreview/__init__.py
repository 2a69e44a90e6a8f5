"""sphinxcontrib-litreview: literature reviews as a Sphinx website and PDF."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxcontrib_litreview import config, i18n, interactive, nodes, references
from sphinxcontrib_litreview.bibliography import events as bibliography
from sphinxcontrib_litreview.collect import CollectAnchorLinks
from sphinxcontrib_litreview.dependencies import commit_digests, pages_to_rewrite
from sphinxcontrib_litreview.domain import LitDomain, warn_missing_reference
from sphinxcontrib_litreview.export import link_output_files, write_export
from sphinxcontrib_litreview.feeds import explain_missing_base_url, link_feeds, write_feeds
from sphinxcontrib_litreview.glossary import TermHoverTitles
from sphinxcontrib_litreview.headings import EpisodeHeadingLevels, EpisodeIdLinks
from sphinxcontrib_litreview.indices import (
    allow_indices_in_toctree,
    keep_indices_out_of_manuals,
    name_in_language,
)
from sphinxcontrib_litreview.indices.pages import render_term_index_page
from sphinxcontrib_litreview.latex import IndexLinks, book_defaults, name_the_index
from sphinxcontrib_litreview.manuals import GatherEpisodePages, append_episode_pages
from sphinxcontrib_litreview.pictures import drawing
from sphinxcontrib_litreview.previews import add_previews
from sphinxcontrib_litreview.singlehtml import AppendToSinglePage, repair_links, repair_sidebar
from sphinxcontrib_litreview.transforms import FillPlaceholders

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

HERE = Path(__file__).parent

__version__ = "0.1.0"

#: bump with LitDomain.data_version whenever stored records change shape
ENV_VERSION = 5


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    i18n.register(app)
    allow_indices_in_toctree()
    app.connect("builder-inited", name_in_language, priority=400)  # before the PDF preamble takes the name
    app.connect(
        "doctree-read", keep_indices_out_of_manuals, priority=400
    )  # before Sphinx's toctree collector
    nodes.register(app)
    app.add_domain(LitDomain)
    # The short spellings, as Sphinx's math domain does for :eq:.
    drawing.register(app)
    for name in (
        "episode",
        "topic-summary",
        "anchoring-episodes",
        "topic-index",
        "episode-list",
        "episode-timeline",
        "topic-graph",
        "citation-graph",
    ):
        app.add_directive(name, LitDomain.directives[name])
    for name, role in LitDomain.roles.items():
        app.add_role(name, role)
    app.add_transform(CollectAnchorLinks)
    app.add_transform(EpisodeHeadingLevels)
    app.add_post_transform(FillPlaceholders)
    app.add_post_transform(EpisodeIdLinks)
    app.add_post_transform(TermHoverTitles)
    app.add_post_transform(GatherEpisodePages)
    app.add_post_transform(AppendToSinglePage)
    app.connect("builder-inited", bibliography.load)
    app.connect("builder-inited", references.load)
    app.connect("env-get-outdated", bibliography.outdated_pages)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("env-updated", append_episode_pages)
    # late, to repair the links other handlers make too
    app.connect("doctree-resolved", repair_links, priority=900)
    app.connect("doctree-resolved", link_output_files)
    app.connect("doctree-resolved", add_previews, priority=950)  # once the links are repaired
    app.connect("html-page-context", repair_sidebar)
    app.connect("html-page-context", interactive.add_to_page)
    app.connect("html-page-context", render_term_index_page)
    app.connect("warn-missing-reference", warn_missing_reference)
    app.connect("build-finished", write_export)
    app.connect("build-finished", write_feeds)
    app.connect("builder-inited", explain_missing_base_url)
    app.connect("html-page-context", link_feeds)
    app.connect("build-finished", commit_digests)
    app.connect("config-inited", _add_static_path)
    app.connect("config-inited", book_defaults)
    app.connect("builder-inited", name_the_index)
    app.add_post_transform(IndexLinks)
    app.add_css_file("litreview.css")
    app.add_js_file("litreview-preview.js", loading_method="defer")
    app.add_latex_package("litreview")
    app.connect("build-finished", _copy_latex_style)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def _add_static_path(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(HERE / "static"))


def _copy_latex_style(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "latex":
        shutil.copy(HERE / "texinputs" / "litreview.sty", app.builder.outdir)
