"""The wizard's lists: the patient's own items (declared as :class:`Items`), reordering,
catalog picks kept in order, and lists of the patient's own words.

Every list prompt has a place of its own (``medications/gone``, ``symptoms[0]/keep``,
``triggers.own[3]``), so a stop anywhere in a list resumes there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from prepkit.profile.schema import MAX_ITEMS
from prepkit.wizard.answers import Data, live_items, numbered
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.resume import pending, within


def put_in_order(
    p: Prompter, entries: list[Data], shown: list[str], intro: str, label: str, *, at: str
) -> None:
    """Let the patient reorder ``entries`` in place: they type the numbers in the
    order they want; any they leave out keep their place after those, and Enter
    keeps the order as it is. Nothing is ever reordered without asking."""
    if len(entries) < 2:
        return
    p.say(intro)
    numbered(p, shown)
    order = p.selection(
        label,
        "Type the numbers in the order you want, e.g. 3,1,2; Enter keeps this order.",
        len(entries),
        list(range(len(entries))),
        at=at,
    )
    entries[:] = [entries[i] for i in order] + [e for i, e in enumerate(entries) if i not in order]


@dataclass(frozen=True)
class Items:
    """A list of the patient's own items (medications, drugs to avoid, care team), declared.

    Saved items are shown once, numbered (``shown`` makes an item's line); the patient
    names those gone and those changed (their ``details`` asked again), then adds new
    ones by name. One question for the whole list, not one per item: at a follow-up
    most of the list has not changed, and Enter says so. Each prompt's place is the
    list's: ``medications/gone``, ``medications/changed``, ``medications[2].name``.
    """

    key: str
    shown: Callable[[Data], str]
    gone: str
    changed: str
    new: str
    details: tuple[Question, ...]


def ask_items(
    p: Prompter,
    data: Data,
    items: Items,
    *,
    taken_off: Callable[[Data], object] = lambda entry: None,
    before_gone: Callable[[], object] = lambda: None,
) -> list[Data]:
    """Ask ``items``; returns the items taken off. ``taken_off`` hears of each the
    moment it goes, so a draft kept at a stop has it; ``before_gone`` finishes an
    item taken off before a stop (when and why it stopped).

    Resumed inside one item's details (see resume.py), those are finished first and
    the question that led there is then asked for real: other items picked with it
    ("1,3") are not in the draft, so the patient picks them again from the list as
    it is now.
    """
    key, listed = items.key, items.shown
    entries = live_items(data, key)
    removed: list[Data] = []

    def details(entry: Data) -> None:
        with within(p, f"{key}[{entries.index(entry)}]"):
            ask_all(p, items.details, entry)

    before_gone()
    original = list(entries)
    picks = "Numbers like 1,3; Enter for none."
    if original:
        numbered(p, [listed(entry) for entry in original])
        for index in p.selection(items.gone, picks, len(original), [], at=f"{key}/gone"):
            entries.remove(original[index])
            removed.append(original[index])
            taken_off(original[index])
    resumed = pending(p, key)
    if resumed is not None and resumed < len(entries):
        # Stopped in this item's details: they are asked again from there.
        p.say(f"-- {listed(entries[resumed])}")
        details(entries[resumed])
    if entries:
        for index in p.selection(items.changed, picks, len(original), [], at=f"{key}/changed"):
            if original[index] in entries:
                p.say(f"-- {listed(original[index])}")
                details(original[index])
    while room_for_more(p, entries):
        name = p.text(
            items.new, "Press Enter on an empty line when done.", at=f"{key}[{len(entries)}].name"
        )
        if not name:
            break
        entries.append({"name": name})
        details(entries[-1])
    return removed


def keep_picked(entries: list[Data], chosen_ids: list[str]) -> None:
    """Make ``entries`` hold the catalog items picked, keeping the patient's own.

    Earlier entries keep their place (and their details) while still picked; newly
    picked items go last, in the catalog's order; entries in the patient's own
    words are never dropped here. Edits ``entries`` in place, so the draft has it.
    """
    entries[:] = [e for e in entries if not e.get("catalog") or e["catalog"] in chosen_ids]
    present = {e.get("catalog") for e in entries}
    entries.extend({"catalog": i} for i in chosen_ids if i not in present)


def room_for_more(p: Prompter, items: list[Any]) -> bool:
    """Whether a list can take another entry; when it cannot, say so (the profile's limit)."""
    if len(items) < MAX_ITEMS:
        return True
    p.say(f"  That is {MAX_ITEMS}, the most a list in the profile holds; going on.")
    return False


def ask_list_of_own(p: Prompter, label: str, help: str, items: list[str], *, at: str) -> None:
    """Own words, one per prompt, until an empty line; earlier ones offered to keep.

    Edits ``items`` in place; ``at`` is the list's place (``triggers.own``).
    """
    for index, item in enumerate(list(items)):
        if not p.confirm(f"Keep '{item}'?", at=f"{at}[{index}]/keep"):
            items.remove(item)
    while room_for_more(p, items):
        item = p.text(label, help, at=f"{at}[{len(items)}]")
        if not item:
            return
        items.append(item)
