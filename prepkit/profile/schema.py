"""The shape of a profile: every answer prepkit can hold, with its limits.

Every field has a default so that a half-filled profile still renders: an empty
section prints as a blank version to fill in by hand. The shapes are msgspec
structs because msgspec checks them in a few microseconds and imports in a few
milliseconds, which a command-line tool that starts for every visit feels.

What the shapes cannot say (an entry is either picked or written, a test
appears once) is in :func:`rule_problems`. Whether an id is in the catalog is
the content layer's to say (``prepkit.content.rules``): this layer knows no catalog.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Literal

from msgspec import Meta, Struct

from prepkit.core.today import today
from prepkit.core.words import folded
from prepkit.profile.avoid_notes import slips

SCHEMA_VERSION = 1
SHORT_TEXT = 200
LONG_TEXT = 2000
# Lines in one multi-line answer. A page of notes is about 40; without a limit,
# 2,000 characters could be 1,000 one-letter lines, and a profile of them thousands
# of pages that took minutes to print.
LONG_TEXT_LINES = 50
MAX_ITEMS = 100
PHONE_TEXT = 20

Location = tuple[str | int, ...]

# ``extra["text"]`` tells the reader how to tidy what the patient typed: a "line"
# becomes one line, "lines" keeps its line breaks (see prepkit.profile.convert).
Text = Annotated[str, Meta(max_length=SHORT_TEXT, extra={"text": "line"})]
LongText = Annotated[str, Meta(max_length=LONG_TEXT, extra={"text": "lines"})]
RequiredText = Annotated[str, Meta(min_length=1, max_length=SHORT_TEXT, extra={"text": "line"})]
PhoneNumber = Annotated[str, Meta(max_length=PHONE_TEXT, extra={"text": "line"})]
# When a result was taken, as the patient writes it: 2026-03, March 2026, spring 2024.
DATE_TEXT = 40
DateText = Annotated[str, Meta(max_length=DATE_TEXT, extra={"text": "line"})]
# A test's name in the patient's words ("Bone density scan (DEXA)"): a name, not a note.
TEST_NAME_TEXT = 100
TestName = Annotated[str, Meta(max_length=TEST_NAME_TEXT, extra={"text": "line"})]
# The attack diary: years of daily logging, far more than any other list. Each entry
# is short (a few words per symptom, one line of note) so that a long diary prints
# in proportion.
DIARY_ENTRIES = 2000
DIARY_ITEMS = 10
DIARY_WORDS = SHORT_TEXT  # an own symptom's name fits
DiaryWords = Annotated[str, Meta(min_length=1, max_length=DIARY_WORDS, extra={"text": "line"})]
DiaryItems = Meta(max_length=DIARY_ITEMS)
# A time of day as written on a 24-hour clock, "21:00"; checked in rule_problems.
ClockTime = Annotated[str, Meta(max_length=5, extra={"text": "line"})]
CLOCK_TIME = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
Count = Annotated[int, Meta(ge=0, le=10000)]
Severity = Annotated[int, Meta(ge=0, le=10)]
Items = Meta(max_length=MAX_ITEMS)


class _Section(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    pass


class Patient(_Section, frozen=True):
    name: Text = ""
    date_of_birth: dt.date | None = None


class Visit(_Section, frozen=True):
    date: dt.date | None = None
    # A follow-up's worksheet says "since my last visit" where a first one does not.
    kind: Literal["first", "follow-up"] | None = None
    mode: Literal["in-person", "virtual"] | None = None
    provider: Text = ""
    clinic: Text = ""
    reason: LongText = ""


class Diagnosis(_Section, frozen=True):
    type: str | None = None
    diagnosed: Text = ""


class SymptomEntry(_Section, frozen=True):
    """A symptom picked from the catalog or written in the patient's own words."""

    catalog: str | None = None
    own: Text = ""
    first_noticed: Text = ""
    how_often: Text = ""
    severity: Severity | None = None
    worse_with: Text = ""
    notes: LongText = ""


