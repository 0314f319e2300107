"""Turn the XML a template renders into ReportLab flowables.

The elements, and what each becomes:

``<title>``, ``<subtitle>``, ``<p [style=] [section=]>``, ``<hint>``
    a paragraph in that style (text is ReportLab paragraph markup); ``section``
    names the part of a card it belongs to, for messages about what does not fit;
``<section id= title= [break-before="yes"]>``
    a heading with a bookmark, then the section's blocks;
``<subhead>``
    a label over the blocks that follow it (a table, a list), never left at the
    foot of a page: it starts a new page when less than half a section's least
    room is left;
``<fields kind=>`` of ``<field label=>``
    a label/value table; an empty value becomes a line to write on; a short one
    (the emergency contact's four lines) is never split across pages;
``<table kind= blank-rows=>`` of ``<head>``/``<row>`` of ``<c>``
    a grid whose header repeats on every page, plus empty rows to fill in;
``<checklist kind=>`` of ``<item>``
    items flowed into the columns of that table kind;
``<question number=>``
    a numbered question;
``<box title=>`` of ``<item>``
    a framed list under a shaded title (reminders from the references);
``<keep>``
    its blocks kept together on one page (a question and its answer lines);
``<chart title= unit=>`` of ``<point day= value= label=>``
    a test's results over time as a small line chart (see ``layout/chart.py``);
``<bars title= axis=>`` of ``<bar label= value=>``
    counts (attacks per month) as a small bar chart (see ``layout/chart.py``);
``<lines count=>`` or ``<lines fill="page"/>``
    ruled lines for handwriting.

The templates are trusted, the values in them are not: every value arrives
already escaped by the Jinja environment, so parsing here never sees user markup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from prepkit.layout.ink import BLACK, grey
from prepkit.layout.long_table import PagedTable
from prepkit.layout.paragraph import Paragraph, line_paragraphs
from prepkit.layout.styles import StyleSheet
from prepkit.layout.units import MM


class RuledLines(Flowable):  # type: ignore[misc]
    """Lines to write on: a fixed number, or as many as fit in the rest of the page."""

    def __init__(self, sheet: StyleSheet, count: int | None) -> None:
        super().__init__()
        self.spec = sheet.ruled_lines
        self.count = count
        self._drawn = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        spacing = self.spec.spacing * MM
        count = self.count if self.count is not None else max(int(avail_height // spacing), 1)
        self._drawn = count
        self.width = avail_width
        self.height = count * spacing
        return self.width, self.height

    def draw(self) -> None:
        spacing = self.spec.spacing * MM
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(grey(self.spec.colour))
        canvas.setLineWidth(self.spec.width_pt)
        for i in range(self._drawn):
            y = self.height - (i + 1) * spacing
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


class Heading(Paragraph):
    """A section heading that marks where it is drawn, for the document's bookmarks.

    The destination is recorded when the heading is drawn, not when it is laid
    out, so the bookmark opens the page the heading is on, at its top edge.
    """

    def __init__(self, text: str, style: ParagraphStyle, key: str, title: str) -> None:
        super().__init__(text, style)
        self.outline_key = key
        self.outline_title = title

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        left, top = canvas.absolutePosition(0, self.height)
        # /XYZ with a null zoom: open at the heading, keeping the reader's zoom.
        canvas.bookmarkPage(self.outline_key, fit="XYZ", left=left, top=top, zoom=None)
        canvas.addOutlineEntry(self.outline_title, self.outline_key, level=0, closed=False)


class BlockBuilder:
    """Builds flowables for one document, with its styles and the text width."""

    def __init__(
        self,
        sheet: StyleSheet,
        text_width: float,
        scale: float = 1.0,
        min_size_pt: float = 0.0,
        keep_lines: int = 3,
    ) -> None:
        self.sheet = sheet
        self.text_width = text_width
        # A table row split across pages keeps at least this many lines on each side.
        self.keep_lines = keep_lines
        # Shrinking (the wallet card): every style's size times ``scale``, but never
        # under ``min_size_pt``.
        self.scale = scale
        self.min_size_pt = min_size_pt
        self._styles: dict[str, ParagraphStyle] = {}

    def style(self, role: str) -> ParagraphStyle:
        if role not in self._styles:
            spec = self.sheet.paragraphs[role]
            size = round(max(spec.size_pt * self.scale, self.min_size_pt), 2)
            factor = size / spec.size_pt
            self._styles[role] = ParagraphStyle(
                role,
                fontName=self.sheet.font_name(spec.font),
                fontSize=size,
                leading=spec.leading_pt * factor,
                spaceBefore=spec.space_before_pt * factor,
                spaceAfter=spec.space_after_pt * factor,
                leftIndent=spec.hanging_em * size,
                firstLineIndent=-spec.hanging_em * size,
                textColor=BLACK,
            )
        return self._styles[role]

    def paragraph(self, element: ET.Element, role: str) -> list[Paragraph]:
        return line_paragraphs(inner_markup(element), self.style(role))

    def build(self, root: ET.Element) -> list[Flowable]:
        flowables: list[Flowable] = []
        for element in root:
            flowables.extend(self.block(element))
        return flowables

    def block(self, element: ET.Element) -> list[Flowable]:
        tag = element.tag
        if tag in ("title", "subtitle", "hint"):
            return list(self.paragraph(element, tag))
        if tag == "p":
            lines = self.paragraph(element, element.get("style", "body"))
            for line in lines:
                line.prepkit_section = element.get("section", "")
            return list(lines)
        if tag == "subhead":
            room = CondPageBreak(self.sheet.section_min_space / 2 * MM)
            gap = Spacer(1, self.style("label").leading * 0.6)  # apart from the block above
            return [room, gap, *self.paragraph(element, "label")]
        if tag == "section":
            return self.section(element)
        if tag == "fields":
            return [self.fields(element)]
        if tag == "table":
            return [self.table(element)]
        if tag == "checklist":
            return [self.checklist(element)]
        if tag == "question":
            return list(self.question(element))
        if tag == "box":
            return [Spacer(1, self.sheet.ruled_lines.spacing * MM / 2), self.box(element)]
        if tag == "keep":
            return [KeepTogether(self.build(element))]
        if tag in ("chart", "bars"):
            chart = self.chart(element) if tag == "chart" else self.bars(element)
            gap = self.sheet.ruled_lines.spacing * MM / 2
            return [Spacer(1, gap), chart, Spacer(1, gap)]
        if tag == "lines":
            fill = element.get("fill") == "page"
            return [RuledLines(self.sheet, None if fill else int(element.get("count", "3")))]
        raise ValueError(f"template uses unknown element <{tag}>")

    def section(self, element: ET.Element) -> list[Flowable]:
        key = element.get("id", "")
        title = element.get("title", "")
        heading = Heading(_escape(title), self.style("heading"), key, title)
        before: list[Flowable] = (
            [PageBreak()]
            if element.get("break-before") == "yes"
            else [CondPageBreak(self.sheet.section_min_space * MM)]
        )
        # Keep the heading, its hints and the first real block together, so neither a
        # heading nor an explanation is left at the foot of a page without its content.
        # A table may split across pages instead: the section only starts on a new page
        # when less than section_min_space is left (the CondPageBreak above).
        kinds = [child.tag for child in element]
        lead = next((i for i, tag in enumerate(kinds) if tag != "hint"), len(kinds))
        if lead < len(kinds) and kinds[lead] != "table":
            lead += 1
        children = [self.block(child) for child in element]
        kept = [heading, *(f for group in children[:lead] for f in group)]
        # Later short fields blocks are kept whole too; never inside the KeepTogether
        # above: ReportLab moves a KeepTogether nested in another to the next page
        # even when it fits.
        rest = [
            [self.kept_if_short(f) if child.tag == "fields" else f for f in group]
            for child, group in zip(list(element)[lead:], children[lead:], strict=True)
        ]
        return [*before, KeepTogether(kept), *(f for group in rest for f in group)]

    def _table_style(self, header: bool) -> list[tuple[Any, ...]]:
        spec = self.sheet.table
        pad = spec.padding_pt
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TEXTCOLOR", (0, 0), (-1, -1), BLACK),  # else RGB black, set before each cell
            # Cells hold paragraphs with their own fonts; without this the table
            # would still name its default Helvetica on the page.
            ("FONTNAME", (0, 0), (-1, -1), self.sheet.font_name("body")),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]
        if header:
            commands += [
                ("GRID", (0, 0), (-1, -1), spec.grid_pt, BLACK),
                ("BACKGROUND", (0, 0), (-1, 0), grey(spec.header_fill)),
            ]
        return commands

    def kept_if_short(self, table: Flowable) -> Flowable:
        """A block no taller than a section's least room moves whole to the next page:
        the emergency number alone at the top of a page, away from its contact, was
        found on a real worksheet. A taller one may split (a page of notes)."""
        _, height = table.wrap(self.text_width, self.sheet.section_min_space * MM * 10)
        if height <= self.sheet.section_min_space * MM:
            return KeepTogether([table])
        return table

    def fields(self, element: ET.Element) -> Table:
        rows = []
        commands = self._table_style(header=False)
        label_style, value_style = self.style("label"), self.style("body")
        for i, item in enumerate(element.findall("field")):
            value = inner_markup(item).strip()
            # An empty value still needs room for a pen: one ruled-line height.
            shown: list[Paragraph] | Flowable = (
                line_paragraphs(value, value_style)
                if value
                else Spacer(1, self.sheet.ruled_lines.spacing * MM)
            )
            rows.append([Paragraph(_escape(item.get("label", "")), label_style), shown])
            if not value:
                commands.append(
                    (
                        "LINEBELOW",
                        (1, i),
                        (1, i),
                        self.sheet.ruled_lines.width_pt,
                        grey(self.sheet.ruled_lines.colour),
                    )
                )
        widths = self.sheet.column_widths(element.get("kind", "fields"), self.text_width)
        table = Table(
            rows,
            colWidths=widths,
            hAlign="LEFT",
            splitInRow=max(1, int(self.keep_lines * value_style.leading)),
        )
        table.setStyle(TableStyle(commands))
        return table

    def chart(self, element: ET.Element) -> Flowable:
        from prepkit.layout.chart import results_chart

        cell = self.style("cell")
        points = [
            (int(p.get("day", "0")), float(p.get("value", "0")), p.get("label", ""))
            for p in element.findall("point")
        ]
        return results_chart(
            element.get("title", ""),
            element.get("unit", ""),
            points,
            width=self.text_width * self.sheet.chart.width_share,
            spec=self.sheet.chart,
            font=cell.fontName,
            size=cell.fontSize,
        )

    def bars(self, element: ET.Element) -> Flowable:
        from prepkit.layout.chart import count_chart

        cell = self.style("cell")
        return count_chart(
            element.get("title", ""),
            element.get("axis", ""),
            [
                (b.get("label", ""), int(value) if (value := b.get("value", "")) else None)
                for b in element.findall("bar")
            ],
            width=self.text_width,  # twelve months need the room, in large print most
            spec=self.sheet.chart,
            font=cell.fontName,
            size=cell.fontSize,
        )

    def table(self, element: ET.Element) -> Flowable:
        cell, head = self.style("cell"), self.style("cell_head")
        kind = element.get("kind", "")
        headings = [inner_markup(c) for c in element.findall("head/c")]
        bodies = [[inner_markup(c) for c in row.findall("c")] for row in element.findall("row")]
        plan = self.sheet.column_plans.get(kind)
        if plan is not None:  # large print: fewer, wider columns (see styles.yaml)
            bodies = [plan.columns(cells, headings) for cells in bodies]
            headings = plan.headings(headings)
        header = [Paragraph(markup, head) for markup in headings]
        rows: list[list[Any]] = [header]
        rows += [[line_paragraphs(markup, cell) for markup in cells] for cells in bodies]
        blank = int(element.get("blank-rows", "0"))
        rows += [[""] * len(header) for _ in range(blank)]
        widths = self.sheet.column_widths(kind, self.text_width)
        if len(widths) != len(header):
            raise ValueError(
                f"table kind {kind!r} has {len(widths)} widths for {len(header)} columns"
            )
        heights: list[float | None] = [None] * (len(rows) - blank)
        heights += [self.sheet.table.blank_row_height * MM] * blank
        style = TableStyle(self._table_style(header=True))
        split_in_row = max(1, int(self.keep_lines * cell.leading))

        def make(rows: list[list[Any]], heights: list[float | None]) -> Table:
            # A row taller than what is left of a page (a long note) splits across
            # pages, as long as at least a few lines of it stay together.
            table = Table(
                rows,
                colWidths=widths,
                rowHeights=heights,
                repeatRows=1,
                hAlign="LEFT",
                splitInRow=split_in_row,
            )
            table.setStyle(style)
            return table

        return PagedTable(make, rows, heights)

    def checklist(self, element: ET.Element) -> Table:
        widths = self.sheet.column_widths(element.get("kind", "checklist"), self.text_width)
        columns = len(widths)
        items = [Paragraph(inner_markup(i), self.style("body")) for i in element.findall("item")]
        per_column = -(-len(items) // columns)
        # Fill column by column so the list reads top to bottom, like a paper form.
        grid = [
            [
                items[c * per_column + r] if c * per_column + r < len(items) else ""
                for c in range(columns)
            ]
            for r in range(per_column)
        ]
        table = Table(grid, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle(self._table_style(header=False)))
        return table

    def box(self, element: ET.Element) -> Table:
        spec = self.sheet.table
        rows = [[Paragraph(_escape(element.get("title", "")), self.style("cell_head"))]]
        rows += [[Paragraph(inner_markup(i), self.style("body"))] for i in element.findall("item")]
        table = Table(rows, colWidths=[self.text_width], hAlign="LEFT", repeatRows=1)
        commands = self._table_style(header=False)
        commands += [
            ("BOX", (0, 0), (-1, -1), spec.grid_pt, BLACK),
            ("BACKGROUND", (0, 0), (-1, 0), grey(spec.header_fill)),
        ]
        table.setStyle(TableStyle(commands))
        return table

    def question(self, element: ET.Element) -> list[Paragraph]:
        number = element.get("number", "")
        text = inner_markup(element).strip() or "_" * 60
        return line_paragraphs(f"{_escape(number)}. {text}", self.style("question"))


def inner_markup(element: ET.Element) -> str:
    """The element's content as ReportLab paragraph markup, escaped once for it."""
    parts = [_escape(element.text or "")]
    parts += [ET.tostring(child, encoding="unicode") for child in element]
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse_blocks(xml_text: str) -> ET.Element:
    return ET.fromstring(xml_text)
