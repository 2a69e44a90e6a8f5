"""Write a deterministic literature review as a Sphinx project, for benchmarking.

Usage::

    python benchmarks/generate.py --episodes 500 --topics 20 --syntax myst --flavour litreview OUTDIR

The review (episodes, topics, glossary, citations, term uses) is drawn from a
seeded random generator, so the same arguments always give the same text, and
the two *flavours* render the same review:

``litreview``
    the extension's own markup: ``episode``, ``topic-summary``,
    ``anchoring-episodes``, ``topic-index`` and the ``ep`` role.

``plain``
    Sphinx alone: every label, link and list the extension would compute is
    written out statically by this generator (topic headers, anchoring lists,
    the topic index, *Cited by* and *Used in* lines, an episode index page),
    with ``ref`` labels in place of episode citations.  It is the floor no
    extension can beat: the same pages, with nothing left to compute.

One page per episode, in no toctree (the plain flavour marks them
``orphan``; the extension does that itself).  Files whose text did not change
are not rewritten, so regenerating with ``--retitle`` touches exactly the
source files that show the retitled episode -- which is how the benchmark
runner simulates an edit for an incremental build.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, NamedTuple

Syntax = Literal["myst", "rst"]
Flavour = Literal["litreview", "plain"]
SYNTAXES: tuple[Syntax, ...] = ("myst", "rst")
FLAVOURS: tuple[Flavour, ...] = ("litreview", "plain")
DEFAULT_SEED = 2026
REVIEW_TITLE = "Literature review"
DOT = " \u00b7 "  # " · ", as the extension joins metadata
DASH = " \u2014 "  # " — ", as the extension's lists separate a takeaway
LEFT_ARROW = "\u2190"
RIGHT_ARROW = "\u2192"

# -- vocabulary ---------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ADJECTIVES = _words(
    "sparse dense noisy latent contrastive adaptive robust shallow deep recurrent causal "
    "implicit explicit calibrated synthetic multilingual hierarchical modular stochastic "
    "greedy sequential parallel distilled pruned quantised"
)
NOUNS = _words(
    "reward entropy attention policy verifier retrieval memory curriculum sampling tokenizer "
    "critic planner embedding gradient baseline benchmark rollout decoder encoder probe "
    "adapter router judge prompt schedule"
)
FIELDS = _words(
    "reasoning alignment evaluation retrieval interpretability robustness efficiency agents "
    "tooling safety pretraining finetuning multimodality calibration search planning memory "
    "distillation scaling privacy"
)
VERBS = _words(
    "improves degrades stabilises explains predicts reshapes amplifies dampens replaces "
    "complements bounds recovers"
)
OBJECTS = (
    "accuracy on long problems",
    "the variance of returns",
    "diversity of sampled strategies",
    "transfer to unseen tasks",
    "robustness under distribution shift",
    "the cost of inference",
    "agreement between judges",
    "recall on rare facts",
    "sample efficiency in small models",
    "stability of long training runs",
    "calibration of stated confidence",
    "coverage of the search space",
)
CONDITIONS = (
    "when the budget is small",
    "on multi-hop questions",
    "at every model size tried",
    "once the data is deduplicated",
    "after a short warm-up",
    "in the low-resource regime",
    "with a frozen base model",
    "under a fixed compute budget",
    "for models below ten billion parameters",
    "when rewards are delayed",
)
CONNECTIVES = (
    "In contrast,",
    "Similarly,",
    "More surprisingly,",
    "A follow-up shows that",
    "A careful replication finds",
    "Meanwhile,",
    "On the other hand,",
)
FIRST_NAMES = _words("Ana Wei Jane Omar Lena Ravi Sofia Tariq Mina Jonas Chen Amara Pavel Ines Kofi Yuki")
LAST_NAMES = _words(
    "Lima Zhang Doe Haddad Novak Iyer Rossi Aziz Park Berg Wang Okafor Petrov Silva Mensah Sato"
)
TAGS = _words(
    "rl sampling calibration evaluation retrieval interpretability long-context agents "
    "tooling safety distillation scaling data-quality benchmarks optimisation search"
)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- the review as data -------------------------------------------------------


class Cite(NamedTuple):
    """A citation of an episode in prose."""

    episode: str


class Term(NamedTuple):
    """A use of a glossary term in prose."""

    name: str


Segment = str | Cite | Term
Prose = tuple[Segment, ...]


@dataclass(frozen=True)
class Episode:
    id: str
    title: str
    date: str
    authors: tuple[str, ...]
    sources: tuple[str, ...]
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    takeaway: str
    body: Prose

    @property
    def label(self) -> str:
        return self.id.lower()

    @property
    def docname(self) -> str:
        return f"episodes/{self.label}"


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[Prose, ...]


@dataclass(frozen=True)
class Topic:
    slug: str
    title: str
    lead: str
    sections: tuple[Section, ...]

    @property
    def label(self) -> str:
        return f"topic-{self.slug}"

    @property
    def docname(self) -> str:
        return f"topics/{self.slug}"


@dataclass(frozen=True)
class GlossaryTerm:
    name: str
    definition: str


class Place(NamedTuple):
    """Where a citation or term use stands: a page, and the episode holding it ("" for prose)."""

    docname: str
    within: str


@dataclass
class Review:
    n_episodes: int
    n_topics: int
    seed: int
    episodes: list[Episode]
    topics: list[Topic]
    terms: list[GlossaryTerm]
    #: derived from the above by :meth:`index`
    anchors: dict[str, list[str]] = field(default_factory=dict)
    cited_by: dict[str, list[Place]] = field(default_factory=dict)
    used_in: dict[str, list[Place]] = field(default_factory=dict)
    cited_on: dict[str, set[str]] = field(default_factory=dict)
    by_id: dict[str, Episode] = field(default_factory=dict)

    def index(self) -> None:
        """Compute what the extension computes: anchors, *Cited by*, *Used in*."""
        self.by_id = {ep.id: ep for ep in self.episodes}
        anchors: dict[str, list[str]] = defaultdict(list)
        for ep in self.episodes:
            for slug in ep.topics:
                anchors[slug].append(ep.id)
        cited_by: dict[str, set[Place]] = defaultdict(set)
        used_in: dict[str, set[Place]] = defaultdict(set)
        cited_on: dict[str, set[str]] = defaultdict(set)

        def note(prose: Iterable[Segment], place: Place) -> None:
            for seg in prose:
                if isinstance(seg, Cite) and seg.episode != place.within:
                    cited_by[seg.episode].add(place)
                    cited_on[place.docname].add(seg.episode)
                elif isinstance(seg, Term):
                    used_in[seg.name.lower()].add(place)

        for ep in self.episodes:
            note(ep.body, Place(ep.docname, ep.id))
        for topic in self.topics:
            for section in topic.sections:
                for para in section.paragraphs:
                    note(para, Place(topic.docname, ""))
        # IDs are zero-padded, so string order is the extension's natural order.
        self.anchors = {slug: sorted(ids) for slug, ids in anchors.items()}
        self.cited_by = {k: sorted(v) for k, v in cited_by.items()}
        self.used_in = {k: sorted(v) for k, v in used_in.items()}
        self.cited_on = dict(cited_on)

    def retitled(self, titles: Mapping[str, str]) -> Review:
        """The same review with some episodes' titles changed."""
        for ep_id in titles:
            if ep_id not in self.by_id:
                raise KeyError(f"no episode {ep_id}")
        episodes = [replace(ep, title=titles[ep.id]) if ep.id in titles else ep for ep in self.episodes]
        review = Review(self.n_episodes, self.n_topics, self.seed, episodes, self.topics, self.terms)
        review.index()
        return review

    def retitle_target(self) -> str:
        """The episode the incremental benchmark retitles: the first one the first topic cites."""
        for section in self.topics[0].sections:
            for para in section.paragraphs:
                for seg in para:
                    if isinstance(seg, Cite):
                        return seg.episode
        return self.episodes[0].id


