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
from bisect import bisect_right
from itertools import accumulate
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
_TAG = re.compile(r"<[^<>]*>")


def _stand_in(markup: str) -> str:
    """``markup`` with the escaped characters in its text replaced by their stand-ins."""
    if "&" in "".join(_TAG.findall(markup)):  # an entity inside a tag stays as it is
        return _TAG_OR_ENTITY.sub(lambda m: m.group(1) or _STAND_INS[m.group(0)], markup)
    # No tag holds an entity (nearly always): every entity is text, replaced at C speed.
    for entity, stand_in in _STAND_INS.items():
        markup = markup.replace(entity, stand_in)
    return markup


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
    character's width looked up rather than measured again, and the cuts found by
    bisecting running sums rather than a character at a time.

    ReportLab measures such a word a character at a time: a profile of long unbroken
    words (a pasted link, a row of one symbol) asked for millions of widths, a third
    of its build time. The cutting is ReportLab's own: the running sums are added in
    the same order, so every cut falls where ReportLab's falls and every page comes
    out the same.
    """
    rl = _reportlab_paragraph
    if isinstance(w, bytes):
        w = w.decode(encoding)
    widths = _WIDTHS.setdefault((font, size, encoding), {})
    for c in set(w).difference(widths):
        widths[c] = _string_width(c, font, size, encoding)
    each = list(map(widths.__getitem__, w))
    last_line = len(max_widths) - 1
    max_width = max_widths[min(last_line, lineno)]
    max_width_next = max_widths[min(last_line, lineno + 1)]
    pieces: list[str] = []
    start, scan, running, window = 0, 0, line_width, _SCAN
    while scan < len(w):
        sums = list(accumulate(each[scan : scan + window], initial=running))
        over = bisect_right(sums, max_width, lo=1)
        if over == len(sums):  # the line is not full yet
            scan, running, window = scan + len(sums) - 1, sums[-1], window * 2
            continue
        cut = scan + over - 1  # adding this character passes the line's end
        if cut == start and each[cut] > max_width_next:
            # A first character too wide for any line stays where it is (ReportLab's
            # rule, which only an empty piece can meet).
            scan, running = cut + 1, sums[over]
            continue
        pieces.append(w[start:cut])
        window = cut - start + 2  # the next line holds about as many
        lineno += 1
        max_width = max_widths[min(last_line, lineno)]
        start, scan, running = cut, cut + 1, 0.0 + each[cut]
    found: list[Any] = [rl._SplitWord(piece) for piece in pieces]
    found.append(rl._SplitWordEnd(w[start:]))
    if rl.isBidiStr(w):
        found = [rl.bidiStrWrap(piece, w) for piece in found]
    return found


# Characters summed at first while looking for a line's end (then as many as the
# line before held, doubled while the line is not full).
_SCAN = 64


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
            text = _stand_in(text)
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
