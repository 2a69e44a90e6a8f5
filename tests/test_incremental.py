"""Incremental builds are exact: after an edit, the pages and warnings equal a clean build's.

Each case lives the way a user does: build a small review, edit its sources on
disk, rebuild incrementally, then build the edited tree from scratch in a
second directory and compare every HTML page and the warning list.  It also
checks that the incremental build re-read only the edited sources; pages
that merely *display* something from them must be re-written, not re-read.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers import Build, build, diff_pages, html_pages, rebuild, reread

ROOTS = Path(__file__).parent / "roots"

#: myst-parser's resolver of ``[text](#E6)`` links uses an API Sphinx 9 deprecates: its concern, not ours
MYST_DEPRECATION = pytest.mark.filterwarnings(
    "ignore:'myst_parser.sphinx_ext.myst_refs.MystReferenceResolver.app' is deprecated"
)
# the roots draw graphs; without dot each would warn, and the roots must build clean
pytestmark = [MYST_DEPRECATION, pytest.mark.needs_dot]


def _touch(path: Path) -> None:
    # Sphinx re-reads a page whose file is newer than its last reading (in
    # microseconds); push the mtime past any coarse file-system clock, and past
    # an earlier bump, so that no edit can go unnoticed.
    bumped = max(time.time(), path.stat().st_mtime) + 2
    os.utime(path, (bumped, bumped))


@dataclass
class Tree:
    """A test root copied to a temporary directory, edited like a user would."""

    srcdir: Path
    fmt: str  # "rst" or "myst"
    #: each edited page's source before its first edit (None: the page is new)
    originals: dict[str, str | None] = field(default_factory=dict)

    @property
    def added(self) -> set[str]:
        return {doc for doc, text in self.originals.items() if text is None}

    @property
    def changed(self) -> set[str]:
        return {doc for doc, text in self.originals.items() if text is not None and self.path(doc).exists()}

    @property
    def removed(self) -> set[str]:
        return {
            doc for doc, text in self.originals.items() if text is not None and not self.path(doc).exists()
        }

    @property
    def suffix(self) -> str:
        return ".rst" if self.fmt == "rst" else ".md"

    def path(self, docname: str) -> Path:
        return self.srcdir / f"{docname}{self.suffix}"

    def read(self, docname: str) -> str:
        return self.path(docname).read_text(encoding="utf-8")

    def _remember(self, docname: str) -> None:
        path = self.path(docname)
        if docname not in self.originals:
            self.originals[docname] = path.read_text(encoding="utf-8") if path.exists() else None

    def write(self, docname: str, text: str) -> None:
        self._remember(docname)
        path = self.path(docname)
        path.write_text(text, encoding="utf-8")
        _touch(path)

    def delete(self, docname: str) -> None:
        self._remember(docname)
        self.path(docname).unlink()

    def undo(self) -> None:
        """Put every edited or deleted source back as it was; delete the added ones."""
        for docname, text in self.originals.items():
            path = self.path(docname)
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")
                _touch(path)

    def sub(self, docname: str, old: str, new: str) -> None:
        text = self.read(docname)
        assert text.count(old) == 1, f"{old!r} must occur exactly once in {docname}"
        self.write(docname, text.replace(old, new))

    # -- the two syntaxes --------------------------------------------------

    def role(self, name: str, target: str) -> str:
        """A role in this tree's syntax."""
        return f":{name}:`{target}`" if self.fmt == "rst" else f"{{{name}}}`{target}`"

    def ep(self, target: str) -> str:
        return self.role("ep", target)

    def directive(self, name: str, argument: str) -> str:
        """The opening line of a directive, to find one in a source."""
        return f".. {name}:: {argument}\n" if self.fmt == "rst" else f"```{{{name}}} {argument}\n"

    def heading(self, title: str) -> str:
        if self.fmt == "rst":
            return f"{title}\n{'=' * len(title)}\n"
        return f"# {title}\n"

    def page(self, title: str, body: str) -> str:
        """A whole page outside every toctree (``orphan``), with *title* and *body*."""
        front = ":orphan:\n\n" if self.fmt == "rst" else "---\norphan: true\n---\n\n"
        return front + self.heading(title) + "\n" + body

    def block(self, name: str, content: str = "") -> str:
        """A directive with no argument, holding *content* (lines as the directive reads them)."""
        if self.fmt == "rst":
            indented = "".join(f"   {line}\n" if line else "\n" for line in content.splitlines())
            return f".. {name}::\n" + (f"\n{indented}" if content else "")
        return f"```{{{name}}}\n{content}```\n"

    def drop_from_toctree(self, docname: str) -> None:
        self.sub("index", f"   {docname}\n" if self.fmt == "rst" else f"{docname}\n", "")

    def episode(self, ep_id: str, options: list[str], body: str) -> str:
        """A whole episode directive, options being ``:name: value`` lines."""
        if self.fmt == "rst":
            lines = [f".. episode:: {ep_id}", *(f"   {o}" for o in options), "", f"   {body}"]
        else:
            lines = [f"```{{episode}} {ep_id}", *options, "", body, "```"]
        return "\n".join(lines) + "\n"

    def cut_episode(self, docname: str, ep_id: str) -> str:
        """Remove episode *ep_id* from *docname*'s source; return its text."""
        text = self.read(docname)
        if self.fmt == "rst":
            # from the directive to the next top-level directive or the end
            pattern = rf"^\.\. episode:: {ep_id}\n.*?(?=^\.\. |\Z)"
        else:
            pattern = rf"^```\{{episode\}} {ep_id}\n.*?^```\n\n?"
        match = re.search(pattern, text, re.S | re.M)
        assert match, f"no episode {ep_id} in {docname}"
        self.write(docname, text[: match.start()] + text[match.end() :])
        return match.group(0).rstrip("\n") + "\n"


