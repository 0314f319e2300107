"""``prepkit log``'s questions: one attack, in under a minute, soon after it.

Each answer is checked at once by the profile reader's own rules (the entry is
read as a one-entry diary), so a refused answer is asked again with the
reason, never lost at the end. The patient's own symptoms, triggers and
medications come first in each list: what they usually pick is a number away.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from prepkit.content.catalog import Catalog
from prepkit.profile.schema import DIARY_ITEMS, Profile
from prepkit.wizard.engine import Question, ask
from prepkit.wizard.prompts import Prompter, whole_number

Entry = dict[str, Any]
# Checks one entry with the profile reader's rules: None, or (field, problem).
EntryCheck = Callable[[Entry], tuple[str, str] | None]

_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?", re.ASCII)
_SKIP = "y or n; Enter to skip."
_WHEN_HELP = "Enter for now; or a day and time: 'yesterday 21:00', '2026-11-05 08:30', '7:15'."


def parse_when(text: str, now: dt.datetime) -> tuple[dt.date, str]:
    """When an attack started, as a patient writes it: the day, and the time ("" if none).

    Accepts "now", "today", "yesterday" or a date (2026-11-05), each with an
    optional time (21:00, 9pm, 9:30 pm), or a time alone (today). Raises
    ``ValueError`` with a sentence the patient can act on.
    """
    words = " ".join(text.lower().split())
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}t.+", words, re.ASCII):  # 2026-11-05T21:00 (ISO)
        words = words.replace("t", " ", 1)
    words = re.sub(r"^(.*\d:\d\d):\d\d$", r"\1", words, flags=re.ASCII)  # seconds: not kept
    if words in ("", "now"):
        return now.date(), now.strftime("%H:%M")
    day_word, _, rest = words.partition(" ")
    if day_word in ("today", "yesterday"):
        day = now.date() - dt.timedelta(days=1 if day_word == "yesterday" else 0)
    elif re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", day_word, re.ASCII):
        try:
            year, month, number = (int(part) for part in day_word.split("-"))
            day = dt.date(year, month, number)
        except ValueError:
            raise ValueError(f"there is no day {day_word}; check the month and the day") from None
    else:  # a time alone: today
        day, rest = now.date(), words
    time = _clock(rest.strip()) if rest.strip() else ""
    if day > now.date() or (day == now.date() and time > now.strftime("%H:%M")):
        alone = rest is words  # only a time was given: perhaps last night's
        hint = f"; for last night, write 'yesterday {time}'" if alone else ""
        raise ValueError(
            f"{_said(day, time)} is in the future; log an attack after it starts{hint}"
        )
    return day, time


def _clock(text: str) -> str:
    """``21:00``, ``9pm``, ``9:30 pm`` -> ``"21:00"``, ``"21:00"``, ``"21:30"``."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise ValueError(
            f"{text!r} is not a day or a time; write, for example, 'yesterday 21:00' or "
            "'2026-11-05 08:30'"
        )
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"{text!r}: with am or pm the hour is 1 to 12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is not a time; write it like 21:00")
    return f"{hour:02d}:{minute:02d}"


def _said(day: dt.date, time: str) -> str:
    return f"{day.isoformat()} {time}".rstrip()


def picked_or_written(text: str, offered: Sequence[str]) -> list[str]:
    """``"1, 3, cold sweat"`` -> the 1st and 3rd offered items and the patient's words.

    A number picks from ``offered``; anything else is kept as written. Raises
    ``ValueError`` for a number that is not on the list.
    """
    chosen: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        number = whole_number(part)
        if number is not None:
            if not offered:
                raise ValueError(f"there is no list to pick {number} from; write it in words")
            if not 1 <= number <= len(offered):
                raise ValueError(f"{number} is not on the list (choose from 1 to {len(offered)})")
            part = offered[number - 1]
        if part not in chosen:
            chosen.append(part)
    if len(chosen) > DIARY_ITEMS:
        raise ValueError(f"that is {len(chosen)}; an entry keeps at most {DIARY_ITEMS}")
    return chosen


