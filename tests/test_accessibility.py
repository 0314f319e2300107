"""Readable by everyone: large print, PDF basics for screen readers, nothing overlaps or clips."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest

from prepkit.layout.styles import load_styles
from prepkit.profile.convert import to_profile
from prepkit.profile.schema import Profile
from prepkit.render import blank_profile, render_card, render_worksheet
from tests.pdf_tools import MM, reader

SECTION_TITLES = [
    "About me and my diagnosis",
    "My symptoms, in the order they started",
    "How my symptoms affect daily life",
    "Attacks and emergencies",
    "Triggers I have noticed",
    "Medications I take now",
    "Medications and substances I must avoid",
    "Tests and records",
    "My care team and emergency contact",
    "My questions for the provider",
    "Notes",
]


def hundred_medications() -> Profile:
    return to_profile(
        {
            "schema_version": 1,
            "patient": {"name": "Alexandra Konstantinopoulou-Vandersteenhoven"},
            "medications": [
                {
                    "name": f"Medication number {i} with a long descriptive name",
                    "dose": "250 mg",
                    "how_often": "three times a day with food",
                    "what_for": "stomach pain and flushing",
                }
                for i in range(100)
            ],
        }
    )


def documents() -> list[tuple[str, bytes, bool]]:
    from prepkit.profile.loader import read_profile
    from tests.conftest import EXAMPLE

    example = read_profile(EXAMPLE)
    found = []
    for large in (False, True):
        for name, profile in (
            ("example", example),
            ("blank", blank_profile()),
            ("100 medications", hundred_medications()),
        ):
            found.append(
                (
                    f"{name}{' large' if large else ''}",
                    render_worksheet(profile, large_print=large),
                    large,
                )
            )
    return found


DOCUMENTS = documents()


def pages(pdf: bytes) -> list[Any]:
    return list(pdfplumber.open(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(("name", "pdf", "large"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_no_text_outside_the_margins_and_no_overlapping_words(
    name: str, pdf: bytes, large: bool
) -> None:
    sheet = load_styles(large)
    margins = sheet.margins
    for number, page in enumerate(pages(pdf), start=1):
        words = page.extract_words(keep_blank_chars=False, use_text_flow=True)
        assert words, f"{name}: page {number} has no text"
        for word in words:
            where = f"{name}: page {number}: {word['text']!r}"
            assert word["x0"] >= margins.left * MM - 0.5, where
            assert word["x1"] <= page.width - margins.right * MM + 0.5, where
            assert word["top"] >= margins.top * MM - 0.5, where
            assert word["bottom"] <= page.height - 6 * MM, where  # printers' safe edge
        ordered = sorted(words, key=lambda w: w["top"])
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                if second["top"] >= first["bottom"] - 0.5:
                    break
                overlap_x = min(first["x1"], second["x1"]) - max(first["x0"], second["x0"])
                overlap_y = min(first["bottom"], second["bottom"]) - max(
                    first["top"], second["top"]
                )
                assert overlap_x <= 0.5 or overlap_y <= 0.5, (
                    f"{name}: page {number}: {first['text']!r} overlaps {second['text']!r}"
                )


@pytest.mark.parametrize(
    ("name", "pdf", "large"), [d for d in DOCUMENTS if d[2]], ids=[d[0] for d in DOCUMENTS if d[2]]
)
def test_large_print_has_no_text_under_14_pt(name: str, pdf: bytes, large: bool) -> None:
    sizes = [char["size"] for page in pages(pdf) for char in page.chars]
    assert min(sizes) + 1e-6 >= 14, name


def test_large_print_card_keeps_its_exact_size(example_profile: Profile) -> None:
    # The card is not affected by --large-print: the same PDF either way.
    assert render_card(example_profile) == render_card(example_profile)


@pytest.mark.parametrize(("name", "pdf", "large"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_language_title_and_one_bookmark_per_section(name: str, pdf: bytes, large: bool) -> None:
    document = reader(pdf)
    root: Any = document.trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert str(root["/ViewerPreferences"]["/DisplayDocTitle"]).lower() == "true"
    assert document.metadata is not None and document.metadata.title == (
        "Visit preparation worksheet"
    )
    assert [entry.title for entry in document.outline] == SECTION_TITLES  # type: ignore[union-attr]


def test_card_declares_language_and_title(example_profile: Profile) -> None:
    document = reader(render_card(example_profile))
    root: Any = document.trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert document.metadata is not None and document.metadata.title == "Wallet card: medical alert"


def test_reading_order_is_headings_then_their_content(example_profile: Profile) -> None:
    text = " ".join(page.extract_text() for page in reader(render_worksheet(example_profile)).pages)
    position = 0
    for title in SECTION_TITLES:  # each heading comes after the one before it
        position = text.index(title, position) + len(title)
    # Table rows read left to right: the tryptase row's cells follow the test name.
    row = text[text.index("Tryptase blood test") :]
    assert row.index("2026-03") < row.index("35 ng/mL") < row.index("Complete blood count")


@pytest.mark.parametrize(("name", "pdf", "large"), DOCUMENTS[:1], ids=[DOCUMENTS[0][0]])
def test_all_text_is_black(name: str, pdf: bytes, large: bool) -> None:
    colours = {str(char["non_stroking_color"]) for page in pages(pdf) for char in page.chars}
    assert colours <= {
        "(0,)",
        "(0, 0, 0)",
        "(0.0, 0.0, 0.0)",
        "None",
        "0",
        "[0]",
        "(0.0,)",
        "[0, 0, 0]",
    }, colours


def test_wizard_prints_in_large_print(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from prepkit.cli import main
    from tests.test_wizard import FIRST_RUN

    result = CliRunner().invoke(
        main,
        ["wizard", str(tmp_path / "p.yaml"), "--large-print"],
        input="".join(f"{a}\n" for a in FIRST_RUN),
    )
    assert result.exit_code == 0, result.output
    pdf = (tmp_path / "worksheet.pdf").read_bytes()
    assert min(c["size"] for page in pages(pdf) for c in page.chars) + 1e-6 >= 14
