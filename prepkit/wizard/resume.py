"""Resuming an unfinished wizard at the question where it stopped.

Before, resuming a draft started again at question 1: every earlier answer was
offered as a default, but it took some fifty presses of Enter to get back. Now
the draft records where the patient stopped (the section, the question's label
and how many times that label had come up in the section: "Dose" is asked once
per medication), in a comment line. Resuming skips the finished sections, then
walks the stopped section silently, taking each saved answer as it stands, until
it reaches that question, which is asked for real; every later question is asked
as usual. If the section has changed so that the question never comes, nothing
is skipped after the section ends.

A list item whose details were being asked at the stop (a medication just added,
or one picked as changed) is saved in the draft like any other, so its details
no longer come up by themselves; the place names that item too (``item``: the
list and its index), and the list asks that item's details again first, the
question where it stopped asked for real.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from prepkit.wizard.prompts import Prompter

MARK = "# prepkit resume at: "
T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """A question in the wizard: its section, label, and which time the label came up."""

    section: str
    label: str
    seen: int
    # The sections still to ask after this one (a follow-up asks only those picked);
    # None: every section after it, in order.
    then: tuple[str, ...] | None = None
    # The list item whose details were being asked (the list's key, its index there);
    # ``seen`` then counts within that item.
    item: tuple[str, int] | None = None

    def comment(self) -> str:
        """The draft's comment line that records this place (JSON: any label is safe)."""
        fields: dict[str, object] = {
            "section": self.section,
            "label": self.label,
            "seen": self.seen,
        }
        if self.then is not None:
            fields["then"] = list(self.then)
        if self.item is not None:
            fields["item"] = list(self.item)
        return MARK + json.dumps(fields, ensure_ascii=True) + "\n"


def place_in(draft_text: str) -> Place | None:
    """The place a draft records, or None (an older draft, or a hand-edited line)."""
    for line in draft_text.splitlines():
        if not line.startswith(MARK):
            continue
        try:
            fields = json.loads(line[len(MARK) :])
            then = fields.get("then")
            item = fields.get("item")
            place = Place(
                str(fields["section"]),
                str(fields["label"]),
                int(fields["seen"]),
                None if then is None else tuple(str(name) for name in then),
                None if item is None else (str(item[0]), int(item[1])),
            )
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, IndexError):
            return None
        if place.item is not None and place.item[1] < 0:
            return None
        return place if place.seen >= 1 else None
    return None


class Tracking:
    """A prompter that remembers which question it is asking, for the draft to record."""

    def __init__(self, prompter: Prompter) -> None:
        self._p = prompter
        self.section = ""
        self.then: tuple[str, ...] | None = None
        self.asking: Place | None = None
        self.item: tuple[str, int] | None = None
        self._seen: Counter[tuple[str, str, tuple[str, int] | None]] = Counter()
        self._last: tuple[str, str, tuple[str, int] | None] | None = None

    def start(self, section: str, then: tuple[str, ...] | None) -> None:
        """A section begins (again): its questions are counted from the first."""
        self.section, self.then = section, then
        for key in [key for key in self._seen if key[0] == section]:
            del self._seen[key]

    @contextmanager
    def filling(self, key: str, index: int) -> Iterator[None]:
        """The details of item ``index`` of the list ``key`` are asked in this block."""
        outer, self.item = self.item, (key, index)
        for seen in [seen for seen in self._seen if seen[2] == self.item]:
            del self._seen[seen]
        try:
            yield
        finally:
            self.item = outer

    def pending(self, key: str) -> int | None:
        """The item of ``key`` whose details a resumed draft stopped in (see Replaying)."""
        return None

    def _next(self, label: str, *, keep: bool) -> int:
        """Which time ``label`` comes up. A question asked again at once (its answer
        refused: "Sorry: ...") is the same question, not the next one."""
        key = (self.section, label, self.item)
        again = key == self._last and self._seen[key] > 0
        seen = self._seen[key] if again else self._seen[key] + 1
        if keep:
            self._seen[key], self._last = seen, key
        return seen

    def _ask(self, label: str, ask: Callable[[], T], default: T) -> T:
        self.asking = Place(self.section, label, self._next(label, keep=True), self.then, self.item)
        answer = ask()
        self.asking = None
        return answer

    def say(self, text: str = "") -> None:
        self._p.say(text)

    def text(self, label: str, help: str, default: str = "", **kw: Any) -> str:
        return self._ask(label, lambda: self._p.text(label, help, default, **kw), default)

    def number(self, label: str, help: str, default: int | None, **kw: Any) -> int | None:
        return self._ask(label, lambda: self._p.number(label, help, default, **kw), default)

    def date(
        self, label: str, help: str, default: dt.date | None, more_help: str = ""
    ) -> dt.date | None:
        return self._ask(label, lambda: self._p.date(label, help, default, more_help), default)

    def yes_no(self, label: str, help: str, default: bool | None) -> bool | None:
        return self._ask(label, lambda: self._p.yes_no(label, help, default), default)

    def choice(
        self,
        label: str,
        help: str,
        options: Sequence[str],
        default: int | None,
        more_help: str = "",
    ) -> int | None:
        return self._ask(
            label, lambda: self._p.choice(label, help, options, default, more_help), default
        )

    def selection(
        self, label: str, help: str, count: int, default: Sequence[int], more_help: str = ""
    ) -> list[int]:
        return self._ask(
            label, lambda: self._p.selection(label, help, count, default, more_help), list(default)
        )

    def confirm(self, label: str, default: bool = True) -> bool:
        return self._ask(label, lambda: self._p.confirm(label, default), default)


class Replaying(Tracking):
    """Takes every saved answer as it stands, silently, until the question at ``place``."""

    def __init__(self, prompter: Prompter, place: Place) -> None:
        super().__init__(prompter)
        self.section = place.section
        self.then = place.then
        self._place = place
        self.reached = False
        # What the section has said so far, shown before the question asked for real:
        # the numbered list a selection picks from, as the saved answers make it now
        # (a medication stopped before the stop is no longer on it, and the numbers
        # move up; without the list, "2" would pick another drug than the patient saw).
        self._said: list[str] = []

    def pending(self, key: str) -> int | None:
        item = self._place.item
        return item[1] if not self.reached and item is not None and item[0] == key else None

    def _ask(self, label: str, ask: Callable[[], T], default: T) -> T:
        if not self.reached:
            seen = self._next(label, keep=False)
            place = self._place
            # An "add another" prompt (no saved answer) met sooner than recorded: the
            # items added before the stop are saved ones now, so the question comes up
            # fewer times. Ask it here, rather than end the list without it.
            sooner = (
                label == place.label and seen < place.seen and not default and place.item is None
            )
            if (label, seen, self.item) != (place.label, place.seen, place.item) and not sooner:
                self._next(label, keep=True)
                return default
            self.reached = True
            for line in self._said:
                super().say(line)
        return super()._ask(label, ask, default)

    def say(self, text: str = "") -> None:
        if self.reached:
            super().say(text)
        else:
            self._said.append(text)


@contextmanager
def filling(p: Prompter, key: str, index: int) -> Iterator[None]:
    """Mark the details of one list item being asked, when the prompter keeps places."""
    if isinstance(p, Tracking):
        with p.filling(key, index):
            yield
    else:
        yield


def pending(p: Prompter, key: str) -> int | None:
    """The index of the item of list ``key`` a resumed draft stopped in, if any."""
    return p.pending(key) if isinstance(p, Tracking) else None
