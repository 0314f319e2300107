"""ReportLab's Paragraph, with its cost bounded by the length of the text.

Two habits of ReportLab's paragraphs made a patient's long notes slow:

* Its markup parser hands every entity (``&lt;``, ``&amp;``) over as a piece of
  its own, each piece becomes a fragment, and line breaking compares fragments
  pairwise: a note of 4,000 ``<`` took ten times as long as 4,000 letters, and a
  profile at the limits written in ``<`` took minutes and 750 MB. Here the
  three escaped characters stand in as private-use characters while ReportLab
  parses the markup (they are outside its tags, so they mean text, never
  markup) and are put back in the parsed text, so a run of text is one piece
  whatever it holds.
* A table row that splits across pages asks its cells for their size again and
  again at the same width. Breaking lines depends only on the width, so the
  lines are kept for the last width asked.

Every paragraph prepkit draws is one of these.
"""

from __future__ import annotations

import re
from typing import Any

import reportlab.platypus.paragraph as _reportlab_paragraph
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth as _string_width
from reportlab.platypus import Paragraph as _ReportLabParagraph

# Private-use characters: no font prepkit uses can print them, so a profile
# cannot hold them (the reader refuses characters the font lacks). If markup
# holds one anyway, it is parsed the slow way rather than misread.
_STAND_INS = {"&lt;": "\ue000", "&gt;": "\ue001", "&amp;": "\ue002"}
_PUT_BACK = str.maketrans({"\ue000": "<", "\ue001": ">", "\ue002": "&"})
_TAG_OR_ENTITY = re.compile(r"(<[^<>]*>)|&(?:lt|gt|amp);")


# Each character's width, per font, size and encoding: it never changes in a run.
_WIDTHS: dict[tuple[str, float, str], dict[str, float]] = {}


def _split_word(
    w: str | bytes,
    line_width: float,
    max_widths: list[float],
    lineno: int,
    font: str,
    size: float,
    encoding: str = "utf8",
) -> list[Any]:
    """ReportLab's ``_splitWord`` (a word too long for its line, cut to fit), with each
    character's width looked up rather than measured again.

    ReportLab measures such a word a character at a time: a profile of long unbroken
    words (a pasted link, a row of one symbol) asked for millions of widths, a third
    of its build time. The cutting is ReportLab's own, line for line, so every page
    comes out the same.
    """
    rl = _reportlab_paragraph
    widths = _WIDTHS.setdefault((font, size, encoding), {})
    found: list[Any] = []
    last_line = len(max_widths) - 1
    piece_text = ""
    max_width = max_widths[min(last_line, lineno)]
    max_width_next = max_widths[min(last_line, lineno + 1)]
    if isinstance(w, bytes):
        w = w.decode(encoding)
    bidi = rl.isBidiStr(w)
    for c in w:
        cw = widths.get(c)
        if cw is None:
            cw = widths[c] = _string_width(c, font, size, encoding)
        new_width = line_width + cw
        if new_width > max_width and (piece_text or cw <= max_width_next):
            piece = rl._SplitWord(piece_text)
            found.append(rl.bidiStrWrap(piece, w) if bidi else piece)
            lineno += 1
            max_width = max_widths[min(last_line, lineno)]
            new_width = cw
            piece_text = ""
        piece_text += c
        line_width = new_width
    end = rl._SplitWordEnd(piece_text)
    found.append(rl.bidiStrWrap(end, w) if bidi else end)
    return found


# Paragraph layout calls this through its module's name; nothing else is changed.
_reportlab_paragraph._splitWord = _split_word


class Paragraph(_ReportLabParagraph):  # type: ignore[misc]
    """A paragraph of ReportLab markup whose layout costs grow with its text, not its entities."""

    frags: list[Any]
    text: str

    def __init__(self, text: str, style: ParagraphStyle | None = None, **options: Any) -> None:
        self._wrapped: tuple[float, Any, float] | None = None
        super().__init__(text, style, **options)

    def _setup(self, text: str, style: Any, bullet: Any, frags: Any, cleaner: Any) -> None:
        stand_ins = frags is None and not any(ch in text for ch in _STAND_INS.values())
        if stand_ins:
            text = _TAG_OR_ENTITY.sub(lambda m: m.group(1) or _STAND_INS[m.group(0)], text)
        super()._setup(text, style, bullet, frags, cleaner)
        if stand_ins:
            self.text = self.text.translate(_PUT_BACK)
            for frag in self.frags:
                if isinstance(getattr(frag, "text", None), str):
                    frag.text = frag.text.translate(_PUT_BACK)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        wrapped = getattr(self, "_wrapped", None)
        if wrapped is not None and wrapped[0] == availWidth:
            self.width, self.blPara, self.height = wrapped
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if availWidth == self.width:  # a width too narrow to use is not kept
            self._wrapped = (self.width, self.blPara, self.height)
        return size


_BREAK = re.compile(r"<br\s*/>")
_OPEN_OR_CLOSE = re.compile(r"<(/?)[a-zA-Z][^<>]*?(/?)>")


def line_paragraphs(markup: str, style: ParagraphStyle) -> list[Paragraph]:
    """``markup`` as one paragraph per line the patient typed, spaced as one paragraph.

    ReportLab breaks a paragraph of a single run of text on a fast path; a line
    break (``<br/>``) makes it compare every word's fragment with the last, which
    made a profile of many-line notes take over a minute. Split at the breaks, each
    line is a run of its own, and the lines stand exactly where they stood (no space
    between them, the hanging indent only on the first). A break inside a tag
    (``<b>a<br/>b</b>``) keeps the paragraph whole.
    """
    pieces = _BREAK.split(markup)
    if len(pieces) == 1 or not all(_balanced(piece) for piece in pieces):
        return [Paragraph(markup, style)]
    last = len(pieces) - 1
    return [
        Paragraph(
            piece if piece.strip() else "&#160;",  # an empty line keeps its height
            _line_style(style, "first" if i == 0 else "last" if i == last else "middle"),
        )
        for i, piece in enumerate(pieces)
    ]


def _line_style(style: ParagraphStyle, place: str) -> ParagraphStyle:
    """``style`` for the first, a middle or the last line: kept on the style itself."""
    made: dict[str, ParagraphStyle] = style.__dict__.setdefault("_prepkit_lines", {})
    if place not in made:
        made[place] = ParagraphStyle(
            f"{style.name}-{place}",
            parent=style,
            spaceBefore=style.spaceBefore if place == "first" else 0,
            spaceAfter=style.spaceAfter if place == "last" else 0,
            firstLineIndent=style.firstLineIndent if place == "first" else 0,
        )
    return made[place]


def _balanced(markup: str) -> bool:
    depth = 0
    for match in _OPEN_OR_CLOSE.finditer(markup):
        closing, self_closing = match.group(1), match.group(2)
        if self_closing:
            continue
        depth += -1 if closing else 1
        if depth < 0:
            return False
    return depth == 0
