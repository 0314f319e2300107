"""The wallet card's geometry, in millimetres, checked once when it is made.

A card that comes out a millimetre too big does not fit a wallet slot, and one
whose text runs into the trim edge loses words when it is cut out, so every
size the card drawing uses comes from here and is checked up front.

A card that needs more room than two faces folds out instead of shrinking past
legibility: the faces sit in a grid of two columns and one, two or three rows.
It is folded in half along the long middle line (printed sides out), then
fan-folded along the short lines, so it always closes to one card's size. Each
row is a fold-over card of its own; unfolded, the left column reads top to
bottom, and turned over like a page, so does the right one. Faces are numbered
in that reading order: down the left column, then down the right.
"""

from __future__ import annotations

from msgspec import Struct

from prepkit.layout.units import MM


class CardSpecError(ValueError):
    """The card specification contradicts itself (a bug, not a user error)."""


class Face(Struct, frozen=True):
    """One face of a layout: its number in reading order and its lower-left corner.

    ``x`` and ``y`` are millimetres from the grid's lower-left corner.
    """

    number: int
    x: float
    y: float


class CardLayout(Struct, frozen=True):
    """How many rows of fold-over pairs the card has; the faces are twice that.

    With ``cards`` the faces are printed as card-size pages for a print shop
    (``--card-layout page``): a fold-out cannot be folded from those, so its faces
    become two-sided cards, each face followed by its back (1 and 2, 3 and 4...).
    """

    rows: int
    cards: bool = False

    @property
    def wrote(self) -> str:
        """What the command says it wrote."""
        if not self.cards:
            return self.name
        if self.rows == 1:
            return (
                "1 two-sided card, 2 card-size pages: print page 2 on the back of page 1, "
                "turned over from side to side, flipping on the short edge"
            )
        return (
            f"{self.rows} two-sided cards, {self.faces} card-size pages: print each even "
            "page on the back of the page before it, turned over from side to side, "
            "flipping on the short edge"
        )

    @property
    def faces(self) -> int:
        return 2 * self.rows

    @property
    def name(self) -> str:
        return "fold-over, 2 faces" if self.rows == 1 else f"fold-out, {self.faces} panels"

    @property
    def outer_back(self) -> int:
        """The face (0-based, reading order) that is outside at the back when folded.

        Fan-folding turns every other row over: with an odd number of rows the
        last face of the right column ends outside; with an even number, the last
        face of the left column does (read by flipping the card up).
        """
        if self.cards:
            return 1  # the back of the first card
        return 2 * self.rows - 1 if self.rows % 2 else self.rows - 1


