"""The ``lit`` domain: episodes and topics as Sphinx objects.

Its data holds, per document, small records (:mod:`.records`) and the list of
things the page displays (its *needs*, see :mod:`.dependencies`).  Keyed by
document, clearing and merging are trivial and exact under ``-j``; the
cross-document view is :class:`~.review.Review`, rebuilt lazily.  Other
modules reach the domain through :func:`.access.lit_domain` and its typed
methods, never through ``data`` and its string keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from typing import TYPE_CHECKING, Any, ClassVar, TypedDict, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from sphinxcontrib_litreview.bibliography.load import EMPTY, Bibliography
from sphinxcontrib_litreview.checks import check_review, warn_unresolved
from sphinxcontrib_litreview.collect import collect_document
from sphinxcontrib_litreview.compat import builder_tags
from sphinxcontrib_litreview.conditions import shown_for
from sphinxcontrib_litreview.directives.episode import EpisodeDirective
from sphinxcontrib_litreview.directives.lists import (
    AnchoringEpisodesDirective,
    EpisodeListDirective,
    TopicIndexDirective,
)
from sphinxcontrib_litreview.directives.timeline import EpisodeTimelineDirective
from sphinxcontrib_litreview.directives.topic import TopicSummaryDirective
from sphinxcontrib_litreview.glossary import sphinx_term_target
from sphinxcontrib_litreview.indices import INDICES
from sphinxcontrib_litreview.indices.links import BY_REFTYPE, resolve_term_link
from sphinxcontrib_litreview.pictures.directives import CitationGraphDirective, TopicGraphDirective
from sphinxcontrib_litreview.previews import EPISODE_ATTR as PREVIEW_EPISODE_ATTR
from sphinxcontrib_litreview.records import Citation, Episode, Need, TermDef, TermUse, Topic, episode_label
from sphinxcontrib_litreview.review import Review
from sphinxcontrib_litreview.roles import EpisodeRole, TopicRole

if TYPE_CHECKING:
    from citeproc import CitationStylesStyle
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinxcontrib_litreview.bibliography.entries import BibEntry


class LitData(TypedDict):
    """The domain's data: every value maps a docname to what that page holds."""

    episodes: dict[str, list[Episode]]
    topics: dict[str, list[Topic]]
    citations: dict[str, list[Citation]]
    needs: dict[str, list[Need]]
    topic_indexes: dict[str, bool]
    glossaries: dict[str, bool]
    term_defs: dict[str, list[TermDef]]
    term_uses: dict[str, list[TermUse]]
    #: bibliography key -> the digest of the entry the page read ("" for a key that had none)
    bib_uses: dict[str, dict[str, str]]


