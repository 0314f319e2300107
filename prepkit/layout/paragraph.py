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

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _ReportLabParagraph

# Private-use characters: no font prepkit uses can print them, so a profile
# cannot hold them (the reader refuses characters the font lacks). If markup
# holds one anyway, it is parsed the slow way rather than misread.
_STAND_INS = {"&lt;": "\ue000", "&gt;": "\ue001", "&amp;": "\ue002"}
_PUT_BACK = str.maketrans({"\ue000": "<", "\ue001": ">", "\ue002": "&"})
_TAG_OR_ENTITY = re.compile(r"(<[^<>]*>)|&(?:lt|gt|amp);")


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
