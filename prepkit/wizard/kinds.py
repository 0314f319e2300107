"""Each kind of answer read from a typed line, checked by the profile's own rules.

One reader per kind (copier's habit: the engine validates, the terminal only
reads and prints), so a scripted test meets the same checks a patient at the
terminal meets. A refused answer raises :class:`Refused` with a reason the
patient can act on; the asking loop says it and asks again.
"""

from __future__ import annotations

import datetime as dt
import re

from prepkit.profile.convert import NO, YES
from prepkit.wizard.prompts import parse_selection, whole_number


class Refused(ValueError):
    """An answer this kind does not take; the message says why."""


def read_text(raw: str, max_length: int) -> str:
    """The answer as the profile will hold it: the same normalising and control-character
    check as the profile reader, the length after normalising (it can grow), and the
    font, so an answer the final check would refuse is asked again now, not lost."""
    from prepkit.layout.fonts import missing_glyphs
    from prepkit.profile.convert import ProfileProblem, clean_text

    try:
        text = clean_text(raw, multiline=False)
    except ProfileProblem as problem:
        what = problem.problem.removeprefix("contains ")
        raise Refused(f"that has {what}; please type it again") from None
    if len(text) > max_length:
        raise Refused(f"that is {len(text)} characters; please keep it under {max_length}")
    missing = missing_glyphs(text)
    if missing:
        shown = ", ".join(f"U+{ord(c):04X}" for c in missing[:3])
        raise Refused(f"that has characters the documents cannot print ({shown})")
    return text


def read_number(raw: str, minimum: int, maximum: int) -> int:
    number = whole_number(raw)
    if number is None:
        raise Refused(f"please type a whole number from {minimum} to {maximum}")
    if not minimum <= number <= maximum:
        raise Refused(f"{number} is outside {minimum} to {maximum}")
    return number


def read_date(raw: str) -> dt.date:
    text = raw.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise Refused(f"there is no day {text}; check the month and the day") from None
        raise Refused("write the date as year-month-day, for example 2026-12-03") from None


def read_yes_no(raw: str) -> bool:
    text = raw.strip().lower()
    if text in YES or text in NO:  # the profile file's words too (true, on, 1...)
        return text in YES
    raise Refused("please answer y (yes) or n (no)")


def read_selection(raw: str, count: int) -> list[int]:
    try:
        return parse_selection(raw, count)
    except ValueError as error:
        raise Refused(str(error)) from None
