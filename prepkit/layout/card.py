"""Draw the wallet card: fit its text, then place it on a sheet or on card-sized pages.

Fitting never drops anything: each side's text shrinks as a whole until it fits,
down to the card's minimum size. If it still does not fit, :class:`CardTooFull`
says which parts of the card overflow so the patient can shorten them.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from msgspec import Struct
from reportlab.lib import colors
from reportlab.platypus import Flowable, Frame

from prepkit import __version__
from prepkit.layout.blocks import BlockBuilder
from prepkit.layout.card_spec import CardSpec
from prepkit.layout.page_fonts import PageFontsCanvas as Canvas
from prepkit.layout.styles import StyleSheet
from prepkit.layout.units import MM


class Overflow(Struct, frozen=True):
    """What runs past the bottom of one side: (section, lines cut, lines in it)."""

    side: str
    sections: list[tuple[str, int, int]]
    needed: float
    available: float


class CardTooFull(Exception):
    """A side of the card does not fit even at the smallest allowed print."""

    def __init__(self, overflows: list[Overflow]) -> None:
        self.overflows = overflows
        super().__init__("; ".join(f"{o.side}: {o.sections}" for o in overflows))


class FittedSide(Struct, frozen=True):
    flowables: list[Flowable]
    scale: float


def _height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrap(width, 10_000)
        total += height + flowable.getSpaceAfter()
        if index:
            total += flowable.getSpaceBefore()
    return total


def fit_side(root: ET.Element, side: str, sheet: StyleSheet, spec: CardSpec) -> FittedSide:
    """The largest print at which the whole side fits, or :class:`CardTooFull`."""
    width, height = spec.content_width * MM, spec.content_height * MM
    # Below this scale every style is already at the minimum size: nothing more to gain.
    largest = max(sheet.paragraphs[p.get("style", "body")].size_pt for p in root)
    floor = spec.min_font_pt / largest
    scale = spec.max_scale
    while True:
        builder = BlockBuilder(sheet, width, scale=scale, min_size_pt=spec.min_font_pt)
        flowables = builder.build(root)
        needed = _height(flowables, width)
        if needed <= height:
            return FittedSide(flowables, scale)
        if scale <= floor:
            overflow = Overflow(side, _overflowing(flowables, width, height), needed, height)
            raise CardTooFull([overflow])
        scale = max(scale - spec.scale_step, floor)


def _overflowing(
    flowables: list[Flowable], width: float, height: float
) -> list[tuple[str, int, int]]:
    """Each card section that runs past the bottom, with how many of its entries do."""
    used = 0.0
    counts: dict[str, list[int]] = {}
    for flowable in flowables:
        _, h = flowable.wrap(width, 10_000)
        used += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        section = getattr(flowable, "prepkit_section", "") or "text"
        cut_and_total = counts.setdefault(section, [0, 0])
        cut_and_total[1] += 1
        if used > height:
            cut_and_total[0] += 1
    return [(section, cut, total) for section, (cut, total) in counts.items() if cut]


def _draw_side(canvas: Canvas, side: FittedSide, x: float, y: float, spec: CardSpec) -> None:
    """Draw a fitted side whose card rectangle has its lower-left corner at (x, y) pt."""
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor("#9a9a9a"))
    canvas.setLineWidth(0.3)
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, spec.width * MM, spec.height * MM, stroke=1, fill=1)
    canvas.restoreState()
    frame = Frame(
        x + spec.padding * MM,
        y + spec.padding * MM,
        spec.content_width * MM,
        spec.content_height * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        showBoundary=0,
    )
    remaining = list(side.flowables)
    frame.addFromList(remaining, canvas)
    if remaining:  # fit_side measured it; reaching here is a bug, never a silent cut
        raise RuntimeError("wallet card text did not fit after fitting")


def _crop_marks(
    canvas: Canvas, left: float, bottom: float, right: float, top: float, spec: CardSpec
) -> None:
    gap, length = spec.crop_mark_gap * MM, spec.crop_mark_length * MM
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(colors.black)
    for x, dx in ((left, -1), (right, 1)):
        for y, dy in ((bottom, -1), (top, 1)):
            canvas.line(x + dx * gap, y, x + dx * (gap + length), y)  # horizontal
            canvas.line(x, y + dy * gap, x, y + dy * (gap + length))  # vertical
    canvas.restoreState()


def _new_canvas(
    buffer: io.BytesIO,
    size: tuple[float, float],
    title: str,
    subject: str,
    sheet: StyleSheet,
    keywords: str,
) -> Canvas:
    canvas = Canvas(
        buffer,
        pagesize=size,
        pageCompression=1,
        lang=sheet.language,
        # PrintScaling (below) is a PDF 1.6 key: declare the version it needs.
        pdfVersion=(1, 6),
        # Without this every page would name Helvetica, which nothing uses or embeds.
        initialFontName=sheet.font_name("body"),
    )
    canvas.setTitle(title)
    canvas.setSubject(subject)
    canvas.setKeywords(keywords)
    canvas.setAuthor("prepkit")
    canvas.setCreator(f"prepkit {__version__}")
    canvas.setProducer(f"prepkit {__version__}")
    # Ask viewers not to scale when printing: the card must come out at its real size.
    canvas.setViewerPreference("PrintScaling", "None")
    canvas.setViewerPreference("DisplayDocTitle", "true")
    return canvas


def card_pages_pdf(
    front: FittedSide,
    back: FittedSide,
    spec: CardSpec,
    title: str,
    subject: str,
    sheet: StyleSheet,
    keywords: str,
) -> bytes:
    """Two pages, each exactly the card: for print shops and card printers."""
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, spec.size_pt, title, subject, sheet, keywords)
    for side in (front, back):
        _draw_side(canvas, side, 0, 0, spec)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def card_sheet_pdf(
    front: FittedSide,
    back: FittedSide,
    sheet_root: ET.Element,
    builder: BlockBuilder,
    page_size: tuple[float, float],
    spec: CardSpec,
    keywords: str,
) -> bytes:
    """One page with front and back side by side, to cut out and fold along the middle.

    Folding along a vertical line keeps both sides upright, so neither is rotated.
    """
    page_width, page_height = page_size
    spec.check_fits_page(page_width / MM, page_height / MM)
    buffer = io.BytesIO()
    canvas = _new_canvas(
        buffer,
        page_size,
        sheet_root.get("title", ""),
        sheet_root.get("subject", ""),
        builder.sheet,
        keywords,
    )

    card_w, card_h = spec.width * MM, spec.height * MM
    left = (page_width - 2 * card_w) / 2
    text_width = builder.text_width
    text_left = (page_width - text_width) / 2
    y = page_height - spec.sheet_top * MM
    for element in sheet_root.findall("p"):
        paragraph = builder.paragraph(element, element.get("style", "body"))
        _, h = paragraph.wrap(text_width, page_height)
        y -= h + paragraph.getSpaceBefore()
        paragraph.drawOn(canvas, text_left, y)
        y -= paragraph.getSpaceAfter()

    top = y - (spec.crop_mark_gap + spec.crop_mark_length + 4) * MM
    bottom = top - card_h
    _draw_side(canvas, front, left, bottom, spec)
    _draw_side(canvas, back, left + card_w, bottom, spec)
    _crop_marks(canvas, left, bottom, left + 2 * card_w, top, spec)

    # The fold: a dashed line on the shared edge, with short ticks outside the card.
    fold_x = left + card_w
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setDash(3, 2)
    canvas.line(fold_x, bottom, fold_x, top)
    canvas.setDash()
    gap, length = spec.crop_mark_gap * MM, spec.crop_mark_length * MM
    canvas.line(fold_x, top + gap, fold_x, top + gap + length)
    canvas.line(fold_x, bottom - gap, fold_x, bottom - gap - length)
    canvas.restoreState()

    _calibration_bar(
        canvas,
        sheet_root,
        builder,
        text_left,
        bottom - (spec.crop_mark_gap + spec.crop_mark_length + 10) * MM,
        spec,
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _calibration_bar(
    canvas: Canvas,
    sheet_root: ET.Element,
    builder: BlockBuilder,
    x: float,
    y: float,
    spec: CardSpec,
) -> None:
    """A solid bar exactly ``calibration_length`` mm long, with end ticks and a label."""
    length = spec.calibration_length * MM
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.rect(x, y, length, 1.5 * MM, stroke=0, fill=1)
    canvas.setLineWidth(0.5)
    for tick_x in (x, x + length):
        canvas.line(tick_x, y - 1.5 * MM, tick_x, y + 3 * MM)
    label = sheet_root.find("calibration")
    if label is not None:
        style = builder.style("card_sheet")
        canvas.setFont(style.fontName, style.fontSize)
        canvas.drawString(x + length + 3 * MM, y, "".join(label.itertext()))
    canvas.restoreState()
