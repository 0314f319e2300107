"""One logged attack added to the patient's file as lines of text, nothing else touched.

``prepkit log`` changes one thing: a new entry in the attack diary. Rewriting the
whole file through a YAML library lost what the library could not carry (a tab
before a comment, ``~   # look up on passport``, CRLF line ends, a comment above
the first entry that then sat above the new one). Here the new entry's lines are
put in at the right place, indented like the entries around it, above the
comment lines written for the entry that follows; every other byte stays. The
result is read back and must hold exactly the answers expected, or it is not used.
"""

from __future__ import annotations

from typing import Any

import yaml

from prepkit.core.yaml_loaders import TEXT_LOADER


def with_entry(old_text: str, place: int, entry_yaml: str) -> str | None:
    """``old_text`` with ``entry_yaml`` (a one-item list, ``- date: ...``) as diary entry
    number ``place`` (from 0); None where the file's diary is not a list of ``- `` lines."""
    try:
        root = yaml.compose(old_text, Loader=TEXT_LOADER)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    newline = "\r\n" if "\r\n" in old_text else "\n"
    lines = old_text.splitlines(keepends=True)
    found = [(k, v) for k, v in root.value if getattr(k, "value", None) == "attack_diary"]
    entry = [line.rstrip("\n") + newline for line in entry_yaml.splitlines()]
    if not found:
        tail = "" if not lines or lines[-1].endswith(("\n", "\r")) else newline
        return old_text + tail + "attack_diary:" + newline + "".join("  " + line for line in entry)
    key, diary = found[0]
    if _empty(diary) and diary.start_mark.line == key.start_mark.line:
        # "attack_diary:", "attack_diary: []" or "~", with or without a comment: the
        # entry goes under the key, the comment stays on its line.
        row = key.start_mark.line
        comment = lines[row].find(" #", key.end_mark.column)
        keep = lines[row][comment:].rstrip("\r\n") if comment >= 0 else ""
        lines[row] = lines[row][: key.end_mark.column] + ":" + keep + newline
        indent = " " * (key.start_mark.column + 2)
        return "".join(lines[: row + 1] + [indent + line for line in entry] + lines[row + 1 :])
    if not isinstance(diary, yaml.SequenceNode) or diary.flow_style or not diary.value:
        return None
    if not 0 <= place <= len(diary.value):
        return None
    dash = diary.start_mark.column
    if place < len(diary.value):
        at = diary.value[place].start_mark.line
        # The comment lines just above the next entry were written for it: above them.
        while at > 0 and lines[at - 1].lstrip().startswith("#"):
            at -= 1
    else:
        last = diary.value[-1]
        end = last.end_mark.line if last.end_mark.column == 0 else last.end_mark.line + 1
        at = min(end, len(lines))
        # Not after blank or comment lines that lead to what follows the diary.
        while at > last.start_mark.line + 1 and (
            not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")
        ):
            at -= 1
        if at == len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
    indented = [" " * dash + line for line in entry]
    return "".join(lines[:at] + indented + lines[at:])


def _empty(node: yaml.Node) -> bool:
    if isinstance(node, yaml.ScalarNode):
        return not node.style and node.value in ("", "~", "null", "Null", "NULL")
    return isinstance(node, yaml.SequenceNode) and not node.value


def same_answers(text: str, expected: Any, name: str) -> bool:
    """Whether ``text`` reads back as exactly ``expected`` (a checked profile)."""
    from prepkit.core.errors import UserError
    from prepkit.profile.convert import ProfileProblem, to_profile
    from prepkit.profile.loader import parse_yaml

    try:
        return bool(to_profile(parse_yaml(text, name)[0]) == expected)
    except (UserError, ProfileProblem):
        return False
