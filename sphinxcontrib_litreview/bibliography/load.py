"""The files of ``litreview_bibliography``, each parsed once per content, merged into one.

Parsing a large ``.bib`` costs seconds; the result is pickled under the doctree
folder, keyed by a hash of the file's bytes (and of the reader's version), so a
later build, or another builder sharing the folder, reads it back in
milliseconds.  Parallel reads need no cache of their own: the bibliography is
loaded before the read phase forks its workers, which inherit it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from sphinxcontrib_litreview.bibliography.bibtex import parse_bibtex
from sphinxcontrib_litreview.bibliography.csljson import parse_csl_json
from sphinxcontrib_litreview.bibliography.entries import BibEntry, Problem

Reader = Callable[[str, str], tuple[list[BibEntry], list[Problem]]]
READERS: dict[str, Reader] = {".bib": parse_bibtex, ".json": parse_csl_json}

#: bump whenever a reader changes what it makes of the same bytes, so that old pickles are not used
READER_VERSION = "2"
_CACHE_SALT = f"{READER_VERSION}|{version('bibtexparser')}|{version('pylatexenc')}".encode()


class Parsed(NamedTuple):
    entries: tuple[BibEntry, ...]
    problems: tuple[Problem, ...]


class Bibliography(NamedTuple):
    #: key -> entry; for a key in two files, the first file's entry
    entries: dict[str, BibEntry]
    problems: tuple[Problem, ...]
    #: the files read, absolute, in the configured order
    files: tuple[str, ...]
    #: key -> what a page shows of that entry, hashed (:meth:`.BibEntry.digest`)
    digests: dict[str, str]


EMPTY = Bibliography({}, (), (), {})


def read_file(path: Path, cache_dir: Path | None = None) -> Parsed:
    """One bibliography file's entries and problems; from the cache when its bytes were seen before."""
    source = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = " or ".join(READERS)
        return Parsed(
            (), (Problem(source, 0, f"unknown bibliography format {path.suffix!r} (expected {known})"),)
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Parsed((), (Problem(source, 0, f"cannot be read: {exc.strerror or exc}"),))
    name = hashlib.sha256(source.encode()).hexdigest()[:16]
    content = hashlib.sha256(_CACHE_SALT + b"\0" + source.encode() + b"\0" + data).hexdigest()
    cached = cache_dir / f"{name}-{content}.pickle" if cache_dir is not None else None
    if cached is not None:
        try:
            with cached.open("rb") as stream:
                parsed = pickle.load(stream)
            if isinstance(parsed, Parsed):
                return parsed
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass
    parsed = _parse(data, source, reader)
    if cached is not None:
        _store(cached, name, parsed)
    return parsed


def _parse(data: bytes, source: str, reader: Reader) -> Parsed:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return Parsed(
            (),
            (Problem(source, line, "is not UTF-8 text; export it as UTF-8 (Zotero and Better BibTeX do)"),),
        )
    entries, problems = reader(text, source)
    return Parsed(tuple(entries), tuple(problems))


def _store(path: Path, name: str, parsed: Parsed) -> None:
    """Write the pickle atomically, and drop those of the same file's earlier contents."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as stream:
            pickle.dump(parsed, stream, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a cache that cannot be written only costs time


def load_bibliography(
    srcdir: Path, paths: Iterable[str], cache_dir: Path | None, config: tuple[str, int] = ("", 0)
) -> Bibliography:
    """Every entry of the configured files, first file first.

    A file that is missing or of an unknown kind is a problem of the configuration, at *config*
    (conf.py and the line that sets ``litreview_bibliography``).
    """
    entries: dict[str, BibEntry] = {}
    problems: list[Problem] = []
    files: list[str] = []
    for configured in dict.fromkeys(paths):
        path = (srcdir / configured).resolve()
        if not path.is_file() or path.suffix.lower() not in READERS:
            why = "is not a file" if not path.is_file() else f"is not a {' or '.join(READERS)} file"
            problems.append(
                Problem(*config, f"litreview_bibliography: {configured!r} {why} (looked at {path})")
            )
            continue
        files.append(str(path))
        parsed = read_file(path, cache_dir)
        found = list(parsed.problems)
        for entry in parsed.entries:
            first = entries.setdefault(entry.key, entry)
            if first is not entry:
                where = f"{_relative(srcdir, first.source)}:{first.line}"
                message = f"key {entry.key!r} is also defined at {where}; that entry is used"
                found.append(Problem(entry.source, entry.line, message))
        problems.extend(sorted(found, key=lambda p: p.line))
    digests = {key: entry.digest() for key, entry in entries.items()}
    return Bibliography(entries, tuple(problems), tuple(files), digests)


def _relative(srcdir: Path, source: str) -> str:
    try:
        return Path(source).relative_to(srcdir.resolve()).as_posix()
    except ValueError:
        return source
