"""The :ep: and :topic: roles: spellings, link text, hover titles and escaping."""

from __future__ import annotations

import re

import pytest

from tests.helpers import body

ROOTS = ["basic", "basic-myst"]


def _links(html: str) -> list[str]:
    return re.findall(r'<a class="reference internal"[^>]*>.*?</a>', html, re.S)


@pytest.mark.parametrize("root", ROOTS)
def test_unprefixed_and_prefixed_roles_resolve_alike(built, root):
    html = body(built(root).html("index"))
    e026 = (
        '<a class="reference internal" href="episodes.html#episode-E026" '
        'title="RL mostly re-weights what the base model already knew">'
        '<span class="xref lit lit-ep">E026</span></a>'
    )
    e009 = (
        '<a class="reference internal" href="episodes.html#episode-E009" '
        'title="Silent bugs in training libraries"><span class="xref lit lit-ep">E009</span></a>'
    )
    assert e026 in html  # :ep:`E026`
    assert e009 in html  # :lit:ep:`E009`


@pytest.mark.parametrize("root", ROOTS)
def test_explicit_title_is_kept(built, root):
    html = body(built(root).html("index"))
    assert (
        '<a class="reference internal" href="episodes.html#episode-E011" title="Bridge questions need RL">'
        '<span class="xref lit lit-ep">the bridge study</span></a>'
    ) in html


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("{id}", "E026"),
        ("{id} ({date})", "E026 (2025-06-14)"),
        ("{title}", "RL mostly re-weights what the base model already knew"),
    ],
)
def test_ep_label_formats_link_text(built, label, expected):
    result = built("basic", confoverrides={"litreview_ep_label": label})
    html = body(result.html("index"))
    assert f'<span class="xref lit lit-ep">{expected}</span>' in html
    # an explicit title wins over the label
    assert '<span class="xref lit lit-ep">the bridge study</span>' in html
    assert result.warnings == []


@pytest.mark.parametrize("root", ROOTS)
def test_topic_role_shows_the_topic_title(built, root):
    html = body(built(root).html("rl"))
    assert (
        '<a class="reference internal" href="#topic-rl-reasoning" title="Reinforcement learning for reasoning">'
        '<span class="xref lit lit-topic">Reinforcement learning for reasoning</span></a>'
    ) in html


def test_topic_title_option_overrides_the_page_title(built):
    html = body(built("escaping").html("topic"))
    assert '<span class="xref lit lit-topic">&lt;i&gt;Topic&lt;/i&gt; &quot;quoted&quot;</span>' in html


def test_everything_from_sources_is_escaped(built):
    result = built("escaping")
    for page in ("index", "topic", "md", "lit-episodeindex", "lit-tagindex", "lit-authorindex", "genindex"):
        html = result.html(page)
        for raw in ("<script>alert", "<b>Mallory", "<img src=x", "<i>Topic", "<svg onload", "<x>"):
            assert raw not in html, (page, raw)
    index = result.html("index")
    # the hover title too
    assert 'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in index
    # as written: no smart quotes in option values
    assert '<span class="lit-author">&lt;b&gt;Mallory&lt;/b&gt;</span></a>, <a ' in index
    assert '<span class="lit-author">O\'Brien &amp; Sons</span>' in index
    # and in the indices, where each has an entry of its own
    assert '<span class="lit-index-term">&lt;img src=x onerror=alert(1)&gt;</span>' in result.html(
        "lit-tagindex"
    )
    assert '<span class="lit-index-term">O\'Brien &amp; Sons</span>' in result.html("lit-authorindex")
    assert 'href="https://example.org/?q=&lt;x&gt;&amp;a=&quot;1&quot;"' in index
    md = result.html("md")
    assert 'title="&lt;svg onload=alert(3)&gt; &amp; &quot;more&quot;"' in md
