"""The ``lit`` domain: episodes and topics as Sphinx objects.

Its data holds, per document, small records (:mod:`.records`) and the list of
things the page displays (its *needs*, see :mod:`.dependencies`).  Keyed by
document, clearing and merging are trivial and exact under ``-j``; the
cross-document view is :class:`~.review.Review`, rebuilt lazily.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from sphinxcontrib_litreview.directives.episode import EpisodeDirective
from sphinxcontrib_litreview.directives.lists import (
    AnchoringEpisodesDirective,
    EpisodeListDirective,
    TopicIndexDirective,
)
from sphinxcontrib_litreview.directives.topic import TopicSummaryDirective
from sphinxcontrib_litreview.index import EpisodeIndex
from sphinxcontrib_litreview.records import Episode, Topic, episode_label
from sphinxcontrib_litreview.review import Review
from sphinxcontrib_litreview.roles import EpisodeRole, TopicRole

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: data keys that hold one entry per document
PER_DOC = (
    "episodes",
    "topics",
    "citations",
    "needs",
    "topic_indexes",
    "glossaries",
    "term_defs",
    "term_uses",
)

Need = tuple[str, str]


class LitDomain(Domain):
    name = "lit"
    label = "Literature review"
    object_types: ClassVar[dict[str, ObjType]] = {
        "episode": ObjType("episode", "ep"),
        "topic": ObjType("topic", "topic"),
    }
    roles: ClassVar = {
        "ep": EpisodeRole(warn_dangling=True, innernodeclass=nodes.inline),
        "topic": TopicRole(warn_dangling=True, innernodeclass=nodes.inline),
    }
    directives: ClassVar = {
        "episode": EpisodeDirective,
        "topic": TopicSummaryDirective,
        "topic-summary": TopicSummaryDirective,
        "anchoring-episodes": AnchoringEpisodesDirective,
        "topic-index": TopicIndexDirective,
        "episode-list": EpisodeListDirective,
    }
    indices: ClassVar = [EpisodeIndex]
    initial_data: ClassVar[dict[str, Any]] = {key: {} for key in PER_DOC} | {"digests": {}}
    data_version = 1

    _review: Review | None = None

    # -- recording, at read time ---------------------------------------------

    def note_episode(self, episode: Episode) -> None:
        self.data["episodes"].setdefault(episode.docname, []).append(episode)
        self._review = None

    def note_topic(self, topic: Topic) -> None:
        self.data["topics"].setdefault(topic.docname, []).append(topic)
        self._review = None

    def note_need(self, docname: str, need: Need) -> None:
        """Record that *docname* displays something derived from other pages."""
        self.data["needs"].setdefault(docname, []).append(need)

    def note_topic_index(self, docname: str) -> None:
        self.data["topic_indexes"][docname] = True
        self._review = None

    def clear_doc(self, docname: str) -> None:
        for key in PER_DOC:
            self.data[key].pop(docname, None)
        self.data["digests"].pop(docname, None)
        self._review = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in PER_DOC:
            theirs = otherdata[key]
            for docname in docnames:
                if docname in theirs:
                    self.data[key][docname] = theirs[docname]
        self._review = None

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        # Import here: the module needs the domain's records, not the other way round.
        from sphinxcontrib_litreview.collect import collect_document

        collect_document(self, docname, document)
        self._review = None

    # -- the whole review -----------------------------------------------------

    @property
    def review(self) -> Review:
        if self._review is None:
            self._review = Review(
                self.data["episodes"],
                self.data["topics"],
                self.data["citations"],
                self.data["topic_indexes"],
                self.data["glossaries"],
                self.data["term_defs"],
                self.data["term_uses"],
            )
        return self._review

    def check_consistency(self) -> None:
        from sphinxcontrib_litreview.checks import check_review

        check_review(self.env, self.review)

    # -- resolving ------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        review = self.review
        explicit = node.get("refexplicit", False)
        if typ in {"ep", "episode"}:
            episode = review.episodes.get(target)
            if episode is None:
                return None
            if not explicit:
                contnode = _relabel(contnode, episode_label(env.config.litreview_ep_label, episode))
            return make_refnode(
                builder, fromdocname, episode.docname, episode.node_id, contnode, episode.title or None
            )
        if typ == "topic":
            topic = review.topics.get(target)
            if topic is None:
                return None
            if not explicit:
                contnode = _relabel(contnode, topic.title)
            return make_refnode(builder, fromdocname, topic.docname, topic.node_id, contnode, topic.title)
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        results = []
        for role in ("ep", "topic"):
            ref = self.resolve_xref(env, fromdocname, builder, role, target, node, contnode)
            if ref is not None:
                results.append((f"lit:{role}", ref))
        return results

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        review = self.review
        for ep_id in review.ids_sorted:
            ep = review.episodes[ep_id]
            yield ep.id, ep.id, "episode", ep.docname, ep.node_id, 1
        for slug in sorted(review.topics):
            topic = review.topics[slug]
            yield topic.slug, topic.title, "topic", topic.docname, topic.node_id, 1

    def get_full_qualified_name(self, node: Element) -> str | None:
        return None


def _relabel(contnode: Element, label: str) -> Element:
    relabelled = contnode.__class__("", **contnode.attributes)
    relabelled += nodes.Text(label)
    return relabelled
