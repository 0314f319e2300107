"""The patient's answers as plain data, and the moves every wizard section makes on them.

Answers are kept in the same shape as the profile file, so a section can start
from whatever is saved and the draft kept on Ctrl-C is simply this data. The
helpers here find or make a part of it, read dates and text from it, and ask
the lines that head a section and number a list (the lists themselves are in
lists.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from prepkit.wizard.prompts import Prompter

Data = dict[str, Any]


def mapping_at(data: Data, key: str) -> Data:
    """The sub-mapping ``data[key]``, created if missing."""
    value = data.get(key)
    if not isinstance(value, dict):
        value = data[key] = {}
    return value


def items_at(data: Data, key: str) -> list[Data]:
    value = data.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def live_items(data: Data, key: str) -> list[Data]:
    """The list ``data[key]``, to be edited in place as each answer arrives.

    The draft saved on Ctrl-C is ``data`` itself, so an answer is kept the moment
    it is typed, even halfway through a section.
    """
    items = items_at(data, key)
    data[key] = items
    return items


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def as_text(value: Any) -> str:
    return "" if value is None else str(value)


def carries_epinephrine(data: Data) -> bool:
    """Whether the patient said they carry epinephrine (not merely did not say no)."""
    return data.get("carries_epinephrine") is True


def heading(p: Prompter, title: str, intro: str = "") -> None:
    p.say()
    p.say(f"== {title} ==")
    if intro:
        p.say(intro)


def numbered(p: Prompter, lines: list[str]) -> None:
    for number, line in enumerate(lines, start=1):
        p.say(f"  {number:>2}. {line}")