# -- the edits ----------------------------------------------------------------
# Each edit changes the sources on disk as a user would, through Tree, which
# remembers what it touched.


def retitle_episode(t: Tree) -> None:
    # E3 is shown on its own page, in two lists, and as the hover title of
    # citations on episodes-a (E2's body) and on the calibration page.
    t.sub(
        "episodes-a",
        ":title: Verbalised confidence tracks accuracy",
        ":title: Stated confidence follows accuracy, mostly",
    )


def redate_episode(t: Tree) -> None:
    # E3 moves from 2024 to 2025: both timelines on the topics page change, nothing else but E3.
    t.sub("episodes-a", ":date: 2024-11-02", ":date: 2025-02-10")


def undate_episode(t: Tree) -> None:
    # E4 loses its date: the yearly timeline counts it in its note; lists sorted by date change.
    t.sub("episodes-b", ":date: 2025-01\n", "")


def retitle_citing_episode(t: Tree) -> None:
    # E5's body cites E3: E3's "Cited by" line on episodes-a links to E5, with E5's
    # title on hover; episodes-a shows E5 nowhere else, and is not re-read.
    t.sub("episodes-b", ":title: Temperature scaling after RLHF", ":title: Temperature scaling, revisited")


def retag_episode(t: Tree) -> None:
    # E3 leaves the "tagged rl" list on the topics page, and the Tag index's entry for rl
    t.sub("episodes-a", ":tags: calibration, rl", ":tags: calibration, probing")


def rename_author(t: Tree) -> None:
    # E1's Jane Doe is another person now: the list of Jane Doe's episodes loses E1
    t.sub("episodes-a", ":authors: Jane Doe; Wei Zhang", ":authors: Janet Doe; Zhang, Wei")


def change_topics(t: Tree) -> None:
    # E4 moves from rl-reasoning to calibration: both headers, both anchoring
    # lists, the topic index and E4's own "Topics:" line change.
    t.sub("episodes-b", ":topics: rl-reasoning\n", ":topics: calibration\n")


def add_episode(t: Tree) -> None:
    new = t.episode(
        "E7",
        [":title: Self-verification during RL", ":date: 2025-09", ":topics: rl-reasoning", ":tags: rl"],
        f"Re-examines {t.ep('E1')}.",
    )
    t.write("episodes-b", t.read("episodes-b") + "\n" + new)


def add_episode_page(t: Tree) -> None:
    new = t.episode(
        "E8",
        [":title: Calibration under distribution shift", ":date: 2023-05", ":topics: calibration"],
        f"Contrasts with {t.ep('E3')} and {t.ep('E6')}.",
    )
    t.write("episodes-c", t.heading("Episodes, part C") + "\n" + new)


def delete_cited_episode(t: Tree) -> None:
    # E2 is cited in E1's body (same page), on rl-reasoning and on calibration.
    t.cut_episode("episodes-a", "E2")


def delete_episode_page(t: Tree) -> None:
    # E4, E5 and E6 go: citations on both topic pages and on episodes-a (of E4) dangle,
    # and the anchoring lists, the topic index and the lists on topics shrink.
    t.delete("episodes-b")


def rename_episode_id(t: Tree) -> None:
    # E5 becomes E50; its citations (calibration, E6's body) are kept.
    t.sub("episodes-b", t.directive("episode", "E5"), t.directive("episode", "E50"))


def rename_topic_slug(t: Tree) -> None:
    # Only the declaration: every episode, reference and list naming
    # "calibration" now names an unknown topic.
    t.sub("calibration", t.directive("topic-summary", "calibration"), t.directive("topic-summary", "calib"))


def retitle_topic(t: Tree) -> None:
    t.sub(
        "rl-reasoning",
        ":title: RL and post-training for reasoning",
        ":title: Reinforcement learning after pre-training",
    )


