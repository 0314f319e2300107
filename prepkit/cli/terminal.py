"""The wizard's questions in a terminal: plain lines that work with screen readers.

Every answer is checked by a Click parameter type (Click's habit: validation in
the types), with the same rules the profile reader applies; a bad answer is
explained and asked again, never a failure. This is the CLI's layer: the
wizard's sections only know the :class:`~prepkit.wizard.prompts.Prompter`.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from prepkit.cli.line_input import MAX_LINE_BYTES, LineReader, LineTooLong
from prepkit.core.errors import printable
from prepkit.profile.convert import NO, YES
from prepkit.wizard.prompts import (
    CLEAR,
    MORE_HELP,
    InputEnded,
    Interrupted,
    format_selection,
    parse_selection,
    whole_number,
)

if TYPE_CHECKING:
    _ParamType = click.ParamType[Any, Any]
else:  # Click before 8.2 has no type parameters
    _ParamType = click.ParamType


class _Date(_ParamType):
    name = "date"

    def convert(self, value: Any, param: Any, ctx: Any) -> dt.date:
        text = str(value).strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                self.fail(f"there is no day {text}; check the month and the day", param, ctx)
            self.fail("write the date as year-month-day, for example 2026-12-03", param, ctx)


class _Selection(_ParamType):
    name = "selection"

    def __init__(self, count: int) -> None:
        self.count = count

    def convert(self, value: Any, param: Any, ctx: Any) -> list[int]:
        try:
            return parse_selection(str(value), self.count)
        except ValueError as error:
            self.fail(str(error), param, ctx)


class _Text(_ParamType):
    name = "text"

    def __init__(self, max_length: int) -> None:
        self.max_length = max_length

    def convert(self, value: Any, param: Any, ctx: Any) -> str:
        """The answer as the profile will hold it, checked by the profile's own rules.

        The same normalising and control-character check as the profile reader,
        the length after normalising (it can grow), and the font: an answer the
        final check would refuse is asked again now, not lost at the end.
        """
        from prepkit.layout.fonts import missing_glyphs
        from prepkit.profile.convert import ProfileProblem, clean_text

        try:
            text = clean_text(str(value), multiline=False)
        except ProfileProblem as problem:
            what = problem.problem.removeprefix("contains ")
            self.fail(f"that has {what}; please type it again", param, ctx)
        if len(text) > self.max_length:
            self.fail(
                f"that is {len(text)} characters; please keep it under {self.max_length}",
                param,
                ctx,
            )
        missing = missing_glyphs(text)
        if missing:
            shown = ", ".join(f"U+{ord(c):04X}" for c in missing[:3])
            self.fail(f"that has characters the documents cannot print ({shown})", param, ctx)
        return text


class _Number(_ParamType):
    name = "number"

    def __init__(self, minimum: int, maximum: int) -> None:
        self.minimum, self.maximum = minimum, maximum

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        number = whole_number(str(value))
        if number is None:
            self.fail(
                f"please type a whole number from {self.minimum} to {self.maximum}", param, ctx
            )
        if not self.minimum <= number <= self.maximum:
            self.fail(f"{number} is outside {self.minimum} to {self.maximum}", param, ctx)
        return number


class _YesNo(_ParamType):
    name = "yes/no"

    def convert(self, value: Any, param: Any, ctx: Any) -> bool:
        text = str(value).strip().lower()
        if text in YES or text in NO:  # the profile file's words too (true, on, 1...)
            return text in YES
        self.fail("please answer y (yes) or n (no)", param, ctx)


def _shown(value: bool | None) -> str:
    return "" if value is None else ("y" if value else "n")


def terminal_problem(again: str = "run the wizard again") -> str | None:
    """Why this terminal cannot run the wizard, or None; checked before the first question.

    Answers may be in any script the font prints (Köhler, Ελένη, Ольга), and last
    time's answers are shown as defaults: a terminal that is not Unicode would stop
    the wizard mid-way on the first such letter. Invalid bytes typed into a
    Unicode terminal are another matter: they are read as characters the answer
    checks refuse, so the question is asked again (see :func:`_tolerant_input`).
    """
    for stream in (sys.stdin, sys.stdout):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            name = encoding
        if not name.startswith("utf"):
            return (
                f"this terminal uses the {encoding} character encoding, which cannot show or "
                "read accented letters or other alphabets; set a UTF-8 locale (for example: export "
                f"LANG=C.UTF-8) and {again}, or edit the profile in a text "
                "editor and print it with 'prepkit build'"
            )
    return None


def _tolerant_input() -> None:
    """Read bytes that are not valid UTF-8 as stand-ins instead of failing.

    Python reads a UTF-8 terminal strictly: one stray byte (a paste from another
    program, a Latin-1 keyboard) raised an error and lost the interview. As
    stand-ins (lone surrogates) they reach the answer checks, which refuse them
    with a reason and ask again.
    """
    if isinstance(sys.stdin, io.TextIOWrapper) and sys.stdin.errors == "strict":
        sys.stdin.reconfigure(errors="surrogateescape")


class TerminalPrompter:
    """Plain line-by-line prompts: they work with screen readers and over any terminal."""

    def __init__(self) -> None:
        _tolerant_input()
        self._reader = LineReader.for_stream(sys.stdin)

    def say(self, text: str = "") -> None:
        # Lines quote file names, which may hold escape sequences or line breaks.
        click.echo(printable(text))

    def _read(self, label: str, shown_default: str) -> str:
        suffix = f" [{shown_default}]" if shown_default else ""
        try:
            while self._reader is not None:
                try:
                    return self._reader.read_line(f"{label}{suffix}: ")
                except LineTooLong:
                    click.echo()
                    click.echo(
                        "  Sorry: that line is far longer than any answer "
                        f"(over {MAX_LINE_BYTES // 1024} KB); it was left out."
                    )
            return input(f"{label}{suffix}: ")
        except EOFError:
            click.echo()
            raise InputEnded from None
        except KeyboardInterrupt:
            click.echo()
            raise Interrupted from None

    def _ask(
        self,
        label: str,
        help: str,
        more_help: str,
        kind: _ParamType,
        default: Any,
        shown_default: str,
        *,
        optional: bool = True,
    ) -> Any:
        """Ask until the answer converts; Enter gives ``default``, ``-`` gives None."""
        click.echo(click.style(f"  {help}", dim=True))
        while True:
            raw = self._read(label, shown_default).strip()
            if raw == MORE_HELP:
                click.echo(f"  {more_help or help}")
                click.echo(f"  (Enter keeps the answer in [brackets]; {CLEAR} clears it.)")
                continue
            if raw == "":
                return default
            if raw == CLEAR and optional:
                return None
            try:
                return kind.convert(raw, None, None)
            except click.BadParameter as error:
                # The reason may quote what was typed: shown escaped, never acted on.
                click.echo(f"  Sorry: {printable(error.message)}.")

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
                label, help, more_help, _Text(max_length), default, default, optional=not required
            )
            if value or not required:
                return str(value or "")
            click.echo("  This one is needed; please type an answer.")

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
        result: int | None = self._ask(
            label, help, more_help, _Number(minimum, maximum), default, shown
        )
        return result

    def date(
        self, label: str, help: str, default: dt.date | None, more_help: str = "", *, at: str
    ) -> dt.date | None:
        shown = "" if default is None else default.isoformat()
        result: dt.date | None = self._ask(label, help, more_help, _Date(), default, shown)
        return result

    def yes_no(self, label: str, help: str, default: bool | None, *, at: str) -> bool | None:
        result: bool | None = self._ask(
            f"{label} (y/n)", help, "", _YesNo(), default, _shown(default)
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
            click.echo(f"  {number:>2}. {option}")
        shown = "" if default is None else str(default + 1)
        picked: int | None = self._ask(
            label,
            help,
            more_help,
            _Number(1, len(options)),
            None if default is None else default + 1,
            shown,
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
        shown = format_selection(default)
        picked: list[int] | None = self._ask(
            label, help, more_help, _Selection(count), list(default), shown
        )
        return picked or []

    def confirm(self, label: str, default: bool = True, *, at: str) -> bool:
        while True:
            raw = self._read(f"{label} (y/n)", "y" if default else "n").strip().lower()
            if raw == "":
                return default
            if raw in YES or raw in NO:
                return raw in YES
            click.echo("  Sorry: please answer y (yes) or n (no).")
