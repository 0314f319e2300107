"""Register the bundled font family once per process, by absolute path.

Registering the family mapping lets ``<b>`` and ``<i>`` inside a paragraph pick
the bold and italic files, so templates can use markup instead of font names.

ReportLab reads each font's tables afresh on every run. Keeping what it read in
the cache saved about 4% of ``prepkit example`` (26 ms of 600, median of 31 runs):
under the 10% a cache must save to earn its code, which reached into ReportLab's
private state. So there is none.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from prepkit.layout.styles import StyleSheet, load_styles

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont


@cache
def register_fonts() -> StyleSheet:
    from reportlab.pdfbase import pdfmetrics

    sheet = load_styles()
    for role in ("body", "bold", "italic"):
        pdfmetrics.registerFont(_font(sheet.font_name(role), sheet.font_path(role)))
    pdfmetrics.registerFontFamily(
        sheet.font_family,
        normal=sheet.font_name("body"),
        bold=sheet.font_name("bold"),
        italic=sheet.font_name("italic"),
        boldItalic=sheet.font_name("bold"),
    )
    return sheet


def _font(name: str, path: Path) -> TTFont:
    from reportlab.pdfbase.ttfonts import TTFont

    return TTFont(name, str(path))


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that the body font cannot print (they would show as boxes)."""
    from reportlab.pdfbase import pdfmetrics

    sheet = register_fonts()
    face = pdfmetrics.getFont(sheet.font_name("body")).face
    covered = face.charToGlyph
    # Glyph 0 is the font's "missing" box: a character mapped to it is not printable
    # either (DejaVu maps U+FFFF there, which then broke the build).
    # Each distinct character once: a profile at its limits holds a million of them.
    return sorted(ch for ch in set(text) if not ch.isspace() and not covered.get(ord(ch)))
