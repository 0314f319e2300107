"""Section 9: the care team, the emergency contact, and what the card says to do.

Nothing is assumed here: no emergency number is filled in for the patient, and
the care team's steps for a severe reaction are printed as theirs.
"""

from __future__ import annotations

from prepkit.content.catalog import Catalog
from prepkit.profile.schema import date_problem, given_problem
from prepkit.wizard.answers import Data, as_text, carries_epinephrine, heading, items_at
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.lists import Items, ask_items
from prepkit.wizard.prompts import Prompter

MEMBER_DETAILS = (
    Question("role", "Role", "For example: family doctor, allergist."),
    Question("phone", "Phone", "With the area code.", kind="phone"),
)


def _has_contact(data: Data) -> bool:
    return bool((data.get("emergency_contact") or {}).get("name"))


def _has_steps(data: Data) -> bool:
    return bool(as_text(data.get("emergency_steps")).strip())


EMERGENCY = (
    Question("emergency_contact.name", "Emergency contact", "Someone to call if you cannot speak."),
    Question(
        "emergency_contact.relation",
        "Relation to you",
        "For example: husband, daughter.",
        when=_has_contact,
    ),
    Question(
        "emergency_contact.phone",
        "Their phone",
        "With the area code.",
        kind="phone",
        when=_has_contact,
    ),
    Question(
        "emergency_number",
        "Emergency number",
        "The number for an ambulance where you live, for example 911, 999 or 112. "
        "Your card prints it beside your contact; Enter leaves a line to write it in.",
        kind="phone",
    ),
    Question(
        "carries_epinephrine",
        "Do you carry epinephrine",
        "A self-injecting epinephrine pen (auto-injector).",
        kind="yes/no",
    ),
    Question(
        "epinephrine_kept",
        "Where do you keep it",
        "So a helper can find it, for example: left coat pocket. Enter to leave it out.",
        when=carries_epinephrine,
        forget_when_skipped=True,
    ),
    Question(
        "weight",
        "Your weight, with its unit",
        "As you know it, for example 64 kg or 141 lb. Enter to leave it out.",
    ),
    Question(
        "emergency_steps",
        "Your care team's steps for a severe reaction",
        "As they gave them to you; your card prints them as theirs. Enter if none.",
    ),
    Question(
        "emergency_steps_by",
        "Who gave you these steps",
        "For example: Dr. Lena Fischer. Enter to leave it out.",
        when=_has_steps,
        forget_when_skipped=True,
    ),
    Question(
        "emergency_steps_on",
        "When did they give them",
        "Year-month-day, for example 2026-03-10. Enter to leave it out.",
        kind="date",
        check=given_problem,
        when=_has_steps,
        forget_when_skipped=True,
    ),
    Question(
        "plan_review",
        "When should the steps be reviewed",
        "The date your care team gave, for example 2027-03-10. Enter to leave it out.",
        kind="date",
        check=date_problem,
        when=_has_steps,
        forget_when_skipped=True,
    ),
)


def _member(entry: Data) -> str:
    parts = [as_text(entry.get(key)) for key in ("name", "role", "phone")]
    return ", ".join(part for part in parts if part)


CARE_TEAM = Items(
    "care_team",
    shown=lambda entry: _member(entry),
    gone="Who is no longer in your care team",
    changed="Whose role or phone changed",
    new="Care team member's name",
    details=MEMBER_DETAILS,
)


def ask_care(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Care team and emergencies")
    ask_items(p, data, CARE_TEAM)
    ask_all(p, EMERGENCY, data)


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
