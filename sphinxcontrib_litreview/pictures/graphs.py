"""Which nodes and edges a graph shows, as plain records: the view a picture is drawn from.

The same view feeds the picture, its text alternative and the page's digest
(:mod:`..dependencies`), so a graph is re-drawn exactly when what it shows changed.
Everything is sorted: the same review gives the same DOT, hence the same image bytes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from sphinxcontrib_litreview.records import Episode, Topic, natural_key
from sphinxcontrib_litreview.review import Review

DEPTHS = (1, 2)
MAX_NODES_DEFAULT = 150


class GraphSpec(NamedTuple):
    """What a ``topic-graph`` or ``citation-graph`` asks for, as written on the page."""

    picture: str
    topic: str = ""
    episode: str = ""
    depth: int = 1
    max_nodes: int = MAX_NODES_DEFAULT


class GraphNode(NamedTuple):
    kind: Literal["episode", "topic"]
    #: the episode's ID or the topic's slug: the node's label
    key: str
    title: str
    docname: str
    node_id: str
    #: a topic's anchoring episodes (its size in the topic map); an episode's citations
    weight: int
    #: the episode or topic the graph is about
    focus: bool = False


class GraphEdge(NamedTuple):
    #: positions in GraphView.nodes; for citations, *tail* cites *head*
    tail: int
    head: int
    #: shared episodes (topic map) or citations (citation graph)
    times: int


class GraphView(NamedTuple):
    #: the topic or episode the graph is about exists ("" asked for none)
    known: bool
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]
    #: how many nodes ``:max-nodes:`` left out
    left_out: int
    directed: bool


def _topic_node(review: Review, topic: Topic, focus: bool = False) -> GraphNode:
    anchors = len(review.anchors.get(topic.slug, ()))
    return GraphNode("topic", topic.slug, topic.title, topic.docname, topic.node_id, anchors, focus)


def _episode_node(review: Review, episode: Episode, focus: bool = False) -> GraphNode:
    cited = len(review.cited_by.get(episode.id, ()))
    return GraphNode("episode", episode.id, episode.title, episode.docname, episode.node_id, cited, focus)


def _cut(
    nodes: list[GraphNode], rank: Mapping[str, tuple[int, ...]], max_nodes: int
) -> tuple[list[GraphNode], int]:
    """The *max_nodes* first by *rank* (focus first, then smallest rank), in the order given,
    and how many were left out."""
    if len(nodes) <= max_nodes:
        kept, left_out = nodes, 0
    else:
        ordered = sorted(nodes, key=lambda n: (not n.focus, rank[_name(n)], n.kind, natural_key(n.key)))
        names = {_name(n) for n in ordered[:max_nodes]}
        kept, left_out = [n for n in nodes if _name(n) in names], len(nodes) - max_nodes
    # An episode's citation count only chooses what is kept; it is not drawn, so a new
    # citation elsewhere does not re-draw the picture.
    return [n._replace(weight=0) if n.kind == "episode" else n for n in kept], left_out


def _name(node: GraphNode) -> str:
    return f"{node.kind}:{node.key}"


def _edges(nodes: list[GraphNode], pairs: Iterable[tuple[str, str, int]]) -> tuple[GraphEdge, ...]:
    """The edges between the nodes kept, by node position, in order."""
    where = {_name(n): i for i, n in enumerate(nodes)}
    edges = [GraphEdge(where[a], where[b], count) for a, b, count in pairs if a in where and b in where]
    return tuple(sorted(edges))


def topic_map(review: Review, max_nodes: int) -> GraphView:
    """Every topic, sized by its anchoring episodes, joined by the episodes they share."""
    slugs = sorted(review.topics, key=natural_key)
    nodes = [_topic_node(review, review.topics[slug]) for slug in slugs]
    rank = {_name(n): (-n.weight,) for n in nodes}
    nodes, left_out = _cut(nodes, rank, max_nodes)
    shared: Counter[tuple[str, str]] = Counter()
    order = {slug: i for i, slug in enumerate(slugs)}
    for ep_id in review.ids_sorted:
        declared = sorted({t for t in review.episodes[ep_id].topics if t in order}, key=order.__getitem__)
        for i, first in enumerate(declared):
            for second in declared[i + 1 :]:
                shared[first, second] += 1
    pairs = ((f"topic:{a}", f"topic:{b}", n) for (a, b), n in shared.items())
    return GraphView(True, tuple(nodes), _edges(nodes, pairs), left_out, directed=False)


def topic_neighbourhood(review: Review, slug: str, max_nodes: int) -> GraphView:
    """A topic, its anchoring episodes, and the other topics those episodes anchor."""
    topic = review.topics.get(slug)
    if topic is None:
        return GraphView(False, (), (), 0, directed=False)
    episodes = [review.episodes[i] for i in review.anchors.get(slug, ())]
    shares: Counter[str] = Counter(
        t for e in episodes for t in set(e.topics) if t in review.topics and t != slug
    )
    others = sorted(shares, key=natural_key)
    nodes = [
        _topic_node(review, topic, focus=True),
        *(_episode_node(review, e) for e in episodes),
        *(_topic_node(review, review.topics[t]) for t in others),
    ]
    # episodes by how often they are cited, the other topics by how many episodes they share
    rank = {_name(n): (-(n.weight if n.kind == "episode" else shares[n.key]),) for n in nodes}
    nodes, left_out = _cut(nodes, rank, max_nodes)
    pairs = ((f"episode:{e.id}", f"topic:{t}", 1) for e in episodes for t in e.topics if t in review.topics)
    return GraphView(True, tuple(nodes), _edges(nodes, pairs), left_out, directed=False)


def episode_citations(review: Review, ep_id: str, depth: int, max_nodes: int) -> GraphView:
    """An episode, what its body cites and which episodes cite it, *depth* steps out."""
    if ep_id not in review.episodes:
        return GraphView(False, (), (), 0, directed=True)
    cites = review.episode_cites
    cited_by: dict[str, set[str]] = defaultdict(set)
    for citing, cited in cites.items():
        for other in cited:
            cited_by[other].add(citing)
    distance = {ep_id: 0}
    frontier = [ep_id]
    for step in range(1, depth + 1):
        reached = {n for e in frontier for n in (*cites.get(e, ()), *cited_by.get(e, ()))} - distance.keys()
        distance.update(dict.fromkeys(reached, step))
        frontier = sorted(reached, key=natural_key)
    ids = sorted(distance, key=natural_key)
    nodes = [_episode_node(review, review.episodes[i], focus=i == ep_id) for i in ids]
    # nearer first, so that what is kept stays joined to the episode; then the most cited
    rank = {_name(n): (distance[n.key], -n.weight) for n in nodes}
    nodes, left_out = _cut(nodes, rank, max_nodes)
    return GraphView(True, tuple(nodes), _citation_edges(review, nodes), left_out, directed=True)


def topic_citations(review: Review, slug: str, max_nodes: int) -> GraphView:
    """A topic's anchoring episodes and the citations among them."""
    if slug not in review.topics:
        return GraphView(False, (), (), 0, directed=True)
    nodes = [_episode_node(review, review.episodes[i]) for i in review.anchors.get(slug, ())]
    rank = {_name(n): (-n.weight,) for n in nodes}
    nodes, left_out = _cut(nodes, rank, max_nodes)
    return GraphView(True, tuple(nodes), _citation_edges(review, nodes), left_out, directed=True)


def _citation_edges(review: Review, nodes: list[GraphNode]) -> tuple[GraphEdge, ...]:
    cites = review.episode_cites
    pairs = (
        (f"episode:{n.key}", f"episode:{cited}", count)
        for n in nodes
        for cited, count in cites.get(n.key, Counter()).items()
    )
    return _edges(nodes, pairs)


def graph_view(review: Review, spec: GraphSpec) -> GraphView:
    if spec.picture == "topic-graph":
        if spec.topic:
            return topic_neighbourhood(review, spec.topic, spec.max_nodes)
        return topic_map(review, spec.max_nodes)
    if spec.episode:
        return episode_citations(review, spec.episode, spec.depth, spec.max_nodes)
    return topic_citations(review, spec.topic, spec.max_nodes)
