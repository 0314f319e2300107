"""Every colour prepkit prints is black ink, at full strength or lighter.

A print shop turns RGB black (``0 0 0 rg``) into black made of four inks, and a
6.5 pt letter printed in four inks that never line up exactly comes out blurred.
So every colour is K-only CMYK: black is 100% black ink and a grey is less of it
(``#9a9a9a`` is 40%). The greys are still written as ``#rrggbb`` in styles.yaml
and the card specification, where a designer expects them; one that is not a
grey is refused, as it could not be printed in black ink alone.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import CMYKColor, Color, toColor
from reportlab.pdfgen.canvas import Canvas

BLACK = CMYKColor(0, 0, 0, 1)
WHITE = CMYKColor(0, 0, 0, 0)


def grey(hex_colour: str) -> CMYKColor:
    """``#rrggbb`` with equal parts, as the share of black ink that prints it."""
    if len(hex_colour.removeprefix("#")) != 6:
        raise ValueError(f"{hex_colour!r} is not a #rrggbb colour")
    ink: CMYKColor = as_ink(hex_colour)
    return ink


def as_ink(colour: Any) -> Any:
    """``colour`` as black ink: a grey given in RGB (as ReportLab's charts and tables
    give their own black) becomes its share of black ink; one that is not grey is
    refused."""
    if isinstance(colour, CMYKColor) or colour is None:
        return colour
    made = toColor(colour)
    if not isinstance(made, Color) or isinstance(made, CMYKColor):
        return made
    if not made.red == made.green == made.blue:
        raise ValueError(f"{colour!r} is not a grey: prepkit prints in black ink only")
    return CMYKColor(0, 0, 0, round(1 - made.red, 4), alpha=made.alpha)


class BlackInkCanvas(Canvas):  # type: ignore[misc]
    """A canvas on which every colour set is black ink (see :func:`as_ink`)."""

    def setFillColor(self, aColor: Any, alpha: Any = None) -> None:
        super().setFillColor(as_ink(aColor), alpha)

    def setStrokeColor(self, aColor: Any, alpha: Any = None) -> None:
        super().setStrokeColor(as_ink(aColor), alpha)
