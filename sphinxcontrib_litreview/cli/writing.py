"""Writing to a review without leaving it half-written."""

from __future__ import annotations

import os
from pathlib import Path

from sphinxcontrib_litreview.cli.errors import CliError


def write_new_files(folder: Path, files: dict[str, str]) -> list[str]:
    """Create *files* (relative path -> text) in *folder*; none may exist yet.

    Every clash is named before anything is written; if writing fails part way,
    the files and folders made so far are removed again.
    """
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{folder} exists and is not a folder")
    clashes = sorted(name for name in files if os.path.lexists(folder / name))
    if clashes:
        listed = ", ".join(str(folder / name) for name in clashes)
        raise CliError(f"refusing to overwrite {listed}; nothing was written")
    made_dirs = [p for p in (folder, *folder.parents) if not p.exists()]
    made: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            path = folder / name
            with path.open("x", encoding="utf-8") as stream:
                made.append(path)
                stream.write(text)
    except OSError as exc:
        for path in made:
            path.unlink(missing_ok=True)
        for path in made_dirs:  # deepest first
            if path.exists():
                path.rmdir()
        raise CliError(f"cannot write {exc.filename or folder}: {exc.strerror}; nothing was written") from exc
    return list(files)


def append(page: Path, text: str, *, create: bool) -> None:
    """Append *text* to *page* in one write (or create it, when *create*)."""
    try:
        with page.open("x" if create else "a", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as exc:
        raise CliError(f"cannot write {page}: {exc.strerror}; nothing was written") from exc
