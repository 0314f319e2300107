"""Section 6: medications taken now, and medications or substances to avoid.

The card lists both; a drug left out makes it wrong, so every saved one is offered
again by name ("Still taking ...?") rather than dropped without asking.
"""

from __future__ import annotations

from prepkit.content.catalog import Catalog
from prepkit.profile.avoid_notes import slips
from prepkit.wizard.answers import Data, as_text, carries_epinephrine, heading, items_at, live_items
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.lists import Items, ask_items, put_in_order
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.resume import pending, within

MEDICATION_DETAILS = (
    Question("dose", "Dose", "For example 10 mg."),
    Question("how_often", "How often", "For example twice a day."),
    Question("what_for", "What for", "The symptom or reason."),
)
AVOID_DETAILS = (Question("reaction", "Reaction", "What happened."),)
STOPPED_DETAILS = (
    Question("stopped", "When did you stop it", "A month and year is enough: 2026-10."),
    Question("why", "Why did you stop it", "In a few words: it did not help, side effects..."),
)


def _medication(entry: Data) -> str:
    parts = [as_text(entry.get(key)) for key in ("name", "dose", "how_often")]
    return ", ".join(part for part in parts if part)


def _avoided(entry: Data) -> str:
    reaction = as_text(entry.get("reaction"))
    return as_text(entry.get("name")) + (f" ({reaction})" if reaction else "")


MEDICATIONS = Items(
    "medications",
    shown=lambda entry: _medication(entry),
    gone="Which have you stopped taking",
    changed="Which changed (dose, how often, what for)",
    new="Medication name",
    details=MEDICATION_DETAILS,
)
AVOID = Items(
    "avoid",
    shown=lambda entry: _avoided(entry),
    gone="Which no longer need avoiding",
    changed="Which reaction changed",
    new="Medication or substance to avoid",
    details=AVOID_DETAILS,
)


def ask_medications(p: Prompter, data: Data, catalog: Catalog) -> None:
    heading(p, "Medications", "Medications you take now, one at a time.")
    history = live_items(data, "stopped_medications")

    def when_and_why(index: int) -> None:
        p.say(f"-- Stopped: {as_text(history[index].get('name'))}")
        with within(p, f"stopped_medications[{index}]"):
            ask_all(p, STOPPED_DETAILS, history[index])

    def stopped(medication: Data) -> None:
        """Kept at once (a draft kept at a stop has it), with when and why for next time."""
        history.append({"name": medication.get("name")})
        when_and_why(len(history) - 1)

    def resumed_stopped() -> None:
        """A stop while telling when and why: asked again from there."""
        index = pending(p, "stopped_medications")
        if index is not None and index < len(history):
            when_and_why(index)

    ask_items(p, data, MEDICATIONS, taken_off=stopped, before_gone=resumed_stopped)
    p.say()
    p.say(
        f"Medications or substances to avoid, and what happened. {catalog.explain('what-to-avoid')}"
    )
    ask_items(p, data, AVOID)
    avoid = live_items(data, "avoid")
    put_in_order(
        p,
        avoid,
        [_avoided(entry) for entry in avoid],
        "The card lists these in this order; a responder may read only the first few.",
        "Most serious first",
        at="avoid/order",
    )
    _say_slips(p, data)


def _say_slips(p: Prompter, data: Data) -> None:
    """Worth checking now, while the list is in front of the patient; the card still
    prints what they wrote. Whether they carry epinephrine is asked later, so that
    note waits for the end of the wizard (and ``build``)."""
    found = slips(
        [(as_text(a.get("name")), as_text(a.get("reaction"))) for a in items_at(data, "avoid")],
        [as_text(m.get("name")) for m in items_at(data, "medications")],
        carries=carries_epinephrine(data),
    )
    for _, _, note in found:
        p.say(f"  Note: {note}.")


def summary_medications(data: Data, catalog: Catalog) -> str:
    meds = [as_text(m.get("name")) for m in items_at(data, "medications")]
    avoid = [as_text(a.get("name")) for a in items_at(data, "avoid")]
    return f"take: {'; '.join(meds) or 'none'} / avoid: {'; '.join(avoid) or 'none'}"
