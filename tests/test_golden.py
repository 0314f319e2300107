"""Golden images: any change to how the example looks is seen and approved on purpose.

The example worksheet and wallet card are rendered to greyscale PNG pages by
PDFium (pypdfium2) and compared with the references in tests/golden/. After an intended
layout change, look at the new pages, then regenerate the references with:

    PREPKIT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from prepkit.documents.render import render_card, render_worksheet
from prepkit.profile.schema import Profile
from tests.pdf_tools import render_pages

GOLDEN = Path(__file__).with_name("golden")
RESOLUTION = 30  # dots per inch: enough to see any moved block, small enough to commit
UPDATE = os.environ.get("PREPKIT_UPDATE_GOLDEN") == "1"
CASES = {
    "worksheet-letter": lambda p: render_worksheet(p, paper="letter"),
    "worksheet-a4": lambda p: render_worksheet(p, paper="a4"),
    "worksheet-large": lambda p: render_worksheet(p, large_print=True),
    "card-letter": lambda p: render_card(p, paper="letter").pdf,
    "card-a4": lambda p: render_card(p, paper="a4").pdf,
    "card-pages": lambda p: render_card(p, layout="page").pdf,
    # A follow-up: "Since my last visit" on page 1, and a test's results charted.
    "worksheet-follow-up": lambda p: follow_up_worksheet(),
    # A patient who keeps an attack diary: its table, chart and trigger counts.
    "worksheet-diary-standard": lambda p: render_worksheet(with_diary(p)),
    "worksheet-diary-large": lambda p: render_worksheet(with_diary(p), large_print=True),
}


def with_diary(profile: Profile) -> Profile:
    from prepkit.content.rules import to_profile
    from prepkit.profile.convert import profile_data
    from tests.realistic import DIARY

    return to_profile({**profile_data(profile), "attack_diary": DIARY})


def follow_up_worksheet(*, large_print: bool = False) -> bytes:
    import datetime as dt

    from prepkit.content.rules import to_profile
    from tests.two_visits import first_visit, second_visit

    first = first_visit()
    return render_worksheet(
        to_profile(second_visit(first)),
        previous=to_profile(first),
        previous_date=dt.date(2026, 3, 10),
        large_print=large_print,
    )


def difference(expected: Image.Image, actual: Image.Image) -> tuple[float, float]:
    """Mean absolute difference (0-255) and the share of clearly different pixels."""
    diff = ImageChops.difference(expected.convert("L"), actual.convert("L"))
    histogram = diff.histogram()
    total = sum(histogram)
    mean = sum(value * count for value, count in enumerate(histogram)) / total
    clearly = sum(histogram[64:]) / total
    return mean, clearly


@pytest.mark.parametrize("case", sorted(CASES))
def test_rendered_pages_match_the_references(case: str, example_profile: Profile) -> None:
    pages = render_pages(CASES[case](example_profile), RESOLUTION)
    assert pages
    references = sorted(GOLDEN.glob(f"{case}-*.png"))
    if UPDATE:
        for old in references:
            old.unlink()
        GOLDEN.mkdir(exist_ok=True)
        for number, page in enumerate(pages, start=1):
            page.save(GOLDEN / f"{case}-{number:02d}.png", optimize=True)
        references = sorted(GOLDEN.glob(f"{case}-*.png"))
    assert len(references) == len(pages), (
        f"{case}: {len(pages)} pages rendered, {len(references)} references "
        "(see this file's docstring to regenerate)"
    )
    for reference, page in zip(references, pages, strict=True):
        expected, actual = Image.open(reference), page
        assert expected.size == actual.size, f"{reference.name}: page size changed"
        mean, clearly = difference(expected, actual)
        # Tight enough that one changed word in a label shows (about 0.02% of the
        # pixels, mean 0.03); a renderer's anti-aliasing changes stay under "clearly".
        assert mean < 0.25 and clearly < 0.0001, (
            f"{reference.name}: differs from the reference (mean {mean:.2f}, "
            f"{clearly:.2%} of pixels clearly different); see this file's docstring"
        )
