"""Episodes joined with their bibliography entries by ``:key:``, in reST and MyST."""

from __future__ import annotations

import json
import re

import pytest

from tests.helpers import body, visible

ROOTS = {"rst": ("bib-join", "episodes.rst", {"E3": 17, "E5": 24, "E9": 39, "E1": 4, "E6": 27, "E7": 30})}
ROOTS["myst"] = ("bib-join-myst", "episodes.md", {"E3": 18, "E5": 27, "E9": 46, "E1": 3, "E6": 31, "E7": 35})

pytestmark = pytest.mark.filterwarnings(
    "ignore:'myst_parser.sphinx_ext.myst_refs.MystReferenceResolver.app' is deprecated"
)


@pytest.fixture(params=sorted(ROOTS))
def joined(request, built):
    root, page, lines = ROOTS[request.param]
    return built(root), page, lines


def _episode(html: str, ep_id: str) -> str:
    """The visible text of one episode block."""
    start = html.index(f'id="episode-{ep_id}"')
    following = html.find('id="episode-', start + 1)
    end = html.rfind("<", start, following) if following != -1 else len(html)
    return visible(html[start:end].split(">", 1)[1])


def test_an_entry_fills_every_field_and_the_summary_stays(joined):
    result, _, _ = joined
    html = body(result.html("episodes"))
    assert _episode(html, "E1").startswith(
        "E1 Entropy of RL: what Hämäläinen knew 2024-06 · Doe, Jane; Zhang, Wei; Braced Corp. · "
        "Journal of Reinforcement &amp; Learning · doi:10.1234/RL.2024.7, arXiv:2406.01234v2 "
        "Takeaway: The summary stays in the episode. The reviewer’s own words."
    )
    # the entry's URL is its DOI's link: shown once
    assert html.count('href="https://doi.org/10.1234/RL.2024.7"') == 1
    assert 'href="https://arxiv.org/abs/2406.01234v2"' in html


def test_written_options_win_field_by_field(joined):
    result, _, _ = joined
    e2 = _episode(body(result.html("episodes")), "E2")
    # title, venue and date written; authors and URL from the entry
    assert e2.startswith(
        "E2 A title written on the episode wins 2023-05 · von Neumann, Jr., John · "
        "A venue written on the episode · example.org"
    )
    data = json.loads(result.text("litreview.json"))["episodes"]
    assert data["E2"]["sources"] == ["https://example.org/partial"]
    assert data["E4"]["title"] == "A venue on its own"
    assert (data["E4"]["venue"], data["E4"]["key"]) == ("Workshop on Things", "")
    assert (data["E2"]["venue"], data["E2"]["key"]) == ("A venue written on the episode", "partial2023")


def test_the_venue_option_on_its_own(joined):
    result, _, _ = joined
    html = body(result.html("episodes"))
    assert _episode(html, "E4") == "E4 A venue on its own Workshop on Things Cited by: RL"
    assert '<span class="lit-venue">Workshop on Things</span>' in html


def test_csl_json_entries_join_too_and_are_escaped(joined):
    result, _, _ = joined
    html = body(result.html("episodes"))
    assert _episode(html, "E8").startswith(
        "E8 From Zotero, with &lt;b&gt;tags&lt;/b&gt; &amp; ampersands 2025-03-09 · García, Lucía; The Team · "
        "Journal of Exported Things · doi:10.5555/zotero.1"
    )
    assert "<b>tags</b>" not in html


def test_bad_keys_and_entries_warn_at_the_key_line(joined):
    result, page, line = joined
    assert result.warnings_of("bib") == [
        f"{page}:{line['E3']}: WARNING: episode E3: unknown bibliography key 'doe2042' "
        "(did you mean doe2024?) [litreview.bib]"
    ]
    assert result.warnings_of("metadata") == [
        f"{page}:{line['E5']}: WARNING: episode E5 has no :title: and entry 'notitle' has none "
        "[litreview.metadata]",
        f"{page}:{line['E9']}: WARNING: episode E9: :doi: 'not-a-doi' is not a valid doi identifier "
        "(from entry 'baddoi') [litreview.metadata]",
    ]
    # an unknown key keeps what the episode wrote
    assert _episode(body(result.html("episodes")), "E3") == "E3 A typo in the key"


def test_two_episodes_with_one_doi_or_arxiv_id_are_duplicates(joined):
    result, page, line = joined
    assert result.warnings_of("duplicate") == [
        f"{page}:{line['E6']}: WARNING: episode E6 has the DOI 10.1234/rl.2024.7 of episode E1 "
        f"(at {page}:{line['E1']}): one work reviewed twice? [litreview.duplicate]",
        f"{page}:{line['E7']}: WARNING: episode E7 has the arXiv ID 2406.01234 of episode E1 "
        f"(at {page}:{line['E1']}): one work reviewed twice? [litreview.duplicate]",
    ]
    assert len(result.warnings) == 5


def test_an_unknown_key_without_any_bibliography_says_so(built):
    result = built("bib-join", confoverrides={"litreview_bibliography": []})
    assert result.warnings_of("bib")[0] == (
        "episodes.rst:5: WARNING: episode E1: unknown bibliography key 'doe2024'; "
        "litreview_bibliography names no file that has it [litreview.bib]"
    )
    assert len(result.warnings_of("bib")) == 7


def test_joined_values_are_never_smartened(joined):
    result, _, _ = joined
    html = result.html("episodes")
    assert re.search(r"Entropy of RL: what Hämäläinen knew", html)
    assert "von Neumann, Jr., John" in html
