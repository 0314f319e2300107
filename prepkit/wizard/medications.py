"""Section 6: medications taken now, and medications or substances to avoid.

The card lists both; a drug left out makes it wrong, so every saved one is offered
again by name ("Still taking ...?") rather than dropped without asking.
"""

from __future__ import annotations

from prepkit.content.catalog import Catalog
from prepkit.wizard.answers import Data, as_text, edit_list, heading, items_at
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.prompts import Prompter

MEDICATION_DETAILS = (
    Question("dose", "Dose", "For example 10 mg."),
    Question("how_often", "How often", "For example twice a day."),
    Question("what_for", "What for", "The symptom or reason."),
)
AVOID_DETAILS = (Question("reaction", "Reaction", "What happened."),)


def ask_medications(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Medications", "Medications you take now, one at a time.")
    edit_list(
        p,
        data,
        "medications",
        "Still taking {name}?",
        "Medication name",
        lambda p, entry: ask_all(p, MEDICATION_DETAILS, entry),
    )
    p.say()
    p.say("Medications or substances you must avoid (anything that caused a reaction).")
    edit_list(
        p,
        data,
        "avoid",
        "Still avoiding {name}?",
        "Medication or substance to avoid",
        lambda p, entry: ask_all(p, AVOID_DETAILS, entry),
    )


def summary_medications(data: Data, catalog: Catalog) -> str:
    meds = [as_text(m.get("name")) for m in items_at(data, "medications")]
    avoid = [as_text(a.get("name")) for a in items_at(data, "avoid")]
    return f"take: {'; '.join(meds) or 'none'} / avoid: {'; '.join(avoid) or 'none'}"
