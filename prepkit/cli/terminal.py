"""The wizard's questions in a terminal: plain lines that work with screen readers.

The terminal only reads lines and prints them; every answer is checked by the
wizard's own asking loop (wizard/reading.py, kinds.py), the same loop the tests
script, so a bad answer is explained and asked again, never a failure.
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Sequence

import click

from prepkit.cli.line_input import MAX_LINE_BYTES, LineReader, LineTooLong
from prepkit.core.errors import printable
from prepkit.wizard.prompts import InputEnded, Interrupted
from prepkit.wizard.reading import LinePrompter


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


class TerminalLines:
    """Plain line-by-line prompts: they work with screen readers and over any terminal."""

    def __init__(self) -> None:
        _tolerant_input()
        self._reader = LineReader.for_stream(sys.stdin)

    def say(self, text: str = "", *, hint: bool = False) -> None:
        # Lines quote file names and answers, which may hold escape sequences or line
        # breaks: shown escaped, never acted on.
        click.echo(click.style(printable(text), dim=True) if hint else printable(text))

    def read(self, label: str, shown: str, *, at: str, options: Sequence[str] = ()) -> str:
        suffix = f" [{shown}]" if shown else ""
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


class TerminalPrompter(LinePrompter):
    """The wizard's prompts in this terminal: the lines are the terminal's, the checks
    the wizard's own (wizard/reading.py)."""

    def __init__(self) -> None:
        super().__init__(TerminalLines())
