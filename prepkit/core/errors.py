"""What prepkit refuses, as plain exceptions: the CLI alone turns them into a line and a status.

No layer below the CLI knows about Click (cookiecutter's and copier's habit): a
module raises a :class:`PrepkitError` and ``cli.py`` shows it as one line,
``Error: <file>, line <n>: <field>: <problem>``, with exit status 2.
"""

from __future__ import annotations


def printable(text: str) -> str:
    """``text`` with anything a terminal would act on shown as an escape instead.

    A message quotes file names, keys and values the user wrote; an escape
    sequence in one must not retitle or clear the terminal, and a newline must
    not break the one-line message.
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class PrepkitError(Exception):
    """Something prepkit will not do, said in one line.

    Exit status 2 matches Click's own usage errors, so scripts can tell
    "you gave me something wrong" (2) from "prepkit broke" (1).
    """

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        return self.message


class UserError(PrepkitError):
    """Bad input from the user: names the file, the field and the problem."""

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


class StoppedAfter(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM, SIGHUP) that arrived while files were being put in place.

    The step was finished first; ``said`` tells the user what is in the folder now.
    """

    def __init__(self, said: str) -> None:
        super().__init__(said)
        self.said = said
