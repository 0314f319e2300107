"""Draw the wallet card once it is laid out: on a sheet to cut and fold, or card-sized pages.

Every size comes from the card specification (``card_spec.py``); the text on
each face was fitted by ``card_flow.py``, so drawing never has to cut anything.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from reportlab.platypus import Flowable, Frame

from prepkit import __version__
from prepkit.layout.blocks import BlockBuilder
from prepkit.layout.card_flow import FittedCard
from prepkit.layout.card_spec import CardLayout, CardSpec
from prepkit.layout.ink import BLACK, WHITE, grey
from prepkit.layout.page_fonts import PageFontsCanvas as Canvas
from prepkit.layout.styles import StyleSheet
from prepkit.layout.units import MM


def _border(
    canvas: Canvas, x: float, y: float, width: float, height: float, spec: CardSpec
) -> None:
    """The grey rounded border just inside the cut line of a piece (x, y, width, height) pt."""
    inset = spec.border_inset * MM
    canvas.saveState()
    canvas.setStrokeColor(grey(spec.border_colour))
    canvas.setLineWidth(spec.border_width_pt)
    radius = spec.corner_radius * MM
    canvas.roundRect(x + inset, y + inset, width - 2 * inset, height - 2 * inset, radius)
    canvas.restoreState()


def _draw_face(
    canvas: Canvas,
    flowables: list[Flowable],
    x: float,
    y: float,
    spec: CardSpec,
    label: str = "",
    font: str = "",
) -> None:
    """Draw one face whose cut line has its lower-left corner at (x, y) pt.

    The white face is exactly the card; its border sits inside the cut line and
    the text inside the safe margin, so a slightly-off cut loses neither. The
    border is the caller's: round each card-sized page, but round the whole piece
    on a sheet (a frame round each panel reads as a line to cut along).
    """
    width, height = spec.size_pt
    canvas.saveState()
    canvas.setFillColor(WHITE)
    canvas.rect(x, y, width, height, stroke=0, fill=1)
    canvas.restoreState()

    frame = Frame(
        x + spec.padding * MM,
        y + spec.content_bottom * MM,
        spec.content_width * MM,
        spec.content_height * MM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        showBoundary=0,
    )
    remaining = list(flowables)
    frame.addFromList(remaining, canvas)
    if remaining:  # the layout measured it; reaching here is a bug, never a silent cut
        raise RuntimeError("wallet card text did not fit after fitting")
    if label:  # in the room the layout kept at the text's foot, inside the cut
        canvas.saveState()
        canvas.setFont(font, spec.min_font_pt)
        canvas.drawRightString(
            x + (spec.width - spec.padding) * MM, y + spec.content_bottom * MM, label
        )
        canvas.restoreState()


def _panel_label(card: FittedCard, number: int, sheet: StyleSheet) -> tuple[str, str]:
    """ "Panel 2 of 4" on a fold-out's faces, "Card 1 of 2, back" on its separate cards
    (a fold-over's two faces need none), and the font to print it in."""
    layout = card.layout
    if layout.rows == 1:
        return "", ""
    if layout.cards:
        side = "back" if number % 2 else "front"
        return f"Card {number // 2 + 1} of {layout.rows}, {side}", sheet.font_name("body")
    return f"Panel {number + 1} of {layout.faces}", sheet.font_name("body")


def _crop_marks(
    canvas: Canvas, left: float, bottom: float, right: float, top: float, spec: CardSpec
) -> None:
    gap, length = spec.crop_mark_gap * MM, spec.crop_mark_length * MM
    canvas.saveState()
    canvas.setLineWidth(spec.crop_mark_width_pt)
    canvas.setStrokeColor(BLACK)
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
    card: FittedCard,
    spec: CardSpec,
    title: str,
    subject: str,
    sheet: StyleSheet,
    keywords: str,
) -> bytes:
    """One page per face, each exactly the card, in reading order: for print shops."""
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, spec.size_pt, title, subject, sheet, keywords)
    # Trimmed exactly at the page edge: no bleed is needed, as nothing is printed
    # up to the cut line (the border and text stay inside the safe margin).
    box = (0, 0, *spec.size_pt)
    canvas.setTrimBox(box)
    canvas.setBleedBox(box)
    for number, flowables in enumerate(card.faces):
        _draw_face(canvas, flowables, 0, 0, spec, *_panel_label(card, number, sheet))
        _border(canvas, 0, 0, *spec.size_pt, spec)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def card_sheet_pdf(
    card: FittedCard,
    sheet_root: ET.Element,
    builder: BlockBuilder,
    page_size: tuple[float, float],
    spec: CardSpec,
    keywords: str,
) -> bytes:
    """One page: the words on how to print and fold, then the card's faces in their grid.

    Each row of the grid is a front and back side by side, folded along the
    shared vertical edge, which keeps both upright. Rows are fan-folded.
    """
    page_width, page_height = page_size
    buffer = io.BytesIO()
    canvas = _new_canvas(
        buffer,
        page_size,
        sheet_root.get("title", ""),
        sheet_root.get("subject", ""),
        builder.sheet,
        keywords,
    )
    text_width = builder.text_width
    text_left = (page_width - text_width) / 2
    words = [
        line
        for p in sheet_root.findall("p")
        for line in builder.paragraph(p, p.get("style", "sheet_text"))
    ]
    words_height = sum(
        p.wrap(text_width, page_height)[1] + p.getSpaceBefore() + p.getSpaceAfter() for p in words
    )
    layout = card.layout
    spec.check_fits_page(layout, page_width / MM, page_height / MM, words_height / MM)

    y = page_height - spec.sheet_top * MM
    for paragraph in words:
        _, h = paragraph.wrap(text_width, page_height)
        y -= h + paragraph.getSpaceBefore()
        paragraph.drawOn(canvas, text_left, y)
        y -= paragraph.getSpaceAfter()

    grid_width, grid_height = (size * MM for size in spec.grid_size(layout))
    left = (page_width - grid_width) / 2
    top = y - (spec.mark_reach + spec.words_gap) * MM
    bottom = top - grid_height
    for face in spec.faces(layout):
        _draw_face(
            canvas,
            card.faces[face.number],
            left + face.x * MM,
            bottom + face.y * MM,
            spec,
            *_panel_label(card, face.number, builder.sheet),
        )
    _border(canvas, left, bottom, grid_width, grid_height, spec)
    _crop_marks(canvas, left, bottom, left + grid_width, top, spec)
    words = builder.style("sheet_text")
    _fold_lines(canvas, layout, left, bottom, spec, words.fontName, words.fontSize)
    _panel_numbers(canvas, layout, builder, left, bottom, spec)
    _calibration_bar(
        canvas,
        sheet_root,
        builder,
        text_left,
        bottom - (spec.mark_reach + spec.calibration_gap) * MM,
        spec,
    )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fold_lines(
    canvas: Canvas,
    layout: CardLayout,
    left: float,
    bottom: float,
    spec: CardSpec,
    font: str,
    size: float,
) -> None:
    """Dashed lines where faces meet, with dashed ticks labelled "fold" outside the cut.

    The ticks stay visible however the cut comes out; dashed and labelled (in the
    sheet's words' size), none can be taken for a crop mark (solid) and cut along.
    The long fold between the columns is folded first; the short folds between
    rows make the fan.
    """
    grid_width, grid_height = (size_mm * MM for size_mm in spec.grid_size(layout))
    gap, length = spec.crop_mark_gap * MM, spec.crop_mark_length * MM
    middle = left + spec.width * MM
    top = bottom + grid_height
    canvas.saveState()
    canvas.setLineWidth(spec.fold_width_pt)
    canvas.setDash(*spec.fold_dash_pt)
    canvas.line(middle, bottom, middle, top)
    for row in range(1, layout.rows):
        y = bottom + row * spec.height * MM
        canvas.line(left, y, left + grid_width, y)
    canvas.setDash(*spec.fold_tick_dash_pt)
    canvas.setFont(font, size)
    beside = middle + size * 0.4  # the label beside the tick, within the marks' reach
    canvas.line(middle, top + gap, middle, top + gap + length)
    canvas.drawString(beside, top + gap + length / 2 - size / 3, "fold")
    canvas.line(middle, bottom - gap, middle, bottom - gap - length)
    canvas.drawString(beside, bottom - gap - length / 2 - size / 3, "fold")
    for row in range(1, layout.rows):
        y = bottom + row * spec.height * MM
        above = y + size * 0.3  # over the tick, centred on it
        canvas.line(left - gap, y, left - gap - length, y)
        canvas.drawCentredString(left - gap - length / 2, above, "fold")
        canvas.line(left + grid_width + gap, y, left + grid_width + gap + length, y)
        canvas.drawCentredString(left + grid_width + gap + length / 2, above, "fold")
    canvas.restoreState()


