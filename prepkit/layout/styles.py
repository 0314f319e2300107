"""Layout as data: page setups, fonts by role and paragraph styles from ``styles.yaml``.

Code asks for a role ("body", "heading") or a table kind ("symptoms"), never a
font file or a size, so a large-print variant is a second set of numbers, not a
second set of code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from prepkit.resources import resource_dir
from prepkit.yaml_loaders import load_data

STYLES_FILE = Path(__file__).with_name("styles.yaml")
MM = 72 / 25.4  # points per millimetre


class PageSize(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    width: float
    height: float


class Margins(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    top: float
    bottom: float
    left: float
    right: float


class ParagraphSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    font: str
    size_pt: float
    leading_pt: float
    space_before_pt: float = 0
    space_after_pt: float = 0


class TableSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    padding_pt: float
    blank_row_height: float
    grid_pt: float
    header_fill: str


class RuledLinesSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    spacing: float
    width_pt: float
    colour: str


class StyleSheet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    font_family: str
    font_files: dict[str, str]
    pages: dict[str, PageSize]
    margins: Margins
    footer_height: float
    paragraphs: dict[str, ParagraphSpec]
    tables: dict[str, tuple[float, ...]]
    table: TableSpec
    ruled_lines: RuledLinesSpec

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
    for role in ("body", "bold", "italic", "bold_italic"):
        if role not in sheet.font_files:
            raise ValueError(f"styles.yaml: font role {role!r} has no file")
    return sheet


@cache
def load_styles() -> StyleSheet:
    """The bundled style sheet, read and checked once per process."""
    data: Any = load_data(STYLES_FILE.read_text(encoding="utf-8"))
    return _check(StyleSheet.model_validate(data))
