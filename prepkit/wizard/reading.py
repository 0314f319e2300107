"""Asking through plain lines: the one loop every kind of answer goes through.

The terminal (or a test's script) only reads a line and prints; this loop shows
the help, gives the default on Enter, clears on ``-``, explains on ``?``, and
checks the answer with its kind (kinds.py), saying why and asking again when it
is refused. So the checks a patient meets are the checks every test meets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from prepkit.wizard.kinds import (
    Refused,
    read_date,
    read_number,
    read_selection,
    read_text,
    read_yes_no,
)
from prepkit.wizard.prompts import CLEAR, MORE_HELP, format_selection


class Lines(Protocol):
    """Where the lines come from and go: a terminal, or a test's script."""

    def say(self, text: str = "", *, hint: bool = False) -> None:
        """Print a line (``hint``: the one-line help under a prompt, shown dimmed)."""

    def read(self, label: str, shown: str, *, at: str, options: Sequence[str] = ()) -> str:
        """One line typed at the prompt ``label [shown]:``; raises InputEnded or
        Interrupted. ``at`` is the prompt's place; ``options`` a choice's words."""


def _shown(value: bool | None) -> str:
    return "" if value is None else ("y" if value else "n")


class LinePrompter:
    """The :class:`~prepkit.wizard.prompts.Prompter` every run of the wizard asks through."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines

    def say(self, text: str = "") -> None:
        self.lines.say(text)

    def _ask(
        self,
        label: str,
        help: str,
        more_help: str,
        read: Callable[[str], Any],
        default: Any,
        shown: str,
        *,
        at: str,
        optional: bool = True,
        options: Sequence[str] = (),
    ) -> Any:
        """Ask until the answer is taken; Enter gives ``default``, ``-`` gives None."""
        self.lines.say(f"  {help}", hint=True)
        while True:
            raw = self.lines.read(label, shown, at=at, options=options).strip()
            if raw == MORE_HELP:
                self.lines.say(f"  {more_help or help}")
                self.lines.say(f"  (Enter keeps the answer in [brackets]; {CLEAR} clears it.)")
                continue
            if raw == "":
                return default
            if raw == CLEAR and optional:
                return None
            try:
                return read(raw)
            except Refused as refused:
                self.lines.say(f"  Sorry: {refused}.")

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
    ) -> str:
        while True:
            value = self._ask(
                label,
                help,
                more_help,
                lambda raw: read_text(raw, max_length),
                default,
                default,
                at=at,
                optional=not required,
            )
            if value or not required:
                return str(value or "")
            self.lines.say("  This one is needed; please type an answer.")

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
    ) -> int | None:
        shown = "" if default is None else str(default)
        read = lambda raw: read_number(raw, minimum, maximum)  # noqa: E731
        result: int | None = self._ask(label, help, more_help, read, default, shown, at=at)
        return result

    def date(
        self, label: str, help: str, default: dt.date | None, more_help: str = "", *, at: str
    ) -> dt.date | None:
        shown = "" if default is None else default.isoformat()
        result: dt.date | None = self._ask(label, help, more_help, read_date, default, shown, at=at)
        return result

    def yes_no(self, label: str, help: str, default: bool | None, *, at: str) -> bool | None:
        result: bool | None = self._ask(
            f"{label} (y/n)", help, "", read_yes_no, default, _shown(default), at=at
        )
        return result

    def choice(
        self,
        label: str,
        help: str,
        options: Sequence[str],
        default: int | None,
        more_help: str = "",
        *,
        at: str,
    ) -> int | None:
        for number, option in enumerate(options, start=1):
            self.lines.say(f"  {number:>2}. {option}")
        picked: int | None = self._ask(
            label,
            help,
            more_help,
            lambda raw: read_number(raw, 1, len(options)),
            None if default is None else default + 1,
            "" if default is None else str(default + 1),
            at=at,
            options=options,
        )
        return None if picked is None else picked - 1

    def selection(
        self,
        label: str,
        help: str,
        count: int,
        default: Sequence[int],
        more_help: str = "",
        *,
        at: str,
    ) -> list[int]:
        picked: list[int] | None = self._ask(
            label,
            help,
            more_help,
            lambda raw: read_selection(raw, count),
            list(default),
            format_selection(default),
            at=at,
        )
        return picked or []

    def confirm(self, label: str, default: bool = True, *, at: str) -> bool:
        while True:
            raw = self.lines.read(f"{label} (y/n)", "y" if default else "n", at=at).strip()
            if raw == "":
                return default
            try:
                return read_yes_no(raw)
            except Refused as refused:
                self.lines.say(f"  Sorry: {refused}.")
