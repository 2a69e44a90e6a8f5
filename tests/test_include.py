"""Episodes, topics, citations and terms in an ``include``d file are located in that file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.helpers import MYST4, build

#: MyST-Parser 4 reports every line of a MyST-included file one too late (its own off-by-one)
LATE = 1 if MYST4 else 0

ROOTS = Path(__file__).parent / "roots"


def test_warnings_name_the_included_file_and_its_own_line(built):
    assert sorted(built("include").warnings) == sorted(
        [
            "inc-a.rst:6: WARNING: episode E1: :date: '2025-13' is not a real date "
            "(month must be in 1..12) [litreview.metadata]",
            "inc-a.rst:9: WARNING: citation of unknown episode 'E405' [litreview.missing]",
            "inc-a.rst:13: WARNING: unknown topic 'nowhere'; no topic-summary declares it [litreview.topic]",
            "inc-a.rst:20: WARNING: glossary term 'gadget' is used on no page [litreview.unused-term]",
            "case.rst:8: WARNING: citation of unknown episode 'E404' [litreview.missing]",
            f"inc-b.md:{5 + LATE}: WARNING: episode E3: :date: '2025-02-31' is not a real date "
            "(day is out of range for month) [litreview.metadata]",
            f"inc-b.md:{8 + LATE}: WARNING: citation of unknown episode 'E407' [litreview.missing]",
            "case-md.md:8: WARNING: citation of unknown episode 'E406' [litreview.missing]",
        ]
    )


def test_the_export_names_the_included_file(built):
    data = json.loads(built("include").text("litreview.json"))
    where = {ep_id: (ep["docname"], ep["source"], ep["line"]) for ep_id, ep in data["episodes"].items()}
    assert where == {
        "E1": ("case", "inc-a.rst", 4),
        "E2": ("case", "inc-a.rst", 11),
        "E3": ("case-md", "inc-b.md", 3 + LATE),
    }
    cites = [(c["episode"], c["source"], c["line"]) for c in data["citations"]]
    assert cites == [
        ("E1", "case.rst", 4),
        ("E2", "inc-a.rst", 9),
        ("E405", "inc-a.rst", 9),
        ("E2", "case.rst", 8),
        ("E404", "case.rst", 8),
        ("E3", "case-md.md", 3),
        ("E407", "inc-b.md", 8 + LATE),
        ("E406", "case-md.md", 8),
    ]


def test_a_duplicate_in_an_included_file_names_both_files(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-include", src)
    case = src / "case.rst"
    case.write_text(case.read_text() + "\n.. episode:: E1\n   :title: Again\n", encoding="utf-8")
    assert (
        "case.rst:10: WARNING: duplicate episode ID E1: also declared at inc-a.rst:4; "
        "citations go to that one [litreview.duplicate]"
    ) in build(src).warnings
