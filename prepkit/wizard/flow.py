"""Which questions the wizard asks, in which order, with which help, from the catalog.

The sections about the patient's health (symptoms to tests) are in
:mod:`prepkit.wizard.health`; the visit, diagnosis, questions and care team are here,
with the list of sections in order.

Each section reads and updates plain profile data (the same shape as the YAML
file), taking every default from what is already there, so a returning patient
presses Enter through whatever has not changed. Nothing here reads a terminal:
it talks to a :class:`~prepkit.wizard.prompts.Prompter`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from prepkit.content.catalog import Catalog
from prepkit.profile.schema import LONG_TEXT, PHONE_TEXT
from prepkit.today import today
from prepkit.wizard.answers import (
    Data,
    as_date,
    as_text,
    edit_list,
    heading,
    iso,
    items_at,
    keep_picked,
    live_items,
    mapping_at,
    numbered,
    room_for_more,
)
from prepkit.wizard.health import (
    ask_attacks,
    ask_medications,
    ask_symptoms,
    ask_tests,
    ask_triggers,
    summary_attacks,
    summary_medications,
    summary_symptoms,
    summary_tests,
    summary_triggers,
)
from prepkit.wizard.prompts import Prompter

# --- 1. About you and the visit ---------------------------------------------------------


def ask_about(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "About you and the visit", "Enter skips a question; type ? for more help.")
    patient, visit = mapping_at(data, "patient"), mapping_at(data, "visit")
    patient["name"] = p.text(
        "Your name",
        "As it should appear on the worksheet and the card.",
        as_text(patient.get("name")),
    )
    born = as_date(patient.get("date_of_birth"))
    while True:
        born = p.date("Date of birth", "Optional. Year-month-day, for example 1981-06-14.", born)
        now = today()
        if born is None or (now.year - 120 <= born.year and born <= now):
            break
        p.say(f"  Sorry: {born} cannot be a date of birth; check the year.")
        born = None
    patient["date_of_birth"] = iso(born)
    visit_date = p.date(
        "Visit date", "When is the appointment? For example 2026-12-03.", as_date(visit.get("date"))
    )
    if visit_date is not None and visit_date < today():
        p.say(f"  Note: {visit_date} is in the past. Kept; you can change it at the review.")
    visit["date"] = iso(visit_date)
    modes = ["in-person", "virtual"]
    mode = p.choice(
        "In person or virtual",
        "Pick a number.",
        ["In person", "Virtual (video or phone)"],
        modes.index(visit["mode"]) if visit.get("mode") in modes else None,
    )
    visit["mode"] = None if mode is None else modes[mode]
    visit["provider"] = p.text(
        "Provider", "The doctor or specialist you will see.", as_text(visit.get("provider"))
    )
    visit["clinic"] = p.text("Clinic", "The clinic or hospital.", as_text(visit.get("clinic")))
    visit["reason"] = p.text(
        "Reason for the visit",
        "In a sentence: why this visit, why now?",
        as_text(visit.get("reason")),
        max_length=LONG_TEXT,
    )


def summary_about(data: Data, catalog: Catalog) -> str:
    patient, visit = data.get("patient") or {}, data.get("visit") or {}
    parts = [
        patient.get("name") or "no name",
        f"born {patient['date_of_birth']}" if patient.get("date_of_birth") else "no birth date",
        visit.get("date") or "no visit date",
        visit.get("provider") or "no provider",
    ]
    return ", ".join(str(part) for part in parts)


# --- 2. Diagnosis -------------------------------------------------------------------------


def ask_diagnosis(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Your diagnosis so far")
    diagnosis = mapping_at(data, "diagnosis")
    options = catalog.diagnoses()
    ids = [item.id for item in options]
    picked = p.choice(
        "Diagnosis",
        "Pick the number that matches what you have been told.",
        [f"{item.name}: {item.summary}" for item in options],
        ids.index(diagnosis["type"]) if diagnosis.get("type") in ids else None,
        more_help="If you have been told you have SM but not which type, pick 'Diagnosed with "
        "SM, type not known yet'; if SM has only been raised as a possibility, 'Suspected'.",
    )
    diagnosis["type"] = None if picked is None else ids[picked]
    if picked is not None and ids[picked] != "suspected":
        diagnosis["diagnosed"] = p.text(
            "When were you diagnosed",
            "A month and year is enough, for example 2024-05.",
            as_text(diagnosis.get("diagnosed")),
        )


def summary_diagnosis(data: Data, catalog: Catalog) -> str:
    chosen = (data.get("diagnosis") or {}).get("type")
    names = {item.id: item.name for item in catalog.diagnoses()}
    return names.get(as_text(chosen), "not answered")


# --- 8. Questions -------------------------------------------------------------------------


def _question_text(entry: Data, catalog: Catalog) -> str:
    texts = {q.id: q.text for q in catalog.questions}
    return texts.get(entry.get("catalog") or "", "") or as_text(entry.get("own"))


def ask_questions(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Questions for your provider", "Suggested questions:")
    numbered(p, [question.text for question in catalog.questions])
    ids = [q.id for q in catalog.questions]
    entries = live_items(data, "questions")
    chosen = p.selection(
        "Which do you want to ask",
        "Numbers like 1,3,5-7; Enter for none.",
        len(ids),
        [ids.index(e["catalog"]) for e in entries if e.get("catalog") in ids],
    )
    chosen_ids = [ids[i] for i in chosen]
    # Keep the patient's earlier order for what is still wanted; new questions go last.
    keep_picked(entries, chosen_ids)
    for entry in [e for e in entries if not e.get("catalog")]:
        if not p.confirm(f"Keep '{entry.get('own')}'?"):
            entries.remove(entry)
    while room_for_more(p, entries):
        own = p.text(
            "Another question in your own words",
            "Press Enter on an empty line when done.",
            max_length=LONG_TEXT,
        )
        if not own:
            break
        entries.append({"own": own})
    if len(entries) > 1:
        p.say("Your questions, in this order:")
        numbered(p, [_question_text(entry, catalog) for entry in entries])
        order = p.selection(
            "Most important first",
            "Type the numbers in the order you want, e.g. 3,1,2; Enter keeps this order.",
            len(entries),
            list(range(len(entries))),
        )
        entries[:] = [entries[i] for i in order] + [
            e for i, e in enumerate(entries) if i not in order
        ]


def summary_questions(data: Data, catalog: Catalog) -> str:
    return f"{len(items_at(data, 'questions'))} questions"


# --- 9. Care team and emergencies ---------------------------------------------------------


def _ask_member(p: Prompter, entry: Data) -> Data:
    entry["role"] = p.text(
        "Role", "For example: family doctor, allergist.", as_text(entry.get("role"))
    )
    entry["phone"] = p.text(
        "Phone", "With the area code.", as_text(entry.get("phone")), max_length=PHONE_TEXT
    )
    return entry


def ask_care(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Care team and emergencies")
    edit_list(
        p,
        data,
        "care_team",
        "Keep {name} in your care team?",
        "Care team member's name",
        _ask_member,
    )
    contact = mapping_at(data, "emergency_contact")
    contact["name"] = p.text(
        "Emergency contact", "Someone to call if you cannot speak.", as_text(contact.get("name"))
    )
    if contact["name"]:
        contact["relation"] = p.text(
            "Relation to you", "For example: husband, daughter.", as_text(contact.get("relation"))
        )
        contact["phone"] = p.text(
            "Their phone",
            "With the area code.",
            as_text(contact.get("phone")),
            max_length=PHONE_TEXT,
        )
    data["emergency_number"] = p.text(
        "Emergency number",
        "The number for an ambulance where you live, for example 911, 999 or 112. "
        "Your card tells people to call it; Enter leaves a line to write it in.",
        as_text(data.get("emergency_number")),
        max_length=PHONE_TEXT,
    )
    data["carries_epinephrine"] = p.yes_no(
        "Do you carry epinephrine",
        "A self-injecting epinephrine pen (auto-injector).",
        data.get("carries_epinephrine"),
    )
    data["emergency_steps"] = p.text(
        "Your care team's steps for a severe reaction",
        "As they gave them to you; your card prints them as theirs. Enter if none.",
        as_text(data.get("emergency_steps")),
    )


def summary_care(data: Data, catalog: Catalog) -> str:
    contact = (data.get("emergency_contact") or {}).get("name") or "no emergency contact"
    team = len(items_at(data, "care_team"))
    carries = data.get("carries_epinephrine")
    epinephrine = (
        "epinephrine not answered"
        if carries is None
        else "carries epinephrine"
        if carries
        else "no epinephrine"
    )
    number = data.get("emergency_number") or "no emergency number"
    return f"{team} in care team, {contact}, {number}, {epinephrine}"


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    ask: Callable[[Prompter, Data, Catalog], None]
    summary: Callable[[Data, Catalog], str]


SECTIONS = (
    Section("about", "About you and the visit", ask_about, summary_about),
    Section("diagnosis", "Diagnosis", ask_diagnosis, summary_diagnosis),
    Section("symptoms", "Symptoms", ask_symptoms, summary_symptoms),
    Section("attacks", "Attacks and daily life", ask_attacks, summary_attacks),
    Section("triggers", "Triggers", ask_triggers, summary_triggers),
    Section("medications", "Medications and what to avoid", ask_medications, summary_medications),
    Section("tests", "Tests and records", ask_tests, summary_tests),
    Section("questions", "Questions", ask_questions, summary_questions),
    Section("care", "Care team and emergencies", ask_care, summary_care),
)
SECTION_NAMES = tuple(section.name for section in SECTIONS)
