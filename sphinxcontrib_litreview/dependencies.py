"""Which pages to re-write after an edit elsewhere in the review.

Every page records, while it is read, what it displays from other pages (its
*needs*: a cited episode, a topic header, a list, a *Cited by* line).  After
each read phase the views behind those needs are hashed; a page whose hash
changed is re-written even though its own source did not change.  This keeps
incremental builds exact without re-writing pages that show nothing new.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, cast

from sphinxcontrib_litreview.views import NEED_VIEWS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.domain import LitDomain, Need
    from sphinxcontrib_litreview.review import Review


def page_digest(env: BuildEnvironment, review: Review, docname: str, needs: list[Need]) -> str:
    views = [(kind, arg, NEED_VIEWS[kind](env, review, arg, docname)) for kind, arg in sorted(set(needs))]
    return hashlib.sha256(repr(views).encode()).hexdigest()


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages whose displayed views changed since the last build."""
    domain = cast("LitDomain", env.domains["lit"])
    review = domain.review
    old: dict[str, str] = domain.data["digests"]
    new = {
        docname: page_digest(env, review, docname, needs) for docname, needs in domain.data["needs"].items()
    }
    domain.data["digests"] = new
    return sorted(docname for docname, digest in new.items() if old.get(docname) != digest)
