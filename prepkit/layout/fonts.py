"""Register the bundled font family once per process, by absolute path.

Registering the family mapping lets ``<b>`` and ``<i>`` inside a paragraph pick
the bold and italic files, so templates can use markup instead of font names.

Before it can measure text, ReportLab reads each font's tables in pure Python:
about 5 ms a face on every run, always with the same result for the same file.
That result is kept in prepkit's cache folder (``fonts/``) and read back in about
a millisecond; it is keyed by the font's bytes and ReportLab's version, and a
missing or damaged entry means the font is read afresh, never a different PDF.
"""

from __future__ import annotations

import marshal
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prepkit.cache import entry_key, remembered
from prepkit.layout.styles import StyleSheet, load_styles

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

# The parts of a font that are objects rather than measurements, made anew when
# a kept font is read back.
_REMADE = ("face", "encoding", "state")


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
    """ReportLab's font ``name`` from ``path``, from the cache when it holds this file."""
    import reportlab
    from reportlab.pdfbase.ttfonts import TTFont

    data = path.read_bytes()
    font: TTFont = remembered(
        "fonts",
        path.stem,
        entry_key(name, data, _reader_version(), reportlab.Version),
        lambda: TTFont(name, str(path)),
        _measurements,
        lambda kept: _restored(kept, data),
        (ValueError, EOFError, TypeError, KeyError),  # not what this code keeps
    )
    return font


@cache
def _reader_version() -> str:
    """This module and Python, as part of each entry's key: both decide what an entry holds.

    marshal's format may change with Python's version. Read once per process,
    not once per font.
    """
    return entry_key(sys.version, Path(__file__).read_bytes())


def _measurements(font: TTFont) -> bytes | None:
    """What reading ``font`` worked out, as marshal data; None if it holds anything else.

    Everything is kept as ReportLab left it, except the font file's bytes (read
    again from the file), the scale function (made again from units per em)
    and the name strings (kept as bytes).
    """
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes

    if type(font.encoding) is not TTEncoding or type(font.state) is not WeakKeyDictionary:
        return None
    face = dict(font.face.__dict__)
    del face["_ttf_data"], face["_pdfScale"]
    names = [key for key, value in face.items() if isinstance(value, TTFNameBytes)]
    face.update((key, bytes(face[key])) for key in names)
    own = {key: value for key, value in font.__dict__.items() if key not in _REMADE}
    try:
        return marshal.dumps((face, names, own))
    except ValueError:  # a newer ReportLab keeps something marshal cannot: do not cache
        return None


def _restored(kept: bytes, data: bytes) -> TTFont:
    from weakref import WeakKeyDictionary

    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

    face_state, names, own = marshal.loads(kept)
    face_state.update((key, TTFNameBytes(face_state[key])) for key in names)
    face_state["_ttf_data"] = data
    face_state["_pdfScale"] = _scale(face_state["unitsPerEm"])
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(face_state)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(own, face=face, encoding=TTEncoding(), state=WeakKeyDictionary())
    return font


def _scale(units_per_em: int) -> Any:
    """Font units to PDF's thousandths of an em, computed as ReportLab computes it."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` that the body font cannot print (they would show as boxes)."""
    from reportlab.pdfbase import pdfmetrics

    sheet = register_fonts()
    face = pdfmetrics.getFont(sheet.font_name("body")).face
    covered = face.charToGlyph
    # Glyph 0 is the font's "missing" box: a character mapped to it is not printable
    # either (DejaVu maps U+FFFF there, which then broke the build).
    return sorted({ch for ch in text if not ch.isspace() and not covered.get(ord(ch))})
