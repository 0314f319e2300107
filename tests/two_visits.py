"""Two visits of the example patient, for the visit-history tests, golden images and pictures."""

from __future__ import annotations

import copy
from typing import Any

from prepkit.content.rules import read_profile
from prepkit.profile.convert import profile_data
from tests.conftest import EXAMPLE


def first_visit() -> dict[str, Any]:
    data = profile_data(read_profile(EXAMPLE))
    data["visit"]["date"] = "2026-03-10"
    data["questions"][0]["answer"] = "Not yet known: bone marrow biopsy first."
    return data


def second_visit(first: dict[str, Any]) -> dict[str, Any]:
    """A symptom added, one worse, a medication stopped, a dose changed, an avoid item
    added, a second tryptase result and three more attacks."""
    data = copy.deepcopy(first)
    data["visit"].update(date="2026-12-03", kind="follow-up")
    data["symptoms"][2]["severity"] = 8  # belly pain, 7 before
    data["symptoms"].append({"catalog": "headache", "severity": 5})
    stopped = data["medications"].pop(0)  # cetirizine
    data["stopped_medications"] = [
        {"name": stopped["name"], "stopped": "October 2026", "why": "it did not help"}
    ]
    data["medications"][0]["dose"] = "40 mg"  # famotidine, 20 mg before
    data["avoid"].append({"name": "Aspirin", "reaction": "hives"})
    data["tests"].append(  # a second tryptase result: 35 ng/mL in March stays
        {"test": "tryptase", "status": "have-result", "date": "2026-11", "value": "41 ng/mL"}
    )
    data["attacks"]["last_year"] = 7  # 4 before
    return data