def _panel_numbers(
    canvas: Canvas,
    layout: CardLayout,
    builder: BlockBuilder,
    left: float,
    bottom: float,
    spec: CardSpec,
) -> None:
    """Each face's number beside it, outside the cut line: the order to read and fold in."""
    if layout.rows == 1:
        return
    style = builder.style("sheet_text")
    canvas.saveState()
    canvas.setFont(style.fontName, style.fontSize)
    reach = (spec.crop_mark_gap + spec.panel_number_gap) * MM
    for face in spec.faces(layout):
        y = bottom + (face.y + spec.height / 2) * MM - style.fontSize / 3
        label = str(face.number + 1)
        if face.x == 0:
            canvas.drawRightString(left - reach, y, label)
        else:
            canvas.drawString(left + (face.x + spec.width) * MM + reach, y, label)
    canvas.restoreState()


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
    canvas.setFillColor(BLACK)
    canvas.rect(x, y, length, spec.calibration_thickness * MM, stroke=0, fill=1)
    canvas.setLineWidth(spec.crop_mark_width_pt)
    below, above = spec.calibration_tick_below * MM, spec.calibration_tick_above * MM
    for tick_x in (x, x + length):
        canvas.line(tick_x, y - below, tick_x, y + above)
    label = sheet_root.find("calibration")
    if label is not None:
        style = builder.style("sheet_text")
        canvas.setFont(style.fontName, style.fontSize)
        gap = spec.calibration_label_gap * MM
        canvas.drawString(x + length + gap, y, "".join(label.itertext()))
    canvas.restoreState()
