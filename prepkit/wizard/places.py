"""Where the wizard is: each prompt's place in the answers, as a draft records it.

A place is the answer's own address (``visit.date``, ``medications[2].dose``), or
a list's question about itself (``medications/gone``, ``symptoms[0]/keep``), or one
of the run's own screens (``changed``, ``review``). It never changes with the
wording of the prompt, so a draft kept before a label was reworded still resumes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

MARK = "# prepkit resume at: "


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
