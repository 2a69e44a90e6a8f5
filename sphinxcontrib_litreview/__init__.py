"""sphinxcontrib-litreview: literature reviews as a Sphinx website and PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinxcontrib_litreview import config, nodes
from sphinxcontrib_litreview.checks import warn_missing_reference
from sphinxcontrib_litreview.dependencies import pages_to_rewrite
from sphinxcontrib_litreview.domain import LitDomain
from sphinxcontrib_litreview.transforms import FillPlaceholders

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"

#: bump with LitDomain.data_version whenever stored records change shape
ENV_VERSION = 1


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    nodes.register(app)
    app.add_domain(LitDomain)
    # The short spellings, as Sphinx's math domain does for :eq:.
    for name in ("episode", "topic-summary", "anchoring-episodes", "topic-index", "episode-list"):
        app.add_directive(name, LitDomain.directives[name])
    for name, role in LitDomain.roles.items():
        app.add_role(name, role)
    app.add_post_transform(FillPlaceholders)
    app.connect("env-updated", pages_to_rewrite)
    app.connect("warn-missing-reference", warn_missing_reference)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