def make_review(n_episodes: int, n_topics: int, seed: int = DEFAULT_SEED) -> Review:
    """Draw a review of *n_episodes* episodes and *n_topics* topics from *seed*."""
    if n_episodes < 3 or n_topics < 1:
        raise ValueError("need at least 3 episodes and 1 topic")
    rng = random.Random(seed)
    width = max(4, len(str(n_episodes)))
    ids = [f"E{i:0{width}d}" for i in range(1, n_episodes + 1)]

    n_terms = max(25, n_episodes // 20)
    term_names = _distinct_pairs(rng, ADJECTIVES, NOUNS, n_terms)
    terms = [
        GlossaryTerm(
            name,
            f"A {name.split()[0]} form of {name.split()[1]} used in {rng.choice(FIELDS)} studies. "
            f"It is often compared with {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} methods "
            f"{rng.choice(CONDITIONS)}.",
        )
        for name in term_names
    ]

    slugs = [f"{a}-{b}" for a, b in (p.split() for p in _distinct_pairs(rng, ADJECTIVES, FIELDS, n_topics))]

    def sentence(cite: str | None, term: str | None, opener: str = "") -> Prose:
        subject = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} training"
        segs: list[Segment] = []
        head = f"{opener} {subject}" if opener else _cap(subject)
        segs.append(f"{head} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(CONDITIONS)}")
        if term is not None:
            segs.extend([", as measured by the ", Term(term)])
        if cite is not None:
            segs.extend([" ", Cite(cite)])
        segs.append(". ")
        return tuple(segs)

    # episodes: first topic round-robin (every topic is anchored), a second one sometimes
    episodes: list[Episode] = []
    arxiv_taken: set[tuple[int, int, int]] = set()
    for i, ep_id in enumerate(ids):
        year = rng.randint(2021, 2025)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        shape = rng.random()
        date = (
            f"{year}-{month:02d}-{day:02d}"
            if shape < 0.7
            else f"{year}-{month:02d}"
            if shape < 0.9
            else str(year)
        )
        number = rng.randint(0, 99999)
        # one arXiv ID per episode, or the review has works reviewed twice (litreview.duplicate);
        # stepping past a taken one draws nothing more, so the rest of the review stays as it was
        while (year % 100, month, number) in arxiv_taken:
            number = (number + 1) % 100000
        arxiv_taken.add((year % 100, month, number))
        arxiv = f"https://arxiv.org/abs/{year % 100:02d}{month:02d}.{number:05d}"
        sources = (arxiv, f"https://example.org/papers/{ep_id.lower()}") if rng.random() < 0.2 else (arxiv,)
        topic_slugs = [slugs[i % n_topics]]
        if n_topics > 1 and rng.random() < 0.4:
            topic_slugs.append(rng.choice([s for s in slugs if s != topic_slugs[0]]))
        others = [x for x in rng.sample(ids, 3) if x != ep_id][:2]
        term_a, term_b = rng.sample(term_names, 2)
        body = (
            sentence(others[0], term_a)
            + sentence(None, None, rng.choice(CONNECTIVES))
            + sentence(others[1], term_b, rng.choice(CONNECTIVES))
        )
        episodes.append(
            Episode(
                id=ep_id,
                title=_cap(
                    f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(VERBS)} "
                    f"{rng.choice(OBJECTS)} {rng.choice(CONDITIONS)}"
                ),
                date=date,
                authors=tuple(
                    f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(rng.randint(1, 3))
                ),
                sources=sources,
                topics=tuple(topic_slugs),
                tags=tuple(rng.sample(TAGS, rng.randint(1, 3))),
                takeaway=_cap(
                    f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(VERBS)} "
                    f"{rng.choice(OBJECTS)} for a fraction of the cost."
                ),
                body=body,
            )
        )

    anchored: dict[str, list[str]] = defaultdict(list)
    for ep in episodes:
        for slug in ep.topics:
            anchored[slug].append(ep.id)

    topics: list[Topic] = []
    for slug in slugs:
        # ~14 distinct citations: half from the topic's own episodes, the rest from anywhere
        own = rng.sample(anchored[slug], min(7, len(anchored[slug])))
        rest = [x for x in rng.sample(ids, min(len(ids), 28)) if x not in own]
        cited = (own + rest)[: min(14, n_episodes)]
        rng.shuffle(cited)
        topic_terms = [rng.choice(term_names) for _ in range(6)]
        sections = []
        for k, (n_cites, n_uses) in enumerate(((4, 2), (4, 2), (3, 1), (3, 1))):
            mine, cited = cited[:n_cites], cited[n_cites:]
            uses, topic_terms = topic_terms[:n_uses], topic_terms[n_uses:]
            sentences: list[Prose] = []
            for j, cite in enumerate(mine):
                term = uses[j] if j < len(uses) else None
                sentences.append(sentence(cite, term, rng.choice(CONNECTIVES) if j else ""))
            sentences.append(sentence(None, None, "Taken together, the evidence suggests"))
            half = len(sentences) // 2
            paragraphs = (
                tuple(s for prose in sentences[:half] for s in prose),
                tuple(s for prose in sentences[half:] for s in prose),
            )
            a, b = rng.choice(ADJECTIVES), rng.choice(NOUNS)
            title = f"{_cap(a)} {b} and {rng.choice(OBJECTS)}" if k % 2 else f"What {a} {b} actually does"
            sections.append(Section(title, paragraphs))
        adj, fld = slug.split("-", 1)
        topics.append(
            Topic(
                slug=slug,
                title=f"{_cap(adj)} methods for {fld}",
                lead=f"How {adj} methods change what we know about {fld}, and where the evidence is thin.",
                sections=tuple(sections),
            )
        )

    review = Review(n_episodes, n_topics, seed, episodes, topics, terms)
    review.index()
    return review