class QuestionEntry(_Section, frozen=True):
    catalog: str | None = None
    own: LongText = ""
    # What the provider said, noted after the visit; a question left without one is
    # offered again on the next worksheet.
    answer: Text = ""
    # False: answered, and not asked again; kept (with its answer) rather than lost
    # when the patient takes it off the list, and not printed.
    ask_again: bool | None = None


class Attacks(_Section, frozen=True):
    last_year: Count | None = None
    last_attack: Text = ""
    emergency_visits: Count | None = None
    epinephrine_used: bool | None = None
    anaphylaxis_ever: bool | None = None


class DiaryEntry(_Section, frozen=True):
    """One attack, logged soon after it (``prepkit log``), so counts need no memory.

    Symptoms, triggers and what was taken are as the patient put them: a catalog
    id ("flushing") prints as the catalog's name, anything else as their words.
    """

    date: dt.date
    time: ClockTime = ""
    symptoms: Annotated[list[DiaryWords], DiaryItems] = []
    triggers: Annotated[list[DiaryWords], DiaryItems] = []
    severity: Severity | None = None
    lasted: Text = ""
    took: Annotated[list[DiaryWords], DiaryItems] = []
    epinephrine: bool | None = None
    emergency_visit: bool | None = None
    note: Text = ""


class Triggers(_Section, frozen=True):
    catalog: Annotated[list[str], Items] = []
    own: Annotated[list[RequiredText], Items] = []


class Medication(_Section, frozen=True):
    name: RequiredText
    dose: Text = ""
    how_often: Text = ""
    what_for: Text = ""
    # The wallet card lists current medications unless the patient says "no" here:
    # leaving one off the card is always their explicit choice.
    on_card: bool | None = None


class StoppedMedication(_Section, frozen=True):
    """A medication no longer taken: kept so the next visit knows when and why."""

    name: RequiredText
    stopped: Text = ""
    why: Text = ""


class AvoidItem(_Section, frozen=True):
    name: RequiredText
    reaction: Text = ""


TestStatus = Literal["have-result", "will-bring", "not-done", "dont-know"]
# Statuses that say there is no result: a date or value beside them contradicts them.
NO_RESULT = ("not-done", "dont-know")
Statuses = Annotated[list[TestStatus], Meta(min_length=1, max_length=2)]


class TestRecord(_Section, frozen=True):
    """One test result, or a test's status: one (or two: ``[have-result, will-bring]``).

    A test from the list (``test``) or in the patient's words (``own``: a bone
    density scan). The same test may come again with another date: its results
    over time, which the worksheet charts when they are numbers.
    """

    test: str | None = None
    own: TestName = ""
    # None: not stated (a row with a value but no status is not called "don't know").
    status: TestStatus | Statuses | None = None
    date: DateText = ""
    value: Text = ""

    @property
    def statuses(self) -> tuple[str, ...]:
        if self.status is None:
            return ()
        return (self.status,) if isinstance(self.status, str) else tuple(self.status)


class CareTeamMember(_Section, frozen=True):
    name: RequiredText
    role: Text = ""
    phone: Text = ""


class EmergencyContact(_Section, frozen=True):
    name: Text = ""
    relation: Text = ""
    phone: Text = ""


