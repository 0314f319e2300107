"""Regenerate the README's pictures from the example, with PDFium (pypdfium2, a test extra).

.venv/bin/python docs/pictures.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

DOCS = Path(__file__).parent
sys.path.insert(0, str(DOCS.parent))
PINNED = "1795219200"  # 21 November 2026, as in the tests


def first_page(pdf: Path, dpi: int) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    try:
        image: Image.Image = document[0].render(scale=dpi / 72).to_pil()
        return image
    finally:
        document.close()


def main() -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED}
    with tempfile.TemporaryDirectory() as work:
        standard, large = Path(work, "standard"), Path(work, "large")
        for folder, extra in ((standard, []), (large, ["--large-print"])):
            command = [sys.executable, "-m", "prepkit", "example", "-o", str(folder), *extra]
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        worksheet = standard / "example-worksheet.pdf"
        large_worksheet = large / "example-worksheet.pdf"
        first_page(worksheet, 80).save(DOCS / "worksheet-page1.png")
        first_page(worksheet, 60).save(DOCS / "worksheet-page1-standard.png")
        first_page(large_worksheet, 60).save(DOCS / "worksheet-page1-large.png")
        card = first_page(standard / "example-wallet-card.pdf", 100)
        card.crop((40, 30, 40 + 780, 30 + 450)).save(DOCS / "wallet-card.png")

        # A patient with long lists (the tests' own), whose card folds out into 4 panels.
        from prepkit.wizard.profile_files import save_profile
        from tests.realistic import card_patient

        profile = save_profile(Path(work, "long-lists.yaml"), card_patient(4))
        command = [sys.executable, "-m", "prepkit", "build", str(profile), "-o", work]
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        fold_out = first_page(Path(work, "wallet-card.pdf"), 100)
        fold_out.crop((40, 30, 40 + 780, 30 + 690)).save(DOCS / "wallet-card-fold-out.png")

        # The front a responder reads: a patient with seven drugs not to give (#29).
        seven = card_patient(2)
        seven["diagnosis"] = {"type": "indolent"}
        seven["avoid"] = [
            {"name": "Aspirin", "reaction": "wheezing"},
            {"name": "Ibuprofen", "reaction": "hives and throat tightness"},
            {"name": "Morphine", "reaction": "flushing and low blood pressure"},
            {"name": "Codeine", "reaction": ""},
            {"name": "Vancomycin", "reaction": ""},
            {"name": "Iodinated contrast dye", "reaction": "collapse"},
            {"name": "Tylenol #3 (with codeine)", "reaction": ""},
        ]
        profile = save_profile(Path(work, "seven.yaml"), seven)
        front = Path(work, "front")
        command = [sys.executable, "-m", "prepkit", "build", str(profile), "-o", str(front)]
        subprocess.run(
            [*command, "--card-layout", "page"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        first_page(front / "wallet-card.pdf", 150).save(DOCS / "wallet-card-front.png")

        # A follow-up: what changed since the last visit, and tryptase over time.
        os.environ["SOURCE_DATE_EPOCH"] = PINNED
        from tests.test_golden import follow_up_worksheet

        pdf = Path(work, "follow-up.pdf")
        pdf.write_bytes(follow_up_worksheet())
        document = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                text = page.get_textpage().get_text_range()
                image = page.render(scale=80 / 72).to_pil()
                if "Since my last visit" in text:  # the section, on page 1
                    image.crop((30, 470, image.width - 30, 820)).save(DOCS / "since-last-visit.png")
                if "results over time" in text:
                    image.save(DOCS / "results-chart-page.png")
        finally:
            document.close()

        # A patient who keeps an attack diary: the chart and the counts under the table.
        from prepkit.content.rules import read_profile
        from prepkit.documents.render import render_worksheet
        from tests.test_golden import with_diary

        example = read_profile(standard / "example-profile.yaml")
        pdf.write_bytes(render_worksheet(with_diary(example)))
        document = pdfium.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = document[index]
                if "Attacks per month" in page.get_textpage().get_text_range():
                    image = page.render(scale=80 / 72).to_pil()
                    image.save(DOCS / "attack-diary-page.png")
        finally:
            document.close()


if __name__ == "__main__":
    main()
