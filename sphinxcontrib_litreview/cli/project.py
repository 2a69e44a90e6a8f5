"""A review on disk, as the command line sees it: its conf.py, its sources, its episode IDs.

IDs are found by scanning the sources for episode directive heads, without
building: a scan that also counts an example inside a code block only skips
an ID, it never hands out one that is taken.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sphinx.errors import ConfigError
from sphinx.project import Project

from sphinxcontrib_litreview.cli.errors import CliError
from sphinxcontrib_litreview.cli.templates import Syntax
from sphinxcontrib_litreview.compat import read_conf_py
from sphinxcontrib_litreview.config import CONFIG_VALUES

EXTENSION = "sphinxcontrib_litreview"
DEFAULT_ID_PATTERN: str = next(v.default for v in CONFIG_VALUES if v.name == "litreview_id_pattern")

#: ``.. episode:: E1`` (reST, also inside MyST's eval-rst) and ```` ```{episode} E1 ```` (MyST)
_EPISODE_HEADS = re.compile(
    r"^[ \t>]*(?:\.\.[ \t]+(?:lit:)?episode::|(?:`{3,}|~{3,}|:{3,})[ \t]*\{(?:lit:)?episode\})[ \t]*(\S+)",
    re.M,
)
_NUMBERED = re.compile(r"(.*?)([0-9]+)")
#: a ``:key: smith2024`` option line, in reST or MyST (a MyST value may be quoted)
_KEY_OPTIONS = re.compile(r"""^[ \t>]*:key:[ \t]+['"]?([^\s'"]+)""", re.M)


@dataclass(frozen=True)
class Review:
    srcdir: Path
    id_pattern: str
    #: source suffix -> parser name ("restructuredtext", "markdown")
    suffixes: dict[str, str]
    exclude_patterns: tuple[str, ...]
    #: ``litreview_bibliography``, absolute, in its order
    bibliography: tuple[Path, ...] = ()

    def sources(self) -> list[Path]:
        project = Project(self.srcdir, tuple(self.suffixes))
        docnames = project.discover(self.exclude_patterns)
        return sorted(Path(project.doc2path(docname, absolute=True)) for docname in docnames)

    def syntax_of(self, page: Path) -> Syntax:
        return "myst" if self.suffixes.get(page.suffix) == "markdown" else "rst"

    def episode_ids(self) -> dict[Path, list[str]]:
        """The IDs each source declares, in order; only pages that declare one."""
        found: dict[Path, list[str]] = {}
        for path in self.sources():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise CliError(f"cannot read {path}: {exc}") from exc
            if ids := _EPISODE_HEADS.findall(text):
                found[path] = ids
        return found

    def keys_used(self) -> set[str]:
        """The bibliography keys that episodes name with ``:key:`` (a scan, like :meth:`episode_ids`)."""
        keys: set[str] = set()
        for path in self.sources():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise CliError(f"cannot read {path}: {exc}") from exc
            keys.update(_KEY_OPTIONS.findall(text))
        return keys


def find_review(start: Path) -> Review:
    """The review whose conf.py is in *start* or the nearest folder above it."""
    start = start.resolve()
    folder = next((d for d in (start, *start.parents) if (d / "conf.py").is_file()), None)
    if folder is None:
        raise CliError(f"no conf.py in {start} or any folder above it; start a review with 'litreview init'")
    conf_py = folder / "conf.py"
    try:
        names = read_conf_py(conf_py)
    except ConfigError as exc:
        first = str(exc).strip().splitlines()[0]
        raise CliError(f"cannot read {conf_py}: {first}") from exc
    extensions = list(names.get("extensions", []))
    if EXTENSION not in extensions:
        raise CliError(f"{conf_py} does not list {EXTENSION!r} in extensions: not a review")
    return Review(
        srcdir=folder,
        id_pattern=str(names.get("litreview_id_pattern", DEFAULT_ID_PATTERN)),
        suffixes=_suffixes(names.get("source_suffix"), extensions),
        exclude_patterns=tuple(names.get("exclude_patterns", ())),
        bibliography=tuple(
            (folder / str(p)).resolve() for p in names.get("litreview_bibliography", []) if isinstance(p, str)
        ),
    )


def _suffixes(source_suffix: object, extensions: list[str]) -> dict[str, str]:
    """``source_suffix`` in its dict form, with the ``.md`` that MyST-Parser adds."""
    if isinstance(source_suffix, dict):
        suffixes = {str(k): str(v) for k, v in source_suffix.items()}
    elif isinstance(source_suffix, str):
        suffixes = {source_suffix: "restructuredtext"}
    elif isinstance(source_suffix, (list, tuple)):
        suffixes = {str(s): "restructuredtext" for s in source_suffix}
    else:
        suffixes = {".rst": "restructuredtext"}
    if any(name in extensions for name in ("myst_parser", "myst_nb")):
        suffixes.setdefault(".md", "markdown")
    for suffix in suffixes:
        if suffix == ".md":
            suffixes[suffix] = "markdown"
    return suffixes


def next_id(ids: Iterable[str], pattern: str) -> str:
    """The ID after the highest one, as wide as the zero-padded ones (E0126 -> E0127), matching *pattern*."""
    taken = {i for i in ids if re.fullmatch(pattern, i)}
    numbered = [m.groups() for i in taken if (m := _NUMBERED.fullmatch(i))]
    if numbered:
        prefix = Counter(p for p, _ in numbered).most_common(1)[0][0]
        digits = [d for p, d in numbered if p == prefix]
        number = max(int(d) for d in digits) + 1
        width = max(len(d) for d in digits) if any(d.startswith("0") for d in digits) else 1
        last = f"{prefix}{max(digits, key=int)}"
    else:
        prefix_match = re.match(r"[A-Za-z_-]*", pattern)
        prefix, number, width, last = (prefix_match.group() if prefix_match else ""), 1, 1, ""
    for w in range(width, width + 9):
        candidate = prefix + str(number).zfill(w)
        if re.fullmatch(pattern, candidate) and candidate not in taken:
            return candidate
    after = f"the ID after {last}" if last else "a first ID"
    raise CliError(
        f"cannot make {after} that matches litreview_id_pattern {pattern!r}; give the episode its ID by hand"
    )
