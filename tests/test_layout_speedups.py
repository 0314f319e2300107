"""prepkit's faster stand-ins for ReportLab's layout steps lay out what ReportLab would.

Each stand-in (``layout/paragraph.py``'s word cutting, ``layout/long_table.py``'s
paged table, ``layout/footer.py``'s footer, ``layout/fonts.py``'s text encoding)
is compared here with ReportLab's own way on the same input. What they save is
measured by ``bench/``, never here.
"""

from __future__ import annotations

import io
import random
import re
from typing import Any

import pypdf
import pytest
import reportlab.platypus.paragraph as reportlab_paragraph
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from prepkit.layout.fonts import register_fonts
from prepkit.layout.long_table import PagedTable
from prepkit.layout.paragraph import Paragraph, _split_word


def _reportlab_split_word() -> Any:
    """ReportLab's own ``_splitWord``, read from its source (prepkit replaces it)."""
    with open(reportlab_paragraph.__file__, encoding="utf-8") as file:
        source = file.read()
    start = source.index("def _splitWord(")
    end = source.index("\ndef ", start + 1)
    names = dict(vars(reportlab_paragraph))
    exec(source[start:end], names)
    return names["_splitWord"]


def test_words_are_cut_where_reportlab_cuts_them() -> None:
    reportlab_cut = _reportlab_split_word()
    font = register_fonts().font_name("body")
    letters = ["<", "i", "W", "m", "é", "\u4e2d", "\u200b", " ", "1", "\u2014", "\ufdfa"]
    chance = random.Random(28)
    for _ in range(3000):
        alphabet = letters[: chance.randint(1, len(letters))]
        word = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 400)))
        size = chance.choice([6.5, 9.0, 10.0, 14.3])
        widths = [chance.uniform(1, 300) for _ in range(chance.randint(1, 4))]
        line_width, line = chance.uniform(0, 200), chance.randint(0, 5)
        theirs = reportlab_cut(word, line_width, widths, line, font, size, "utf8")
        ours = _split_word(word, line_width, widths, line, font, size, "utf8")
        assert [(type(p), str(p)) for p in ours] == [(type(p), str(p)) for p in theirs], (
            word,
            line_width,
            widths,
            line,
        )


_LINE = re.compile(rb"^n [\d.]+ [\d.]+ m [\d.]+ [\d.]+ l S$", re.M)


def _without_strokes(page: Any) -> list[bytes]:
    contents = page.get_contents()
    assert contents is not None
    return _LINE.sub(b"", contents.get_data()).split()


def _long_table_pdf(paged: bool, built: list[int]) -> bytes:
    """A 300-row table of notes from one line to longer than a page, on A6 pages."""
    font = register_fonts().font_name("body")
    style = ParagraphStyle("cell", fontName=font, fontSize=9, leading=11)
    chance = random.Random(7)
    rows: list[list[Any]] = [[Paragraph("<b>Date</b>", style), Paragraph("<b>Notes</b>", style)]]
    for number in range(300):
        words = " ".join(f"word{n}" for n in range(chance.choice([1, 5, 40, 400])))
        rows.append([Paragraph(f"Day {number}", style), Paragraph(words, style)])
    heights: list[float | None] = [None] * len(rows)
    commands = TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )

    class Counted(Table):  # type: ignore[misc]
        def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
            built.append(len(data))
            super().__init__(data, *args, **kwargs)

    def make(part: list[list[Any]], part_heights: list[float | None]) -> Table:
        table = Counted(
            part,
            colWidths=[25 * mm, 60 * mm],
            rowHeights=part_heights,
            repeatRows=1,
            splitInRow=33,
        )
        table.setStyle(commands)
        return table

    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=(105 * mm, 148 * mm), invariant=1)
    document.build([PagedTable(make, rows, heights) if paged else make(rows, heights)])
    return buffer.getvalue()


def test_a_long_table_fills_the_pages_reportlab_fills() -> None:
    theirs_built: list[int] = []
    ours_built: list[int] = []
    theirs = pypdf.PdfReader(io.BytesIO(_long_table_pdf(False, theirs_built)))
    ours = pypdf.PdfReader(io.BytesIO(_long_table_pdf(True, ours_built)))
    assert len(ours.pages) == len(theirs.pages) > 50
    for mine, reportlab_page in zip(ours.pages, theirs.pages, strict=True):
        # The same text at the same places; only the grid's strokes may differ (how
        # lines are cut, and the header's bottom line on a page that goes on with a
        # split row, which ReportLab leaves out).
        assert _without_strokes(mine) == _without_strokes(reportlab_page)
    # Rows handed to ReportLab grow with the rows and pages, not with rows times pages
    # (here 300 rows on some 500 pages: ReportLab's way builds 150,000 rows' worth).
    pages = len(ours.pages)
    assert sum(ours_built) < 15 * (301 + pages) < sum(theirs_built) / 10


def test_text_is_encoded_as_reportlab_encodes_it() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = pdfmetrics.getFont(register_fonts().font_name("body"))
    assert type(font) is not TTFont  # prepkit's own, or this test tests nothing
    chance = random.Random(5)
    # Enough different characters to fill the first subset and start more, a no-break
    # space, and characters the font lacks.
    letters = [chr(c) for c in range(32, 127)] + ["\xa0", "é", "\u4e2d", "\U0001f600"]
    letters += [chr(c) for c in range(0x400, 0x4A0)]

    class Document:  # what ReportLab keeps each document's subsets under
        pass

    ours_doc, theirs_doc = Document(), Document()
    for _ in range(2000):
        text = "".join(chance.choice(letters) for _ in range(chance.randint(0, 30)))
        if chance.random() < 0.5:
            text = "".join(chance.choice(letters[:40]) for _ in range(chance.randint(1, 30)))
        assert font.splitString(text, ours_doc) == TTFont.splitString(font, text, theirs_doc)


def _drawn(lines: list[tuple[Any, float]]) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=0)
    y = 100.0
    for paragraph, height in lines:
        y -= height
        paragraph.drawOn(canvas, 10, y)
    return "\n".join(canvas._code).encode()


@pytest.mark.parametrize("name", ["Ann Lee", "Flat 10, 2 Main St", "0123456789 <&>", ""])
def test_each_page_footer_is_the_footer_laid_out_for_that_page(name: str) -> None:
    from prepkit.layout.footer import FooterLines

    font = register_fonts().font_name("body")
    style = ParagraphStyle("footer", fontName=font, fontSize=7, leading=9)

    def text(page: int, pages: int) -> list[str]:
        return [
            f"<b>Page {page} of {pages}</b> · {name} · Prepared 1 January 2026",
            "A preparation aid, not medical advice.",
        ]

    footer = FooterLines(text, style, 120, 100)
    for page, pages in [(1, 1), (7, 9), (10, 99), (99, 100), (123, 4767), (4767, 4767)]:
        fresh = []
        for markup in text(page, pages):
            paragraph = Paragraph(markup, style)
            fresh.append((paragraph, paragraph.wrap(120, 100)[1]))
        ours = footer.lines(page, pages)
        assert [h for _, h in ours] == [h for _, h in fresh]
        assert _drawn(ours) == _drawn(fresh), (page, pages)