class CardSpec(Struct, frozen=True, kw_only=True):
    """An ISO/IEC 7810 ID-1 card (bank-card size) and everything drawn around it."""

    width: float = 85.6
    height: float = 53.98
    # Text stays this far inside the cut line (a print shop's safe margin).
    padding: float = 3.0
    # Descenders (g, p, y) hang below the last line's box: room for them, so that
    # the ink, not only the line boxes, keeps the safe margin.
    descender_room: float = 0.6
    # The printed border sits inside the cut line, so a cut a little off never
    # leaves half a border on one edge.
    border_inset: float = 1.2
    min_font_pt: float = 6.5
    # A fold-out panel's number ("2 of 4") at the foot of its text, inside the cut,
    # at the minimum print: the room kept for it, in points.
    panel_label_room_pt: float = 8.0
    # The drugs not to give that the front always holds (all of them when fewer): a
    # responder reads the front, for seconds. Bigger print never pushes one off.
    front_list: int = 6
    max_scale: float = 1.0
    scale_step: float = 0.05
    # Fold-over first, then the fold-outs: the smallest that holds everything wins.
    rows_tried: tuple[int, ...] = (1, 2, 3)
    crop_mark_length: float = 5.0
    crop_mark_gap: float = 1.5
    calibration_length: float = 50.0
    # Gaps on the sheet: the words to the marks above the grid, the marks below the
    # grid to the calibration bar, and the room the bar's ticks take under it.
    words_gap: float = 2.0
    calibration_gap: float = 8.0
    calibration_depth: float = 2.0
    sheet_top: float = 10.0
    sheet_bottom: float = 8.0
    # How the sheet is drawn: the border (grey, so a cut a little off shows no
    # heavy line), crop marks, dashed folds, the panel numbers and the bar.
    # Line widths and dashes are in points, as printers give them; the rest in mm.
    border_colour: str = "#9a9a9a"
    border_width_pt: float = 0.3
    corner_radius: float = 1.5
    crop_mark_width_pt: float = 0.5
    fold_width_pt: float = 0.6
    fold_dash_pt: tuple[float, float] = (3.0, 2.0)
    # The fold's ticks outside the cut: dashed finer than the line, never solid.
    fold_tick_dash_pt: tuple[float, float] = (1.5, 1.0)
    panel_number_gap: float = 1.0  # beyond the crop marks' gap
    calibration_thickness: float = 1.5
    calibration_tick_below: float = 1.5
    calibration_tick_above: float = 3.0
    calibration_label_gap: float = 3.0

    def __post_init__(self) -> None:
        if not (self.width > 0 and self.height > 0):
            raise CardSpecError("card width and height must be positive")
        if self.width < self.height:
            raise CardSpecError("a wallet card is landscape: width must be at least height")
        if not 3.0 <= self.padding < min(self.width, self.height) / 4:
            raise CardSpecError("padding must be a safe margin of at least 3 mm")
        if not 0 < self.border_inset < self.padding:
            raise CardSpecError("the border must sit inside the cut line and outside the text")
        if not 0 <= self.descender_room < self.padding:
            raise CardSpecError("descender_room is a fraction of a millimetre")
        if self.front_list < 1:
            raise CardSpecError("the front holds at least one drug not to give")
        if self.min_font_pt < 6:
            raise CardSpecError("text under 6 pt cannot be read in an emergency")
        if not 0 < self.scale_step < self.max_scale:
            raise CardSpecError("scale_step must be a small positive fraction")
        if not self.rows_tried or list(self.rows_tried) != sorted(set(self.rows_tried)):
            raise CardSpecError("rows_tried must grow from the smallest layout")
        if self.rows_tried[0] < 1:
            raise CardSpecError("a card has at least one row of faces")
        if self.crop_mark_length <= 0 or self.crop_mark_gap < 0:
            raise CardSpecError("crop marks need a positive length")
        if self.calibration_length <= 0:
            raise CardSpecError("the calibration bar needs a positive length")
        if not 0 <= self.corner_radius < self.padding:
            raise CardSpecError("the border's corners must stay inside the safe margin")
        if min(self.border_width_pt, self.crop_mark_width_pt, self.fold_width_pt) <= 0:
            raise CardSpecError("lines need a positive width")
        if self.calibration_thickness <= 0 or self.calibration_tick_above < 0:
            raise CardSpecError("the calibration bar needs a positive thickness")

    @property
    def content_width(self) -> float:
        return self.width - 2 * self.padding

    @property
    def content_height(self) -> float:
        return self.height - 2 * self.padding - self.descender_room

    @property
    def content_bottom(self) -> float:
        """Where the text area starts above the face's lower cut line."""
        return self.padding + self.descender_room

    @property
    def size_pt(self) -> tuple[float, float]:
        return self.width * MM, self.height * MM

    @property
    def layouts(self) -> list[CardLayout]:
        return [CardLayout(rows) for rows in self.rows_tried]

    @property
    def mark_reach(self) -> float:
        """How far crop and fold marks reach out from the cut line."""
        return self.crop_mark_gap + self.crop_mark_length

    def grid_size(self, layout: CardLayout) -> tuple[float, float]:
        return 2 * self.width, layout.rows * self.height

    def faces(self, layout: CardLayout) -> list[Face]:
        """Every face of ``layout`` in reading order: down the left column, then the right."""
        _, grid_height = self.grid_size(layout)
        return [
            Face(
                column * layout.rows + row,
                column * self.width,
                grid_height - (row + 1) * self.height,
            )
            for column in (0, 1)
            for row in range(layout.rows)
        ]

    def sheet_width(self) -> float:
        """Both columns side by side, plus crop marks on both outer edges."""
        return 2 * self.width + 2 * self.mark_reach

    def check_fits_page(
        self, layout: CardLayout, page_width: float, page_height: float, text_height: float
    ) -> None:
        """Refuse a page too small for the grid, its marks, the words and the calibration bar."""
        _, grid_height = self.grid_size(layout)
        needed_height = (
            self.sheet_top
            + text_height
            + grid_height
            + self.words_gap
            + 2 * self.mark_reach
            + self.calibration_gap
            + self.calibration_depth
            + self.sheet_bottom
        )
        if self.sheet_width() > page_width or needed_height > page_height:
            raise CardSpecError(
                f"the {layout.name} card sheet needs {self.sheet_width():.1f} x "
                f"{needed_height:.1f} mm; the page is {page_width:.1f} x {page_height:.1f} mm"
            )


ID1_CARD = CardSpec()
