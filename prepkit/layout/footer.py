"""The footer's lines for each page, laid out once for every count of digits.

Laying out the footer's numbered line ("Page 12 of 4767 · name · Prepared ...")
afresh for each page was a seventh of a 4,700-page worksheet's time. Every digit
of the footer's fonts is as wide as every other, so "Page 12 of 4767" breaks
where "Page 33 of 3333" breaks: each line is laid out once per count of digits,
and each page draws that layout with its own numbers put in. A line whose
numbers cannot be told apart from its other text is laid out for its page, as
before.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from prepkit.layout.paragraph import Paragraph

FooterText = Callable[[int, int], list[str]]
_DIGITS = "0123456789"


class FooterLines:
    """Paragraphs and heights of the footer for page ``page`` of ``pages``."""

    def __init__(
        self, footer_text: FooterText, style: ParagraphStyle, width: float, height: float
    ) -> None:
        self._text, self._style, self._width, self._height = footer_text, style, width, height
        self._even = _digits_even(style)
        self._laid_out = functools.lru_cache(maxsize=16)(self._lay_out)

    def _lay_out(self, markup: str) -> tuple[Paragraph, float]:
        para = Paragraph(markup, self._style)
        return para, para.wrap(self._width, self._height)[1]

    def lines(self, page: int, pages: int) -> list[tuple[Paragraph, float]]:
        real = self._text(page, pages)
        if not self._even:
            return [self._laid_out(markup) for markup in real]
        # The same lines with every digit of the numbers 1, then 2: where they differ
        # is where the numbers stand.
        ones = self._text(*_same_digits(page, pages, "1"))
        twos = self._text(*_same_digits(page, pages, "2"))
        return [
            self._numbered(line, one, two) for line, one, two in zip(real, ones, twos, strict=True)
        ]

    def _numbered(self, line: str, one: str, two: str) -> tuple[Paragraph, float]:
        found = _shape(one, two) if len(line) == len(one) else None
        if found is None:
            return self._laid_out(line)
        shape, mark = found
        para, height = self._laid_out(shape)
        drawn = _with_numbers(para, mark, _numbers_in(line, shape, mark))
        return (drawn, height) if drawn is not None else self._laid_out(line)


@functools.lru_cache(maxsize=16)
def _shape(one: str, two: str) -> tuple[str, str] | None:
    """The line with its numbers' digits all one digit found nowhere else in it, and that
    digit; None if the line holds no number, or every digit elsewhere."""
    if one == two or len(one) != len(two):
        return None
    rest = {a for a, b in zip(one, two, strict=True) if a == b}
    mark = next((d for d in _DIGITS if d not in rest), None)
    if mark is None:
        return None
    return "".join(mark if a != b else a for a, b in zip(one, two, strict=True)), mark


def _same_digits(page: int, pages: int, digit: str) -> tuple[int, int]:
    return int(digit * len(str(page))), int(digit * len(str(pages)))


def _numbers_in(line: str, shape: str, mark: str) -> list[str]:
    """The numbers ``line`` holds where ``shape`` holds its marks, in order."""
    runs, run = [], ""
    for a, b in zip(line, shape, strict=True):
        if b == mark:
            run += a
        elif run:
            runs.append(run)
            run = ""
    return [*runs, run] if run else runs


def _with_numbers(para: Paragraph, mark: str, numbers: list[str]) -> Paragraph | None:
    """A copy of laid-out ``para`` whose runs of ``mark`` read ``numbers``, in order."""
    layout = para.blPara
    if getattr(layout, "kind", 0) != 1:
        return None
    left = list(numbers)
    lines = []
    for line in layout.lines:
        words = []
        for word in line.words:
            text = getattr(word, "text", "")
            if mark in text:
                text, left = _put_in(text, mark, left)
                if text is None:
                    return None
                word = word.clone(text=text)
            words.append(word)
        new_line = copy.copy(line)
        new_line.words = words
        lines.append(new_line)
    if left:
        return None
    drawn = copy.copy(para)
    drawn.blPara = copy.copy(layout)
    drawn.blPara.lines = lines
    return drawn


def _put_in(text: str, mark: str, numbers: list[str]) -> tuple[str | None, list[str]]:
    out, i = [], 0
    while i < len(text):
        if text[i] != mark:
            out.append(text[i])
            i += 1
            continue
        end = i
        while end < len(text) and text[end] == mark:
            end += 1
        if not numbers or len(numbers[0]) != end - i:
            return None, numbers
        out.append(numbers[0])
        numbers = numbers[1:]
        i = end
    return "".join(out), numbers


@functools.cache
def _digits_even_for(fonts: tuple[str, ...], size: float) -> bool:
    return all(len({stringWidth(d, font, size) for d in _DIGITS}) == 1 for font in fonts)


def _digits_even(style: ParagraphStyle) -> bool:
    """Whether every digit is as wide as every other in the footer's fonts."""
    from reportlab.lib.fonts import tt2ps

    fonts = tuple(tt2ps(style.fontName, bold, italic) for bold in (0, 1) for italic in (0, 1))
    return _digits_even_for(fonts, style.fontSize)