def _distinct_pairs(rng: random.Random, first: Sequence[str], second: Sequence[str], count: int) -> list[str]:
    """*count* distinct "a b" pairs, in a seeded order; numbered once the pairs run out."""
    pairs = [f"{a} {b}" for a in first for b in second]
    rng.shuffle(pairs)
    result = pairs[:count]
    round_ = 2
    while len(result) < count:
        result += [f"{p}{round_}" for p in pairs[: count - len(result)]]
        round_ += 1
    return result


# -- markup -------------------------------------------------------------------


class Markup:
    """Inline and block markup for one syntax; the flavours share it."""

    def __init__(self, syntax: Syntax) -> None:
        self.syntax = syntax

    @property
    def suffix(self) -> str:
        return ".md" if self.syntax == "myst" else ".rst"

    def role(self, name: str, text: str) -> str:
        return f"{{{name}}}`{text}`" if self.syntax == "myst" else f":{name}:`{text}`"

    def literal(self, text: str) -> str:
        return f"`{text}`" if self.syntax == "myst" else f"``{text}``"

    def link(self, text: str, url: str) -> str:
        return f"[{text}]({url})" if self.syntax == "myst" else f"`{text} <{url}>`__"

    def heading(self, text: str, level: int, label: str = "") -> str:
        if self.syntax == "myst":
            target = f"({label})=\n\n" if label else ""
            return f"{target}{'#' * level} {text}\n"
        target = f".. _{label}:\n\n" if label else ""
        return f"{target}{text}\n{'=-~'[level - 1] * len(text)}\n"

    def directive(
        self, name: str, argument: str = "", options: Sequence[tuple[str, str]] = (), body: str = ""
    ) -> str:
        opts = "".join(f":{k}: {v}\n" for k, v in options if v)
        if self.syntax == "myst":
            content = opts + ("\n" + body if body else "")
            return f"```{{{name}}} {argument}".rstrip() + "\n" + content + "```\n"
        head = f".. {name}:: {argument}".rstrip() + "\n"
        text = opts + ("\n" + body if body else "")
        return head + "".join(f"   {line}\n" if line else "\n" for line in text.splitlines())

    def front_matter(self, orphan: bool) -> str:
        if not orphan:
            return ""
        return "---\norphan: true\n---\n\n" if self.syntax == "myst" else ":orphan:\n\n"

    def bullets(self, items: Iterable[str]) -> str:
        return "".join(f"- {item}\n" for item in items)

    def toctree(self, entries: Sequence[str]) -> str:
        return self.directive("toctree", "", [("maxdepth", "1")], "\n".join(entries) + "\n")


