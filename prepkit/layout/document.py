"""Pages: size, margins, the footer on every page, bookmarks and PDF metadata.

The footer says "page N of M", which is only known once every page is laid
out, so pages are kept until the end and footers drawn as the file is saved.
Bookmark destinations name a page, so they are held back with their page and
bound to it when it is really written.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from prepkit import __version__
from prepkit.layout.footer import FooterLines, FooterText
from prepkit.layout.page_fonts import PageFontsCanvas
from prepkit.layout.styles import StyleSheet
from prepkit.layout.units import MM

SAFE_EDGE = 8  # mm from the bottom of the page: most printers cannot print nearer
FOOTER_GAP = 2  # mm between the body and the footer


def _canvas_class(
    draw_footer: Callable[[PageFontsCanvas, int, int], None], check_only: bool
) -> type[PageFontsCanvas]:
    class FooterCanvas(PageFontsCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._held_bookmarks: list[tuple[str, dict[str, Any]]] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:
            self._held_bookmarks.append((key, kwargs))

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._held_bookmarks = []
            self._startPage()

        def save(self) -> None:
            if check_only:  # laid out, which is all a check needs: nothing to write
                return
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key, kwargs in self._held_bookmarks:
                    super().bookmarkPage(key, **kwargs)
                draw_footer(self, number, total)
                super().showPage()
            self.showOutline()  # the viewer opens with the bookmarks shown
            super().save()

    return FooterCanvas


def build_pdf(
    flowables: list[Flowable],
    *,
    sheet: StyleSheet,
    paper: str,
    title: str,
    subject: str,
    footer_text: FooterText,
    footer_style: ParagraphStyle,
    keywords: str = "",
    check_only: bool = False,
) -> bytes:
    """Lay out ``flowables`` on pages of ``paper`` size and return the PDF bytes."""
    width, height = sheet.page_size_pt(paper)
    margins = sheet.margins
    footer_height = sheet.footer_height * MM

    text_width = sheet.text_width(paper)

    footer = FooterLines(footer_text, footer_style, text_width, footer_height)

    def draw_footer(canvas: PageFontsCanvas, page: int, pages: int) -> None:
        # Stacked up from the printer's safe edge, so even large print never falls off.
        lines = footer.lines(page, pages)
        y = SAFE_EDGE * MM + sum(h for _, h in lines)
        for para, h in lines:
            y -= h
            para.drawOn(canvas, margins.left * MM, y)

    # The body stops above the footer as it will be drawn (measured with the widest
    # page numbers), never only above the footer the margins were sized for.
    widest = sum(h for _, h in footer.lines(9999, 9999))
    bottom = max(margins.bottom * MM, SAFE_EDGE * MM + widest + FOOTER_GAP * MM)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=margins.left * MM,
        rightMargin=margins.right * MM,
        topMargin=margins.top * MM,
        bottomMargin=bottom,
        title=title,
        subject=subject,
        keywords=keywords,
        author="prepkit",
        creator=f"prepkit {__version__}",
        producer=f"prepkit {__version__}",
        pageCompression=1,
        lang=sheet.language,
        displayDocTitle=1,
        # Without this every page would name Helvetica, which no page uses and no
        # file embeds (print shops' preflight flags it).
        initialFontName=sheet.font_name("body"),
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
    document.build(flowables, canvasmaker=_canvas_class(draw_footer, check_only))
    return buffer.getvalue()
