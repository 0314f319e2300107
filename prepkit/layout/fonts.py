"""Register the bundled font family once per process, by absolute path.

Registering the family mapping lets ``<b>`` and ``<i>`` inside a paragraph pick
the bold and italic files, so templates can use markup instead of font names.
"""

from __future__ import annotations

from functools import cache

from prepkit.layout.styles import StyleSheet, load_styles


@cache
def register_fonts() -> StyleSheet:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    sheet = load_styles()
    for role in ("body", "bold", "italic"):
        pdfmetrics.registerFont(TTFont(sheet.font_name(role), str(sheet.font_path(role))))
    pdfmetrics.registerFontFamily(
        sheet.font_family,
        normal=sheet.font_name("body"),
        bold=sheet.font_name("bold"),
        italic=sheet.font_name("italic"),
        boldItalic=sheet.font_name("bold"),
    )
    return sheet


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that the body font cannot print (they would show as boxes)."""
    from reportlab.pdfbase import pdfmetrics

    sheet = register_fonts()
    face = pdfmetrics.getFont(sheet.font_name("body")).face
    covered = face.charToGlyph
    return sorted({ch for ch in text if not ch.isspace() and ord(ch) not in covered})