def offered_lists(profile: Profile, catalog: Catalog) -> dict[str, list[tuple[str, str]]]:
    """(kept in the diary, shown) for symptoms, triggers and what was taken: theirs first."""
    symptom_names = {s.id: s.name for s in catalog.symptoms}
    mine = [
        (s.catalog, symptom_names[s.catalog]) if s.catalog else (s.own, s.own)
        for s in profile.symptoms
        if (s.catalog in symptom_names) or s.own
    ]
    symptoms = mine + [(s.id, s.name) for s in catalog.symptoms if s.id not in dict(mine)]
    trigger_names = {t.id: t.name for t in catalog.triggers}
    noted = [(t, trigger_names[t]) for t in profile.triggers.catalog if t in trigger_names]
    noted += [(t, t) for t in profile.triggers.own]
    triggers = noted + [(t.id, t.name) for t in catalog.triggers if t.id not in dict(noted)]
    taken = [(m.name, m.name) for m in profile.medications]
    return {"symptoms": symptoms, "triggers": triggers, "took": taken}


def ask_attack(
    p: Prompter,
    profile: Profile,
    catalog: Catalog,
    now: dt.datetime,
    check: EntryCheck,
) -> Entry:
    """Ask about one attack and return its diary entry (plain data, as the profile holds it).

    The questions are the engine's, like the wizard's: each answer is read (a day and
    time, numbers from a list) and then checked as part of the entry by the profile
    reader's rules, and a refused one is asked again with the reason.
    """
    entry: Entry = {}
    lists = offered_lists(profile, catalog)

    def accepted(field: str) -> Callable[[Any], str | None]:
        def problem(value: Any) -> str | None:
            if value in ("", []):
                return None  # skipped: nothing to check
            entry[field] = value
            refused = check(entry)
            if refused is None or refused[0] != field:
                return None
            del entry[field]
            return refused[1]

        return problem

    def when(text: str) -> str:
        day, entry["time"] = parse_when(text, now)
        return day.isoformat()

    def picked(field: str) -> Callable[[str], list[str]]:
        return lambda text: picked_or_written(text, [value for value, _ in lists[field]])

    took = (
        "Numbers from your medications, or your own words."
        if lists["took"]
        else "In your own words: a medicine, or what you did."
    )
    questions = (
        Question("date", "When did it start", _WHEN_HELP, read=when),
        Question(
            "symptoms",
            "Symptoms",
            "Numbers from the list, or your own words; commas between.",
            kind="long text",
            read=picked("symptoms"),
        ),
        Question(
            "triggers",
            "What may have set it off",
            "Numbers from the list, or your own words; commas between. Enter if you do not know.",
            kind="long text",
            read=picked("triggers"),
        ),
        Question("severity", "How bad, 0 to 10", "0 = hardly, 10 = the worst ever.", kind="number"),
        Question("lasted", "How long did it last", "For example: 20 minutes, 3 hours."),
        Question("took", "What did you take or do", took, kind="long text", read=picked("took")),
        Question("epinephrine", "Did you use epinephrine (an auto-injector)", _SKIP, kind="yes/no"),
        Question("emergency_visit", "Did you go to an emergency room", _SKIP, kind="yes/no"),
        Question("note", "A note", "Anything else worth telling your specialist."),
    )
    p.say("Log an attack: Enter skips any question.")
    for question in questions:
        for number, (_, shown) in enumerate(lists.get(question.to, []), start=1):
            p.say(f"  {number:>2}. {shown}")
        ask(p, replace(question, check=accepted(question.to)), entry)
    order = ["date", "time", *(question.to for question in questions[1:])]
    return {key: entry[key] for key in order if entry.get(key) not in (None, "", [])}
