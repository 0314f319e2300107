"""Patients as a responder meets them: seeded, each with up to 12 drugs not to give.

Made for the card's front (tests/test_card_front.py), and apart from
tests/realistic.py on purpose: reactions as patients write them, from a word to
a sentence, sometimes none; names with digits, brackets and "#"; diagnoses of
every kind and none; care team members with and without a role; every answer
sometimes left out. The same seed always gives the same patient.
"""

from __future__ import annotations

import random
from typing import Any

DRUGS = [
    "Aspirin",
    "Ibuprofen",
    "Naproxen",
    "Diclofenac",
    "Morphine",
    "Codeine",
    "Tylenol #3 (with codeine)",
    "Vancomycin",
    "Iodinated contrast dye",
    "Gadolinium contrast",
    "Rocuronium",
    "Atracurium",
    "Succinylcholine",
    "Polymyxin B",
    "Dextromethorphan",
    "Quinine",
    "Metamizole (dipyrone)",
    "Tramadol",
    "Ketorolac",
    "Amoxicillin",
]
REACTIONS = [
    "",
    "wheezing",
    "hives",
    "collapse",
    "anaphylaxis",
    "flushing and a racing heart",
    "hives and throat tightness",
    "flushing and low blood pressure",
    "fainted within minutes",
    "throat swelling, needed epinephrine",
    "severe flushing and faintness after one dose",
    "anaphylaxis during surgery in 2019, intensive care",
]
NAMES = ["Ruth Adeyemi", "Li Wei", "Maria Köhler-Santos", "Sam O'Neill", "Jo 2nd"]
DIAGNOSES = [None, "indolent", "smoldering", "aggressive", "suspected", "not-sure"]
ROLES = ["", "Allergist", "Hematologist", "GP"]


def responder_patient(seed: int) -> dict[str, Any]:
    """One patient's profile data, as the YAML would give it."""
    rng = random.Random(f"responder-{seed}")
    count = seed % 13  # every length from none to 12, in turn
    avoid = [{"name": name, "reaction": rng.choice(REACTIONS)} for name in rng.sample(DRUGS, count)]
    data: dict[str, Any] = {"schema_version": 1, "avoid": avoid}
    if rng.random() < 0.9:
        data["patient"] = {"name": rng.choice(NAMES)}
    diagnosis = rng.choice(DIAGNOSES)
    if diagnosis:
        data["diagnosis"] = {"type": diagnosis}
    if rng.random() < 0.8:
        data["carries_epinephrine"] = rng.choice(["yes", "no"])
    if rng.random() < 0.8:
        data["emergency_number"] = rng.choice(["911", "999", "112", "000"])
    if rng.random() < 0.8:
        data["emergency_contact"] = {
            "name": "Jonas Köhler",
            "relation": rng.choice(["", "husband", "daughter"]),
            "phone": "+1 216 555 0199",
        }
    if rng.random() < 0.7:
        data["care_team"] = [
            {"name": "Dr. Lena Fischer", "role": rng.choice(ROLES), "phone": "+1 216 555 0142"}
        ]
    data["triggers"] = {"catalog": rng.sample(["alcohol", "exercise", "stress"], rng.randint(0, 3))}
    data["medications"] = [
        {"name": name, "dose": dose}
        for name, dose in rng.sample(
            [("Cetirizine", "10 mg"), ("Famotidine", "20 mg"), ("Montelukast", "10 mg")],
            rng.randint(0, 3),
        )
    ]
    return data
