"""What changed between the profile kept for the last visit and today's: facts, not judgements.

Every line says what the two profiles say ("severity 6 → 8"), never what it
means ("worse"): reading the change is the care team's job. Items are matched
the way a patient names them: a catalog symptom by its id, anything in the
patient's own words (medications, drugs to avoid, own symptoms) by its text,
ignoring case and spacing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from prepkit.content.catalog import Catalog
from prepkit.content.results import STATUS_WORDS, by_time, test_key, test_name
from prepkit.core.today import today
from prepkit.core.words import folded, squeezed
from prepkit.profile.schema import Profile, QuestionEntry, SymptomEntry, TestRecord

ARROW = "→"
T = TypeVar("T")


@dataclass(frozen=True)
class ChangeGroup:
    """One part of the "Since my last visit" section: a heading and its lines."""

    heading: str
    lines: tuple[str, ...]


def _key(text: str) -> str:
    return folded(text)


def _same(a: str, b: str) -> bool:
    """The same dose or frequency as typed either way: "10mg" is "10 mg", "BID" is "bid"."""
    return squeezed(a) == squeezed(b)


def _was(before: object, now: object) -> str:
    shown = [str(v) if v not in (None, "") else "not given" for v in (before, now)]
    return f"{shown[0]} {ARROW} {shown[1]}"


def _symptom_name(entry: SymptomEntry, catalog: Catalog) -> str:
    names = {s.id: s.name for s in catalog.symptoms}
    return names.get(entry.catalog or "", "") or entry.own


def _symptom_key(entry: SymptomEntry) -> str:
    return f"catalog:{entry.catalog}" if entry.catalog else f"own:{_key(entry.own)}"


def _pair(
    before: Sequence[T], now: Sequence[T], key: Callable[[T], str]
) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Items matched by key, in order of occurrence (two entries may share a name:
    prednisone morning and evening); then the new ones, then the ones gone."""
    pool: dict[str, list[T]] = {}
    for item in before:
        pool.setdefault(key(item), []).append(item)
    matched: dict[int, T] = {}  # index in now -> its match in before
    for exact in (True, False):  # an unchanged entry first: reordering is no change
        for index, item in enumerate(now):
            waiting = pool.get(key(item))
            if index in matched or not waiting:
                continue
            same = [old for old in waiting if old == item] if exact else waiting
            if same:
                first = same[0]
                waiting.remove(first)
                matched[index] = first
    pairs = [(matched[i], item) for i, item in enumerate(now) if i in matched]
    added = [item for i, item in enumerate(now) if i not in matched]
    left = {id(item) for items in pool.values() for item in items}
    return pairs, added, [item for item in before if id(item) in left]


def _symptoms(before: Profile, now: Profile, catalog: Catalog) -> list[str]:
    pairs, added, gone = _pair(before.symptoms, now.symptoms, _symptom_key)
    lines = []
    for entry in added:
        severity = "" if entry.severity is None else f" (severity {entry.severity})"
        lines.append(f"New: {_symptom_name(entry, catalog)}{severity}")
    for was, entry in pairs:
        name = _symptom_name(entry, catalog)
        if was.severity != entry.severity:
            lines.append(f"{name}: severity {_was(was.severity, entry.severity)}")
        if _key(was.how_often) != _key(entry.how_often):
            lines.append(f"{name}: how often {_was(was.how_often, entry.how_often)}")
    lines += [f"No longer listed: {_symptom_name(entry, catalog)}" for entry in gone]
    return lines


def _dose(dose: str, how_often: str) -> str:
    return ", ".join(part for part in (dose, how_often) if part)


def _medications(before: Profile, now: Profile) -> list[str]:
    pairs, added, gone = _pair(before.medications, now.medications, lambda m: _key(m.name))
    notes = {_key(s.name): s for s in now.stopped_medications}
    lines = []
    for med in added:
        detail = _dose(med.dose, med.how_often)
        lines.append(f"Started: {med.name}" + (f" ({detail})" if detail else ""))
    for was, med in pairs:
        if not _same(was.dose, med.dose):
            lines.append(f"{med.name}: dose {_was(was.dose, med.dose)}")
        if not _same(was.how_often, med.how_often):
            lines.append(f"{med.name}: how often {_was(was.how_often, med.how_often)}")
    for was in gone:
        note = notes.get(_key(was.name))
        said = [] if note is None else [part for part in (note.stopped, note.why) if part]
        lines.append(f"Stopped: {was.name}" + (f" ({'; '.join(said)})" if said else ""))
    return lines


def _avoid(before: Profile, now: Profile) -> list[str]:
    pairs, added, gone = _pair(before.avoid, now.avoid, lambda a: _key(a.name))
    lines = [f"New: {a.name}" + (f" ({a.reaction})" if a.reaction else "") for a in added]
    lines += [
        f"{a.name}: reaction {_was(was.reaction, a.reaction)}"
        for was, a in pairs
        if _key(was.reaction) != _key(a.reaction)
    ]
    return lines + [f"No longer listed: {a.name}" for a in gone]


