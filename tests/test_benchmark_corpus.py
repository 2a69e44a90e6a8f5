"""The benchmark's generated reviews build clean in both flavours, so its figures compare like with like.

No timing here: speed is measured by ``benchmarks/run.py``, never asserted in tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import sphinx

GENERATE = Path(__file__).parent.parent / "benchmarks" / "generate.py"


@pytest.mark.parametrize("syntax", ["myst", "rst"])
@pytest.mark.parametrize("flavour", ["litreview", "plain"])
def test_generated_review_builds_without_warnings(tmp_path, syntax, flavour):
    src = tmp_path / "src"
    subprocess.run(
        [
            sys.executable,
            str(GENERATE),
            "--episodes",
            "40",
            "--topics",
            "3",
            "--syntax",
            syntax,
            "--flavour",
            flavour,
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    proc = sphinx("-W", "-n", "-q", "-E", "-b", "html", str(src), str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert len(list((tmp_path / "out" / "episodes").glob("*.html"))) == 40
