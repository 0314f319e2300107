"""Sections 1 and 2: about you and the visit, and the diagnosis so far."""

from __future__ import annotations

import datetime as dt

from prepkit.content.catalog import Catalog
from prepkit.core.today import today
from prepkit.profile.schema import date_problem
from prepkit.wizard.answers import Data, as_text, heading, mapping_at
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.resume import within


def _birth_date_problem(born: dt.date) -> str | None:
    now = today()
    if now.year - 120 <= born.year and born <= now:
        return None
    return f"{born} cannot be a date of birth; check the year"


def _past_visit(visit_date: dt.date) -> str | None:
    if visit_date < today():
        return f"{visit_date} is in the past. Kept; you can change it at the review."
    return None


ABOUT = (
    Question("patient.name", "Your name", "As it should appear on the worksheet and the card."),
    Question(
        "patient.date_of_birth",
        "Date of birth",
        "Optional. Year-month-day, for example 1981-06-14.",
        kind="date",
        check=_birth_date_problem,
    ),
    Question(
        "visit.date",
        "Visit date",
        "When is the appointment? For example 2026-12-03.",
        kind="date",
        check=date_problem,
        note=_past_visit,
    ),
    Question(
        "visit.kind",
        "First visit or follow-up",
        "Pick a number. A follow-up's worksheet has hints for a follow-up.",
        kind="choice",
        options=(("first", "First visit about SM with this provider"), ("follow-up", "Follow-up")),
    ),
    Question(
        "visit.mode",
        "In person or virtual",
        "Pick a number.",
        kind="choice",
        options=(("in-person", "In person"), ("virtual", "Virtual (video or phone)")),
    ),
    Question("visit.provider", "Provider", "The doctor or specialist you will see."),
    Question("visit.clinic", "Clinic", "The clinic or hospital."),
    Question(
        "visit.reason",
        "Reason for the visit",
        "In a sentence: why this visit, why now?",
        kind="long text",
    ),
)


def ask_about(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "About you and the visit", "Enter skips a question; type ? for more help.")
    ask_all(p, ABOUT, data)


def summary_about(data: Data, catalog: Catalog) -> str:
    patient, visit = data.get("patient") or {}, data.get("visit") or {}
    parts = [
        patient.get("name") or "no name",
        f"born {patient['date_of_birth']}" if patient.get("date_of_birth") else "no birth date",
        visit.get("date") or "no visit date",
        visit.get("provider") or "no provider",
    ]
    return ", ".join(str(part) for part in parts)


def diagnosis_questions(catalog: Catalog) -> tuple[Question, ...]:
    """The diagnosis question's options are the catalog's SM types, in its order."""
    return (
        Question(
            "type",
            "Diagnosis",
            "Pick the number that matches what you have been told.",
            kind="choice",
            options=tuple(
                (item.id, f"{item.name}: {item.summary}") for item in catalog.diagnoses()
            ),
            more_help="If you have been told you have SM but not which type, pick 'Diagnosed "
            "with SM, type not known yet'; if SM has only been raised as a possibility, "
            "'Suspected'.",
        ),
        Question(
            "diagnosed",
            "When were you diagnosed",
            "A month and year is enough, for example 2024-05.",
            when=lambda diagnosis: diagnosis.get("type") not in (None, "suspected"),
        ),
    )


def ask_diagnosis(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Your diagnosis so far")
    with within(p, "diagnosis"):
        ask_all(p, diagnosis_questions(catalog), mapping_at(data, "diagnosis"))


def summary_diagnosis(data: Data, catalog: Catalog) -> str:
    chosen = (data.get("diagnosis") or {}).get("type")
    names = {item.id: item.name for item in catalog.diagnoses()}
    return names.get(as_text(chosen), "not answered")
