"""Every word the extension writes on a page, through Sphinx's translations.

The catalogues live in ``locale/<language>/LC_MESSAGES/`` in the package,
compiled; ``language = "de"`` in conf.py picks the German one.  Messages
looked up at import time stay lazy until a page is written, as Sphinx's own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation, get_translator

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinxcontrib_litreview"
LOCALE_DIR = Path(__file__).parent / "locale"

_ = get_translation(CATALOG)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for *count*, as the page's language counts."""
    return get_translator(CATALOG).ngettext(singular, plural, count)


def register(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
