"""What the Tag index and the Author index cost: one html build with them, one without.

Usage::

    flock /work/bench.lock nice -n 5 python benchmarks/indices.py --episodes 5000 --tags 300 --authors 8000

The review is ``generate.py``'s, with its tags drawn from *--tags* tags and its
authors from *--authors* people (a third of the mentions written ``Last,
First``, so the Author index has both spellings to fold).  *Without* is the
same project with ``html_domain_indices = ["lit-episodeindex"]``: Sphinx
writes neither term index, and tags and authors stay plain text, which is how
a project turns them off.  Both are clean builds (``-E``) in fresh processes,
alternating, ``--runs`` times; the script prints the median wall and CPU time
of each and the increase.  With ``--side-by-side`` each run builds the two at
once, one per core: on a machine whose speed drifts (here by ±6 % between
identical builds run one after the other) the pair then shares the drift.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import DEFAULT_SEED, FIRST_NAMES, LAST_NAMES, Review, default_topics, make_review, write_project
from run import side_by_side, sphinx_build

WORK = Path(__file__).resolve().parent / "_work" / "indices"
WITHOUT = '\nhtml_domain_indices = ["lit-episodeindex"]\n'


def with_terms(review: Review, n_tags: int, n_authors: int, seed: int) -> Review:
    """*review* with tags from a vocabulary of *n_tags* and authors from *n_authors* people."""
    rng = random.Random(seed)
    tags = [f"tag-{i:03d}" for i in range(n_tags)]
    people = [_person(i) for i in range(n_authors)]

    def spelled(given: str, family: str) -> str:
        return f"{family}, {given}" if rng.random() < 1 / 3 else f"{given} {family}"

    episodes = [
        replace(
            ep,
            tags=tuple(rng.sample(tags, rng.randint(1, 3))),
            authors=tuple(dict.fromkeys(spelled(*rng.choice(people)) for _ in range(rng.randint(1, 4)))),
        )
        for ep in review.episodes
    ]
    changed = Review(review.n_episodes, review.n_topics, review.seed, episodes, review.topics, review.terms)
    changed.index()
    return changed


def _person(i: int) -> tuple[str, str]:
    """The *i*-th of many distinct people: (given names, family name)."""
    family = LAST_NAMES[i % len(LAST_NAMES)] + LAST_NAMES[i // len(LAST_NAMES) % len(LAST_NAMES)].lower()
    block = len(LAST_NAMES) ** 2 * len(FIRST_NAMES)
    given = FIRST_NAMES[i // len(LAST_NAMES) ** 2 % len(FIRST_NAMES)]
    return (f"{given} {chr(65 + i // block % 26)}." if i >= block else given), family


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--episodes", type=int, default=5000)
    parser.add_argument("--tags", type=int, default=300)
    parser.add_argument("--authors", type=int, default=8000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--syntax", choices=("myst", "rst"), default="myst")
    parser.add_argument(
        "--side-by-side",
        action="store_true",
        help="build with and without at the same time, one per core, so both see the same machine",
    )
    args = parser.parse_args(argv)

    review = with_terms(
        make_review(args.episodes, default_topics(args.episodes)), args.tags, args.authors, DEFAULT_SEED
    )
    people = {a for ep in review.episodes for a in ep.authors}
    tags = {t for ep in review.episodes for t in ep.tags}
    print(f"N={args.episodes}: {len(tags)} tags, {len(people)} author spellings")
    sources = {}
    for case in ("with", "without"):
        src = WORK / f"{args.episodes}-{case}" / "src"
        write_project(src, review, args.syntax, "litreview")
        if case == "without":
            conf = src / "conf.py"
            text = conf.read_text(encoding="utf-8")
            if WITHOUT not in text:
                conf.write_text(text + WITHOUT, encoding="utf-8")
        sources[case] = src
    walls: dict[str, list[float]] = {"with": [], "without": []}
    cpus: dict[str, list[float]] = {"with": [], "without": []}

    def build(case: str, run: int) -> dict[str, object]:
        root = sources[case].parent
        return {
            "srcdir": sources[case],
            "outdir": root / "html",
            "doctreedir": root / "doctrees",
            "builder": "html",
            "clean": True,
            "log": root / f"run{run}.log",
        }

    for run in range(args.runs):
        order = ("without", "with") if run % 2 else ("with", "without")
        if args.side_by_side:
            results = side_by_side({case: build(case, run) for case in order})
        else:
            results = {case: sphinx_build(**build(case, run)) for case in order}
        for case in order:
            root = sources[case].parent
            _marks, _out, err, wall, cpu, _rss, rc = results[case]
            if rc != 0 or "WARNING" in err:
                print(f"{case}: sphinx failed or warned; see {root / f'run{run}.log'}", file=sys.stderr)
                return 1
            walls[case].append(wall)
            cpus[case].append(cpu)
            print(f"  run {run + 1} {case:8s} wall {wall:7.1f} s  cpu {cpu:7.1f} s", flush=True)
    for label, values in (("wall", walls), ("cpu", cpus)):
        a, b = statistics.median(values["with"]), statistics.median(values["without"])
        print(f"{label}: with {a:.1f} s, without {b:.1f} s, the indices add {100 * (a - b) / b:+.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
