"""How long reading a generated ``.bib`` takes: parsed cold, and read back from the cache.

Usage::

    python benchmarks/bibliography.py --entries 5000

The file is :func:`generate.bibtex` of a generated review (one entry per
episode, braces and accents as Better BibTeX writes them).  "cold" parses
without a cache, "first build" parses and writes the cache, "cached" reads the
pickle back, as every later build (and every other builder) does.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generate import bibtex, default_topics, make_review

from sphinxcontrib_litreview.bibliography.latex import to_text
from sphinxcontrib_litreview.bibliography.load import read_file


def _cold(path: Path, cache: Path | None = None) -> object:
    """A parse as a fresh process does it: pylatexenc's results not yet memoised."""
    to_text.cache_clear()
    return read_file(path, cache)


def _best(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "references.bib"
        path.write_text(bibtex(make_review(args.entries, default_topics(args.entries))), encoding="utf-8")
        cache = Path(tmp) / "cache"
        cold = _best(args.runs, lambda: _cold(path))
        first = _best(1, lambda: _cold(path, cache))
        cached = _best(args.runs, lambda: read_file(path, cache))
        parsed = read_file(path, cache)
        size = path.stat().st_size
    print(f"{len(parsed.entries)} entries, {size / 1e6:.1f} MB, {len(parsed.problems)} problems")
    print(f"cold parse   {cold:7.3f} s")
    print(f"first build  {first:7.3f} s (parse + write cache)")
    print(f"cached       {cached:7.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
