"""The wizard's sections about the patient's health: symptoms, attacks, triggers,
medications and what to avoid, tests and records.

Like every section, each reads and updates plain profile data and takes its
defaults from what is already saved; nothing here reads a terminal.
"""

from __future__ import annotations

from typing import Any

from prepkit.content.catalog import Catalog
from prepkit.profile.schema import LONG_TEXT
from prepkit.wizard.answers import (
    Data,
    as_text,
    ask_list_of_own,
    edit_list,
    heading,
    items_at,
    keep_picked,
    live_items,
    mapping_at,
    numbered,
    room_for_more,
)
from prepkit.wizard.prompts import Prompter, whole_number

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


# --- 3. Symptoms --------------------------------------------------------------------------


def _ask_symptom_details(p: Prompter, name: str, entry: Data) -> Data:
    p.say(f"-- {name}")
    entry["first_noticed"] = p.text(
        "When did it start",
        "A month and year, or words like 'spring 2019'.",
        as_text(entry.get("first_noticed")),
    )
    entry["how_often"] = p.text(
        "How often",
        "For example: daily, twice a week, during attacks.",
        as_text(entry.get("how_often")),
    )
    severity = entry.get("severity")
    entry["severity"] = p.number(
        "How bad, 0 to 10",
        "0 = not at all, 10 = the worst you can imagine.",
        whole_number(str(severity)),
        minimum=0,
        maximum=10,
    )
    entry["worse_with"] = p.text(
        "What makes it worse",
        "For example: rubbing the skin, alcohol, a sudden change in temperature.",
        as_text(entry.get("worse_with")),
    )
    return entry


