"""Realistic SM patients, made from a seed: for testing the wallet card on real-length lists.

The lists are the project's own: drugs SM patients are commonly told to avoid, with
the kind of reaction they write down; medications SM patients take, with doses; and
triggers in their own words. Lengths follow what patients write: up to 12 drugs to
avoid and 12 current medications.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

AVOID = [
    ("Ibuprofen (NSAIDs)", "hives and throat tightness"),
    ("Aspirin", "wheezing and flushing"),
    ("Naproxen", "swelling of the lips"),
    ("Morphine", "severe flushing and low blood pressure"),
    ("Codeine", "itching all over, fainting"),
    ("Tylenol #3 (with codeine)", "flushing"),
    ("Vancomycin", "red rash over the upper body"),
    ("Iodinated contrast dye", "anaphylaxis, needed epinephrine"),
    ("Rocuronium", "anaphylaxis during surgery"),
    ("Atracurium", "drop in blood pressure under anesthesia"),
    ("Succinylcholine", "hives during anesthesia"),
    ("Polymyxin B", "flushing and racing heart"),
    ("Dextromethorphan", "dizziness and hives"),
    ("Alcohol-based mouthwash", "burning mouth and flushing"),
    ("Bee venom immunotherapy", "throat swelling"),
    ("Quinine", "stomach cramps and hives"),
]
MEDICATIONS = [
    ("Cetirizine", "10 mg", "twice a day"),
    ("Fexofenadine", "180 mg", "once a day"),
    ("Loratadine", "10 mg", "once a day"),
    ("Famotidine", "20 mg", "twice a day"),
    ("Montelukast", "10 mg", "at night"),
    ("Cromolyn sodium oral solution", "200 mg", "four times a day"),
    ("Ketotifen", "1 mg", "twice a day"),
    ("Omalizumab", "300 mg", "every 4 weeks"),
    ("Vitamin D3", "2000 IU", "daily"),
    ("Epinephrine auto-injector", "0.3 mg", "in an emergency"),
    ("Prednisone", "5 mg", "as directed"),
    ("Midostaurin", "100 mg", "twice a day"),
    ("Avapritinib", "25 mg", "once a day"),
    ("Hydroxyzine", "25 mg", "at night"),
    ("Diphenhydramine", "25 mg", "as needed"),
]
TRIGGER_IDS = [
    "skin-friction",
    "exercise",
    "insect-stings",
    "alcohol",
    "spicy-food",
    "nsaids",
    "muscle-relaxants",
    "anesthesia",
    "temperature-change",
    "stress",
]
OWN_TRIGGERS = [
    "Strong perfume",
    "Hot showers",
    "Cold water swimming",
    "Tight waistbands",
    "Aged cheese",
    "Sunlight on my arms",
    "Long car journeys",
    "Cleaning sprays",
    "Friction from a seat belt",
    "Shellfish",
    "Sudden fright or shock",
    "Being in a hot car in summer",
]
# What patients add to a reaction when they remember it: when, and how bad.
REACTION_DETAILS = [
    "",
    "",
    ", in hospital in 2019",
    ", within minutes of the first dose",
    " (needed epinephrine twice)",
    ", during a colonoscopy",
]
NAMES = [
    "Ruth Adeyemi",
    "Maria Köhler-Santos",
    "Li Wei",
    "Sam O'Neill-Fitzgerald",
    "Anna-Katharina von Rosenberg-Lindqvist",
]


def realistic_patient(seed: int) -> dict[str, Any]:
    """One patient's profile data (as the YAML would give it), the same for the same seed."""
    rng = random.Random(seed)
    # Patients with long lists are the ones the card must not fail: half of these have
    # at least 7 drugs to avoid, and many take 8 medications or more.
    avoid = [
        (name, reaction + rng.choice(REACTION_DETAILS))
        for name, reaction in rng.sample(AVOID, rng.choice([0, 2, 4, 7, 9, 10, 11, 12, 12, 12]))
    ]
    medications = rng.sample(MEDICATIONS, rng.choice([0, 1, 3, 5, 8, 10, 12, 12]))
    return {
        "schema_version": 1,
        "patient": {"name": rng.choice(NAMES)},
        "diagnosis": {"type": rng.choice(["indolent", "smoldering", "suspected", "not-sure"])},
        "avoid": [{"name": name, "reaction": reaction} for name, reaction in avoid],
        "medications": [
            {"name": name, "dose": dose, "how_often": often} for name, dose, often in medications
        ],
        "triggers": {
            "catalog": rng.sample(TRIGGER_IDS, rng.randint(0, 10)),
            "own": rng.sample(OWN_TRIGGERS, rng.randint(0, 6)),
        },
        "care_team": [
            {"name": "Dr. Lena Fischer", "role": "Allergist", "phone": "+1 216 555 0142"}
        ],
        "emergency_contact": {
            "name": "Jonas Köhler",
            "relation": "husband",
            "phone": "+1 216 555 0199",
        },
        "carries_epinephrine": rng.choice(["yes", "no"]),
        "emergency_number": rng.choice(["911", "999", "112"]),
    }


