"""Episodes and topics as Sphinx objects: objects.inv, search, general and domain index."""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import body, read_inventory

ROOTS = ["basic", "basic-myst"]


def _inventory(result):
    return read_inventory(result.outdir / "objects.inv", "https://review.example/")


@pytest.mark.parametrize("root", ROOTS)
def test_objects_inv_lists_episodes_and_topics(built, root):
    inv = _inventory(built(root))
    episodes = inv["lit:episode"]
    assert sorted(episodes) == ["E009", "E011", "E026"]
    e026 = episodes["E026"]
    assert e026.uri == "https://review.example/episodes.html#episode-E026"
    assert e026.display_name == "-"  # the ID is the link text
    topic = inv["lit:topic"]["rl-reasoning"]
    assert topic.uri == "https://review.example/rl.html#topic-rl-reasoning"
    assert topic.display_name == "Reinforcement learning for reasoning"
    assert inv["std:label"]["lit-episodeindex"].uri == "https://review.example/lit-episodeindex.html"


@pytest.mark.parametrize("root", ROOTS)
def test_search_index_finds_an_episode_by_id_and_title_words(built, root):
    text = built(root).text("searchindex.js")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docnames = index["docnames"]
    episodes_doc = docnames.index("episodes")
    # by ID, as an object of type lit:episode
    objects = index["objects"][""]
    e026 = next(o for o in objects if o[4] == "E026")
    assert e026[0] == episodes_doc
    assert index["objnames"][str(e026[1])][:2] == ["lit", "episode"]
    # by words of its title, which is a heading (a title hit ranks above a text hit)
    for word in ("bridg", "silent", "weight"):
        hits = index["titleterms"].get(word)
        assert hits is not None, word
        assert episodes_doc in (hits if isinstance(hits, list) else [hits]), word


@pytest.mark.parametrize("root", ROOTS)
def test_general_index_lists_every_episode(built, root):
    html = built(root).html("genindex")
    for ep_id in ("E009", "E011", "E026"):
        assert re.search(rf'<a href="episodes.html#episode-{ep_id}">{ep_id} \(episode\)</a>', html), ep_id


@pytest.mark.parametrize("root", ROOTS)
def test_episode_index_groups_by_year_with_titles(built, root):
    result = built(root)
    html = body(result.html("lit-episodeindex"))
    assert "<h1>Episode index</h1>" in html
    order = [m.group(1) for m in re.finditer(r'href="episodes.html#episode-(E\d+)"', html)]
    assert order == ["E009", "E011", "E026"]
    assert "<strong>2024</strong>" in html
    assert "<em>Bridge questions need RL</em>" in html
    # linkable as :ref:`lit-episodeindex`, titled as the index
    index = body(result.html("index"))
    assert (
        '<a class="reference internal" href="lit-episodeindex.html"><span class="std std-ref">Episode index'
        in index
    )


def test_episode_index_puts_undated_episodes_last(built):
    html = body(built("escaping").html("lit-episodeindex"))
    assert "<strong>Undated</strong>" in html
