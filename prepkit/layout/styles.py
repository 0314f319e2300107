"""Layout as data: page setups, fonts by role and paragraph styles from ``styles.yaml``.

Code asks for a role ("body", "heading") or a table kind ("symptoms"), never a
font file or a size, so a large-print variant is a second set of numbers, not a
second set of code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import msgspec
from msgspec import Struct
from msgspec.structs import replace

from prepkit.core.resources import resource_dir
from prepkit.layout.units import MM

STYLES_FILE = Path(__file__).with_name("styles.yaml")


class _Layout(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    pass


class PageSize(_Layout, frozen=True):
    width: float
    height: float


class Margins(_Layout, frozen=True):
    top: float
    bottom: float
    left: float
    right: float


class ParagraphSpec(_Layout, frozen=True):
    font: str
    size_pt: float
    leading_pt: float
    space_before_pt: float = 0
    space_after_pt: float = 0
    # Lines after the first start this many ems in: a bulleted entry that wraps
    # lines up under its text, not under the bullet.
    hanging_em: float = 0


class TableSpec(_Layout, frozen=True):
    padding_pt: float
    blank_row_height: float
    grid_pt: float
    header_fill: str


class ChartSpec(_Layout, frozen=True):
    height: float
    # The label size ``height`` is drawn for: larger labels (large print) get a chart
    # taller in proportion, so the plot is not squeezed between them.
    text_pt: float
    width_share: float
    line_pt: float
    marker: float
    grid_pt: float
    grid_colour: str

    def height_pt(self, text_pt: float) -> float:
        return self.height * MM * max(1.0, text_pt / self.text_pt)


class RuledLinesSpec(_Layout, frozen=True):
    spacing: float
    width_pt: float
    colour: str


class ColumnPlan(_Layout, frozen=True):
    """How a table's columns change in large print: dropped, or stacked into one."""

    shares: tuple[float, ...]
    drop: tuple[int, ...] = ()
    stack: tuple[int, int] | None = None  # first and last column stacked, inclusive
    stack_heading: str = ""
    # Stacked cells read "heading: words" (a diary's symptoms) rather than "☒ heading"
    # (a ticked status); an empty cell is then left out.
    label_first: bool = False

    def columns(self, cells: list[str], headings: list[str]) -> list[str]:
        """``cells`` of one row (markup) as large print lays them out."""
        if self.stack is not None:
            first, last = self.stack
            pairs = zip(cells[first : last + 1], headings[first : last + 1], strict=True)
            stacked = "<br />".join(
                f"{heading}: {cell}" if self.label_first else f"{cell} {heading}"
                for cell, heading in pairs
                if cell or not self.label_first
            )
            cells = [*cells[:first], stacked, *cells[last + 1 :]]
        return [cell for index, cell in enumerate(cells) if index not in self.drop]

    def headings(self, headings: list[str]) -> list[str]:
        if self.stack is not None:
            first, last = self.stack
            headings = [*headings[:first], self.stack_heading, *headings[last + 1 :]]
        return [cell for index, cell in enumerate(headings) if index not in self.drop]


class LargePrint(_Layout, frozen=True):
    scale: float
    min_size_pt: float
    margins: Margins
    footer_height: float
    section_min_space: float
    blank_row_height: float
    ruled_line_spacing: float
    tables: dict[str, ColumnPlan] = {}


class StyleSheet(_Layout, frozen=True):
    font_family: str
    font_files: dict[str, str]
    pages: dict[str, PageSize]
    margins: Margins
    footer_height: float
    section_min_space: float
    paragraphs: dict[str, ParagraphSpec]
    tables: dict[str, tuple[float, ...]]
    table: TableSpec
    ruled_lines: RuledLinesSpec
    chart: ChartSpec
    large_print: LargePrint
    language: str
    # The column plans in use: empty in standard print, large_print.tables when enlarged.
    column_plans: dict[str, ColumnPlan] = {}

    def enlarged(self) -> StyleSheet:
        """The large-print variant: bigger worksheet text, same wallet card."""
        big = self.large_print
        paragraphs = {}
        for name, spec in self.paragraphs.items():
            if name.startswith("card_"):
                paragraphs[name] = spec
                continue
            size = max(spec.size_pt * big.scale, big.min_size_pt)
            factor = size / spec.size_pt
            paragraphs[name] = replace(
                spec,
                size_pt=size,
                leading_pt=spec.leading_pt * factor,
                space_before_pt=spec.space_before_pt * factor,
                space_after_pt=spec.space_after_pt * factor,
            )
        return replace(
            self,
            paragraphs=paragraphs,
            margins=big.margins,
            footer_height=big.footer_height,
            section_min_space=big.section_min_space,
            table=replace(self.table, blank_row_height=big.blank_row_height),
            ruled_lines=replace(self.ruled_lines, spacing=big.ruled_line_spacing),
            tables={**self.tables, **{kind: plan.shares for kind, plan in big.tables.items()}},
            column_plans=big.tables,
        )

    def font_name(self, role: str) -> str:
        """The registered ReportLab font name for a role such as ``bold``."""
        if role not in self.font_files:
            raise KeyError(f"no font for role {role!r}")
        return self.font_family if role == "body" else f"{self.font_family}-{role}"

    def font_path(self, role: str) -> Path:
        return resource_dir("fonts") / self.font_files[role]

    def page_size_pt(self, paper: str) -> tuple[float, float]:
        page = self.pages[paper]
        return page.width * MM, page.height * MM

    def text_width(self, paper: str) -> float:
        """The width between the side margins of a ``paper`` page, in points."""
        return self.page_size_pt(paper)[0] - (self.margins.left + self.margins.right) * MM

    def column_widths(self, kind: str, text_width: float) -> list[float]:
        return [share * text_width for share in self.tables[kind]]


def _check(sheet: StyleSheet) -> StyleSheet:
    for kind, shares in sheet.tables.items():
        if abs(sum(shares) - 1.0) > 0.001:
            raise ValueError(f"styles.yaml: table {kind!r} column shares add up to {sum(shares)}")
    for name, spec in sheet.paragraphs.items():
        sheet.font_name(spec.font)  # raises for an unknown role
        if spec.leading_pt < spec.size_pt:
            raise ValueError(f"styles.yaml: paragraph {name!r} leading is smaller than its size")
    for role in ("body", "bold", "italic"):
        if role not in sheet.font_files:
            raise ValueError(f"styles.yaml: font role {role!r} has no file")
    return sheet


@cache
def load_styles(large_print: bool = False) -> StyleSheet:
    """The bundled style sheet (or its large-print variant), read and checked once."""
    if large_print:
        return _check(load_styles().enlarged())
    return _parse(STYLES_FILE.read_text(encoding="utf-8"))  # not cached: see load_catalog


def _parse(text: str) -> StyleSheet:
    from prepkit.core.yaml_loaders import load_data

    data: Any = load_data(text)
    return _check(msgspec.convert(data, StyleSheet))