class Profile(_Section, frozen=True):
    """Everything a patient has told prepkit, in the order a visit goes."""

    schema_version: int
    patient: Patient = Patient()
    visit: Visit = Visit()
    diagnosis: Diagnosis = Diagnosis()
    symptoms: Annotated[list[SymptomEntry], Items] = []
    attacks: Attacks = Attacks()
    attack_diary: Annotated[list[DiaryEntry], Meta(max_length=DIARY_ENTRIES)] = []
    daily_life: LongText = ""
    triggers: Triggers = Triggers()
    medications: Annotated[list[Medication], Items] = []
    stopped_medications: Annotated[list[StoppedMedication], Items] = []
    avoid: Annotated[list[AvoidItem], Items] = []
    tests: Annotated[list[TestRecord], Items] = []
    questions: Annotated[list[QuestionEntry], Items] = []
    care_team: Annotated[list[CareTeamMember], Items] = []
    emergency_contact: EmergencyContact = EmergencyContact()
    carries_epinephrine: bool | None = None
    emergency_number: PhoneNumber = ""
    # What the patient's care team told them to do in a severe reaction, in their
    # words: the card prints it as theirs (prepkit gives no instructions of its own).
    emergency_steps: Text = ""
    # Who gave those steps and when, and when the plan is to be reviewed: printed with
    # the steps, so whoever reads them knows whose they are and how old.
    emergency_steps_by: Text = ""
    emergency_steps_on: dt.date | None = None
    plan_review: dt.date | None = None
    # Facts an emergency plan carries, as the patient wrote them: weight with its unit
    # ("64 kg", "141 lb"), and where the epinephrine is kept.
    weight: Text = ""
    epinephrine_kept: Text = ""
    notes: LongText = ""


def rule_problems(profile: Profile) -> Iterator[tuple[Location, str]]:
    """Every way ``profile`` breaks a rule its shape cannot express, in file order."""
    if profile.schema_version != SCHEMA_VERSION:
        yield (
            ("schema_version",),
            (
                f"this profile is schema version {profile.schema_version}; "
                f"this prepkit reads version {SCHEMA_VERSION}"
            ),
        )
    born = profile.patient.date_of_birth
    if born is not None:
        now = today()
        if born > now:
            yield ("patient", "date_of_birth"), f"{born} is in the future; check the year"
        elif born.year < now.year - 120:
            yield ("patient", "date_of_birth"), f"{born} is more than 120 years ago; check the year"
    dates = (
        (("visit", "date"), profile.visit.date, date_problem),
        (("emergency_steps_on",), profile.emergency_steps_on, given_problem),
        (("plan_review",), profile.plan_review, date_problem),
    )
    for place, day, check in dates:
        problem = None if day is None else check(day)
        if problem:
            yield place, problem
    for index, symptom in enumerate(profile.symptoms):
        yield from _one_of(("symptoms", index), symptom.catalog, symptom.own)
    for index, trigger in enumerate(profile.triggers.catalog):
        if trigger in profile.triggers.catalog[:index]:
            yield ("triggers", "catalog", index), f"{trigger!r} is listed twice"
    seen: list[tuple[str, str]] = []
    for index, record in enumerate(profile.tests):
        yield from _one_of(("tests", index), record.test, record.own, what="test")
        key = (record.test or folded(record.own), record.date)
        if not (record.date or record.value) and record.statuses == ("have-result",):
            # A result still to be written down (the wizard stopped at its date).
            yield from _test_status(index, record)
            continue
        if key in seen:
            when = f"for {record.date}" if record.date else "without a date"
            yield (
                ("tests", index, "test" if record.test else "own"),
                f"this test is listed more than once {when}; give each result its own date",
            )
        seen.append(key)
        yield from _test_status(index, record)
    for index, question in enumerate(profile.questions):
        yield from _one_of(("questions", index), question.catalog, question.own)
    yield from _diary_problems(profile.attack_diary)


# The dates a profile holds (a visit, a logged attack) fall within a lifetime: from
# 120 years ago to 10 years ahead. Outside it a date is a slip of the keyboard
# (0001, 9999), and refusing it here keeps every date sum elsewhere in range.
YEARS_BACK = 120
YEARS_AHEAD = 10


def date_problem(day: dt.date) -> str | None:
    """Why ``day`` cannot be a visit's or an attack's date, or None."""
    year = today().year
    if day.year < year - YEARS_BACK:
        return f"{day} is more than {YEARS_BACK} years ago; check the year"
    if day.year > year + YEARS_AHEAD:
        return f"{day} is more than {YEARS_AHEAD} years from now; check the year"
    return None


