"""The wallet card's geometry, in millimetres, checked once when it is made.

A card that comes out a millimetre too big does not fit a wallet slot, and one
whose text runs into the trim edge loses words when it is cut out, so every
size the card drawing uses comes from here and is checked up front.
"""

from __future__ import annotations

from msgspec import Struct

from prepkit.layout.units import MM


class CardSpecError(ValueError):
    """The card specification contradicts itself (a bug, not a user error)."""


class CardSpec(Struct, frozen=True, kw_only=True):
    """An ISO/IEC 7810 ID-1 card (bank-card size) and everything drawn around it."""

    width: float = 85.6
    height: float = 53.98
    padding: float = 3.0
    min_font_pt: float = 6.5
    max_scale: float = 1.0
    scale_step: float = 0.02
    crop_mark_length: float = 5.0
    crop_mark_gap: float = 1.5
    calibration_length: float = 50.0
    sheet_top: float = 25.0

    def __post_init__(self) -> None:
        if not (self.width > 0 and self.height > 0):
            raise CardSpecError("card width and height must be positive")
        if self.width < self.height:
            raise CardSpecError("a wallet card is landscape: width must be at least height")
        if not 0 <= self.padding < min(self.width, self.height) / 4:
            raise CardSpecError("padding must leave most of the card for text")
        if self.min_font_pt < 6:
            raise CardSpecError("text under 6 pt cannot be read in an emergency")
        if not 0 < self.scale_step < self.max_scale:
            raise CardSpecError("scale_step must be a small positive fraction")
        if self.crop_mark_length <= 0 or self.crop_mark_gap < 0:
            raise CardSpecError("crop marks need a positive length")
        if self.calibration_length <= 0:
            raise CardSpecError("the calibration bar needs a positive length")

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.padding

    @property
    def content_height(self) -> float:
        return self.height - 2 * self.padding

    @property
    def size_pt(self) -> tuple[float, float]:
        return self.width * MM, self.height * MM

    def sheet_width(self) -> float:
        """Front and back side by side, plus crop marks on both outer edges."""
        return 2 * self.width + 2 * (self.crop_mark_gap + self.crop_mark_length)

    def check_fits_page(self, page_width: float, page_height: float) -> None:
        """Refuse a page too small for the folded pair, its marks and the calibration bar."""
        needed_height = (
            self.sheet_top + self.height + 2 * (self.crop_mark_gap + self.crop_mark_length) + 30
        )
        if self.sheet_width() > page_width or needed_height > page_height:
            raise CardSpecError(
                f"the card sheet needs {self.sheet_width():.1f} x {needed_height:.1f} mm; "
                f"the page is {page_width:.1f} x {page_height:.1f} mm"
            )


ID1_CARD = CardSpec()