# -- pages --------------------------------------------------------------------


class Writer:
    """Renders a review as the pages of one flavour in one syntax."""

    def __init__(
        self, review: Review, syntax: Syntax, flavour: Flavour, bib: bool = False, keys: bool = False
    ) -> None:
        self.review = review
        self.m = Markup(syntax)
        self.flavour = flavour
        #: also write ``references.bib`` and name it in ``litreview_bibliography`` (litreview flavour only)
        self.bib = (bib or keys) and flavour == "litreview"
        #: episodes take title, date, authors and source from their entry by ``:key:``
        self.keys = keys and self.bib

    @property
    def plain(self) -> bool:
        return self.flavour == "plain"

    # inline pieces

    def ep_ref(self, ep_id: str, text: str = "") -> str:
        if self.plain:
            return self.m.role("ref", f"{text or ep_id} <{ep_id.lower()}>")
        return self.m.role("ep", f"{text} <{ep_id}>" if text else ep_id)

    def doc_ref(self, docname: str, text: str = "") -> str:
        return self.m.role("doc", f"{text} </{docname}>" if text else f"/{docname}")

    def topic_ref(self, slug: str) -> str:
        topic = next(t for t in self.review.topics if t.slug == slug)
        return self.m.role("ref", f"{topic.title} <{topic.label}>")

    def prose(self, segments: Iterable[Segment]) -> str:
        out = []
        for seg in segments:
            if isinstance(seg, Cite):
                out.append(self.ep_ref(seg.episode))
            elif isinstance(seg, Term):
                out.append(self.m.role("term", seg.name))
            else:
                out.append(seg)
        return "".join(out).strip()

    def places(self, places: Sequence[Place], episode_text: bool) -> str:
        """A *Cited by* or *Used in* line's links, as the extension writes them."""
        links = []
        for place in places:
            if place.within:
                title = self.review.by_id[place.within].title if episode_text else ""
                links.append(self.ep_ref(place.within, title))
            else:
                links.append(self.doc_ref(place.docname))
        return ", ".join(links)

    def list_item(self, ep: Episode) -> str:
        return f"{self.ep_ref(ep.id)} {ep.title} ({ep.date}){DASH}{ep.takeaway}"

    # pages

    def pages(self) -> dict[str, str]:
        """Relative path -> text, for every file of the project."""
        sfx = self.m.suffix
        pages = {"conf.py": self.conf(), f"index{sfx}": self.index(), f"topics{sfx}": self.topic_index()}
        pages[f"glossary{sfx}"] = self.glossary()
        for topic in self.review.topics:
            pages[f"{topic.docname}{sfx}"] = self.topic(topic)
        for ep in self.review.episodes:
            pages[f"{ep.docname}{sfx}"] = self.episode(ep)
        if self.plain:
            pages[f"episode-index{sfx}"] = self.episode_index()
        if self.bib:
            pages["references.bib"] = bibtex(self.review)
        return pages

    def conf(self) -> str:
        extensions = ["myst_parser"] if self.m.syntax == "myst" else []
        if not self.plain:
            extensions.append("sphinxcontrib_litreview")
        r = self.review
        return (
            f"# Generated by benchmarks/generate.py: {r.n_episodes} episodes, {r.n_topics} topics,\n"
            f"# {self.m.syntax}, {self.flavour} flavour, seed {r.seed}.\n"
            f"project = {f'Benchmark review ({self.flavour})'!r}\n"
            'author = "The benchmark"\n'
            'copyright = "2026, The benchmark"\n'
            f"extensions = {extensions!r}\n"
            'html_theme = "furo"\n'
            'exclude_patterns = ["_build"]\n'
            + ('litreview_bibliography = ["references.bib"]\n' if self.bib else "")
        )

    def index(self) -> str:
        r = self.review
        episode_index = (
            self.doc_ref("episode-index", "Episode index")
            if self.plain
            else self.m.role("ref", "Episode index <lit-episodeindex>")
        )
        return (
            self.m.heading(f"A review of {r.n_episodes} episodes", 1)
            + f"\nA generated review of {r.n_episodes} episodes in {r.n_topics} topics. "
            f"Every episode is listed in the {episode_index}.\n\n"
            + self.m.toctree(["topics", *(t.docname for t in r.topics), "glossary"])
        )

    def topic_index(self) -> str:
        page = self.m.heading("All topics", 1) + "\n"
        if not self.plain:
            return page + self.m.directive("topic-index")
        items = []
        for topic in sorted(self.review.topics, key=lambda t: t.slug):
            n = len(self.review.anchors.get(topic.slug, ()))
            cited = len(self.review.cited_on.get(topic.docname, ()))
            items.append(
                f"{self.topic_ref(topic.slug)}{DASH}{n} episode{'' if n == 1 else 's'}, {cited} cited"
            )
        return page + self.m.bullets(items)

    def topic(self, topic: Topic) -> str:
        m = self.m
        if self.plain:
            n = len(self.review.anchors.get(topic.slug, ()))
            page = m.heading(topic.title, 1, topic.label) + "\n"
            page += f"{REVIEW_TITLE}{DOT}{n} episode{'' if n == 1 else 's'}\n\n"
            page += (
                self.doc_ref("topics", f"{LEFT_ARROW} all topics")
                + DOT
                + self.doc_ref("glossary", f"Glossary {RIGHT_ARROW}")
                + "\n\n"
            )
            page += topic.lead + "\n"
        else:
            page = (
                m.heading(topic.title, 1)
                + "\n"
                + m.directive("topic-summary", topic.slug, body=topic.lead + "\n")
            )
        for section in topic.sections:
            page += "\n" + m.heading(section.title, 2) + "\n"
            page += "\n".join(self.prose(p) + "\n" for p in section.paragraphs)
        page += "\n" + m.heading("Episodes anchoring this topic", 2) + "\n"
        if self.plain:
            anchoring = [self.review.by_id[i] for i in self.review.anchors.get(topic.slug, ())]
            page += m.bullets(self.list_item(ep) for ep in anchoring) if anchoring else "No episodes.\n"
        else:
            page += m.directive("anchoring-episodes")
        return page

    def episode(self, ep: Episode) -> str:
        m = self.m
        body = self.prose(ep.body) + "\n"
        if not self.plain:
            metadata = [
                ("title", ep.title),
                ("date", ep.date),
                ("authors", "; ".join(ep.authors)),
                ("source", ", ".join(ep.sources)),
            ]
            options = [("key", ep.label)] if self.keys else metadata
            options += [
                ("topics", ", ".join(ep.topics)),
                ("tags", ", ".join(ep.tags)),
                ("takeaway", ep.takeaway),
            ]
            return m.heading(ep.id, 1) + "\n" + m.directive("episode", ep.id, options, body)
        meta = [ep.date, ", ".join(ep.authors)]
        meta.append(", ".join(m.link(_source_label(url), url) for url in ep.sources))
        meta.append("Topics: " + ", ".join(self.topic_ref(slug) for slug in ep.topics))
        meta.append("Tags: " + ", ".join(m.literal(tag) for tag in ep.tags))
        page = m.front_matter(orphan=True) + m.heading(ep.id, 1, ep.label) + "\n"
        page += m.directive("index", f"single: {ep.id} (episode)") + "\n"
        page += f"**{ep.id} {ep.title}**\n\n{DOT.join(meta)}\n\n**Takeaway:** {ep.takeaway}\n\n{body}"
        cited_by = self.review.cited_by.get(ep.id)
        if cited_by:
            page += f"\n**Cited by:** {self.places(cited_by, episode_text=False)}\n"
        return page

    def glossary(self) -> str:
        lines = []
        for term in sorted(self.review.terms, key=lambda t: t.name):
            lines += [term.name, f"   {term.definition}"]
            used = self.review.used_in.get(term.name.lower())
            if self.plain and used:
                lines += ["", f"   **Used in:** {self.places(used, episode_text=True)}"]
            lines.append("")
        return self.m.heading("Glossary", 1) + "\n" + self.m.directive("glossary", body="\n".join(lines))

    def episode_index(self) -> str:
        """The plain flavour's stand-in for the extension's domain index: episodes by year."""
        years: dict[str, list[Episode]] = defaultdict(list)
        for ep in sorted(self.review.episodes, key=lambda e: e.id):
            years[ep.date[:4]].append(ep)
        page = self.m.front_matter(orphan=True) + self.m.heading("Episode index", 1)
        for year in sorted(years):
            page += f"\n**{year}**\n\n"
            page += self.m.bullets(f"{self.ep_ref(ep.id)}{DASH}{ep.title} ({ep.date})" for ep in years[year])
        return page


