"""Readable by everyone: large print, PDF basics for screen readers, nothing overlaps or clips."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import msgspec
import pdfplumber
import pytest

from prepkit.content.rules import to_profile
from prepkit.documents.render import blank_profile, render_card, render_worksheet
from prepkit.layout.styles import load_styles
from prepkit.profile.schema import Profile
from tests.pdf_tools import MM, page_sizes, reader

SECTION_TITLES = [
    "About me and my diagnosis",
    "My symptoms, in the order they started",
    "How my symptoms affect daily life",
    "Attacks and emergencies",
    "Triggers I have noticed",
    "Medications I take now",
    "Medications and substances I avoid",
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


def long_name() -> Profile:
    """A name at the 200-character limit, in wide letters, on pages filled to the foot.

    Found by red-team (#15 item 15): the footer, which carries the name, grew over
    the body text.
    """
    profile = hundred_medications()
    return msgspec.structs.replace(
        profile,
        patient=msgspec.structs.replace(profile.patient, name="W" * 200),
        medications=profile.medications[:30],
    )


NAMES = [
    f"{name}{suffix}"
    for suffix in ("", " large")
    for name in ("example", "blank", "100 medications", "long name")
]
LARGE = [name for name in NAMES if name.endswith(" large")]


@pytest.fixture(scope="session")
def worksheets(example_profile: Profile) -> dict[str, bytes]:
    """Each worksheet the tests below read, rendered once for the session (not at import)."""
    profiles = {
        "example": example_profile,
        "blank": blank_profile(),
        "100 medications": hundred_medications(),
        "long name": long_name(),
    }
    return {
        f"{name}{' large' if large else ''}": render_worksheet(profile, large_print=large)
        for large in (False, True)
        for name, profile in profiles.items()
    }


def pages(pdf: bytes) -> list[Any]:
    return list(pdfplumber.open(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("name", NAMES)
def test_no_text_outside_the_margins_and_no_overlapping_words(
    name: str, worksheets: dict[str, bytes]
) -> None:
    pdf = worksheets[name]
    sheet = load_styles(name in LARGE)
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


@pytest.mark.parametrize("name", LARGE)
def test_large_print_has_no_text_under_14_pt(name: str, worksheets: dict[str, bytes]) -> None:
    sizes = [char["size"] for page in pages(worksheets[name]) for char in page.chars]
    assert min(sizes) + 1e-6 >= 14, name


def test_large_print_card_keeps_its_exact_size(tmp_path: Path) -> None:
    """--large-print enlarges the worksheet only: the card pages are the same bytes."""
    from click.testing import CliRunner

    from prepkit.cli import main

    cards = []
    for folder, extra in (("standard", []), ("large", ["--large-print"])):
        result = CliRunner().invoke(
            main, ["example", "-o", str(tmp_path / folder), "--card-layout", "page", *extra]
        )
        assert result.exit_code == 0, result.output
        cards.append((tmp_path / folder / "example-wallet-card.pdf").read_bytes())
    assert cards[0] == cards[1]
    sizes = [size for page in page_sizes(cards[1]) for size in page]
    assert sizes == pytest.approx([85.6 * MM, 53.98 * MM] * 2)
    worksheets = [
        (tmp_path / f / "example-worksheet.pdf").read_bytes() for f in ("standard", "large")
    ]
    assert len(reader(worksheets[1]).pages) > len(reader(worksheets[0]).pages)


@pytest.mark.parametrize("name", NAMES)
def test_language_title_and_one_bookmark_per_section(
    name: str, worksheets: dict[str, bytes]
) -> None:
    document = reader(worksheets[name])
    root: Any = document.trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert str(root["/ViewerPreferences"]["/DisplayDocTitle"]).lower() == "true"
    assert document.metadata is not None and document.metadata.title == (
        "Visit preparation worksheet"
    )
    assert [entry.title for entry in document.outline] == SECTION_TITLES  # type: ignore[union-attr]


def test_card_declares_language_and_title(example_profile: Profile) -> None:
    document = reader(render_card(example_profile).pdf)
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


# Colour does not depend on how long the lists are: the example and the blank form.
@pytest.mark.parametrize("name", ["example", "example large", "blank", "blank large"])
def test_all_text_is_black(name: str, worksheets: dict[str, bytes]) -> None:
    chars = [char for page in pages(worksheets[name]) for char in page.chars]
    assert chars
    colours = {str(char["non_stroking_color"]) for char in chars}
    assert colours <= {
        "(0,)",
        "(0, 0, 0)",
        "(0.0, 0.0, 0.0)",
        "None",
        "0",
        "[0]",
        "(0.0,)",
        "[0, 0, 0]",
        "(0, 0, 0, 1)",  # black ink alone (K-only CMYK), as every prepkit document prints
        "(0.0, 0.0, 0.0, 1.0)",
    }, colours


def test_wizard_prints_in_large_print(tmp_path: Path) -> None:
    from prepkit.cli.wizard import wizard_then_build
    from prepkit.documents.options import Options
    from tests.scripted import ScriptedPrompter
    from tests.test_wizard import FIRST_RUN_SCRIPT

    options = Options(output_dir=tmp_path, large_print=True)
    _, outcome = wizard_then_build(tmp_path / "p.yaml", ScriptedPrompter(FIRST_RUN_SCRIPT), options)
    assert tmp_path / "worksheet.pdf" in outcome.written
    pdf = (tmp_path / "worksheet.pdf").read_bytes()
    assert min(c["size"] for page in pages(pdf) for c in page.chars) + 1e-6 >= 14


def test_large_print_chooses_its_columns_in_the_layout_not_the_templates() -> None:
    """Each table is written once; large print drops or stacks columns (styles.yaml)."""
    from prepkit.layout.styles import load_styles

    plans = load_styles(large_print=True).column_plans
    assert load_styles().column_plans == {}
    headings = ["Test", "Have result", "Will bring", "Not done", "Don't know", "Date", "Value"]
    tests = plans["tests"]
    assert tests.headings(headings) == ["Test", "Status", "Date", "Value"]
    assert tests.columns(["Tryptase", "☒", "☐", "☐", "☐", "2026-03", "35"], headings) == [
        "Tryptase",
        "☒ Have result<br />☐ Will bring<br />☐ Not done<br />☐ Don't know",
        "2026-03",
        "35",
    ]
    assert plans["symptoms"].headings(["Symptom", "Body area", "First noticed"]) == [
        "Symptom",
        "First noticed",
    ]
    for name in ("symptoms.xml.j2", "tests.xml.j2"):
        template = (Path(__file__).parents[1] / "templates" / "worksheet" / name).read_text()
        assert "large_print" not in template and template.count("<table") == 1
