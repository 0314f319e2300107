"""A Prompter that answers by the prompt's place, for testing the wizard without a terminal.

A script maps each place (``symptoms[0].how_often``, ``medications/gone``) to its
answer; or, in the older tests, a label to its answer or a list of answers for a
label asked more than once (each symptom's "When did it start"). A place wins over
a label. A label the script does not
name is answered with Enter (the prompt's default), as a returning patient does,
and noted in ``entered``; ``unused()`` lists scripted answers nobody asked for, so a
renamed or removed question fails the test instead of being skipped quietly.

Answers are what the patient would mean: text as a str, numbers as int, dates as
"YYYY-MM-DD", yes/no as bool, a pick from a list by the start of its text, a
selection as typed ("1,3,5-7", parsed by the wizard's own parser).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from prepkit.wizard.prompts import InputEnded, Interrupted, parse_selection


class Enter:
    """Press Enter: keep the default shown in [brackets]."""


ENTER = Enter()
# Answers that stop the wizard at that question, as the terminal would.
INPUT_ENDS = InputEnded()
CTRL_C = Interrupted()


class ScriptedPrompter:
    def __init__(self, script: Mapping[str, Any]) -> None:
        self._queues = {
            label: list(answer) if isinstance(answer, list) else [answer]
            for label, answer in script.items()
        }
        self.asked: list[str] = []
        self.places: list[str] = []  # the place of each prompt asked, in order
        self.entered: list[str] = []
        self.said: list[str] = []

    def _answer(self, label: str, at: str) -> Any:
        self.asked.append(label)
        self.places.append(at)
        queue = self._queues.get(at) or self._queues.get(label)
        if not queue:
            self.entered.append(label)
            return ENTER
        answer = queue.pop(0)
        if isinstance(answer, InputEnded | Interrupted | KeyboardInterrupt):
            raise answer
        return answer

    def unused(self) -> dict[str, list[Any]]:
        return {label: queue for label, queue in self._queues.items() if queue}

    def say(self, text: str = "") -> None:
        self.said.append(text)

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
        answer = self._answer(label, at)
        if answer is ENTER:
            return default
        assert isinstance(answer, str) and len(answer) <= max_length, (label, answer)
        return answer

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
        answer = self._answer(label, at)
        if answer is ENTER:
            return default
        assert answer is None or minimum <= answer <= maximum, (label, answer)
        return answer  # type: ignore[no-any-return]

    def date(
        self, label: str, help: str, default: dt.date | None, more_help: str = "", *, at: str
    ) -> dt.date | None:
        answer = self._answer(label, at)
        if answer is ENTER:
            return default
        return None if answer is None else dt.date.fromisoformat(answer)

    def yes_no(self, label: str, help: str, default: bool | None, *, at: str) -> bool | None:
        answer = self._answer(label, at)
        return default if answer is ENTER else answer

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
        answer = self._answer(label, at)
        if answer is ENTER or answer is None:  # None: '-', clear the answer
            return default if answer is ENTER else None
        matches = [i for i, option in enumerate(options) if option.startswith(answer)]
        assert len(matches) == 1, (label, answer, options)
        return matches[0]

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
        answer = self._answer(label, at)
        return list(default) if answer is ENTER else parse_selection(answer, count)

    def confirm(self, label: str, default: bool = True, *, at: str) -> bool:
        answer = self._answer(label, at)
        return default if answer is ENTER else bool(answer)
