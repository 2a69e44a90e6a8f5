"""litreview.json: the review as data, written by html and dirhtml builds."""

from __future__ import annotations

import json

import pytest


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_export_has_the_spec_shape(built, builder):
    data = json.loads(built("basic", builder).text("litreview.json"))
    assert sorted(data) == ["citations", "episodes", "topics"]
    assert list(data["episodes"]) == ["E009", "E011", "E026"]
    assert data["episodes"]["E026"] == {
        "title": "RL mostly re-weights what the base model already knew",
        "date": "2025-06-14",
        "authors": ["Jane Doe", "Wei Zhang"],
        "sources": [
            "https://example.org/papers/e026",
            "https://example.com/talk",
            "https://doi.org/10.1234/rl.2025.26",
        ],
        "topics": ["rl-reasoning"],
        "tags": ["rl", "token-entropy"],
        "takeaway": "A contrastive steer on 50 problems recovers RL accuracy for ~$25.",
        "venue": "",
        "key": "",
        "added": "",
        "docname": "episodes",
        "source": "episodes.rst",
        "line": 4,
    }
    assert data["topics"] == {
        "rl-reasoning": {
            "title": "Reinforcement learning for reasoning",
            "docname": "rl",
            "anchors": ["E011", "E026"],
            "cites": ["E009", "E011", "E026"],
        }
    }
    assert {"docname": "episodes", "episode": "E011", "source": "episodes.rst", "line": 14} in data[
        "citations"
    ]
    assert {"docname": "index", "episode": "E026", "source": "index.rst", "line": 10} in data["citations"]
    assert len(data["citations"]) == 8  # 2 in episode bodies (one a self-citation), 3 + 3 in prose


def test_export_is_not_written_by_other_builders(built):
    assert not (built("basic", "text").outdir / "litreview.json").exists()
