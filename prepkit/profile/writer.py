"""Answers as the text of a profile file a person can read and edit (written by the CLI).

Empty answers are left out so the file shows only what the patient said; the
loader treats a missing key exactly like an empty one.
"""

from __future__ import annotations

from typing import Any

import yaml

from prepkit.core.errors import printable
from prepkit.core.yaml_loaders import NULL_WORDS

HEADER = """\
# prepkit profile: your answers, saved by prepkit.
# Edit it with any text editor, or run `prepkit wizard {name}` to change answers.
# Print your worksheet and wallet card with:  prepkit build {name}
"""
# A draft is not a profile to run the wizard on (that would draft the draft): it
# points to the profile whose wizard offers to resume it.
DRAFT_HEADER = """\
# prepkit draft: unfinished answers for {name}, kept when the wizard stopped.
# Run `prepkit wizard {name}` to carry on: it offers to resume them.
"""


class _PlainDumper(yaml.SafeDumper):
    """Writes every value as plain text where YAML syntax allows.

    prepkit reads profiles with every value as text, so ``2023``, ``2026-12-03``
    or ``yes`` need no quotes to survive; without type guessing here, the file
    shows them exactly as the patient would type them.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class attribute


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Several lines of text are written as a ``|`` block, the way a person would.

    A word YAML reads as "no value" (``null``, ``~``) is quoted: written plain, the
    patient's answer would come back empty.
    """
    style = "|" if "\n" in text else '"' if text in NULL_WORDS else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_PlainDumper.add_representer(str, _represent_text)


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """The same, emitted by libyaml: about 20 times faster (2 s for the largest diary).
    Its text can differ in form (an end-of-document ``...``, escapes for characters
    beyond U+FFFF), never in the answers it holds: used for prepkit's own copies."""

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class attribute


_FastDumper.add_representer(str, _represent_text)


def _prune(value: Any) -> Any:
    """Drop empty answers (None, "", [], {}) at every level; write every answer as text."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in (_prune(v) for v in value) if item not in (None, "", [], {})]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value is None:
        return None
    return str(value)


def _body(data: dict[str, Any]) -> dict[str, Any]:
    body = {**_prune(data), "schema_version": "1"}
    return {"schema_version": "1", **body}  # first in the file, whatever data holds


def profile_text(
    data: dict[str, Any], name: str, *, header: str = HEADER, note: str = "", fast: bool = False
) -> str:
    """The profile as prepkit writes it afresh; ``note`` is comment lines after the header.

    ``fast`` is for the copies prepkit keeps for itself (the visit history), which
    only prepkit reads: libyaml writes them (see :class:`_FastDumper`).
    """
    dumped = yaml.dump(
        _body(data),
        Dumper=_FastDumper if fast else _PlainDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    # The file name is only in comments: escaped, so a line break in it cannot end one.
    return header.format(name=printable(name)) + note + dumped


def saved_text(data: dict[str, Any], name: str, previous: str | None) -> str:
    """The text to save: written into ``previous`` (the file as it was) when there is one.

    The patient's comments and key order then survive (see :mod:`round_trip`). It
    is used only if prepkit reads it back as exactly the same answers as a file
    written afresh. Where it cannot be, the file is written afresh only if that
    loses no comment the patient wrote; otherwise the save is refused (a
    :class:`UserError`) and the file stays as it was: never a silent rewrite.
    """
    fresh = profile_text(data, name)
    if previous is None:
        return fresh
    from prepkit.core.errors import UserError
    from prepkit.profile.convert import ProfileProblem, to_profile
    from prepkit.profile.loader import parse_yaml
    from prepkit.profile.round_trip import updated_text

    try:  # prepkit's own reader first: no aliases, no deep nesting reach ruamel
        parse_yaml(previous, name)
    except UserError:
        return _fresh_unless_it_loses(previous, fresh, name)
    kept = updated_text(previous, _body(data))
    if kept is None:
        return _fresh_unless_it_loses(previous, fresh, name)
    try:
        same = to_profile(parse_yaml(kept, name)[0]) == to_profile(parse_yaml(fresh, name)[0])
    except (UserError, ProfileProblem):
        same = False
    return kept if same else _fresh_unless_it_loses(previous, fresh, name)


def _fresh_unless_it_loses(previous: str, fresh: str, name: str) -> str:
    """``fresh``, if every line of ``previous`` holding a ``#`` is in it too."""
    from prepkit.core.errors import UserError

    kept = set(fresh.splitlines())
    lost = [line for line in previous.splitlines() if "#" in line and line not in kept]
    if lost:
        raise UserError(
            "cannot be saved without losing lines you wrote in it (comments or a layout "
            f"prepkit cannot keep, such as {printable(lost[0].strip()[:60])!r}), so it "
            "was left as it was",
            file=name,
        )
    return fresh


def entry_text(entry: dict[str, Any]) -> str:
    """One diary entry as a one-item list (``- date: ...``), written as a save writes it."""
    return yaml.dump(
        [_prune(entry)],
        Dumper=_PlainDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