def ask_symptoms(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Your symptoms", "Common SM symptoms, grouped by the part of the body:")
    ordered = [s for area in catalog.body_areas for s in catalog.symptoms if s.body_area == area.id]
    number = 0
    for area in catalog.body_areas:
        p.say(f"  {area.name}:")
        for symptom in ordered:
            if symptom.body_area == area.id:
                number += 1
                p.say(f"    {number:>2}. {symptom.name}")
    entries = live_items(data, "symptoms")
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
    keep_picked(entries, chosen_ids)
    names = {s.id: s.name for s in ordered}
    for entry in [e for e in entries if e.get("catalog")]:
        _ask_symptom_details(p, names[entry["catalog"]], entry)
    for entry in [e for e in entries if not e.get("catalog")]:
        if p.confirm(f"Keep your symptom '{entry.get('own')}'?"):
            _ask_symptom_details(p, as_text(entry.get("own")), entry)
        else:
            entries.remove(entry)
    while room_for_more(p, entries):
        own = p.text("Another symptom in your own words", "Press Enter on an empty line when done.")
        if not own:
            break
        entries.append({"own": own})
        _ask_symptom_details(p, own, entries[-1])


def summary_symptoms(data: Data, catalog: Catalog) -> str:
    names = {s.id: s.name for s in catalog.symptoms}
    listed = [
        names.get(as_text(e.get("catalog")), "") or as_text(e.get("own"))
        for e in items_at(data, "symptoms")
    ]
    return "; ".join(listed) or "none"


# --- 4. Attacks and daily life ------------------------------------------------------------


def ask_attacks(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(
        p,
        "Attacks and emergencies",
        catalog.explain("attack"),
    )
    attacks = mapping_at(data, "attacks")

    def count(value: Any) -> int | None:
        return whole_number(str(value))

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
            as_text(attacks.get("last_attack")),
        )
    attacks["emergency_visits"] = p.number(
        "Emergency room visits for SM",
        "A rough number is fine.",
        count(attacks.get("emergency_visits")),
        minimum=0,
        maximum=10000,
    )
    attacks["epinephrine_used"] = p.yes_no(
        "Have you ever used epinephrine", "An auto-injector.", attacks.get("epinephrine_used")
    )
    attacks["anaphylaxis_ever"] = p.yes_no(
        "Have you ever had anaphylaxis",
        catalog.explain("anaphylaxis"),
        attacks.get("anaphylaxis_ever"),
    )
    data["daily_life"] = p.text(
        "How do symptoms affect your daily life",
        "Work, sleep, family, food, exercise: what have you changed?",
        as_text(data.get("daily_life")),
        max_length=LONG_TEXT,
    )


def summary_attacks(data: Data, catalog: Catalog) -> str:
    attacks = data.get("attacks") or {}
    last_year = attacks.get("last_year")
    return f"{'?' if last_year is None else last_year} attacks in the last year"


# --- 5. Triggers --------------------------------------------------------------------------


def ask_triggers(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(
        p, "Triggers", f"Things that can set off SM symptoms. {catalog.explain('triggers-differ')}"
    )
    numbered(p, [trigger.name for trigger in catalog.triggers])
    triggers = mapping_at(data, "triggers")
    ids = [t.id for t in catalog.triggers]
    before = [ids.index(t) for t in triggers.get("catalog") or [] if t in ids]
    chosen = p.selection(
        "Which have set off your symptoms",
        "Numbers like 1,3,5-7; Enter for none.",
        len(ids),
        before,
    )
    triggers["catalog"] = [ids[i] for i in chosen]
    own = triggers["own"] = [as_text(t) for t in triggers.get("own") or []]
    ask_list_of_own(
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
    entry["dose"] = p.text("Dose", "For example 10 mg.", as_text(entry.get("dose")))
    entry["how_often"] = p.text(
        "How often", "For example twice a day.", as_text(entry.get("how_often"))
    )
    entry["what_for"] = p.text("What for", "The symptom or reason.", as_text(entry.get("what_for")))
    return entry


def _ask_reaction(p: Prompter, entry: Data) -> None:
    entry["reaction"] = p.text("Reaction", "What happened.", as_text(entry.get("reaction")))


def ask_medications(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Medications", "Medications you take now, one at a time.")
    edit_list(p, data, "medications", "Still taking {name}?", "Medication name", _ask_medication)
    p.say()
    p.say("Medications or substances you must avoid (anything that caused a reaction).")
    edit_list(
        p,
        data,
        "avoid",
        "Still avoiding {name}?",
        "Medication or substance to avoid",
        _ask_reaction,
    )


def summary_medications(data: Data, catalog: Catalog) -> str:
    meds = [as_text(m.get("name")) for m in items_at(data, "medications")]
    avoid = [as_text(a.get("name")) for a in items_at(data, "avoid")]
    return f"take: {'; '.join(meds) or 'none'} / avoid: {'; '.join(avoid) or 'none'}"


# --- 7. Tests and records -----------------------------------------------------------------


def _statuses(record: Data) -> list[str]:
    status = record.get("status")
    return [as_text(s) for s in status] if isinstance(status, list) else [as_text(status)]


def ask_tests(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Tests and records", catalog.explain("first-visit-tests"))
    numbered(p, [test.name for test in catalog.tests])
    ids = [t.id for t in catalog.tests]
    names = {t.id: t.name for t in catalog.tests}
    previous = {r["test"]: r for r in items_at(data, "tests") if r.get("test") in ids}
    # A test can be in more than one answer: a result you have and will bring.
    chosen: dict[str, list[str]] = {}
    for code, question in STATUS_QUESTIONS:
        before = [ids.index(t) for t, r in previous.items() if code in _statuses(r)]
        for index in p.selection(
            question, "Numbers like 1,3,5-7; Enter for none.", len(ids), before
        ):
            chosen.setdefault(ids[index], []).append(code)
    for test_id, codes in chosen.items():
        if "not-done" in codes and len(codes) > 1:
            codes.remove("not-done")
            p.say(f"  {names[test_id]}: you have or will bring a result, so not 'never done'.")
    for test_id, record in previous.items():
        if test_id not in chosen and "dont-know" in _statuses(record):
            chosen[test_id] = ["dont-know"]
    records = live_items(data, "tests")
    records[:] = [
        {
            **previous.get(test_id, {}),
            "test": test_id,
            "status": marked[0] if len(marked) == 1 else marked,
        }
        for test_id in ids
        if (marked := chosen.get(test_id))
    ]
    for record in records:
        if set(_statuses(record)) & {"not-done", "dont-know"}:
            record.pop("date", None)  # no result: an old one would contradict it
            record.pop("value", None)
        elif "have-result" in _statuses(record):
            p.say(f"-- {names[record['test']]}")
            record["date"] = p.text(
                "Date of the result", "A month is enough: 2026-03.", as_text(record.get("date"))
            )
            record["value"] = p.text(
                "Result", "As printed on the report, with its unit.", as_text(record.get("value"))
            )


def summary_tests(data: Data, catalog: Catalog) -> str:
    names = {t.id: t.name for t in catalog.tests}
    listed = [
        f"{names.get(as_text(r.get('test')), '?')} "
        f"({', '.join(STATUS_WORDS.get(s, s) for s in _statuses(r))})"
        for r in items_at(data, "tests")
    ]
    return "; ".join(listed) or "none"
