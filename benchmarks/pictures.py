"""What pictures cost: a review with the topic map and 20 topic pages' graphs, against the same without.

Usage::

    python benchmarks/pictures.py --episodes 5000 --topics 200 --runs 1

Both projects are the litreview flavour of one generated review (MyST).  The
*pictures* project adds a page with the whole-review ``topic-graph`` and, on
the first 20 topic pages, a ``topic-graph`` of the topic and a
``citation-graph`` of its episodes.  Each is built clean, alternating, in a
fresh process; the figures are the median wall and CPU time of each and their
ratios (dot's own CPU time counts: it runs as a child of Sphinx).

With ``--side-by-side`` each run builds the two at once, one per core, so that
the machine's drift (±6 % here between identical builds run one after the
other) is shared by the pair.  The budget is judged on CPU time.

Then the pictures project is built again after a change no picture shows (a
closing remark is added to a pictured topic page, which re-writes that page and its graphs): dot
must not run at all there, since Sphinx's graphviz support caches each image
by its DOT.  ``graphviz_dot`` points at a wrapper that counts dot's runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

from generate import default_topics, make_review, write_project
from run import side_by_side, sphinx_build

HERE = Path(__file__).resolve().parent
#: the issue's figure: the pictures may add at most this much to the html build
BUDGET = 0.10


def _dot_counter(workdir: Path) -> tuple[Path, Path]:
    """A ``graphviz_dot`` that appends a line per run to a log, then runs dot."""
    log = workdir / "dot-runs.log"
    script = workdir / "counting-dot"
    script.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec dot "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return script, log


def _runs(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


def write_projects(workdir: Path, episodes: int, topics: int, pictured: int) -> tuple[Path, Path, Path, Path]:
    """The plain and the pictures project; the topic page whose lead the incremental build rewords."""
    review = make_review(episodes, topics)
    plain, pictures = workdir / "plain", workdir / "pictures"
    for project in (plain, pictures):
        write_project(project, review, "myst", "litreview")
    dot, log = _dot_counter(workdir)
    with (pictures / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"graphviz_dot = {str(dot)!r}\n")
    # the whole map: every topic, so :max-nodes: is the number of topics (no cut, no warning)
    (pictures / "map.md").write_text(
        f"---\norphan: true\n---\n\n# The topic map\n\n```{{topic-graph}}\n:max-nodes: {max(topics, 1)}\n```\n",
        encoding="utf-8",
    )
    for topic in review.topics[:pictured]:
        page = pictures / f"{topic.docname}.md"
        page.write_text(
            page.read_text(encoding="utf-8") + f"\n## Pictures\n\n```{{topic-graph}} {topic.slug}\n```\n\n"
            f"```{{citation-graph}}\n:topic: {topic.slug}\n```\n",
            encoding="utf-8",
        )
    return plain, pictures, log, pictures / f"{review.topics[0].docname}.md"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=500)
    parser.add_argument("--topics", type=int, default=0, help="default: one per 25 episodes")
    parser.add_argument("--pictured", type=int, default=20, help="topic pages that get the two graphs")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work" / "pictures")
    parser.add_argument(
        "--side-by-side",
        action="store_true",
        help="build the two projects at the same time, one per core, so both see the same machine",
    )
    args = parser.parse_args(argv)
    topics = args.topics or default_topics(args.episodes)
    workdir = args.workdir / f"n{args.episodes}-t{topics}"
    workdir.mkdir(parents=True, exist_ok=True)
    plain, pictures, log, reworded = write_projects(workdir, args.episodes, topics, args.pictured)

    walls: dict[str, list[float]] = {"plain": [], "pictures": []}
    cpus: dict[str, list[float]] = {"plain": [], "pictures": []}
    failed = False

    def build(name: str, srcdir: Path, run: int) -> dict[str, object]:
        out = workdir / "_build" / name
        return {
            "srcdir": srcdir,
            "outdir": out / "html",
            "doctreedir": out / "doctrees",
            "builder": "html",
            "clean": True,
            "log": workdir / f"{name}-{run}.log",
        }

    for run in range(args.runs):
        log.unlink(missing_ok=True)
        order = (("plain", plain), ("pictures", pictures))
        if run % 2:
            order = order[::-1]
        if args.side_by_side:
            results = side_by_side({name: build(name, srcdir, run) for name, srcdir in order})
        else:
            results = {name: sphinx_build(**build(name, srcdir, run)) for name, srcdir in order}
        for name, _srcdir in order:
            _m, _out, stderr, wall, cpu, rss, rc = results[name]
            warnings = [line for line in stderr.splitlines() if "WARNING" in line]
            failed |= rc != 0 or bool(warnings)
            walls[name].append(wall)
            cpus[name].append(cpu)
            extra = f", dot runs: {_runs(log)}" if name == "pictures" else ""
            print(
                f"run {run + 1} {name:8} {wall:8.1f} s wall {cpu:8.1f} s CPU  {rss:6.0f} MB  {len(warnings)} warnings{extra}"
            )
    wall_added = statistics.median(walls["pictures"]) / statistics.median(walls["plain"]) - 1
    overhead = statistics.median(cpus["pictures"]) / statistics.median(cpus["plain"]) - 1
    print(
        f"N={args.episodes} T={topics}: pictures add {overhead:+.1%} CPU time ({wall_added:+.1%} wall) "
        f"to the html build (budget {BUDGET:+.0%})"
    )

    # a change no picture shows: that page and its pictures are re-written, dot does not run
    log.unlink(missing_ok=True)
    reworded.write_text(reworded.read_text(encoding="utf-8") + "\nA closing remark.\n", encoding="utf-8")
    out = workdir / "_build" / "pictures"
    _m, stdout, _err, wall, _cpu, _rss, rc = sphinx_build(
        pictures, out / "html", out / "doctrees", "html", clean=False, log=workdir / "incremental.log"
    )
    rewritten = stdout.count("writing output... [")
    print(
        f"incremental after a remark on a pictured topic page: {wall:.1f} s, {rewritten} page(s) written, dot runs: {_runs(log)}"
    )
    failed |= rc != 0 or _runs(log) != 0
    return 1 if failed or overhead > BUDGET else 0


if __name__ == "__main__":
    sys.exit(main())
