"""What the wizard asks through: the :class:`Prompter` protocol, and reading its answers.

The wizard's sections talk only to a Prompter, so the flow of questions can be
tested with scripted answers and no terminal; the terminal's own prompter (with
Click's parameter types) is ``prepkit.cli.terminal``, in the CLI's layer. Each prompt
shows one short line of help and its default; Enter keeps the default (or skips
an optional answer), ``-`` clears a saved answer, and ``?`` shows more help.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

CLEAR = "-"
MORE_HELP = "?"


class InputEnded(Exception):
    """Standard input ran out (a pipe or file, not a person at a terminal)."""


class Interrupted(Exception):
    """The patient pressed Ctrl-C."""


class Prompter(Protocol):
    """``at`` is each prompt's place in the answers (``visit.date``,
    ``medications[2].dose``, ``medications/gone``): what a draft records and a
    resume skips to. The label is only what the patient reads."""

    def say(self, text: str = "") -> None: ...

    def text(
        self,
        label: str,
        help: str,
        default: str = "",
        *,
        at: str,
        required: bool = False,
        more_help: str = "",
        max_length: int = 200,
    ) -> str: ...

    def number(
        self,
        label: str,
        help: str,
        default: int | None,
        *,
        at: str,
        minimum: int,
        maximum: int,
        more_help: str = "",
    ) -> int | None: ...

    def date(
        self, label: str, help: str, default: dt.date | None, more_help: str = "", *, at: str
    ) -> dt.date | None: ...

    def yes_no(self, label: str, help: str, default: bool | None, *, at: str) -> bool | None: ...

    def choice(
        self,
        label: str,
        help: str,
        options: Sequence[str],
        default: int | None,
        more_help: str = "",
        *,
        at: str,
    ) -> int | None: ...

    def selection(
        self,
        label: str,
        help: str,
        count: int,
        default: Sequence[int],
        more_help: str = "",
        *,
        at: str,
    ) -> list[int]: ...

    def confirm(self, label: str, default: bool = True, *, at: str) -> bool: ...


def whole_number(text: str) -> int | None:
    """``text`` as a small whole number, or None.

    Only ASCII digits, and not too many of them: ``str.isdigit`` also accepts
    "²" and other digits ``int`` refuses, and a 5,000-digit answer is no count.
    """
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= 9:
        return int(text)
    return None


def parse_selection(text: str, count: int) -> list[int]:
    """``"1,3,5-7"`` -> ``[0, 2, 4, 5, 6]`` (indexes into a list of ``count`` items).

    Raises ``ValueError`` with a sentence the patient can act on.
    """
    chosen: list[int] = []
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        first, dash, last = part.partition("-")
        start, end = whole_number(first), whole_number(last) if dash else whole_number(first)
        if start is None or end is None:
            raise ValueError(f"'{part}' is not a number or a range like 5-7")
        outside = [n for n in (start, end) if not 1 <= n <= count]
        if outside:  # checked first: "2026-03" is a date typed here, not a range backwards
            raise ValueError(f"{outside[0]} is not on the list (choose from 1 to {count})")
        if start > end:
            raise ValueError(f"'{part}' runs backwards; write it as {end}-{start}")
        for number in range(start, end + 1):
            if not 1 <= number <= count:
                raise ValueError(f"{number} is not on the list (choose from 1 to {count})")
            if number - 1 not in chosen:
                chosen.append(number - 1)
    return chosen


def format_selection(indexes: Sequence[int]) -> str:
    return ",".join(str(i + 1) for i in indexes)
