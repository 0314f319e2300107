"""Nothing on the worksheet that nobody said: every word is the patient's, the catalog's
or a fixed label listed in tests/fixed_labels.py.

The worksheet is read by the patient and handed to a specialist, so a sentence added
to a worksheet template fails here until a reviewer lists it as a label (or, if it
says anything clinical, moves it into the catalog with its source). Unlike the
card, the worksheet may print any catalog item (the suggested questions, the
treatments, every symptom to tick), and counts it makes itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepkit.content.catalog import load_catalog
from prepkit.content.rules import read_profile, to_profile
from prepkit.documents.render import render_worksheet
from prepkit.profile.convert import profile_data
from tests.conftest import EXAMPLE
from tests.fixed_labels import WORKSHEET_LABELS, left_over
from tests.pdf_tools import fold, page_texts
from tests.responders import responder_patient
from tests.test_wizard_property import strings_in
from tests.two_visits import first_visit, second_visit


def _catalog_words() -> list[str]:
    catalog = load_catalog()
    found = [catalog.attribution, *(area.name for area in catalog.body_areas)]
    for _, item in catalog.all_items():
        found += [getattr(item, field, "") for field in ("name", "summary", "text")]
    return [fold(text) for text in found if text]


def _with_diary(data: dict[str, Any]) -> dict[str, Any]:
    return data | {
        "attack_diary": [
            {
                "date": "2026-05-01",
                "time": "14:30",
                "symptoms": ["flushing", "a tight throat"],
                "triggers": ["heat"],
                "severity": 6,
                "lasted": "2 hours",
                "took": ["cetirizine"],
                "epinephrine": True,
                "emergency_visit": True,
                "note": "at work",
            },
            {"date": "2026-11-01"},
        ]
    }


def _cases() -> list[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    first = first_visit()
    cases: list[tuple[str, dict[str, Any], dict[str, Any] | None]] = [
        ("blank", {"schema_version": 1}, None),
        ("example", profile_data(read_profile(EXAMPLE)), None),
        ("suspected", {"schema_version": 1, "diagnosis": {"type": "suspected"}}, None),
        ("follow-up with a diary", _with_diary(second_visit(first)), first),
    ]
    cases += [(f"patient {seed}", responder_patient(seed), None) for seed in range(0, 200, 25)]
    return cases


@pytest.mark.parametrize("large_print", [False, True], ids=["standard", "large print"])
@pytest.mark.parametrize(
    ("name", "data", "before"), _cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_worksheet_holds_only_the_patients_words_the_catalogs_and_fixed_labels(
    name: str, data: dict[str, Any], before: dict[str, Any] | None, large_print: bool
) -> None:
    previous = to_profile(before) if before else None
    pdf = render_worksheet(
        to_profile(data),
        large_print=large_print,
        previous=previous,
        previous_date=dt.date(2026, 3, 10) if previous else None,
    )
    said = [fold(text) for text in strings_in([data, before]) if text.strip()]
    text = " ".join(fold(page) for page in page_texts(pdf))
    assert left_over(text, said + _catalog_words(), WORKSHEET_LABELS, numbers=True) == [], name


def test_a_sentence_added_to_a_worksheet_is_caught() -> None:
    """Planted: advice after the notes hint, as if a template had grown a line."""
    hint = "During the visit: next steps, new tests, medicine changes, when to come back."
    assert left_over(f"Notes {hint}", [], WORKSHEET_LABELS) == []
    planted = f"Notes {hint} Take two antihistamines before the visit."
    assert left_over(planted, [], WORKSHEET_LABELS) == [
        "Take",
        "two",
        "antihistamines",
        "the",
        "visit",
    ]
