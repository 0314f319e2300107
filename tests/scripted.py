"""A Prompter that answers by the prompt's place, for testing the wizard without a terminal.

A script maps each place (``symptoms[0].how_often``, ``medications/gone``) to its
answer; or, in the older tests, a label to its answer or a list of answers for a
label asked more than once (each symptom's "When did it start"). A place wins over
a label. A prompt the script does not name is answered with Enter (the prompt's
default), as a returning patient does, and noted in ``entered``; ``unused()``
lists scripted answers nobody asked for, so a renamed or removed question fails
the test instead of being skipped quietly.

Answers are what the patient would mean: text as a str, numbers as int, dates as
"YYYY-MM-DD", yes/no as bool, a pick from a list by the start of its text, a
selection as typed ("1,3,5-7"). They are typed as a patient would type them and
go through the wizard's own asking loop, so every check a patient meets applies:
a refused answer is said ("Sorry: ...") and the next scripted answer is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from prepkit.wizard.prompts import CLEAR, InputEnded, Interrupted
from prepkit.wizard.reading import LinePrompter


class Enter:
    """Press Enter: keep the default shown in [brackets]."""


ENTER = Enter()
# Answers that stop the wizard at that question, as the terminal would.
INPUT_ENDS = InputEnded()
CTRL_C = Interrupted()


class ScriptedLines:
    """The lines a patient would type, from a script; what the wizard says, kept."""

    def __init__(self, script: Mapping[str, Any]) -> None:
        self._queues = {
            label: list(answer) if isinstance(answer, list) else [answer]
            for label, answer in script.items()
        }
        self.asked: list[str] = []
        self.places: list[str] = []  # the place of each prompt asked, in order
        self.entered: list[str] = []
        self.said: list[str] = []
        self.hints: list[str] = []

    def say(self, text: str = "", *, hint: bool = False) -> None:
        # The one-line help under each prompt is kept apart: ``said`` is what the
        # wizard tells the patient between prompts.
        (self.hints if hint else self.said).append(text)

    def read(self, label: str, shown: str, *, at: str, options: Sequence[str] = ()) -> str:
        label = label.removesuffix(" (y/n)")
        self.asked.append(label)
        self.places.append(at)
        # A refused answer is asked again; a script that never gives a good one is a bug.
        assert self.places[-50:] != [at] * 50, f"asked {label!r} 50 times"
        queue = self._queues.get(at) or self._queues.get(label)
        if not queue:
            self.entered.append(label)
            return ""
        return _typed(queue.pop(0), shown, options)

    def unused(self) -> dict[str, list[Any]]:
        return {label: queue for label, queue in self._queues.items() if queue}


def _typed(answer: Any, shown: str, options: Sequence[str]) -> str:
    """What a patient would type to mean ``answer``."""
    if isinstance(answer, InputEnded | Interrupted | KeyboardInterrupt):
        raise answer
    if answer is ENTER:
        return ""
    if answer is None or (answer == "" and shown):
        return CLEAR  # no answer, where one was saved
    if isinstance(answer, bool):
        return "y" if answer else "n"
    if isinstance(answer, int | dt.date):
        return str(answer)
    if options and not str(answer).isdigit():  # a pick by the start of its words
        matches = [i for i, option in enumerate(options) if option.startswith(answer)]
        assert len(matches) == 1, (answer, options)
        return str(matches[0] + 1)
    return str(answer)


class ScriptedPrompter(LinePrompter):
    """The wizard's own asking loop (every check a patient meets), over scripted lines."""

    def __init__(self, script: Mapping[str, Any]) -> None:
        self.script = ScriptedLines(script)
        super().__init__(self.script)

    @property
    def asked(self) -> list[str]:
        return self.script.asked

    @property
    def places(self) -> list[str]:
        return self.script.places

    @property
    def entered(self) -> list[str]:
        return self.script.entered

    @property
    def said(self) -> list[str]:
        return self.script.said

    def unused(self) -> dict[str, list[Any]]:
        return self.script.unused()
