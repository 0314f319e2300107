"""Open the PDFs prepkit writes and look inside: text, pages, pixels, structure.

Every tool here is a pip package nobody on this project wrote (pypdf for text,
pypdfium2 for pixels, pikepdf for structure), so the suite needs no system tools.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from pypdf import PdfReader

if TYPE_CHECKING:
    from PIL import Image

MM = 72 / 25.4


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def flat_text(pdf: bytes) -> str:
    """All text, whitespace folded, so a value wrapped inside a table cell still matches."""
    return fold(" ".join(page_texts(pdf)))


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(pdf).pages]


def render_pages(pdf: bytes, dpi: float) -> list[Image.Image]:
    """Every page as a greyscale image, drawn by PDFium (Chrome's PDF renderer)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [
            page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in document
        ]
    finally:
        document.close()


def ink(image: Image.Image) -> float:
    """Share of a rendered page's pixels that are not white."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:200]) / sum(histogram)


def structure_problems(pdf: bytes) -> list[str]:
    """What qpdf's checker (through pikepdf) finds wrong with the file's syntax."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as document:
        return list(document.check_pdf_syntax())