PER_DOC = tuple(LitData.__annotations__)


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
        "episode-timeline": EpisodeTimelineDirective,
        "topic-graph": TopicGraphDirective,
        "citation-graph": CitationGraphDirective,
    }
    indices: ClassVar = list(INDICES)
    initial_data: ClassVar[dict[str, Any]] = {key: {} for key in PER_DOC}
    #: bump with ENV_VERSION whenever stored records change shape
    data_version = 5

    _review: Review | None = None
    #: the digests of the write under way (see :mod:`.dependencies`); never pickled
    pending_digests: dict[str, str] | None = None
    #: the entries of ``litreview_bibliography``, loaded for each build (:mod:`.bibliography.events`); never pickled
    bibliography: Bibliography = EMPTY
    #: the CSL style of ``litreview_citation_style``, loaded for each build (:mod:`.references`); never pickled
    citation_style: CitationStylesStyle | None = None
    #: the style's file, when it is a user's ``.csl`` (pages that format with it depend on it)
    citation_style_file: str = ""

    @property
    def store(self) -> LitData:
        return cast("LitData", self.data)

    # -- recording, at read time ---------------------------------------------

    def note_episode(self, episode: Episode) -> None:
        self.store["episodes"].setdefault(episode.docname, []).append(episode)
        self._review = None

    def note_topic(self, topic: Topic) -> None:
        self.store["topics"].setdefault(topic.docname, []).append(topic)
        self._review = None

    def note_need(self, docname: str, need: Need) -> None:
        """Record that *docname* displays something derived from other pages."""
        self.store["needs"].setdefault(docname, []).append(need)

    def note_topic_index(self, docname: str) -> None:
        self.store["topic_indexes"][docname] = True
        self._review = None

    def bib_entry(self, docname: str, key: str) -> BibEntry | None:
        """The bibliography entry *key*, remembered as read by *docname* so that an edit re-reads the page."""
        self.store["bib_uses"].setdefault(docname, {})[key] = self.bibliography.digests.get(key, "")
        return self.bibliography.entries.get(key)

    def bib_uses(self) -> Mapping[str, dict[str, str]]:
        return self.store["bib_uses"]

    def topics_on(self, docname: str) -> list[Topic]:
        return self.store["topics"].get(docname, [])

    def pages_with_episodes(self) -> list[str]:
        return [docname for docname, episodes in self.store["episodes"].items() if episodes]

    def needs(self) -> Mapping[str, list[Need]]:
        return self.store["needs"]

    def citations(self) -> Iterator[Citation]:
        """Every citation, page by page in docname order, each page in reading order."""
        store = self.store["citations"]
        for docname in sorted(store):
            yield from store[docname]

    def clear_doc(self, docname: str) -> None:
        for key in PER_DOC:
            self.data[key].pop(docname, None)
        self._review = None

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in PER_DOC:
            theirs = otherdata[key]
            for docname in docnames:
                if docname in theirs:
                    self.data[key][docname] = theirs[docname]
        self._review = None

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        store = self.store
        found = collect_document(
            env, docname, document, store["topics"].get(docname, []), store["episodes"].get(docname, [])
        )
        for key, value in (
            ("episodes", found.episodes),
            ("citations", found.citations),
            ("term_uses", found.term_uses),
            ("term_defs", found.term_defs),
            ("topics", found.topics),
        ):
            if value:
                self.data[key][docname] = value
        if found.has_glossary:
            store["glossaries"][docname] = True
        if found.needs:
            store["needs"].setdefault(docname, []).extend(found.needs)
        if store["episodes"].get(docname) and not env.config.litreview_episode_pages_in_toctree:
            # Episode pages are reached through topics, lists and the episode index.
            env.metadata[docname].setdefault("orphan", True)
        self._review = None

    # -- the whole review -----------------------------------------------------

    @property
    def review(self) -> Review:
        """The review as the current builder shows it (its tags decide every ``only``)."""
        if self._review is None:
            store = self.store
            self._review = Review(
                store["episodes"],
                store["topics"],
                store["citations"],
                store["topic_indexes"],
                store["glossaries"],
                store["term_defs"],
                store["term_uses"],
                shown=shown_for(builder_tags(self.env)),
                term_target=lambda target: sphinx_term_target(self.env, target),
            )
        return self._review

    def check_consistency(self) -> None:
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
            contnode[PREVIEW_EPISODE_ATTR] = episode.id
            return make_refnode(
                builder, fromdocname, episode.docname, episode.node_id, contnode, episode.title or None
            )
        if typ in BY_REFTYPE:
            return resolve_term_link(self, builder, fromdocname, typ, target, contnode)
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


def warn_missing_reference(app: Sphinx, domain: Domain, node: Element) -> bool | None:
    """``warn-missing-reference``: our own located message, subtype and hint."""
    if not isinstance(domain, LitDomain):
        return None
    warn_unresolved(domain.review, node)
    return True


def _relabel(contnode: Element, label: str) -> Element:
    relabelled = contnode.__class__("", **contnode.attributes)
    relabelled += nodes.Text(label)
    return relabelled
