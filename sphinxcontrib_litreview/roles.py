"""The ``:ep:`` and ``:topic:`` roles.

Both are registered in the ``lit`` domain and globally under their short
names.  ``XRefRole`` derives the reference domain from the name it was called
by, so the short spellings normalise their name first; otherwise ``:ep:``
would produce a reference no domain (and no intersphinx) resolves.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole


class _LitRole(XRefRole):
    role = ""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.name = f"lit:{self.role}"
        return super().run()

    def process_link(
        self,
        env: BuildEnvironment,
        refnode: nodes.Element,
        has_explicit_title: bool,
        title: str,
        target: str,
    ) -> tuple[str, str]:
        return title.strip(), target.strip()


class EpisodeRole(_LitRole):
    """``:ep:`E026``` and ``:ep:`the RL study <E026>```."""

    role = "ep"


class TopicRole(_LitRole):
    """``:topic:`rl-reasoning```: a link to the topic's page, titled by the topic."""

    role = "topic"


def _xref(
    refdomain: str, reftype: str, target: str, docname: str, text: str, explicit: bool, warn: bool
) -> addnodes.pending_xref:
    return addnodes.pending_xref(
        "",
        nodes.inline(text, text, classes=["xref", refdomain, f"{refdomain}-{reftype}"]),
        refdomain=refdomain,
        reftype=reftype,
        reftarget=target,
        refexplicit=explicit,
        refwarn=warn,
        refdoc=docname,
    )


def episode_xref(ep_id: str, docname: str, text: str | None = None) -> addnodes.pending_xref:
    """A generated link to an episode, resolved like a citation but not counted as one."""
    return _xref("lit", "ep", ep_id, docname, text or ep_id, explicit=True, warn=False)


def topic_xref(slug: str, docname: str, warn: bool = False) -> addnodes.pending_xref:
    """A generated link to a topic, titled by the topic."""
    return _xref("lit", "topic", slug, docname, slug, explicit=False, warn=warn)


def doc_xref(target_doc: str, docname: str, text: str | None = None) -> addnodes.pending_xref:
    """A link to a whole page, titled by the page unless *text* is given."""
    return _xref(
        "std", "doc", "/" + target_doc, docname, text or target_doc, explicit=text is not None, warn=True
    )
