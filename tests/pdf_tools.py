"""Open the PDFs prepkit writes and look inside: text, pages, pixels."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

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


def require_tool(name: str) -> str:
    """The path of a command-line tool the test needs; a missing one fails, never skips."""
    found = shutil.which(name)
    assert found, f"{name} is not installed (Debian: poppler-utils / qpdf); .ci/run installs it"
    return found


def ink_fraction(pdf_path: Path, page: int, tmp_path: Path) -> float:
    """Share of a page's pixels that are not white, from a greyscale render by pdftoppm."""
    pdftoppm = require_tool("pdftoppm")
    stem = tmp_path / f"render-{page}"
    subprocess.run(
        [
            pdftoppm,
            "-gray",
            "-r",
            "30",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf_path),
            str(stem),
        ],
        check=True,
    )
    data = stem.with_suffix(".pgm").read_bytes()
    # Binary PGM: "P5\n<width> <height>\n<maxval>\n" then one byte per pixel.
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert header, "pdftoppm did not write a PGM image"
    width, height = int(header[1]), int(header[2])
    pixels = data[header.end() : header.end() + width * height]
    assert len(pixels) == width * height
    return sum(1 for value in pixels if value < 200) / len(pixels)
