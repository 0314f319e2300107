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
from typing import TYPE_CHECKING, Any

from prepkit.core.errors import PrepkitError
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


# DejaVu Sans's three files are 0.6 to 0.8 MB; a TrueType font far outside this is
# not the one prepkit ships (an empty file, a truncated copy, a link to /dev/zero).
_PLAUSIBLE_BYTES = range(100_000, 20_000_000)


def _font(name: str, path: Path) -> TTFont:
    """The font at ``path``, checked first: a damaged install is one line, not a hang.

    Only a regular file of a plausible size is opened (a FIFO would wait forever,
    a device never ends), and a file ReportLab cannot read is said as such.
    """
    import stat

    damaged = PrepkitError(
        f"prepkit's font {path} is missing or damaged; reinstall prepkit "
        "(pip install --force-reinstall prepkit)"
    )
    try:
        info = path.stat()
    except OSError:
        raise damaged from None
    if not stat.S_ISREG(info.st_mode) or info.st_size not in _PLAUSIBLE_BYTES:
        raise damaged
    try:
        return _font_class()(name, str(path))
    except Exception:  # ReportLab's TTFError, struct errors, a file cut short
        raise damaged from None


@cache
def _font_class() -> type[TTFont]:
    from reportlab.pdfbase.ttfonts import TTFont

    class QuickFont(TTFont):  # type: ignore[misc]
        """ReportLab's TrueType font, with text of characters it has already placed in its
        first subset encoded at C speed.

        ReportLab encodes every line it draws a character at a time, looking each one
        up: a worksheet of thousands of pages spent a tenth of its time there. Nearly
        every line holds only characters already placed; those are translated at once
        (to the same bytes), and any other line goes ReportLab's own way.
        """

        def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:
            state = self.state.get(doc)
            if state is not None and isinstance(text, str) and text:
                kept = state.__dict__.get("_prepkit_first")
                if kept is None or kept[0] != len(state.assignments):
                    kept = _first_subset(state)
                if kept[1].issuperset(text):
                    return [(0, text.translate(kept[2]).encode("latin-1"))]
            return super().splitString(text, doc, encoding)

    return QuickFont


def _first_subset(state: Any) -> tuple[int, frozenset[str], dict[int, str]]:
    """How many characters are placed, those placed in the first subset, and their codes."""
    assignments: dict[int, int] = state.assignments
    table = {code: chr(n) for code, n in assignments.items() if n < 256}
    if 32 in table:  # ReportLab prints a no-break space as a space
        table[0xA0] = table[32]
    kept = (len(assignments), frozenset(map(chr, table)), table)
    state._prepkit_first = kept
    return kept


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