def card_patient(faces: int) -> dict[str, Any]:
    """A patient whose wallet card needs ``faces`` faces (2, 4 or 6): for geometry tests."""
    data = realistic_patient(0)
    data["carries_epinephrine"] = "yes"
    data["patient"]["name"] = "Ruth Adeyemi"
    many = {2: 3, 4: 12, 6: len(AVOID)}[faces]
    detail = {
        2: "",
        4: ", within minutes, in 2019",
        6: ", in hospital in 2019 (needed epinephrine twice)",
    }[faces]
    avoid = AVOID[:many]
    if faces == 6:  # beyond what most patients list: brand names on top of generics
        avoid += [(f"{name} (any brand)", reaction) for name, reaction in AVOID[:10]]
    data["avoid"] = [{"name": name, "reaction": reaction + detail} for name, reaction in avoid]
    data["medications"] = [
        {"name": name, "dose": dose, "how_often": often} for name, dose, often in MEDICATIONS[:many]
    ]
    data["triggers"] = {"catalog": TRIGGER_IDS[:many], "own": OWN_TRIGGERS[:many]}
    return data


# Nine attacks over a year, as a patient logs them; the pinned "today" is 2026-11-21.
DIARY = [
    {"date": "2025-11-02", "symptoms": ["flushing"], "triggers": ["alcohol"], "severity": "5"},
    {"date": "2025-12-24", "time": "20:30", "symptoms": ["flushing", "itching"],
     "triggers": ["alcohol", "spicy-food"], "severity": "6", "lasted": "2 hours",
     "took": ["Cetirizine 10 mg"], "note": "Christmas Eve dinner"},
    {"date": "2026-01-15", "symptoms": ["belly-pain"], "triggers": ["temperature-change"],
     "severity": "4", "lasted": "1 hour"},
    {"date": "2026-03-03", "time": "07:10", "symptoms": ["flushing", "palpitations"],
     "triggers": ["stress"], "severity": "7", "took": ["Cetirizine 10 mg"]},
    {"date": "2026-03-28", "symptoms": ["flushing"], "triggers": ["alcohol"], "severity": "5"},
    {"date": "2026-06-14", "time": "15:45", "symptoms": ["flushing", "Dizzy, nearly fainted"],
     "triggers": ["insect-stings"], "severity": "9", "lasted": "40 minutes",
     "took": ["EpiPen"], "epinephrine": "yes", "emergency_visit": "yes",
     "note": "Wasp sting in the garden; ambulance"},
    {"date": "2026-08-09", "symptoms": ["itching"], "triggers": ["exercise"], "severity": "3"},
    {"date": "2026-10-11", "time": "22:00", "symptoms": ["flushing", "belly-pain"],
     "triggers": ["alcohol", "stress"], "severity": "6", "lasted": "3 hours"},
    {"date": "2026-11-17", "symptoms": ["headache"], "severity": "4",
     "note": "Not sure it was an attack"},
]  # fmt: skip


# The day the tests' and the bench's SOURCE_DATE_EPOCH pins: entries are logged up to it.
PINNED_DAY = dt.date(2026, 11, 21)


def diary_profile(entries: int) -> dict[str, Any]:
    """A profile whose diary has ``entries`` attacks spread over the 12 months before the pin."""
    rows = []
    for number in range(entries):
        day = PINNED_DAY - dt.timedelta(days=number * 364 // entries)
        rows.append(
            {
                "date": day.isoformat(),
                "time": f"{number % 24:02d}:30",
                "symptoms": ["flushing", "belly cramps"],
                "triggers": ["alcohol"] if number % 3 else ["stress", "hot showers"],
                "severity": str(number % 11),
                "lasted": "2 hours",
                "took": ["cetirizine"],
                "epinephrine": "no",
                "note": "after dinner with friends",
            }
        )
    return {
        "schema_version": "1",
        "patient": {"name": "Alex Example"},
        "visit": {"date": "2026-12-03"},
        "attack_diary": rows,
    }
