"""Turn a profile into what the wallet card templates show."""

from __future__ import annotations

import datetime as dt
from typing import Any

from prepkit.content.catalog import Catalog
from prepkit.content.worksheet import diagnosis_item
from prepkit.profile.schema import Profile

DEFAULT_EMERGENCY_NUMBER = "911"


def card_context(profile: Profile, catalog: Catalog, *, prepared: dt.date) -> dict[str, Any]:
    """Everything the card templates may use: the complete lists, never a shortened one."""
    trigger_names = {t.id: t.name for t in catalog.triggers}
    diagnosis = diagnosis_item(profile, catalog)
    return {
        "profile": profile,
        "sm_type": diagnosis if diagnosis in catalog.sm_types else None,
        "suspected": profile.diagnosis.type == "suspected",
        "emergency_number": profile.emergency_number or DEFAULT_EMERGENCY_NUMBER,
        "triggers": [trigger_names[t] for t in profile.triggers.catalog] + profile.triggers.own,
        "medications": [m for m in profile.medications if m.on_card is not False],
        "care_contact": profile.care_team[0] if profile.care_team else None,
        "prepared": prepared,
    }
