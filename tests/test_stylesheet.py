"""The stylesheet as a browser parses it: a lost brace must not swallow the rules after it.

A browser silently nests everything after an unclosed rule inside it, and then drops it; the
build and the HTML tests cannot see that. tinycss2 parses CSS by the same CSS Syntax rules.
"""

from __future__ import annotations

from pathlib import Path

import tinycss2

import sphinxcontrib_litreview

STATIC = Path(sphinxcontrib_litreview.__file__).parent / "static"


def _rules(name: str) -> list:
    """Every rule of the stylesheet, those inside ``@media`` blocks included."""
    text = (STATIC / name).read_text(encoding="utf-8")
    found = []
    todo = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    while todo:
        rule = todo.pop(0)
        found.append(rule)
        if rule.type == "at-rule" and rule.content is not None:
            todo[:0] = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
    return found


def test_every_rule_of_the_stylesheet_is_closed_and_stands_alone():
    rules = _rules("litreview.css")
    errors = [r for r in rules if r.type == "error"]
    assert not errors, [f"{e.source_line}: {e.message}" for e in errors]
    for rule in rules:
        if rule.type != "qualified-rule":
            continue
        nested = [t for t in rule.content if t.type == "{} block"]
        assert not nested, f"line {rule.source_line}: a rule holds another rule (a brace left open?)"
        for decl in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True):
            assert decl.type == "declaration", f"line {rule.source_line}: {getattr(decl, 'message', decl)}"


def test_the_last_rules_are_reached():
    """The controls' layout is near the end of the file: its selector is a rule of its own."""
    selectors = [
        tinycss2.serialize(r.prelude).strip() for r in _rules("litreview.css") if r.type == "qualified-rule"
    ]
    assert ".lit-filter" in selectors
    assert ".lit-index-terms dt:target" in selectors
