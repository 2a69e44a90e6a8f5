"""Which pages to re-write after an edit elsewhere in the review.

Every page records, while it is read, what it displays from other pages (its
*needs*: a cited episode, a topic header, a list, a *Cited by* line).  After
each read phase the views behind those needs are hashed; a page whose hash
changed since its last successful write is re-written even though its own
source did not change.

The hashes describe one builder's output, not the environment: several
builders share one doctree folder (``sphinx-build -M html``, then ``-M
latexpdf``), and a build can stop while writing.  So they are kept in a file
per builder and output folder, and committed only once the build finished.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from sphinxcontrib_litreview.access import lit_domain
from sphinxcontrib_litreview.views import NEED_VIEWS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.records import Need
    from sphinxcontrib_litreview.review import Review

#: bump when the digests change meaning, so that old state files are ignored
STATE_VERSION = 1


def page_digest(env: BuildEnvironment, review: Review, docname: str, needs: list[Need]) -> str:
    views = [(need, NEED_VIEWS[need.kind](env, review, need.arg, docname)) for need in sorted(set(needs))]
    return hashlib.sha256(repr(views).encode()).hexdigest()


def state_file(app: Sphinx) -> Path:
    """Where this builder's digests for this output folder live: beside the doctrees."""
    outdir = str(Path(app.outdir).resolve())
    key = hashlib.sha256(outdir.encode()).hexdigest()[:16]
    return Path(app.doctreedir) / "litreview" / f"{app.builder.name}-{key}.json"


def _committed(path: Path) -> dict[str, str]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        return {}
    digests = state.get("digests")
    return digests if isinstance(digests, dict) else {}


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages whose displayed views changed since this builder last wrote them."""
    domain = lit_domain(env)
    review = domain.review
    old = _committed(state_file(app))
    new = {docname: page_digest(env, review, docname, needs) for docname, needs in domain.needs().items()}
    domain.pending_digests = new
    return sorted(docname for docname, digest in new.items() if old.get(docname) != digest)


def commit_digests(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the pages are written, so their digests become the builder's state."""
    domain = lit_domain(app.env)
    new, domain.pending_digests = domain.pending_digests, None
    if exception is not None or new is None:
        return
    path = state_file(app)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": STATE_VERSION, "digests": new}, sort_keys=True), encoding="utf-8")
    tmp.replace(path)
