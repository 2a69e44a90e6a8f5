"""Citations and term uses inside reST substitution definitions count where the substitution is used.

docutils copies a definition's content into every ``|name|``; the definition
itself is never shown, so an unused one cites nothing.
"""

from __future__ import annotations

import json

from tests.helpers import body, visible


def test_an_unused_substitution_cites_nothing(built):
    result = built("substitutions")
    # |unused| holds :ep:`E1`: E1 stays an orphan, with no "Cited by" line
    assert result.warnings_of("orphan") == [
        "episodes.rst:4: WARNING: episode E1 is an orphan: nothing cites it and it anchors no topic "
        "[litreview.orphan]"
    ]
    episodes = visible(body(result.html("episodes")))
    assert "E1 Defined but never cited Nothing to add. E2" in episodes
    # ... and its :term: is no "Used in" of the glossary
    assert visible(body(result.html("glossary"))) == "Glossary widget A small device."


def test_each_use_of_a_substitution_is_one_citation_at_its_own_line(built):
    result = built("substitutions")
    export = json.loads(result.text("litreview.json"))
    assert [(c["docname"], c["episode"], c["line"]) for c in export["citations"]] == [
        ("index", "E2", 7),
        ("index", "E2", 8),
        ("notes", "E2", 7),
        ("notes", "E2", 8),
        ("notes", "E9", 10),
    ]
    assert "E2 Sampling more beats training longer Nothing to add. Cited by: Substitutions, Notes" in (
        visible(body(result.html("episodes")))
    )


def test_a_bad_citation_in_a_substitution_is_reported_where_it_is_used(built):
    assert built("substitutions").warnings_of("missing") == [
        "notes.rst:10: WARNING: citation of unknown episode 'E9' [litreview.missing]"
    ]
