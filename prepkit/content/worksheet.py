"""Turn a profile into what the worksheet templates show.

The templates own the words; this module owns the decisions a template should
not make: which catalog item an id stands for, the order of the symptom
timeline, which boxes are ticked.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from msgspec import Struct

from prepkit.content.catalog import Catalog, Described
from prepkit.content.changes import changes_since
from prepkit.content.results import (
    MONTHS,
    by_time,
    result_series,
    test_key,
    test_name,
)
from prepkit.profile.schema import Profile, QuestionEntry, TestRecord

_SEASONS = {"winter": 1, "spring": 4, "summer": 7, "autumn": 10, "fall": 10}
# ASCII: dates are written with 0-9, and the patterns compile faster.
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b", re.ASCII)
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{1,2})\b", re.ASCII)
_SLASH_MONTH = re.compile(r"\b(\d{1,2})/(\d{4})\b", re.ASCII)
_WORD = re.compile(r"[a-z]+")


def onset_key(text: str) -> tuple[int, int] | None:
    """Best-effort (year, month) for "when first noticed", so the timeline can be ordered.

    Patients write dates many ways ("2019-03", "03/2019", "March 2019",
    "spring 2019", "2019"); anything without a year ("as a child") has no key and
    keeps its place after the dated entries.
    """
    lowered = text.lower()
    if match := _ISO_MONTH.search(lowered):
        return int(match[1]), min(int(match[2]), 12)
    if match := _SLASH_MONTH.search(lowered):
        return int(match[2]), min(int(match[1]), 12)
    year = _YEAR.search(lowered)
    if year is None:
        return None
    month = 0
    for word in _WORD.findall(lowered):
        month = MONTHS.get(word) or _SEASONS.get(word) or month
    return int(year[1]), month


# A note longer than this is printed in full under the symptoms table, not in its
# narrow Notes column: there, 4,000 characters made a row ten pages tall, a strip
# a few words wide that nobody could read (and that took ReportLab minutes to split).
NOTE_IN_TABLE = 160


class SymptomRow(Struct, frozen=True):
    name: str
    body_area: str
    first_noticed: str
    how_often: str
    severity: str
    worse_with: str
    notes: str

    @property
    def note_below(self) -> bool:
        """Whether the note is printed under the table (the Notes cell says so)."""
        return len(self.notes) > NOTE_IN_TABLE or self.notes.count("\n") > 2


class CheckItem(Struct, frozen=True):
    name: str
    checked: bool


class TestRow(Struct, frozen=True):
    name: str
    statuses: tuple[str, ...]
    date: str
    value: str


def symptom_rows(profile: Profile, catalog: Catalog) -> list[SymptomRow]:
    """The patient's symptoms, earliest onset first; undated ones last, in their order."""
    by_id = {s.id: s for s in catalog.symptoms}
    rows = []
    for entry in profile.symptoms:
        item = by_id.get(entry.catalog or "")
        rows.append(
            SymptomRow(
                name=item.name if item else entry.own,
                body_area=catalog.body_area_name(item.body_area) if item else "",
                first_noticed=entry.first_noticed,
                how_often=entry.how_often,
                severity="" if entry.severity is None else str(entry.severity),
                worse_with=entry.worse_with,
                notes=entry.notes,
            )
        )
    keys = [onset_key(row.first_noticed) for row in rows]
    order = sorted(range(len(rows)), key=lambda i: (keys[i] is None, keys[i] or (0, 0), i))
    return [rows[i] for i in order]


def trigger_items(profile: Profile, catalog: Catalog) -> list[CheckItem]:
    """Every catalog trigger, ticked where the patient noticed it, then their own."""
    chosen = set(profile.triggers.catalog)
    items = [CheckItem(t.name, t.id in chosen) for t in catalog.triggers]
    return items + [CheckItem(own, True) for own in profile.triggers.own]


def test_rows(profile: Profile, catalog: Catalog) -> list[TestRow]:
    """Every catalog test, then the patient's own; a row for each result, oldest first."""
    groups: dict[str, list[TestRecord]] = {t.id: [] for t in catalog.tests}
    for record in profile.tests:
        groups.setdefault(test_key(record), []).append(record)
    names = {t.id: t.name for t in catalog.tests}
    rows = []
    for key, records in groups.items():
        if not records:
            rows.append(TestRow(name=names[key], statuses=(), date="", value=""))
        for record in by_time(records):
            rows.append(
                TestRow(
                    name=test_name(record, catalog),
                    statuses=record.statuses,
                    date=record.date,
                    value=record.value,
                )
            )
    return rows


def asked(profile: Profile) -> list[QuestionEntry]:
    """The questions to ask at this visit: all but those answered and taken off the list."""
    return [q for q in profile.questions if q.ask_again is not False]


def question_texts(profile: Profile, catalog: Catalog) -> list[str]:
    """The patient's questions in their priority order, catalog ids turned into words."""
    by_id = {q.id: q.text for q in catalog.questions}
    return [by_id[q.catalog] if q.catalog else q.own for q in asked(profile)]


def diagnosis_item(profile: Profile, catalog: Catalog) -> Described | None:
    chosen = profile.diagnosis.type
    return next((d for d in catalog.diagnoses() if d.id == chosen), None)


def worksheet_context(
    profile: Profile,
    catalog: Catalog,
    *,
    prepared: dt.date,
    previous: Profile | None = None,
    previous_date: dt.date | None = None,
) -> dict[str, Any]:
    """Everything the worksheet templates may use, and nothing they must compute.

    ``previous`` is the profile kept for the last visit before this one, if any:
    the worksheet then says what changed since (none on a first visit).
    """
    from prepkit.content.diary import counted_until, diary_attacks, diary_summary

    last_visit = previous_date or (None if previous is None else previous.visit.date)
    return {
        "since": None
        if previous is None
        else changes_since(previous, profile, catalog, prepared=prepared),
        # The date the copy was kept for (its file name): a hand-made copy may have none.
        "last_visit": last_visit,
        "profile": profile,
        "catalog": catalog,
        "diagnosis": diagnosis_item(profile, catalog),
        "symptoms": symptom_rows(profile, catalog),
        "triggers": trigger_items(profile, catalog),
        "tests": test_rows(profile, catalog),
        "charts": result_series(profile, catalog),
        "questions": question_texts(profile, catalog),
        "answers": [q.answer for q in asked(profile)],
        "prepared": prepared,
        "attacks": diary_attacks(profile, counted_until(profile, prepared)),
        "diary": diary_summary(profile, catalog, prepared=prepared, last_visit=last_visit),
    }