def _tests(before: Profile, now: Profile, catalog: Catalog) -> list[str]:
    """Each result not in the last visit's profile, beside that test's latest result then."""
    then_in_time, now_in_time = by_time(list(before.tests)), by_time(list(now.tests))
    old = {(test_key(r), r.date, r.value) for r in before.tests}
    latest: dict[str, TestRecord] = {}
    for record in then_in_time:
        if record.value:
            latest[test_key(record)] = record
    lines = []
    for record in now_in_time:
        if not record.value or (test_key(record), record.date, record.value) in old:
            continue
        result = record.value + (f" ({record.date})" if record.date else "")
        was = latest.get(test_key(record))
        previous = ""
        if was is not None:
            previous = f"; before: {was.value}" + (f" ({was.date})" if was.date else "")
        lines.append(f"{test_name(record, catalog)}: {result}{previous}")
    # A test's status (the latest record's), where it changed: "not done → will bring".
    status_then = {test_key(r): r.statuses for r in then_in_time}
    status_now = {test_key(r): r for r in now_in_time}
    for key, record in status_now.items():
        then = status_then.get(key, ())
        if key in status_then and set(then) != set(record.statuses):
            change = _was(_status_words(then), _status_words(record.statuses))
            lines.append(f"{test_name(record, catalog)}: {change}")
    return lines


def _status_words(statuses: tuple[str, ...]) -> str:
    return " and ".join(STATUS_WORDS.get(s, s) for s in statuses)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


def _attacks(before: Profile, now: Profile, prepared: dt.date | None) -> list[str]:
    """The counts as each worksheet printed them (from the diary, when there is one)."""
    from prepkit.content.diary import counted_until, diary_attacks

    day = prepared or today()
    was = diary_attacks(before, counted_until(before, day))
    now_ = diary_attacks(now, counted_until(now, day))
    lines = []
    counts: tuple[tuple[str, object, object], ...] = (
        ("Attacks in the last year", was.last_year, now_.last_year),
        ("Emergency room visits", was.emergency_visits, now_.emergency_visits),
    )
    if bool(before.attack_diary) != bool(now.attack_diary):
        # Counts typed from memory and counts from a diary started since are not the same
        # measure: set side by side, "30 -> 1" would read as a change in the attacks.
        counts = ()
        started = min(e.date for e in now.attack_diary) if now.attack_diary else None
        lines.append(
            f"Attack counts now come from my attack diary, kept since {started}"
            if started
            else "Attack counts are typed again, no longer from the attack diary"
        )
    pairs = (
        *counts,
        ("Last attack", was.last_attack, now_.last_attack),
        ("Epinephrine ever used", _yes_no(was.epinephrine_used), _yes_no(now_.epinephrine_used)),
        ("Anaphylaxis ever", _yes_no(was.anaphylaxis_ever), _yes_no(now_.anaphylaxis_ever)),
        (
            "I carry epinephrine",
            _yes_no(before.carries_epinephrine),
            _yes_no(now.carries_epinephrine),
        ),
    )
    return lines + [f"{label}: {_was(old, new)}" for label, old, new in pairs if old != new]


def _diagnosis(before: Profile, now: Profile, catalog: Catalog) -> list[str]:
    names = {item.id: item.name for item in catalog.diagnoses()}
    lines = []
    if before.diagnosis.type != now.diagnosis.type:
        was = names.get(before.diagnosis.type or "", "")
        lines.append(f"Diagnosis: {_was(was, names.get(now.diagnosis.type or '', ''))}")
    if _key(before.diagnosis.diagnosed) != _key(now.diagnosis.diagnosed):
        lines.append(f"When diagnosed: {_was(before.diagnosis.diagnosed, now.diagnosis.diagnosed)}")
    return lines


def _open_questions(before: Profile, now: Profile, catalog: Catalog) -> list[str]:
    """Last time's questions with no answer noted, then or since (in today's profile)."""
    texts = {q.id: q.text for q in catalog.questions}

    def key(question: QuestionEntry) -> str:
        return question.catalog or _key(question.own)

    answered = {key(q) for q in now.questions if q.answer.strip()}
    return [
        texts.get(q.catalog or "", "") or q.own
        for q in before.questions
        if not q.answer.strip() and key(q) not in answered
    ]


def changes_since(
    before: Profile, now: Profile, catalog: Catalog, *, prepared: dt.date | None = None
) -> list[ChangeGroup]:
    """The "Since my last visit" section, group by group; a group with nothing is left out.

    ``prepared`` is the day the worksheet is printed (today unless given).
    """
    groups: Iterable[tuple[str, list[str]]] = (
        ("Diagnosis", _diagnosis(before, now, catalog)),
        ("Symptoms", _symptoms(before, now, catalog)),
        ("Medications", _medications(before, now)),
        ("To avoid", _avoid(before, now)),
        ("Test results", _tests(before, now, catalog)),
        ("Attacks", _attacks(before, now, prepared)),
        ("Asked last time, no answer noted", _open_questions(before, now, catalog)),
    )
    return [ChangeGroup(heading, tuple(lines)) for heading, lines in groups if lines]