def retitle_topic_page(t: Tree) -> None:
    # calibration has no :title:, so its page title is the topic's title.
    t.sub("calibration", t.heading("Calibration"), t.heading("Calibration and confidence"))


def add_citation(t: Tree) -> None:
    cite = t.ep("E6")
    t.sub("calibration", f"({cite})", f"({cite}), and reward hacking muddles both ({t.ep('E4')})")


def remove_citation(t: Tree) -> None:
    t.sub("rl-reasoning", f"reward hacking ({t.ep('E4')});", "reward hacking;")


def move_episode(t: Tree) -> None:
    block = t.cut_episode("episodes-b", "E6")
    t.write("episodes-a", t.read("episodes-a") + "\n" + block)


def redefine_term(t: Tree) -> None:
    # the hover text of every :term:`entropy` (rl-reasoning, E2's body)
    t.sub(
        "glossary",
        "The spread of a model's next-token distribution.",
        "How unsure a model is of its next token.",
    )


def remove_term_use(t: Tree) -> None:
    # the glossary's "Used in" line of the term
    t.sub("calibration", t.role("term", "calibration error"), "calibration error")


def delete_topic_index_page(t: Tree) -> None:
    # Every topic header's "all topics" link goes.
    t.delete("topics")
    t.drop_from_toctree("topics")


def add_topic_index_page(t: Tree) -> None:
    # It sorts before "topics": every topic header's "all topics" link now goes to it.
    t.write("all-topics", t.page("All topics, again", t.block("topic-index")))


def delete_glossary_page(t: Tree) -> None:
    # The headers' glossary link goes, and every :term: (rl-reasoning, calibration,
    # E2's body on episodes-a) dangles.
    t.delete("glossary")
    t.drop_from_toctree("glossary")


def add_glossary_page(t: Tree) -> None:
    # It sorts before "glossary": every topic header's glossary link now goes to it.
    terms = t.block("glossary", "reward model\n   A model that scores answers.\n")
    t.write("acronyms", t.page("Acronyms", terms))


def retitle_episode_linked_by_any(t: Tree) -> None:
    # The glossary page reaches E1 only through `:any:` (reST) or `[text](#E1)` (MyST),
    # whose hover title is E1's title.  (Not the home page: Sphinx re-writes the root
    # document in every build.)
    t.sub(
        "episodes-a",
        ":title: RL mostly re-weights what the base model already knew",
        ":title: RL re-weights prior knowledge",
    )


def change_added(t: Tree) -> None:
    # E4 becomes the most recently added: the topics page's "Recently added" list and the feeds change
    t.sub("episodes-b", ":added: 2025-06-20", ":added: 2025-09-15")


def remove_added(t: Tree) -> None:
    # E6, the most recently added, leaves the list and the review's feed
    t.sub("episodes-b", ":added: 2025-08-31\n", "")


def retag_listed_episode(t: Tree) -> None:
    # E2 is in the table list on topics (cited on rl-reasoning): the data its tag filter reads changes
    t.sub("episodes-a", ":tags: sampling\n", ":tags: sampling, scaling\n")


def reauthor_listed_episode(t: Tree) -> None:
    # the table shows no authors, its text filter does
    t.sub("episodes-a", ":authors: Ana Lima\n", ":authors: Ana Lima; Kai Ito\n")


EDITS: dict[str, Callable[[Tree], None]] = {
    "retitle-episode": retitle_episode,
    "retag-episode": retag_episode,
    "rename-author": rename_author,
    "retitle-citing-episode": retitle_citing_episode,
    "redate-episode": redate_episode,
    "undate-episode": undate_episode,
    "change-topics": change_topics,
    "add-episode": add_episode,
    "add-episode-page": add_episode_page,
    "delete-cited-episode": delete_cited_episode,
    "delete-episode-page": delete_episode_page,
    "rename-episode-id": rename_episode_id,
    "rename-topic-slug": rename_topic_slug,
    "retitle-topic": retitle_topic,
    "retitle-topic-page": retitle_topic_page,
    "add-citation": add_citation,
    "remove-citation": remove_citation,
    "move-episode": move_episode,
    "redefine-term": redefine_term,
    "remove-term-use": remove_term_use,
    "delete-topic-index-page": delete_topic_index_page,
    "add-topic-index-page": add_topic_index_page,
    "delete-glossary-page": delete_glossary_page,
    "add-glossary-page": add_glossary_page,
    "retitle-episode-linked-by-any": retitle_episode_linked_by_any,
    "change-added": change_added,
    "remove-added": remove_added,
    "retag-listed-episode": retag_listed_episode,
    "reauthor-listed-episode": reauthor_listed_episode,
}


