"""Turn a profile into what the wallet card templates show."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prepkit.content.catalog import Catalog
from prepkit.content.results import written_date
from prepkit.content.worksheet import diagnosis_item
from prepkit.profile.schema import Profile, TestRecord


def condition_line(profile: Profile, catalog: Catalog) -> str:
    """The condition as the patient answered it, or "" when they did not say.

    Never assumed: an unanswered diagnosis leaves a line to write on, and with it
    no anaphylaxis line either.
    """
    diagnosis = diagnosis_item(profile, catalog)
    if diagnosis in catalog.sm_types:
        return diagnosis.name
    if profile.diagnosis.type == "suspected":
        return "Suspected systemic mastocytosis"
    if profile.diagnosis.type == "not-sure":
        return "Systemic mastocytosis (type not known yet)"
    return ""


def card_context(profile: Profile, catalog: Catalog, *, prepared: dt.date) -> dict[str, Any]:
    """Everything the card templates may use: the complete lists, never a shortened one."""
    trigger_names = {t.id: t.name for t in catalog.triggers}
    return {
        "profile": profile,
        "catalog": catalog,
        "condition": condition_line(profile, catalog),
        "suspected": profile.diagnosis.type == "suspected",
        # Only the patient's own number: none is assumed (911 is wrong in most countries).
        "emergency_number": profile.emergency_number,
        "triggers": [trigger_names[t] for t in profile.triggers.catalog] + profile.triggers.own,
        "medications": [m for m in profile.medications if m.on_card is not False],
        "care_contact": profile.care_team[0] if profile.care_team else None,
        "tryptase": latest_result(profile, "tryptase"),
        # Where it is kept means nothing on a card that says "I do not carry epinephrine"
        # (profile/schema.py's notices say so to the patient).
        "epinephrine_kept": ""
        if profile.carries_epinephrine is False
        else profile.epinephrine_kept,
        "prepared": prepared,
    }


def latest_result(profile: Profile, test: str) -> TestRecord | None:
    """The result of ``test`` with the latest date as written (or, with no date that
    reads as one, the last one listed), for the card to print as the patient entered it."""
    found = [record for record in profile.tests if record.test == test and record.value]
    if not found:
        return None
    dated = [(day, index) for index, r in enumerate(found) if (day := written_date(r.date))]
    if dated:
        return found[max(dated)[1]]
    return found[-1]


def card_blanks(profile: Profile, catalog: Catalog) -> list[str]:
    """What the card leaves as a line to write on, because the profile does not say it."""
    blanks = {
        "your name": profile.patient.name,
        "your diagnosis": condition_line(profile, catalog),
        "medications and substances to avoid": bool(profile.avoid),
        "the emergency number": profile.emergency_number,
        "an emergency contact": profile.emergency_contact.name,
    }
    return [what for what, said in blanks.items() if not said]
