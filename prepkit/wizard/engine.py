"""The wizard's questions as data, and the one small engine that asks them.

A :class:`Question` says what the patient sees (label, help), what kind of answer
it takes, and where the answer goes in the profile data; :func:`ask_all` asks a
tuple of them in order (copier's habit: questions declared, not coded). The
default shown is what is already saved there, so a returning patient presses
Enter through what has not changed, and each answer is stored the moment it is
accepted: the draft kept on Ctrl-C is this same data.

The lists (pick from the catalog, keep or drop each saved item, add more in your
own words) are the sections' own code; the details asked for each item are
questions here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from prepkit.profile.schema import DATE_TEXT, LONG_TEXT, PHONE_TEXT, SHORT_TEXT
from prepkit.wizard.answers import Data, as_date, as_text, iso, mapping_at
from prepkit.wizard.kinds import Refused
from prepkit.wizard.prompts import Prompter, whole_number

Kind = Literal["text", "long text", "phone", "date text", "number", "date", "yes/no", "choice"]
# The longest answer each kind of text takes: the profile's own limits.
TEXT_LIMITS = {
    "text": SHORT_TEXT,
    "long text": LONG_TEXT,
    "phone": PHONE_TEXT,
    "date text": DATE_TEXT,  # a date as written ("March 2026"), not checked as a date
}


@dataclass(frozen=True)
class Question:
    """One question: what the patient reads, the kind of answer, and where it is kept.

    ``to`` is the answer's place in the data the question is asked into, with dots
    for a mapping inside it (``"visit.date"``). ``check`` gives a reason to ask
    again (said as "Sorry: ..."), ``note`` something worth saying about an
    accepted answer, ``when`` whether to ask at all, from the answers so far.
    """

    to: str
    label: str
    help: str = ""
    kind: Kind = "text"
    more_help: str = ""
    minimum: int = 0
    maximum: int = 10
    # For a choice: (the value kept in the profile, the words shown), in order.
    options: tuple[tuple[str, str], ...] = ()
    check: Callable[[Any], str | None] | None = None
    # For a text: what the words mean ("yesterday 21:00" -> a day and time), or a
    # ValueError saying why they cannot be read (said as "Sorry: ...").
    read: Callable[[str], Any] | None = None
    note: Callable[[Any], str | None] | None = None
    when: Callable[[Data], bool] | None = None
    # Whether a saved answer goes when ``when`` no longer holds: where it is kept
    # is wrong on a card that says "I do not carry epinephrine".
    forget_when_skipped: bool = False

    def __post_init__(self) -> None:
        if (self.kind == "choice") != bool(self.options):
            raise ValueError(f"{self.label}: options are for a choice, and a choice needs them")
        if self.minimum > self.maximum:
            raise ValueError(f"{self.label}: minimum above maximum")


def _place(data: Data, to: str) -> tuple[Data, str]:
    """The mapping that holds the answer (made if missing), and its key there."""
    *parents, key = to.split(".")
    for parent in parents:
        data = mapping_at(data, parent)
    return data, key


def _ask_once(p: Prompter, question: Question, saved: Any) -> Any:
    q = question
    if q.kind in TEXT_LIMITS:
        return p.text(
            q.label,
            q.help,
            as_text(saved),
            at=q.to,
            more_help=q.more_help,
            max_length=TEXT_LIMITS[q.kind],
        )
    if q.kind == "number":
        default = whole_number(str(saved))
        return p.number(
            q.label,
            q.help,
            default,
            at=q.to,
            minimum=q.minimum,
            maximum=q.maximum,
            more_help=q.more_help,
        )
    if q.kind == "date":
        return p.date(q.label, q.help, as_date(saved), q.more_help, at=q.to)
    if q.kind == "yes/no":
        return p.yes_no(q.label, q.help, saved if isinstance(saved, bool) else None, at=q.to)
    values = [value for value, _ in q.options]
    picked = p.choice(
        q.label,
        q.help,
        [words for _, words in q.options],
        values.index(saved) if saved in values else None,
        q.more_help,
        at=q.to,
    )
    return None if picked is None else values[picked]


def ask(p: Prompter, question: Question, data: Data) -> None:
    """Ask ``question`` (if its ``when`` allows) and keep the answer in ``data``."""
    if question.when is not None and not question.when(data):
        if question.forget_when_skipped:
            holder, key = _place(data, question.to)
            holder.pop(key, None)
        return
    holder, key = _place(data, question.to)
    saved = holder.get(key)
    while True:
        try:
            answer = _accepted(question, _ask_once(p, question, saved))
            break
        except Refused as refused:
            p.say(f"  Sorry: {refused}.")
            saved = None  # asked again with no default: the refused answer is not offered
    note = None if question.note is None or answer is None else question.note(answer)
    if note:
        p.say(f"  Note: {note}")
    holder[key] = iso(answer) if question.kind == "date" else answer


def _accepted(question: Question, answer: Any) -> Any:
    """``answer`` as ``read`` makes it, once ``check`` takes it; else Refused, saying why."""
    if answer is None:
        return None
    if question.read is not None:
        try:
            answer = question.read(answer)
        except ValueError as problem:
            raise Refused(str(problem)) from None
    reason = None if question.check is None else question.check(answer)
    if reason is not None:
        raise Refused(reason)
    return answer


def ask_all(p: Prompter, questions: tuple[Question, ...], data: Data) -> None:
    """Ask each question in order, keeping every answer in ``data`` as it comes."""
    for question in questions:
        ask(p, question, data)
