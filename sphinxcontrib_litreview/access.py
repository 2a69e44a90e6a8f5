"""The one way into the ``lit`` domain from everywhere else.

Directives, roles and transforms are imported by the domain module, so they
cannot import it back; they reach the domain through this accessor, which
needs the class only for its type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.domain import LitDomain


def lit_domain(env: BuildEnvironment) -> LitDomain:
    return cast("LitDomain", env.domains["lit"])
