"""Resuming an unfinished wizard at the question where it stopped.

Every prompt names its place in the answers (``visit.date``,
``medications[2].dose``, ``medications/gone``): the label is only what the
patient reads. The draft records the place of the open question in a comment
line. Resuming skips the finished sections, then walks the stopped section
silently, each saved answer taken as it stands, until the prompt at that place,
which is asked for real; every later one is asked as usual. If the answers now
lead elsewhere and the place never comes, the section is asked again whole.

A list item whose details were open at the stop is in the draft like any other,
so its details no longer come up by themselves: the list asks for them first
(``pending``), from the place's item.
"""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from prepkit.wizard.prompts import Prompter

MARK = "# prepkit resume at: "
T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """A prompt in the wizard: its section and its place in the answers."""

    section: str
    at: str
    # The sections still to ask after this one (a follow-up asks only those picked);
    # None: every section after it, in order.
    then: tuple[str, ...] | None = None

    def comment(self) -> str:
        """The draft's comment line that records this place (JSON: any text is safe)."""
        fields: dict[str, object] = {"section": self.section, "at": self.at}
        if self.then is not None:
            fields["then"] = list(self.then)
        return MARK + json.dumps(fields, ensure_ascii=True) + "\n"

    def item(self, key: str) -> int | None:
        """The index of the item of list ``key`` this place is inside, if any."""
        found = re.match(rf"{re.escape(key)}\[(\d+)\]", self.at)
        return int(found.group(1)) if found else None


def place_in(draft_text: str) -> Place | None:
    """The place a draft records, or None (an older draft, or a hand-edited line)."""
    for line in draft_text.splitlines():
        if line.startswith(MARK):
            try:
                fields = json.loads(line[len(MARK) :])
                section, at, then = fields["section"], fields["at"], fields.get("then")
            except (ValueError, KeyError, TypeError):
                return None
            if not (isinstance(section, str) and isinstance(at, str) and at):
                return None
            if then is not None and not (
                isinstance(then, list) and all(isinstance(name, str) for name in then)
            ):
                return None
            return Place(section, at, None if then is None else tuple(then))
    return None


class Tracking:
    """A prompter that knows the place of the prompt it is asking, for a draft to record."""

    def __init__(self, prompter: Prompter) -> None:
        self._p = prompter
        self.section = ""
        self.then: tuple[str, ...] | None = None
        self.asking: Place | None = None
        self.inside = ""  # where the prompts asked now are (see ``within``): "tests[3]"

    def start(self, section: str, then: tuple[str, ...] | None) -> None:
        self.section, self.then = section, then

    def pending(self, key: str) -> int | None:
        """The item of ``key`` whose details a resumed draft stopped in (see Replaying)."""
        return None

    def place(self, at: str) -> str:
        """The whole place of a prompt at ``at`` asked here."""
        return f"{self.inside}.{at}" if self.inside else at

    def _ask(self, at: str, ask: Callable[[], T], default: T) -> T:
        self.asking = Place(self.section, at, self.then)
        answer = ask()
        self.asking = None
        return answer

    def say(self, text: str = "") -> None:
        self._p.say(text)

    def __getattr__(self, kind: str) -> Callable[..., Any]:
        """text, number, date, yes_no, choice, selection, confirm: each asked at its place."""
        method = getattr(self._p, kind)

        def asked(*args: Any, at: str, **kw: Any) -> Any:
            at = self.place(at)
            called = inspect.signature(method).bind(*args, at=at, **kw)
            called.apply_defaults()
            return self._ask(at, lambda: method(*args, at=at, **kw), called.arguments["default"])

        return asked


class Replaying(Tracking):
    """Takes every saved answer as it stands, silently, until the prompt at ``place``."""

    def __init__(self, prompter: Prompter, place: Place) -> None:
        super().__init__(prompter)
        self.section, self.then = place.section, place.then
        self._place = place
        self.reached = False
        # What the section said on the way, shown before the prompt asked for real:
        # the numbered list a selection picks from, as the saved answers make it now.
        self._said: list[str] = []

    def pending(self, key: str) -> int | None:
        return None if self.reached else self._place.item(key)

    def _ask(self, at: str, ask: Callable[[], T], default: T) -> T:
        if not self.reached:
            if at != self._place.at:
                return default
            self.reached = True
            for line in self._said:
                super().say(line)
        return super()._ask(at, ask, default)

    def say(self, text: str = "") -> None:
        if self.reached:
            super().say(text)
        else:
            self._said.append(text)


@contextmanager
def within(p: Prompter, where: str) -> Iterator[None]:
    """The prompts in this block are inside ``where`` (a list item, ``tests[3]``, or a
    mapping, ``diagnosis``): a prompt at ``date`` there is at ``tests[3].date``."""
    if isinstance(p, Tracking):
        outer = p.inside
        p.inside = f"{outer}.{where}" if outer else where
        try:
            yield
        finally:
            p.inside = outer
    else:
        yield


def pending(p: Prompter, key: str) -> int | None:
    """The index of the item of list ``key`` a resumed draft stopped in, if any."""
    return p.pending(key) if isinstance(p, Tracking) else None