# Sphinx re-writes the toctree *parents* of a page whose title changed
# (BuildEnvironment.check_dependents, via files_to_rebuild), but not its
# previous/next *siblings*: their "previous/next" chrome keeps the old title
# until a clean build, in every Sphinx project, with or without this extension.
# Only those titles are blanked; their links, and every other byte of every
# page (the main content above all), are compared.
_SIBLING_TITLES = (
    # <link rel="prev" title="Calibration" href="calibration.html" />
    (re.compile(r'(<link rel="(?:prev|next)" title=")[^"]*(")'), r"\1…\2"),
    # the related bar: <a href="calibration.html" title="Calibration" accesskey="P">previous</a>
    (
        re.compile(r'(<a href="[^"]*" title=")[^"]*("\s*(?:accesskey="[PN]"\s*)?>(?:previous|next)</a>)'),
        r"\1…\2",
    ),
    # the sidebar: <a href="calibration.html" title="previous chapter">Calibration</a>
    (re.compile(r'(title="(?:previous|next) chapter">)[^<]*(</a>)'), r"\1…\2"),
)


def pages(result: Build) -> dict[str, str]:
    """Every HTML page of *result*, with only the siblings' titles blanked (see above),
    the review's export for other tools, ``litreview.json``, and its Atom feeds."""
    normalised = {}
    for name, html in html_pages(result).items():
        for pattern, replacement in _SIBLING_TITLES:
            html = pattern.sub(replacement, html)
        normalised[name] = html
    export = result.outdir / "litreview.json"
    if export.exists():
        normalised[export.name] = export.read_text(encoding="utf-8")
    for feed in sorted(result.outdir.glob("litreview*.atom")):
        normalised[feed.name] = feed.read_text(encoding="utf-8")
    return normalised


#: edits that leave citations dangling: (episode, citing page) for every citation
#: that must warn, on the edited pages and on pages that are not re-read alike
BROKEN_CITATIONS = {
    "delete-cited-episode": [("E2", "calibration"), ("E2", "episodes-a"), ("E2", "rl-reasoning")],
    "delete-episode-page": [
        ("E4", "episodes-a"),
        ("E4", "rl-reasoning"),
        ("E5", "calibration"),
        ("E6", "calibration"),
    ],
    "rename-episode-id": [("E5", "calibration"), ("E5", "episodes-b")],
}


def _without(outputs: dict[str, str], docnames: set[str]) -> dict[str, str]:
    return {name: text for name, text in outputs.items() if name.removesuffix(".html") not in docnames}


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("_build"))
    return dst


@pytest.fixture(params=["rst", "myst"])
def fmt(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("edit", list(EDITS))
def test_incremental_build_equals_clean_build(tmp_path: Path, fmt: str, edit: str) -> None:
    tree = Tree(_copy(ROOTS / f"test-review-{fmt}", tmp_path / "incremental"), fmt)
    first = build(tree.srcdir)
    assert first.warnings == [], "the review must be clean before the edit"
    before = pages(first)

    EDITS[edit](tree)
    incremental = rebuild(first)
    clean = build(_copy(tree.srcdir, tmp_path / "clean"))

    # Only the edited sources are read again ...
    added, changed, removed = tree.added, tree.changed, tree.removed
    assert reread(incremental) == ((len(added), len(changed), len(removed)), added | changed)
    # ... yet the edit shows on pages that were not read again, so those must be re-written.
    after = pages(clean)
    shown_elsewhere = {
        name
        for name, html in after.items()
        if html != before.get(name) and name.removesuffix(".html") not in added | changed
    }
    assert {n for n in shown_elsewhere if n.endswith(".html")} - {
        "genindex.html",  # the indexes are generated afresh by every build
        "lit-episodeindex.html",
        "lit-tagindex.html",
        "lit-authorindex.html",
        "search.html",
    }

    # The same pages, and the same warnings, as a clean build of the edited tree.
    # (Sphinx leaves the output of a deleted source in place; it is no page of the review.)
    diff = diff_pages(_without(pages(incremental), removed), after)
    assert not diff, diff
    # Sphinx warns as it reads and writes pages, and the incremental build
    # handles fewer of them: the same warnings, in an order that may differ.
    assert sorted(incremental.warnings) == sorted(clean.warnings)
    missing = []
    for warning in incremental.warnings_of("missing"):
        match = re.match(r"(.+)\.(?:rst|md):\d+: WARNING: citation of unknown episode '([^']+)'", warning)
        assert match, warning
        missing.append((match.group(2), match.group(1)))
    assert sorted(missing) == BROKEN_CITATIONS.get(edit, []), incremental.warnings

    # Undoing the edit gives back the first build's pages, and no warnings.
    tree.undo()
    undone = rebuild(incremental)
    assert reread(undone) == ((len(removed), len(changed), len(added)), removed | changed)
    diff = diff_pages(_without(pages(undone), added), before)
    assert not diff, diff
    assert undone.warnings == []
