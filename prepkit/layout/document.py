"""Pages: size, margins, the footer on every page, bookmarks and PDF metadata.

The footer says "page N of M", which is only known once every page is laid
out, so pages are kept until the end and footers drawn as the file is saved.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from prepkit import __version__
from prepkit.layout.styles import StyleSheet
from prepkit.layout.units import MM

FooterText = Callable[[int, int], list[str]]
SAFE_EDGE = 8  # mm from the bottom of the page: most printers cannot print nearer


def _canvas_class(draw_footer: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    class FooterCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                draw_footer(self, number, total)
                super().showPage()
            super().save()

    return FooterCanvas


class _Document(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "prepkit_outline", None)
        if outline is not None:
            key, title = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=0, closed=False)


def build_pdf(
    flowables: list[Flowable],
    *,
    sheet: StyleSheet,
    paper: str,
    title: str,
    subject: str,
    footer_text: FooterText,
    footer_style: ParagraphStyle,
) -> bytes:
    """Lay out ``flowables`` on pages of ``paper`` size and return the PDF bytes."""
    width, height = sheet.page_size_pt(paper)
    margins = sheet.margins
    footer_height = sheet.footer_height * MM

    text_width = sheet.text_width(paper)

    def draw_footer(canvas: Canvas, page: int, pages: int) -> None:
        # Stacked up from the printer's safe edge, so even large print never falls off.
        paragraphs = [Paragraph(markup, footer_style) for markup in footer_text(page, pages)]
        heights = [para.wrap(text_width, footer_height)[1] for para in paragraphs]
        y = SAFE_EDGE * MM + sum(heights)
        for para, h in zip(paragraphs, heights, strict=True):
            y -= h
            para.drawOn(canvas, margins.left * MM, y)

    buffer = io.BytesIO()
    document = _Document(
        buffer,
        pagesize=(width, height),
        leftMargin=margins.left * MM,
        rightMargin=margins.right * MM,
        topMargin=margins.top * MM,
        bottomMargin=margins.bottom * MM,
        title=title,
        subject=subject,
        author="prepkit",
        creator=f"prepkit {__version__}",
        producer=f"prepkit {__version__}",
        pageCompression=1,
        lang=sheet.language,
        displayDocTitle=1,
    )
    frame = Frame(
        document.leftMargin,
        document.bottomMargin,
        document.width,
        document.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    document.build(flowables, canvasmaker=_canvas_class(draw_footer))
    return buffer.getvalue()
