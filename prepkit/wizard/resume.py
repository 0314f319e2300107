"""Resuming an unfinished wizard at the prompt where it stopped.

Every prompt names its place in the answers (see places.py); the draft records
the place of the open prompt. Resuming skips the finished sections, then walks
the stopped section silently, each saved answer taken as it stands, until the
prompt at that place, which is asked for real. If the answers now lead elsewhere
and the place never comes, the caller asks the section again whole.

A list item whose details were open at the stop is in the draft like any other, so
they no longer come up by themselves: the list asks for them first (``pending``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from prepkit.wizard.places import Place
from prepkit.wizard.prompts import Prompter


class Tracking:
    """A prompter that knows the place of the prompt it is asking, for a draft to record;
    told to ``skip_to`` a place, it takes every saved answer as it stands, silently,
    until the prompt there, and shows what was said on the way (the numbered list a
    selection picks from, as the saved answers make it now) just before it."""

    def __init__(self, prompter: Prompter) -> None:
        self._p = prompter
        self.section = ""
        self.then: tuple[str, ...] | None = None
        self.asking: Place | None = None
        self.inside = ""  # where the prompts asked now are (see ``within``): "tests[3]"
        self.skipping: Place | None = None
        self._said: list[str] = []

    def start(self, section: str, then: tuple[str, ...] | None) -> None:
        self.section, self.then = section, then

    def skip_to(self, place: Place | None) -> None:
        """Skip to ``place`` in the section asked next; None: stop skipping (the place
        never came), with nothing said on the way shown."""
        self.skipping, self._said = place, []
        if place is not None:
            self.start(place.section, place.then)

    def pending(self, key: str) -> int | None:
        return None if self.skipping is None else self.skipping.item(key)

    def _ask(self, at: str, ask: Callable[[], Any], default: Any) -> Any:
        if self.skipping is not None:
            if at != self.skipping.at:
                return default
            said, self.skipping = self._said, None
            for line in said:
                self.say(line)
        self.asking = Place(self.section, at, self.then)
        answer = ask()
        self.asking = None
        return answer

    def say(self, text: str = "") -> None:
        if self.skipping is None:
            self._p.say(text)
        else:
            self._said.append(text)

    def __getattr__(self, kind: str) -> Callable[..., Any]:
        """text, number, date, yes_no, choice, selection, confirm: each at its whole place."""
        method = getattr(self._p, kind)

        def asked(*args: Any, at: str, **kw: Any) -> Any:
            at = f"{self.inside}.{at}" if self.inside else at
            called = inspect.signature(method).bind(*args, at=at, **kw)
            called.apply_defaults()
            return self._ask(at, lambda: method(*args, at=at, **kw), called.arguments["default"])

        return asked


@contextmanager
def within(p: Prompter, where: str) -> Iterator[None]:
    """The prompts in this block are inside ``where`` (a list item, ``tests[3]``, or a
    mapping, ``diagnosis``): a prompt at ``date`` there is at ``tests[3].date``."""
    if not isinstance(p, Tracking):
        yield
        return
    outer, p.inside = p.inside, f"{p.inside}.{where}" if p.inside else where
    try:
        yield
    finally:
        p.inside = outer


def pending(p: Prompter, key: str) -> int | None:
    """The index of the item of list ``key`` a resumed draft stopped in, if any."""
    return p.pending(key) if isinstance(p, Tracking) else None