def given_problem(day: dt.date) -> str | None:
    """Why ``day`` cannot be when the care team gave their steps (a day gone by), or None."""
    if day > today():
        return f"{day} is after today; the steps were given on a day that has passed"
    return date_problem(day)


def _diary_problems(diary: list[DiaryEntry]) -> Iterator[tuple[Location, str]]:
    """A logged attack happened in a patient's lifetime, at a time a clock shows.

    A date after today is only noted (see :func:`notices`): logged on a phone in
    another time zone, it is tomorrow here, and it must not lock the profile.
    """
    for index, entry in enumerate(diary):
        problem = date_problem(entry.date)
        if problem:
            yield ("attack_diary", index, "date"), problem
        if entry.time and not CLOCK_TIME.fullmatch(entry.time):
            yield (
                ("attack_diary", index, "time"),
                f"{entry.time!r} is not a time; write it on a 24-hour clock, like 21:00",
            )


def notices(profile: Profile) -> list[tuple[Location, str]]:
    """What is allowed but worth a word before printing (people reprint old visits)."""
    found: list[tuple[Location, str]] = []
    visit = profile.visit.date
    if visit is not None and visit < today():
        found.append((("visit", "date"), f"{visit} is in the past; is it the right visit?"))
    for index, entry in enumerate(profile.attack_diary):
        if entry.date > today():
            found.append(
                (
                    ("attack_diary", index, "date"),
                    f"{entry.date} is after today; the worksheet counts it from that day on",
                )
            )
    # The same drug twice ("Codeine", "CODEINE") takes a second line on a card with
    # little room, and may be two reactions that belong together: worth a look.
    named = (
        ("avoid", [item.name for item in profile.avoid]),
        ("medications", [item.name for item in profile.medications]),
    )
    for key, names in named:
        seen: dict[str, int] = {}
        for index, name in enumerate(names):
            same = folded(name)
            if same in seen:
                found.append(
                    (
                        (key, index, "name"),
                        f"{name!r} is also {key}[{seen[same] + 1}]; is it listed twice by mistake?",
                    )
                )
            else:
                seen[same] = index
    if profile.epinephrine_kept and profile.carries_epinephrine is False:
        found.append(
            (
                ("epinephrine_kept",),
                "carries_epinephrine is no, so the card leaves out where it is kept; "
                "change one of them if that is not right",
            )
        )
    given, review = profile.emergency_steps_on, profile.plan_review
    if given is not None and review is not None and review < given:
        found.append(
            (("plan_review",), f"{review} is before the steps were given ({given}); check both")
        )
    slipped = slips(
        [(item.name, item.reaction) for item in profile.avoid],
        [m.name for m in profile.medications],
        carries=profile.carries_epinephrine is True,
    )
    return found + [(("avoid", index, field), note) for index, field, note in slipped]


def _test_status(index: int, record: TestRecord) -> Iterator[tuple[Location, str]]:
    """A result needs a status that allows one: "not done" with a value is a contradiction."""
    statuses = record.statuses
    if len(statuses) > 1 and (set(statuses) & set(NO_RESULT) or len(set(statuses)) < 2):
        yield (
            ("tests", index, "status"),
            "only 'have-result' and 'will-bring' go together; "
            f"{' and '.join(repr(s) for s in statuses)} contradict each other",
        )
    for field in ("value", "date"):
        if getattr(record, field) and len(statuses) == 1 and statuses[0] in NO_RESULT:
            yield (
                ("tests", index, field),
                f"a test marked {statuses[0]!r} cannot have a result {field}; "
                "remove it, or change the status to 'have-result'",
            )


def _one_of(
    loc: Location, catalog: str | None, own: str, *, what: str = "catalog"
) -> Iterator[tuple[Location, str]]:
    if (catalog is None) == (not own):
        yield loc, f"give either '{what}' (an item from the list) or 'own' (your own words)"