# -- a bibliography of the review (issue 11) ------------------------------------


def bibtex(review: Review) -> str:
    """One BibLaTeX entry per episode, keyed by its label, shaped like a Better BibTeX export.

    Titles carry the protective braces, and some names the accents, that real
    exports have, so that parsing costs what parsing a real file costs.
    """
    entries = []
    for n, ep in enumerate(review.episodes):
        people = []
        for k, name in enumerate(ep.authors):
            given, _, family = name.rpartition(" ")
            if (n + k) % 5 == 0:
                family = family.replace("o", '{\\"o}', 1).replace("a", '{\\"a}', 1)
            people.append(f"{family}, {given}")
        first, _, rest = ep.title.partition(" ")
        arxiv = ep.sources[0].removeprefix("https://arxiv.org/abs/")
        entries.append(
            f"@article{{{ep.label},\n"
            f"  title = {{{{{first}}} {rest}}},\n"
            f"  author = {{{' and '.join(people)}}},\n"
            f"  date = {{{ep.date}}},\n"
            f"  journaltitle = {{Journal of {_cap(ep.tags[0])} -- {ep.date[:4]}}},\n"
            f"  eprint = {{{arxiv}}},\n"
            "  eprinttype = {arxiv},\n"
            f"  url = {{{ep.sources[0]}}},\n"
            "}\n"
        )
    return "\n".join(entries)


