"""LaTeX in BibTeX values shown as text, through pylatexenc.

``{\\"o}`` becomes ö, ``--`` an en dash, ``$\\alpha$`` a Greek alpha, braces are dropped.  A command with
no text equivalent is left out, and named, so the reader can say where.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from pylatexenc.latexwalker import LatexWalkerError

_CONTEXT = get_default_latex_context_db()
_CONTEXT.add_context_category(
    "litreview-bibliography",
    prepend=True,
    macros=[
        # a URL is text, not "<url>"
        MacroTextSpec("url", simplify_repl="%s"),
        MacroTextSpec("TeX", simplify_repl="TeX"),
        MacroTextSpec("LaTeX", simplify_repl="LaTeX"),
        MacroTextSpec("BibTeX", simplify_repl="BibTeX"),
        MacroTextSpec("BibLaTeX", simplify_repl="BibLaTeX"),
        # the ASCII character LaTeX prints (pylatexenc gives U+02C6, a modifier letter)
        MacroTextSpec("textasciicircum", simplify_repl="^"),
    ],
)


class _Decoder(LatexNodes2Text):  # type: ignore[misc]  # pylatexenc is untyped
    """pylatexenc's converter, noting the commands it does not know instead of dropping them silently."""

    def __init__(self) -> None:
        super().__init__(latex_context=_CONTEXT, math_mode="text", keep_braced_groups=False)
        self.unknown: list[str] = []

    def macro_node_to_text(self, node: Any) -> str:
        if self.latex_context.get_macro_spec(node.macroname) is None:
            self.unknown.append("\\" + node.macroname)
        return str(super().macro_node_to_text(node))


_DECODER = _Decoder()


#: what makes LaTeX text differ from its characters, braces aside: commands, math, ties, ligatures
_SPECIAL_CHARS = frozenset("\\$~")
_LIGATURES = ("--", "``", "''", "!`", "?`")
#: a bare ``%`` or ``&`` in a .bib value is meant as itself (BibTeX keeps it), not as a LaTeX comment or tab
_BARE = re.compile(r"(?<!\\)([%&])")


@functools.lru_cache(maxsize=65536)
def to_text(value: str) -> tuple[str, tuple[str, ...]]:
    """``(text, unknown commands)`` for one BibTeX value; white space folded.

    Cached: a journal, a publisher or an author recurs across a bibliography, and pylatexenc
    takes about a millisecond a value.
    """
    if _SPECIAL_CHARS.isdisjoint(value) and not any(lig in value for lig in _LIGATURES):
        # Plain words in groups, ``{{MNE}} Software``: what pylatexenc gives, without its cost
        # (tests/test_bibliography.py checks that the two agree).
        return " ".join(value.replace("{", "").replace("}", "").split()), ()
    _DECODER.unknown = []
    try:
        text = str(_DECODER.latex_to_text(_BARE.sub(r"\\\1", value)))
    except (LatexWalkerError, RecursionError, ValueError):
        # pylatexenc is tolerant by default; this is the rare value it still gives up on
        return " ".join(value.replace("{", "").replace("}", "").split()), ()
    return " ".join(text.split()), tuple(dict.fromkeys(_DECODER.unknown))
