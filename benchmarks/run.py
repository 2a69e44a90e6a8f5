"""Build the same generated review with and without the extension, and compare.

Usage::

    python benchmarks/run.py                       # N=500, T=20, MyST, 3 runs, every case
    python benchmarks/run.py --sizes 500,2000 --builders html,dummy --runs 3
    python benchmarks/run.py --quick               # N=50, 1 run: a smoke test

For every size, :mod:`generate` writes the review twice, in the
``litreview`` flavour (the extension's directives and roles) and the ``plain``
flavour (the same pages in Sphinx's own markup, every list written out).
Both are built in one loop, alternating which goes first, ``--runs`` times.
Every build is a fresh ``python -m sphinx`` process.  Cases (``--builders``):

``html``         clean ``-E`` html build (furo), output and doctrees removed first
``dummy``        clean ``-E`` dummy build: reading, resolving, no writing
``html-j2``      clean html build with ``-j 2`` (``--jobs``)
``incremental``  after the clean html build, one episode that a topic page
                 cites is retitled (the generator rewrites only the files
                 that show its title) and html is built again without ``-E``

Measured per build: wall time; the read phase (from Sphinx's
``updating environment`` line to its ``looking for now-outdated files``
line, timestamped as the output arrives); peak memory, the ``ru_maxrss`` that
``os.wait4`` returns for the Sphinx process (the largest resident set of that
process and of any child it waited for, so under ``-j`` it is the largest
single process, not their sum); warnings; pages re-read (Sphinx's ``N added,
M changed`` line) and pages re-written (its ``writing output... name`` lines).

``--check-exact`` (on by default) also builds the retitled review cleanly once
per flavour and size, and compares every HTML page with the incremental
build's: a page that differs is stale.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import (
    FLAVOURS,
    SYNTAXES,
    Flavour,
    Review,
    Syntax,
    default_topics,
    make_review,
    write_project,
)

HERE = Path(__file__).resolve().parent
PACKAGE = "sphinxcontrib_litreview"
#: set by main(): the environment every Sphinx process gets on top of ours
BUILD_ENV: dict[str, str] = {"PYTHONUNBUFFERED": "1", "PYTHONHASHSEED": "0"}
#: where Sphinx runs: not the repository, whose package ``python -m`` would import first
BUILD_CWD = Path(os.sep)
CASES = ("html", "dummy", "html-j2", "incremental")
RETITLE_SUFFIX = " (revised)"

#: Sphinx's progress lines, and the markers of its build phases
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
UPDATED = re.compile(r"updating environment: (?:\[[^\]]*\] )?(\d+) added, (\d+) changed, (\d+) removed")
READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (.+)$")
WRITING = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (.+)$")
MARKERS = {
    "env": "updating environment",
    "read_end": "looking for now-outdated files",
    "write": "writing output... [",
}


@dataclass
class Build:
    """One ``python -m sphinx`` run and what it reported."""

    size: int
    flavour: str
    case: str
    run: int
    wall: float
    cpu: float
    maxrss_mb: float
    returncode: int
    warnings: int
    read: float | None = None
    write: float | None = None
    reread: int | None = None
    rewritten: int | None = None
    reread_pages: list[str] = field(default_factory=list)
    rewritten_pages: list[str] = field(default_factory=list)
    warning_lines: list[str] = field(default_factory=list)


@dataclass
class Exactness:
    size: int
    flavour: str
    compared: int
    stale: list[str]
    missing: list[str]
    changed_sources: list[str]


# -- running one build --------------------------------------------------------


def _pump(stream: IO[bytes], sink: list[tuple[float, bytes]]) -> None:
    """Read *stream* to its end, timestamping every chunk as it arrives."""
    read1 = getattr(stream, "read1", stream.read)
    while chunk := read1(65536):
        sink.append((time.perf_counter(), chunk))


#: what :func:`sphinx_build` returns
BuildResult = tuple[dict[str, float], str, str, float, float, float, int]


def sphinx_build(
    srcdir: Path,
    outdir: Path,
    doctreedir: Path,
    builder: str,
    *,
    clean: bool,
    jobs: int = 1,
    log: Path | None = None,
) -> BuildResult:
    """Run Sphinx in a fresh process; return marker times, stdout, stderr, wall, cpu, maxrss MB, rc."""
    if clean:
        shutil.rmtree(outdir, ignore_errors=True)
        shutil.rmtree(doctreedir, ignore_errors=True)
    cmd = [sys.executable, "-m", "sphinx", "-b", builder, "-d", str(doctreedir), "-N"]
    if clean:
        cmd.append("-E")
    if jobs > 1:
        cmd += ["-j", str(jobs)]
    cmd += [str(srcdir), str(outdir)]
    env = os.environ | BUILD_ENV
    out: list[tuple[float, bytes]] = []
    err: list[tuple[float, bytes]] = []
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=BUILD_CWD)
    assert proc.stdout is not None
    assert proc.stderr is not None
    readers = [
        threading.Thread(target=_pump, args=(proc.stdout, out), daemon=True),
        threading.Thread(target=_pump, args=(proc.stderr, err), daemon=True),
    ]
    for reader in readers:
        reader.start()
    # wait4, not Popen.wait: it hands back this child's own resource usage
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    proc.stdout.close()
    proc.stderr.close()

    marks: dict[str, float] = {}
    text = ""
    for stamp, chunk in out:
        text += chunk.decode("utf-8", "replace")
        for name, marker in MARKERS.items():
            if name not in marks and marker in text[-(len(chunk) + len(marker)) :]:
                marks[name] = stamp - start
    stdout = ANSI.sub("", text).replace("\r", "\n")
    stderr = ANSI.sub("", b"".join(c for _, c in err).decode("utf-8", "replace"))
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(f"$ {' '.join(cmd)}\n{stdout}\n--- stderr ---\n{stderr}", encoding="utf-8")
    cpu = usage.ru_utime + usage.ru_stime
    maxrss_mb = usage.ru_maxrss / 1024  # KiB on Linux
    return marks, stdout, stderr, wall, cpu, maxrss_mb, proc.returncode


def side_by_side(builds: dict[str, dict[str, object]]) -> dict[str, BuildResult]:
    """Run each named :func:`sphinx_build` (its keyword arguments) at the same time, one per core.

    Two builds compared one after the other differ by what the machine did in
    between (other load, a virtual machine's stolen time, by ±6 % here between
    identical builds); started together they share those conditions, so their
    ratio is steadier.  Each is a fresh process waited for on its own.
    """
    results: dict[str, BuildResult] = {}

    def one(name: str) -> None:
        results[name] = sphinx_build(**builds[name])  # type: ignore[arg-type]

    threads = [threading.Thread(target=one, args=(name,)) for name in builds]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {name: results[name] for name in builds}


def measure(
    size: int,
    flavour: str,
    case: str,
    run: int,
    srcdir: Path,
    outdir: Path,
    doctreedir: Path,
    builder: str,
    *,
    clean: bool,
    jobs: int = 1,
    log: Path | None = None,
) -> Build:
    marks, stdout, stderr, wall, cpu, rss, rc = sphinx_build(
        srcdir, outdir, doctreedir, builder, clean=clean, jobs=jobs, log=log
    )
    warning_lines = [line for line in stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    build = Build(size, flavour, case, run, wall, cpu, rss, rc, len(warning_lines))
    build.warning_lines = warning_lines[:20]
    if "env" in marks and "read_end" in marks:
        build.read = marks["read_end"] - marks["env"]
    if "write" in marks:
        build.write = wall - marks["write"]
    if match := UPDATED.search(stdout):
        build.reread = int(match[1]) + int(match[2])
    lines = stdout.splitlines()
    build.reread_pages = [m[1].strip() for line in lines if (m := READING.match(line.strip()))]
    build.rewritten_pages = [m[1].strip() for line in lines if (m := WRITING.match(line.strip()))]
    build.rewritten = len(build.rewritten_pages)
    if rc != 0 or "Traceback" in stderr:
        print(f"    !! sphinx failed (exit {rc}); see {log}", file=sys.stderr)
        print("    " + "\n    ".join(stderr.splitlines()[-15:]), file=sys.stderr)
    return build


# -- what is measured -----------------------------------------------------------


def snapshot_package(workdir: Path) -> tuple[Path, str, str]:
    """Copy the extension as it is now, so every build of one invocation runs the same code.

    The working tree may change while a long benchmark runs; the Sphinx
    processes import the copy (it comes first on ``PYTHONPATH``).  Returns the
    directory to put on the path, a digest of the sources and the git commit.
    """
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed")
    source = Path(next(iter(spec.submodule_search_locations)))
    digest = hashlib.sha256()
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(source).as_posix().encode() + b"\0" + path.read_bytes())
    short = digest.hexdigest()[:12]
    dest = workdir / "snapshots" / short
    if not (dest / PACKAGE).is_dir():
        shutil.copytree(source, dest / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    git = subprocess.run(
        ["git", "describe", "--always", "--dirty"], cwd=source, capture_output=True, text=True, check=False
    )
    return dest, short, git.stdout.strip() or "unknown"


# -- how parallel is this machine? ---------------------------------------------


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_capacity(jobs: int, work: int = 10_000_000) -> float:
    """How many CPUs' worth of work *jobs* busy processes get done: ``jobs`` on idle real cores.

    A virtual machine may show two CPUs that share one core; then no ``-j``
    can be faster than a serial build, and the ``-j`` figures say so.
    """
    ctx = multiprocessing.get_context("fork")
    start = time.perf_counter()
    _spin(work)
    serial = time.perf_counter() - start
    with ctx.Pool(jobs) as pool:
        start = time.perf_counter()
        pool.map(_spin, [work] * jobs)
        parallel = time.perf_counter() - start
    return jobs * serial / parallel


# -- the benchmark loop -------------------------------------------------------


@dataclass
class Project:
    size: int
    topics: int
    syntax: Syntax
    flavour: Flavour
    root: Path

    @property
    def src(self) -> Path:
        return self.root / "src"

    def out(self, name: str) -> Path:
        return self.root / "build" / name

    def doctrees(self, name: str) -> Path:
        return self.root / "build" / f"doctrees-{name}"

    def log(self, name: str, run: int) -> Path:
        return self.root / "logs" / f"{name}-run{run}.log"


def html_pages(outdir: Path) -> dict[str, bytes]:
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in outdir.rglob("*.html")}


def bench_size(
    size: int,
    topics: int,
    syntax: Syntax,
    cases: Sequence[str],
    runs: int,
    jobs: int,
    workdir: Path,
    check_exact: bool,
    report: Callable[[Build], None],
) -> tuple[list[Build], list[Exactness]]:
    review = make_review(size, topics)
    target = review.retitle_target()
    retitled = review.retitled({target: review.by_id[target].title + RETITLE_SUFFIX})
    projects = {
        flavour: Project(size, topics, syntax, flavour, workdir / f"n{size}-t{topics}-{syntax}" / flavour)
        for flavour in FLAVOURS
    }
    for project in projects.values():
        write_project(project.src, review, syntax, project.flavour)
    print(f"\n## N={size}, T={topics}, {syntax}: sources in {workdir}; retitling {target}", flush=True)

    builds: list[Build] = []
    exact: list[Exactness] = []

    def record(build: Build) -> Build:
        builds.append(build)
        report(build)
        return build

    for run in range(runs):
        order = FLAVOURS if run % 2 == 0 else FLAVOURS[::-1]
        if "html" in cases or "incremental" in cases:
            for flavour in order:
                p = projects[flavour]
                write_project(p.src, review, syntax, flavour)  # undo the last run's edit
                base = measure(
                    size,
                    flavour,
                    "html",
                    run,
                    p.src,
                    p.out("html"),
                    p.doctrees("html"),
                    "html",
                    clean=True,
                    log=p.log("html", run),
                )
                if "html" in cases:
                    record(base)
                if "incremental" not in cases:
                    continue
                changed = write_project(p.src, retitled, syntax, flavour)
                incr = record(
                    measure(
                        size,
                        flavour,
                        "incremental",
                        run,
                        p.src,
                        p.out("html"),
                        p.doctrees("html"),
                        "html",
                        clean=False,
                        log=p.log("incremental", run),
                    )
                )
                if check_exact and run == 0:
                    exact.append(compare_with_clean(p, retitled, changed, incr))
                write_project(p.src, review, syntax, flavour)
        for case, builder, case_jobs in (("dummy", "dummy", 1), ("html-j2", "html", jobs)):
            if case not in cases:
                continue
            for flavour in order:
                p = projects[flavour]
                record(
                    measure(
                        size,
                        flavour,
                        case,
                        run,
                        p.src,
                        p.out(case),
                        p.doctrees(case),
                        builder,
                        clean=True,
                        jobs=case_jobs,
                        log=p.log(case, run),
                    )
                )
    return builds, exact


def compare_with_clean(p: Project, retitled: Review, changed: list[str], incr: Build) -> Exactness:
    """Build the edited review cleanly; every page that differs from the incremental build is stale."""
    reference = p.out("exact")
    sphinx_build(p.src, reference, p.doctrees("exact"), "html", clean=True, log=p.log("exact", 0))
    mine, theirs = html_pages(p.out("html")), html_pages(reference)
    stale = sorted(name for name in theirs if name in mine and mine[name] != theirs[name])
    missing = sorted(theirs.keys() - mine.keys())
    result = Exactness(p.size, p.flavour, len(theirs), stale, missing, changed)
    verdict = "exact" if not stale and not missing else f"STALE: {', '.join(stale + missing)}"
    print(
        f"    {p.flavour:9} incremental vs clean: {len(theirs)} pages compared, {verdict} "
        f"(sources edited: {', '.join(changed)}; re-written: {', '.join(incr.rewritten_pages)})",
        flush=True,
    )
    return result


# -- reporting ----------------------------------------------------------------


def _median(values: Sequence[float | int | None]) -> float | None:
    present = [float(v) for v in values if v is not None]
    return statistics.median(present) if present else None


def _fmt(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "-"
    if digits == 0:
        return f"{value:.0f}"
    return f"{value:.{digits}f}"


def _div(a: float | None, b: float | None, scale: float = 1) -> float | None:
    return scale * a / b if a is not None and b else None


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a is not None and b else "-"


class Row(NamedTuple):
    case: str
    metric: str
    plain: float | None
    litreview: float | None
    digits: int
    ratio: bool
    target: str


def size_rows(builds: Sequence[Build], size: int) -> list[Row]:
    """The medians of one size, metric by metric."""

    def med(flavour: str, case: str, attr: str) -> float | None:
        return _median(
            [getattr(b, attr) for b in builds if (b.size, b.flavour, b.case) == (size, flavour, case)]
        )

    def pair(value: Callable[[str], float | None]) -> tuple[float | None, float | None]:
        return value("plain"), value("litreview")

    def both(case: str, attr: str) -> tuple[float | None, float | None]:
        return pair(lambda flavour: med(flavour, case, attr))

    cases = [c for c in CASES if any(b.size == size and b.case == c for b in builds)]
    rows: list[Row] = []
    for case in ("html", "dummy", "html-j2"):
        if case not in cases:
            continue
        serial = case != "html-j2"
        rows.append(Row(case, "wall time (s)", *both(case, "wall"), 2, True, "≤ 1.05" if serial else ""))
        rows.append(Row(case, "read phase (s)", *both(case, "read"), 2, True, ""))
        # user + system time of the build and the workers it reaped: far less sensitive than
        # wall time to what else the machine runs
        rows.append(Row(case, "CPU time (s)", *both(case, "cpu"), 2, True, ""))
        rows.append(
            Row(
                case,
                "peak RSS (MB)",
                *both(case, "maxrss_mb"),
                0,
                True,
                "≤ 1.1" if serial else "largest process",
            )
        )
        if serial:
            wall = both(case, "wall")
            per_ep = (_div(wall[0], size, 1000), _div(wall[1], size, 1000))
            rows.append(Row(case, "ms per episode", *per_ep, 1, True, "flat as N grows"))
        elif "html" in cases:
            speed = pair(lambda f: _div(med(f, "html", "read"), med(f, "html-j2", "read")))
            rows.append(Row(case, "read speed-up over serial (x)", *speed, 2, True, "clearly > 1"))
    if "incremental" in cases:
        rows.append(Row("incremental", "wall time (s)", *both("incremental", "wall"), 2, True, ""))
        rows.append(Row("incremental", "CPU time (s)", *both("incremental", "cpu"), 2, True, ""))
        rows.append(Row("incremental", "pages re-read", *both("incremental", "reread"), 0, False, "1"))
        rows.append(
            Row(
                "incremental",
                "pages re-written",
                *both("incremental", "rewritten"),
                0,
                False,
                "those showing the episode",
            )
        )
        if "html" in cases:
            pct = pair(lambda f: _div(med(f, "incremental", "wall"), med(f, "html", "wall"), 100))
            rows.append(Row("incremental", "% of the clean html build", *pct, 0, False, "≤ 10 %"))
            pct = pair(lambda f: _div(med(f, "incremental", "cpu"), med(f, "html", "cpu"), 100))
            rows.append(Row("incremental", "% of the clean build's CPU time", *pct, 0, False, "≤ 10 %"))
    return rows


def table(builds: Sequence[Build], topics_by_size: dict[int, int]) -> str:
    """Medians per size, case and metric, with the litreview/plain ratio, as Markdown."""
    lines = [
        "| N | T | build | metric | plain | litreview | litreview / plain | target |",
        "|---:|---:|---|---|---:|---:|---:|---|",
    ]
    for size in sorted({b.size for b in builds}):
        for r in size_rows(builds, size):
            ratio = _ratio(r.litreview, r.plain) if r.ratio else ""
            lines.append(
                f"| {size} | {topics_by_size[size]} | {r.case} | {r.metric} | {_fmt(r.plain, r.digits)} "
                f"| {_fmt(r.litreview, r.digits)} | {ratio} | {r.target} |"
            )
    return "\n".join(lines)


def progress(build: Build) -> None:
    extra = ""
    if build.case == "incremental":
        extra = f" re-read {build.reread} re-wrote {build.rewritten}"
    read = f"{build.read:6.2f}" if build.read is not None else "     -"
    warn = f"  {build.warnings} WARNINGS: {build.warning_lines[:3]}" if build.warnings else ""
    print(
        f"  run {build.run + 1}  {build.case:11} {build.flavour:9} wall {build.wall:7.2f} s  read {read} s  "
        f"rss {build.maxrss_mb:6.0f} MB{extra}{warn}",
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500", help="comma-separated episode counts (default: 500)")
    parser.add_argument("--topics", type=int, default=0, help="topic pages (default: episodes // 25)")
    parser.add_argument("--syntax", choices=SYNTAXES, default="myst")
    parser.add_argument("--runs", type=int, default=3, help="builds of each case and flavour (default: 3)")
    parser.add_argument(
        "--builders",
        default=",".join(CASES),
        help=f"comma-separated cases among {', '.join(CASES)} (default: all)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="-j of the parallel case (default: 2)")
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument("--no-check-exact", dest="check_exact", action="store_false")
    parser.add_argument(
        "--no-snapshot",
        dest="snapshot",
        action="store_false",
        help="import the extension from the working tree instead of a copy taken at start",
    )
    parser.add_argument("--json", type=Path, help="also write every measurement to this file")
    parser.add_argument("--quick", action="store_true", help="smoke test: N=50, 1 run")
    args = parser.parse_args(argv)
    args.workdir = args.workdir.resolve()

    sizes = [50] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    runs = 1 if args.quick else args.runs
    cases = [c.strip() for c in args.builders.split(",") if c.strip()]
    if unknown := set(cases) - set(CASES):
        parser.error(f"unknown case(s) {', '.join(sorted(unknown))}; choose among {', '.join(CASES)}")

    print(
        f"# litreview vs plain Sphinx: sizes {sizes}, {args.syntax}, {runs} run(s), cases {', '.join(cases)}, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}",
        flush=True,
    )
    version = "live working tree"
    if args.snapshot:
        path, digest, commit = snapshot_package(args.workdir)
        BUILD_ENV["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path), os.environ.get("PYTHONPATH")]))
        probe = subprocess.run(
            [sys.executable, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
            env=os.environ | BUILD_ENV,
            cwd=BUILD_CWD,
            capture_output=True,
            text=True,
            check=True,
        )
        if not Path(probe.stdout.strip()).is_relative_to(path):
            raise SystemExit(f"the snapshot in {path} is not what Sphinx imports: {probe.stdout}")
        version = f"snapshot {digest} of {PACKAGE} at {commit}"
    print(f"extension: {version}", flush=True)
    capacity = parallel_capacity(args.jobs)
    print(
        f"parallel capacity: {args.jobs} busy processes do the work of {capacity:.2f} CPUs "
        f"({args.jobs} would mean {args.jobs} free cores)",
        flush=True,
    )
    builds: list[Build] = []
    exact: list[Exactness] = []
    topics_by_size: dict[int, int] = {}
    started = time.perf_counter()
    for size in sizes:
        topics = args.topics or default_topics(size)
        topics_by_size[size] = topics
        size_builds, size_exact = bench_size(
            size, topics, args.syntax, cases, runs, args.jobs, args.workdir, args.check_exact, progress
        )
        builds += size_builds
        exact += size_exact

    print(f"\n# Medians of {runs} run(s), {args.syntax}; total {time.perf_counter() - started:.0f} s\n")
    print(table(builds, topics_by_size))
    failures = [b for b in builds if b.warnings or b.returncode]
    stale = [e for e in exact if e.stale or e.missing]
    if failures:
        print(f"\n{len(failures)} build(s) had warnings or failed:")
        for b in failures:
            print(
                f"  N={b.size} {b.flavour} {b.case} run {b.run + 1}: exit {b.returncode}, {b.warning_lines}"
            )
    for e in stale:
        print(f"\nN={e.size} {e.flavour}: stale pages after the incremental build: {e.stale + e.missing}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "sizes": sizes,
            "syntax": args.syntax,
            "runs": runs,
            "cpus": os.cpu_count(),
            "parallel_capacity": capacity,
            "extension": version,
            "builds": [asdict(b) for b in builds],
            "exactness": [asdict(e) for e in exact],
            "table": table(builds, topics_by_size),
        }
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
        print(f"\nmeasurements written to {args.json}")
    return 1 if failures or stale else 0


if __name__ == "__main__":
    sys.exit(main())