def _source_label(url: str) -> str:
    """The link text the extension gives a source: ``arXiv:…`` or the host name."""
    if url.startswith("https://arxiv.org/abs/"):
        return "arXiv:" + url.removeprefix("https://arxiv.org/abs/")
    return url.split("/")[2].removeprefix("www.")


# -- writing ------------------------------------------------------------------


def write_project(
    outdir: Path,
    review: Review,
    syntax: Syntax,
    flavour: Flavour,
    bib: bool = False,
    keys: bool = False,
) -> list[str]:
    """Write the project into *outdir*; return the files whose text changed.

    Unchanged files are left alone (their modification time too), and source
    files that are no longer part of the project are deleted.
    """
    pages = Writer(review, syntax, flavour, bib, keys).pages()
    changed = []
    for rel, text in pages.items():
        path = outdir / rel
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        changed.append(rel)
    for path in sorted(outdir.rglob("*")):
        rel = path.relative_to(outdir).as_posix()
        if rel.startswith("_build") or rel.startswith("_"):
            continue
        if path.is_file() and path.suffix in {".md", ".rst"} and rel not in pages:
            path.unlink()
            changed.append(rel)
    return changed


def generate(
    outdir: Path,
    episodes: int,
    topics: int,
    syntax: Syntax,
    flavour: Flavour,
    seed: int = DEFAULT_SEED,
    retitle: Mapping[str, str] | None = None,
    bib: bool = False,
    keys: bool = False,
) -> list[str]:
    review = make_review(episodes, topics, seed)
    if retitle:
        review = review.retitled(retitle)
    return write_project(outdir, review, syntax, flavour, bib, keys)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, required=True, help="number of episodes (pages)")
    parser.add_argument(
        "--topics", type=int, default=0, help="number of topic pages (default: episodes // 25)"
    )
    parser.add_argument("--syntax", choices=SYNTAXES, default="myst")
    parser.add_argument("--flavour", choices=FLAVOURS, default="litreview")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--retitle",
        action="append",
        default=[],
        metavar="ID=TITLE",
        help="give episode ID another title (repeatable); only files that show it change",
    )
    parser.add_argument(
        "--bib",
        action="store_true",
        help="also write references.bib, one entry per episode (litreview flavour)",
    )
    parser.add_argument(
        "--keys",
        action="store_true",
        help="with --bib: every episode takes its title, date, authors and source from its entry by :key:",
    )
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    retitle = dict(item.split("=", 1) for item in args.retitle)
    topics = args.topics or default_topics(args.episodes)
    changed = generate(
        args.outdir, args.episodes, topics, args.syntax, args.flavour, args.seed, retitle, args.bib, args.keys
    )
    print(f"{args.outdir}: {len(changed)} file(s) written")
    return 0


def default_topics(episodes: int) -> int:
    """One topic per 25 episodes: 20 topics for 500 episodes."""
    return max(1, episodes // 25)


if __name__ == "__main__":
    sys.exit(main())
