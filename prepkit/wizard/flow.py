"""Which questions the wizard asks, in which order, with which help, from the catalog.

Each section reads and updates plain profile data (the same shape as the YAML
file), taking every default from what is already there, so a returning patient
presses Enter through whatever has not changed. Nothing here reads a terminal:
it talks to a :class:`~prepkit.wizard.prompts.Prompter`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prepkit.content.catalog import Catalog
from prepkit.profile.schema import LONG_TEXT
from prepkit.wizard.prompts import Prompter

Data = dict[str, Any]

STATUS_WORDS = {
    "have-result": "have the result",
    "will-bring": "will bring it",
    "not-done": "not done",
    "dont-know": "don't know",
}
STATUS_QUESTIONS = (
    ("have-result", "Which of these do you have results for?"),
    ("will-bring", "Which will you bring, or have sent, to the visit?"),
    ("not-done", "Which have you never had done?"),
)


def _part(data: Data, key: str) -> Data:
    """The sub-mapping ``data[key]``, created if missing."""
    value = data.get(key)
    if not isinstance(value, dict):
        value = data[key] = {}
    return value


def _items(data: Data, key: str) -> list[Data]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _live(data: Data, key: str) -> list[Data]:
    """The list ``data[key]``, to be edited in place as each answer arrives.

    The draft saved on Ctrl-C is ``data`` itself, so an answer is kept the moment
    it is typed, even halfway through a section.
    """
    items = _items(data, key)
    data[key] = items
    return items


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _heading(p: Prompter, title: str, intro: str = "") -> None:
    p.say()
    p.say(f"== {title} ==")
    if intro:
        p.say(intro)


def _numbered(p: Prompter, lines: list[str]) -> None:
    for number, line in enumerate(lines, start=1):
        p.say(f"  {number:>2}. {line}")


def _edit_list(
    p: Prompter,
    data: Data,
    key: str,
    keep: str,
    new: str,
    ask_item: Callable[[Prompter, Data], object],
) -> None:
    """Offer to keep each saved item (re-asking its details), then add new ones by name.

    ``keep`` is a question with ``{name}`` in it; ``new`` labels the name prompt.
    """
    entries = _live(data, key)
    for entry in list(entries):
        if p.confirm(keep.format(name=entry.get("name"))):
            ask_item(p, entry)
        else:
            entries.remove(entry)
    while True:
        name = p.text(new, "Press Enter on an empty line when done.")
        if not name:
            return
        entries.append({"name": name})
        ask_item(p, entries[-1])


def _ask_list_of_own(p: Prompter, label: str, help: str, items: list[str]) -> None:
    """Own words, one per prompt, until an empty line; earlier ones offered to keep.

    Edits ``items`` in place.
    """
    for item in list(items):
        if not p.confirm(f"Keep '{item}'?"):
            items.remove(item)
    while True:
        item = p.text(label, help)
        if not item:
            return
        items.append(item)


# --- 1. About you and the visit ---------------------------------------------------------


def ask_about(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(p, "About you and the visit", "Enter skips a question; type ? for more help.")
    patient, visit = _part(data, "patient"), _part(data, "visit")
    patient["name"] = p.text(
        "Your name",
        "As it should appear on the worksheet and the card.",
        _text(patient.get("name")),
    )
    patient["date_of_birth"] = _iso(
        p.date(
            "Date of birth",
            "Optional. Year-month-day, for example 1981-06-14.",
            _date(patient.get("date_of_birth")),
        )
    )
    visit["date"] = _iso(
        p.date(
            "Visit date",
            "When is the appointment? For example 2026-12-03.",
            _date(visit.get("date")),
        )
    )
    modes = ["in-person", "virtual"]
    mode = p.choice(
        "In person or virtual",
        "Pick a number.",
        ["In person", "Virtual (video or phone)"],
        modes.index(visit["mode"]) if visit.get("mode") in modes else None,
    )
    visit["mode"] = None if mode is None else modes[mode]
    visit["provider"] = p.text(
        "Provider", "The doctor or specialist you will see.", _text(visit.get("provider"))
    )
    visit["clinic"] = p.text("Clinic", "The clinic or hospital.", _text(visit.get("clinic")))
    visit["reason"] = p.text(
        "Reason for the visit",
        "In a sentence: why this visit, why now?",
        _text(visit.get("reason")),
        max_length=LONG_TEXT,
    )


def summary_about(data: Data, catalog: Catalog) -> str:
    patient, visit = data.get("patient") or {}, data.get("visit") or {}
    parts = [
        patient.get("name") or "no name",
        visit.get("date") or "no visit date",
        visit.get("provider") or "no provider",
    ]
    return ", ".join(str(part) for part in parts)


# --- 2. Diagnosis -------------------------------------------------------------------------


def ask_diagnosis(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(p, "Your diagnosis so far")
    diagnosis = _part(data, "diagnosis")
    options = catalog.diagnoses()
    ids = [item.id for item in options]
    picked = p.choice(
        "Diagnosis",
        "Pick the number that matches what you have been told.",
        [f"{item.name}: {item.summary}" for item in options],
        ids.index(diagnosis["type"]) if diagnosis.get("type") in ids else None,
        more_help="If nobody has told you a type yet, pick 'Suspected'; if unsure, 'Not sure'.",
    )
    diagnosis["type"] = None if picked is None else ids[picked]
    if picked is not None and options[picked] in catalog.sm_types:
        diagnosis["diagnosed"] = p.text(
            "When were you diagnosed",
            "A month and year is enough, for example 2024-05.",
            _text(diagnosis.get("diagnosed")),
        )


def summary_diagnosis(data: Data, catalog: Catalog) -> str:
    chosen = (data.get("diagnosis") or {}).get("type")
    names = {item.id: item.name for item in catalog.diagnoses()}
    return names.get(_text(chosen), "not answered")


# --- 3. Symptoms --------------------------------------------------------------------------


def _ask_symptom_details(p: Prompter, name: str, entry: Data) -> Data:
    p.say(f"-- {name}")
    entry["first_noticed"] = p.text(
        "When did it start",
        "A month and year, or words like 'spring 2019'.",
        _text(entry.get("first_noticed")),
    )
    entry["how_often"] = p.text(
        "How often",
        "For example: daily, twice a week, during attacks.",
        _text(entry.get("how_often")),
    )
    severity = entry.get("severity")
    entry["severity"] = p.number(
        "How bad, 0 to 10",
        "0 = not at all, 10 = the worst you can imagine.",
        int(str(severity)) if str(severity).isdigit() else None,
        minimum=0,
        maximum=10,
    )
    entry["worse_with"] = p.text(
        "What makes it worse", "For example: heat, food, stress.", _text(entry.get("worse_with"))
    )
    return entry


def ask_symptoms(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(p, "Your symptoms", "Common SM symptoms, grouped by the part of the body:")
    ordered = [s for area in catalog.body_areas for s in catalog.symptoms if s.body_area == area.id]
    number = 0
    for area in catalog.body_areas:
        p.say(f"  {area.name}:")
        for symptom in ordered:
            if symptom.body_area == area.id:
                number += 1
                p.say(f"    {number:>2}. {symptom.name}")
    entries = _live(data, "symptoms")
    ids = [s.id for s in ordered]
    chosen = p.selection(
        "Which have you had",
        "Numbers separated by commas, ranges with a dash: 1,3,5-7.",
        len(ordered),
        [ids.index(e["catalog"]) for e in entries if e.get("catalog") in ids],
        more_help="Pick every symptom you have noticed, even if it comes and goes. "
        "You can add symptoms in your own words next.",
    )
    chosen_ids = [ids[i] for i in chosen]
    entries[:] = [e for e in entries if not e.get("catalog") or e["catalog"] in chosen_ids]
    present = {e.get("catalog") for e in entries}
    entries.extend({"catalog": i} for i in chosen_ids if i not in present)
    names = {s.id: s.name for s in ordered}
    for entry in [e for e in entries if e.get("catalog")]:
        _ask_symptom_details(p, names[entry["catalog"]], entry)
    for entry in [e for e in entries if not e.get("catalog")]:
        if p.confirm(f"Keep your symptom '{entry.get('own')}'?"):
            _ask_symptom_details(p, _text(entry.get("own")), entry)
        else:
            entries.remove(entry)
    while True:
        own = p.text("Another symptom in your own words", "Press Enter on an empty line when done.")
        if not own:
            break
        entries.append({"own": own})
        _ask_symptom_details(p, own, entries[-1])


def summary_symptoms(data: Data, catalog: Catalog) -> str:
    names = {s.id: s.name for s in catalog.symptoms}
    listed = [
        names.get(_text(e.get("catalog")), "") or _text(e.get("own"))
        for e in _items(data, "symptoms")
    ]
    return "; ".join(listed) or "none"


# --- 4. Attacks and daily life ------------------------------------------------------------


def ask_attacks(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(
        p,
        "Attacks and emergencies",
        "An attack is several symptoms that come on together and then pass.",
    )
    attacks = _part(data, "attacks")

    def count(value: Any) -> int | None:
        return int(value) if str(value).isdigit() else None

    attacks["last_year"] = p.number(
        "Attacks in the last year",
        "A rough number is fine.",
        count(attacks.get("last_year")),
        minimum=0,
        maximum=10000,
    )
    if attacks["last_year"] != 0:
        attacks["last_attack"] = p.text(
            "When was the last one",
            "A date and what happened, in a few words.",
            _text(attacks.get("last_attack")),
        )
    attacks["emergency_visits"] = p.number(
        "Emergency room visits for SM",
        "Ever, or in the last year: say which in your notes.",
        count(attacks.get("emergency_visits")),
        minimum=0,
        maximum=10000,
    )
    attacks["epinephrine_used"] = p.yes_no(
        "Have you ever used epinephrine", "An auto-injector.", attacks.get("epinephrine_used")
    )
    attacks["anaphylaxis_ever"] = p.yes_no(
        "Have you ever had anaphylaxis",
        "A severe allergic reaction.",
        attacks.get("anaphylaxis_ever"),
    )
    data["daily_life"] = p.text(
        "How do symptoms affect your daily life",
        "Work, sleep, family, food, exercise: what have you changed?",
        _text(data.get("daily_life")),
        max_length=LONG_TEXT,
    )


def summary_attacks(data: Data, catalog: Catalog) -> str:
    attacks = data.get("attacks") or {}
    last_year = attacks.get("last_year")
    return f"{'?' if last_year is None else last_year} attacks in the last year"


# --- 5. Triggers --------------------------------------------------------------------------


def ask_triggers(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(
        p, "Triggers", "Things that can set off SM symptoms; they differ from person to person:"
    )
    _numbered(p, [trigger.name for trigger in catalog.triggers])
    triggers = _part(data, "triggers")
    ids = [t.id for t in catalog.triggers]
    before = [ids.index(t) for t in triggers.get("catalog") or [] if t in ids]
    chosen = p.selection(
        "Which have set off your symptoms",
        "Numbers like 1,3,5-7; Enter for none.",
        len(ids),
        before,
    )
    triggers["catalog"] = [ids[i] for i in chosen]
    own = triggers["own"] = [_text(t) for t in triggers.get("own") or []]
    _ask_list_of_own(
        p, "Another trigger in your own words", "Press Enter on an empty line when done.", own
    )


def summary_triggers(data: Data, catalog: Catalog) -> str:
    triggers = data.get("triggers") or {}
    names = {t.id: t.name for t in catalog.triggers}
    listed = [names.get(t, t) for t in triggers.get("catalog") or []] + list(
        triggers.get("own") or []
    )
    return "; ".join(listed) or "none"


# --- 6. Medications -----------------------------------------------------------------------


def _ask_medication(p: Prompter, entry: Data) -> Data:
    entry["dose"] = p.text("Dose", "For example 10 mg.", _text(entry.get("dose")))
    entry["how_often"] = p.text(
        "How often", "For example twice a day.", _text(entry.get("how_often"))
    )
    entry["what_for"] = p.text("What for", "The symptom or reason.", _text(entry.get("what_for")))
    return entry


def _ask_reaction(p: Prompter, entry: Data) -> None:
    entry["reaction"] = p.text("Reaction", "What happened.", _text(entry.get("reaction")))


def ask_medications(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(p, "Medications", "Medications you take now, one at a time.")
    _edit_list(p, data, "medications", "Still taking {name}?", "Medication name", _ask_medication)
    p.say()
    p.say("Medications or substances you must avoid (anything that caused a reaction).")
    _edit_list(
        p,
        data,
        "avoid",
        "Still avoiding {name}?",
        "Medication or substance to avoid",
        _ask_reaction,
    )


def summary_medications(data: Data, catalog: Catalog) -> str:
    meds = [_text(m.get("name")) for m in _items(data, "medications")]
    avoid = [_text(a.get("name")) for a in _items(data, "avoid")]
    return f"take: {'; '.join(meds) or 'none'} / avoid: {'; '.join(avoid) or 'none'}"


# --- 7. Tests and records -----------------------------------------------------------------


def ask_tests(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(p, "Tests and records", "Tests a first SM visit may involve:")
    _numbered(p, [test.name for test in catalog.tests])
    ids = [t.id for t in catalog.tests]
    previous = {r["test"]: r for r in _items(data, "tests") if r.get("test") in ids}
    status: dict[str, str] = {}
    for code, question in STATUS_QUESTIONS:
        before = [ids.index(t) for t, r in previous.items() if r.get("status") == code]
        for index in p.selection(
            question, "Numbers like 1,3,5-7; Enter for none.", len(ids), before
        ):
            status[ids[index]] = code
    records = _live(data, "tests")
    records[:] = [
        {**previous.get(test_id, {}), "test": test_id, "status": code}
        for test_id in ids
        if (
            code := status.get(test_id)
            or ("dont-know" if previous.get(test_id, {}).get("status") == "dont-know" else "")
        )
    ]
    for record in records:
        if record["status"] == "have-result":
            p.say(f"-- {catalog.tests[ids.index(record['test'])].name}")
            record["date"] = p.text(
                "Date of the result", "A month is enough: 2026-03.", _text(record.get("date"))
            )
            record["value"] = p.text(
                "Result", "As written on the report, e.g. 35 ng/mL.", _text(record.get("value"))
            )


def summary_tests(data: Data, catalog: Catalog) -> str:
    names = {t.id: t.name for t in catalog.tests}
    listed = [
        f"{names.get(_text(r.get('test')), '?')} ({STATUS_WORDS.get(_text(r.get('status')))})"
        for r in _items(data, "tests")
    ]
    return "; ".join(listed) or "none"


# --- 8. Questions -------------------------------------------------------------------------


def _question_text(entry: Data, catalog: Catalog) -> str:
    texts = {q.id: q.text for q in catalog.questions}
    return texts.get(entry.get("catalog") or "", "") or _text(entry.get("own"))


def ask_questions(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(p, "Questions for your provider", "Suggested questions:")
    _numbered(p, [question.text for question in catalog.questions])
    ids = [q.id for q in catalog.questions]
    entries = _live(data, "questions")
    chosen = p.selection(
        "Which do you want to ask",
        "Numbers like 1,3,5-7; Enter for none.",
        len(ids),
        [ids.index(e["catalog"]) for e in entries if e.get("catalog") in ids],
    )
    chosen_ids = [ids[i] for i in chosen]
    # Keep the patient's earlier order for what is still wanted; new questions go last.
    entries[:] = [e for e in entries if not e.get("catalog") or e["catalog"] in chosen_ids]
    present = {e.get("catalog") for e in entries}
    entries.extend({"catalog": i} for i in chosen_ids if i not in present)
    for entry in [e for e in entries if not e.get("catalog")]:
        if not p.confirm(f"Keep '{entry.get('own')}'?"):
            entries.remove(entry)
    while True:
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
        _numbered(p, [_question_text(entry, catalog) for entry in entries])
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
    return f"{len(_items(data, 'questions'))} questions"


# --- 9. Care team and emergencies ---------------------------------------------------------


def _ask_member(p: Prompter, entry: Data) -> Data:
    entry["role"] = p.text(
        "Role", "For example: family doctor, allergist.", _text(entry.get("role"))
    )
    entry["phone"] = p.text("Phone", "With the area code.", _text(entry.get("phone")))
    return entry


def ask_care(p: Prompter, data: Data, catalog: Catalog) -> None:
    _heading(p, "Care team and emergencies")
    _edit_list(
        p,
        data,
        "care_team",
        "Keep {name} in your care team?",
        "Care team member's name",
        _ask_member,
    )
    contact = _part(data, "emergency_contact")
    contact["name"] = p.text(
        "Emergency contact", "Someone to call if you cannot speak.", _text(contact.get("name"))
    )
    if contact["name"]:
        contact["relation"] = p.text(
            "Relation to you", "For example: husband, daughter.", _text(contact.get("relation"))
        )
        contact["phone"] = p.text("Their phone", "With the area code.", _text(contact.get("phone")))
    data["carries_epinephrine"] = p.yes_no(
        "Do you carry epinephrine",
        "A self-injecting epinephrine pen (auto-injector).",
        data.get("carries_epinephrine"),
    )


def summary_care(data: Data, catalog: Catalog) -> str:
    contact = (data.get("emergency_contact") or {}).get("name") or "no emergency contact"
    team = len(_items(data, "care_team"))
    carries = data.get("carries_epinephrine")
    epinephrine = (
        "epinephrine not answered"
        if carries is None
        else "carries epinephrine"
        if carries
        else "no epinephrine"
    )
    return f"{team} in care team, {contact}, {epinephrine}"


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
