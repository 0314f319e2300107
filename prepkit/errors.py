"""The one kind of error a user sees: a single line, exit status 2, no traceback."""

from __future__ import annotations

import click


def printable(text: str) -> str:
    """``text`` with anything a terminal would act on shown as an escape instead.

    A message quotes file names, keys and values the user wrote; an escape
    sequence in one must not retitle or clear the terminal, and a newline must
    not break the one-line message.
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class UserError(click.ClickException):
    """Bad input from the user: names the file, the field and the problem.

    Exit status 2 matches Click's own usage errors, so scripts can tell
    "you gave me something wrong" (2) from "prepkit broke" (1).
    """

    exit_code = 2

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.file = file
        self.field = field
        self.line = line
        self.problem = problem
        where = file or ""
        if where and line is not None:
            where += f", line {line}"
        parts = [p for p in (where, field) if p]
        super().__init__(printable(": ".join([*parts, problem])))


class CardDoesNotFit(UserError):
    """The wallet card cannot hold everything; the worksheet still can."""
