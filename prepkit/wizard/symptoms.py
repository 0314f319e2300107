"""Sections 3 to 5: how SM shows itself. Symptoms, attacks and daily life, triggers."""

from __future__ import annotations

from prepkit.content.catalog import Catalog
from prepkit.wizard.answers import (
    Data,
    as_text,
    heading,
    items_at,
    live_items,
    mapping_at,
    numbered,
)
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.lists import ask_list_of_own, keep_picked, room_for_more
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.resume import within

# Asked for each symptom picked or named.
SYMPTOM_DETAILS = (
    Question(
        "first_noticed", "When did it start", "A month and year, or words like 'spring 2019'."
    ),
    Question("how_often", "How often", "For example: daily, twice a week, during attacks."),
    Question(
        "severity",
        "How bad, 0 to 10",
        "0 = not at all, 10 = the worst you can imagine.",
        kind="number",
        minimum=0,
        maximum=10,
    ),
    Question(
        "worse_with",
        "What makes it worse",
        "For example: rubbing the skin, alcohol, a sudden change in temperature.",
    ),
)


def _ask_symptom_details(p: Prompter, name: str, entries: list[Data], entry: Data) -> None:
    p.say(f"-- {name}")
    with within(p, f"symptoms[{entries.index(entry)}]"):
        ask_all(p, SYMPTOM_DETAILS, entry)


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
        at="symptoms/picked",
    )
    keep_picked(entries, [ids[i] for i in chosen])
    names = {s.id: s.name for s in ordered}
    for entry in [e for e in entries if e.get("catalog")]:
        _ask_symptom_details(p, names[entry["catalog"]], entries, entry)
    for entry in [e for e in entries if not e.get("catalog")]:
        keep = f"symptoms[{entries.index(entry)}]/keep"
        if p.confirm(f"Keep your symptom '{entry.get('own')}'?", at=keep):
            _ask_symptom_details(p, as_text(entry.get("own")), entries, entry)
        else:
            entries.remove(entry)
    while room_for_more(p, entries):
        own = p.text(
            "Another symptom in your own words",
            "Press Enter on an empty line when done.",
            at=f"symptoms[{len(entries)}].own",
        )
        if not own:
            break
        entries.append({"own": own})
        _ask_symptom_details(p, own, entries, entries[-1])


def summary_symptoms(data: Data, catalog: Catalog) -> str:
    names = {s.id: s.name for s in catalog.symptoms}
    listed = [
        names.get(as_text(e.get("catalog")), "") or as_text(e.get("own"))
        for e in items_at(data, "symptoms")
    ]
    return "; ".join(listed) or "none"


def attack_questions(catalog: Catalog) -> tuple[Question, ...]:
    """What anaphylaxis is, in the help, comes from the catalog (and so from a source)."""
    return (
        Question(
            "attacks.last_year",
            "Attacks in the last year",
            "A rough number is fine.",
            kind="number",
            maximum=10000,
            when=_no_diary,
        ),
        Question(
            "attacks.last_attack",
            "When was the last one",
            "A date and what happened, in a few words.",
            when=lambda data: _no_diary(data) and mapping_at(data, "attacks").get("last_year") != 0,
        ),
        Question(
            "attacks.emergency_visits",
            "Emergency room visits for SM",
            "A rough number is fine.",
            kind="number",
            maximum=10000,
            when=_no_diary,
        ),
        Question(
            "attacks.epinephrine_used",
            "Have you ever used epinephrine",
            "An auto-injector.",
            kind="yes/no",
        ),
        Question(
            "attacks.anaphylaxis_ever",
            "Have you ever had anaphylaxis",
            catalog.explain("anaphylaxis"),
            kind="yes/no",
        ),
        Question(
            "daily_life",
            "How do symptoms affect your daily life",
            "Work, sleep, family, food, exercise: what have you changed?",
            kind="long text",
        ),
    )


def _no_diary(data: Data) -> bool:
    """The counts are asked only of a patient who keeps no diary: it has them already."""
    return not items_at(data, "attack_diary")


def diary_summary(data: Data) -> str:
    """The diary's counts in one sentence, worked out by the same code as the worksheet's
    (content/diary.py), so the two never disagree: up to the visit (or today, if it is
    still to come), an entry after that not counted, and no emergency visit count where
    no entry said."""
    from prepkit.content.diary import counted_until, diary_attacks
    from prepkit.content.rules import to_profile
    from prepkit.core.today import today
    from prepkit.profile.convert import ProfileProblem

    diary = items_at(data, "attack_diary")
    kept = {
        "schema_version": 1,
        "attack_diary": diary,
        "attacks": mapping_at(data, "attacks"),
        "visit": {"date": mapping_at(data, "visit").get("date")},
    }
    tail = "The worksheet counts them from the diary; log a new one with 'prepkit log'."
    try:
        profile = to_profile(kept)
    except ProfileProblem:  # the final check names the problem; here, just the count
        return f"Attack diary: {len(diary)} entries. {tail}"
    counts = diary_attacks(profile, counted_until(profile, today()))
    year = counts.last_year or 0
    visits = counts.emergency_visits
    said = (
        "emergency room visits not given"
        if visits is None
        else f"{visits} emergency room {'visit' if visits == 1 else 'visits'}"
    )
    last = f", the last on {counts.last_attack}" if counts.last_attack else ""
    return (
        f"Attack diary: {year} {'attack' if year == 1 else 'attacks'} in the last "
        f"12 months{last}; {said}. {tail}"
    )


def ask_attacks(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Attacks and emergencies", catalog.explain("attack"))
    if not _no_diary(data):
        p.say(diary_summary(data))
    ask_all(p, attack_questions(catalog), data)


def summary_attacks(data: Data, catalog: Catalog) -> str:
    if not _no_diary(data):
        return diary_summary(data).partition(". The worksheet")[0]
    attacks = data.get("attacks") or {}
    last_year = attacks.get("last_year")
    return f"{'?' if last_year is None else last_year} attacks in the last year"


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
        at="triggers.catalog",
    )
    triggers["catalog"] = [ids[i] for i in chosen]
    own = triggers["own"] = [as_text(t) for t in triggers.get("own") or []]
    ask_list_of_own(
        p,
        "Another trigger in your own words",
        "Press Enter on an empty line when done.",
        own,
        at="triggers.own",
    )


def summary_triggers(data: Data, catalog: Catalog) -> str:
    triggers = data.get("triggers") or {}
    names = {t.id: t.name for t in catalog.triggers}
    listed = [names.get(t, t) for t in triggers.get("catalog") or []] + list(
        triggers.get("own") or []
    )
    return "; ".join(listed) or "none"
