"""Nothing on the card that nobody said: every word is the patient's, the catalog's or a
fixed label listed in tests/fixed_labels.py.

A responder acts on the card, so a sentence added to a card template must be seen
by a reviewer: it fails this test until it is listed there (and, if it is
clinical, it belongs in the catalog's card group instead). The patient's words
and the catalog's card sentences are taken out of the card's text, longest
first; what is left must be fixed labels, blanks to write on, and punctuation.
"""

from __future__ import annotations

from typing import Any

import pytest

from prepkit.content.card import condition_line
from prepkit.content.catalog import load_catalog
from prepkit.content.environment import long_date
from prepkit.content.rules import to_profile
from prepkit.core.today import today
from prepkit.documents.render import render_card
from tests.conftest import EXAMPLE
from tests.fixed_labels import CARD_LABELS, left_over
from tests.pdf_tools import fold, page_texts
from tests.responders import responder_patient
from tests.test_wizard_property import strings_in

# The profile's fields the card prints; the rest (notes, questions, diary) never reach it.
CARD_FIELDS = (
    "patient",
    "avoid",
    "emergency_contact",
    "emergency_number",
    "weight",
    "emergency_steps",
    "emergency_steps_by",
    "medications",
    "care_team",
    "tests",
)


def _allowed(data: dict[str, Any]) -> list[str]:
    """The patient's words in the fields the card prints, and only the catalog's words
    that apply to them: a trigger they picked, the epinephrine sentence if they carry
    it, the risk line that goes with their diagnosis."""
    catalog = load_catalog()
    profile = to_profile(data)
    said = [fold(text) for key in CARD_FIELDS for text in strings_in(data.get(key)) if text.strip()]
    said += profile.triggers.own
    if profile.carries_epinephrine is not False and profile.epinephrine_kept:
        said.append(profile.epinephrine_kept)
    picked = set(profile.triggers.catalog)
    said += [t.name for t in catalog.triggers if t.id in picked]
    condition = condition_line(profile, catalog)
    said += [condition] if condition else []
    said += [long_date(day) for day in (profile.emergency_steps_on, profile.plan_review) if day]
    said += [long_date(today())]
    card = [fold(catalog.card_attribution)]
    if profile.carries_epinephrine is True:
        card.append(catalog.card_text("carry-epinephrine"))
    if condition:
        card.append(catalog.card_text("emergency-room"))
        suspected = profile.diagnosis.type == "suspected"
        card.append(catalog.card_text("risk-in-sm" if suspected else "risk"))
    return sorted(set(said + card), key=len, reverse=True)


def _profiles() -> list[tuple[str, dict[str, Any]]]:
    from prepkit.content.rules import read_profile
    from prepkit.profile.convert import profile_data

    plan = responder_patient(3) | {
        "carries_epinephrine": True,
        "epinephrine_kept": "glovebox",
        "weight": "64 kg",
        "emergency_steps": "Pen in the thigh, then an ambulance",
        "emergency_steps_by": "Dr. Lena Fischer",
        "emergency_steps_on": "2026-03-10",
        "plan_review": "2027-03-10",
    }
    matrix = [(f"responder {seed}", responder_patient(seed)) for seed in range(0, 200, 9)]
    matrix += [
        ("empty", {"schema_version": 1}),
        ("example", profile_data(read_profile(EXAMPLE))),
        ("plan", plan),
        ("steps with no one named", plan | {"emergency_steps_by": ""}),
        # Where it is kept, with "I do not carry epinephrine": the card must not say both.
        ("kept but not carried", plan | {"carries_epinephrine": False}),
        ("suspected", responder_patient(5) | {"diagnosis": {"type": "suspected"}}),
    ]
    return matrix


@pytest.mark.parametrize(
    ("name", "data"), _profiles(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_card_holds_only_the_patients_words_the_catalogs_and_fixed_labels(
    name: str, data: dict[str, Any]
) -> None:
    # Each face as a page of its own: the card's text with none of the sheet's around it.
    pdf = render_card(to_profile(data), layout="page").pdf
    text = " ".join(fold(face) for face in page_texts(pdf))
    assert left_over(text, _allowed(data), CARD_LABELS) == [], name
