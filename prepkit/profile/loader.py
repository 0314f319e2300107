"""Read a profile file and turn every way it can be wrong into one plain line.

YAML is read with every value as text (PyYAML's BaseLoader) so that what the
patient typed survives as typed: a phone number ``0123`` stays ``0123`` and a
medicine called ``No`` is not turned into ``False``. The schema then converts
the few fields that are numbers, dates or yes/no. Two YAML rules would change
what a patient wrote without a word, so they are handled here: ``null`` and ``~``
mean an empty answer, not the word; and text after `` #`` in a free-text value
(``Tylenol #3 (with codeine)``) is refused with the line, not dropped as a comment.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from prepkit.core.errors import UserError
from prepkit.core.yaml_loaders import NULL_WORDS, TEXT_LOADER
from prepkit.profile.convert import (
    ExtraRules,
    ProfileProblem,
    field_path,
    is_free_text,
    to_profile,
)
from prepkit.profile.schema import DIARY_ENTRIES, MAX_ITEMS, Location, Profile
from prepkit.profile.yaml_errors import syntax_error

# The largest profile prepkit's own writer makes within the schema's limits is
# 2.8 MB (every text at its limit in 4-byte characters; tests/test_profile.py
# checks it in several scripts). The cap leaves room for comments and hand edits,
# and stops a file that is not a profile before it is parsed.
MAX_PROFILE_BYTES = 4_000_000
# A profile nests lists and mappings four deep (tests -> a test -> its statuses);
# anything much deeper is not a profile, and unbounded nesting exhausts the parser.
MAX_NESTING = 10
# Entries in one list or section, and values in the whole file, far above what a
# profile can hold (lists of 100, the diary 2,000; about 10,000 values at every
# limit, 40,000 more with a diary of 2,000 ordinary entries) and far
# below what makes YAML's composer slow: 200,000 entries under the size cap took
# it 85 s and 490 MB before the one-line error.
MAX_ENTRIES = 2500
MAX_VALUES = 100_000


def read_profile(path: Path, extra_rules: ExtraRules | None = None) -> Profile:
    """Load and check the profile at ``path``, or raise a :class:`UserError`."""
    data, lines = parse_yaml(read_profile_text(path), str(path))
    return validate_profile(data, lines, str(path), extra_rules)


def read_profile_text(path: Path) -> str:
    """The text of the file at ``path``, refusing what is not a profile before reading it.

    Only a regular file is read, and never more than the size cap: a pipe would
    wait forever and a device never ends (the wizard's drafts are read this way too).
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError("file not found", file=name) from None
    except OSError as error:
        raise UserError(f"cannot be read ({error.strerror})", file=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError("is a folder, not a profile file", file=name)
    if not stat.S_ISREG(info.st_mode):
        # A pipe would wait forever and a device (/dev/zero) never ends.
        raise UserError("is not a file (a device, pipe or socket); give a profile file", file=name)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_PROFILE_BYTES + 1)  # never more than the limit
    except OSError as error:
        raise UserError(f"cannot be read ({error.strerror})", file=name) from None
    if len(raw) > MAX_PROFILE_BYTES:
        raise UserError(
            f"is too large to be a profile (over {MAX_PROFILE_BYTES // 1_000_000} MB)", file=name
        )
    if b"\x00" in raw:
        raise UserError("is not a text file (it looks binary)", file=name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(
            f"is not UTF-8 text (bad byte at position {error.start}); save it as UTF-8",
            file=name,
        ) from None


def _check_shape(text: str, name: str) -> None:
    """Refuse anchors, aliases, deep nesting and huge collections before any structure is built.

    Read as a stream of parser events (which needs no recursion and no memory for
    the tree), so a 500-byte alias bomb, 30,000 nested brackets or a list of
    200,000 entries is one line of error, not gigabytes of memory, minutes, or a
    crash inside the C parser.
    """
    depth = 0
    # For each open list or section: values in it so far, and how many it may hold
    # (a section's keys are values too).
    open_: list[list[int]] = [[0, 1]]
    values = 0
    for event in yaml.parse(text, Loader=TEXT_LOADER):
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, yaml.DocumentStartEvent) and values:
            raise UserError(
                "holds more than one YAML document (a line '---' starts another); a profile is one",
                file=name,
                line=line,
            )
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise UserError(
                "uses a YAML anchor or alias (& or *); write each value out in full",
                file=name,
                line=line,
            )
        if isinstance(event, yaml.NodeEvent):
            values += 1
            open_[-1][0] += 1
            if open_[-1][0] > open_[-1][1]:
                raise UserError(
                    f"has a list or section of more than {MAX_ENTRIES:,} entries; "
                    f"a profile's lists hold at most {MAX_ITEMS} "
                    f"(the attack diary {DIARY_ENTRIES:,})",
                    file=name,
                    line=line,
                )
            if values > MAX_VALUES:
                raise UserError(
                    f"holds more than {MAX_VALUES:,} values; a profile holds far fewer",
                    file=name,
                    line=line,
                )
        if isinstance(event, yaml.CollectionStartEvent):
            keys = 2 if isinstance(event, yaml.MappingStartEvent) else 1
            open_.append([0, keys * MAX_ENTRIES])
            depth += 1
            if depth > MAX_NESTING:
                raise _too_deep(name, line)
        elif isinstance(event, yaml.CollectionEndEvent):
            open_.pop()
            depth -= 1


def _too_deep(name: str, line: int | None) -> UserError:
    return UserError(
        f"nests lists or sections more than {MAX_NESTING} deep; a profile needs at most 4",
        file=name,
        line=line,
    )


def _deep_brackets(text: str) -> int | None:
    """The line where brackets (``[`` ``{``) first nest deeper than a profile allows, if any.

    Quoted text and comments are skipped, so ``"[[[["`` in a note is not counted.
    Only asked after a parser has refused the text, so its speed does not matter.
    """
    depth, line, quote, index, size = 0, 1, "", 0, len(text)
    while index < size:
        char = text[index]
        if char == "\n":
            line += 1
        if quote:
            if quote == '"' and char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'" and (index == 0 or text[index - 1] in " \t\n[{,:"):
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t\n"):
            end = text.find("\n", index)
            index = size if end < 0 else end
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def parse_yaml(text: str, name: str) -> tuple[Any, dict[Location, int]]:
    """Parse YAML into plain data plus the line of every key, for error messages."""
    try:
        _check_shape(text, name)
        node = yaml.compose(text, Loader=TEXT_LOADER)
    except yaml.YAMLError as error:
        # A parser may refuse deep brackets before prepkit sees them (libyaml reads
        # ahead, and has limits of its own): the message stays prepkit's whatever it says.
        deep = _deep_brackets(text)
        if deep is not None:
            raise _too_deep(name, deep) from None
        raise syntax_error(error, text, name) from None
    if node is None:
        raise UserError("is empty; start from 'prepkit example'", file=name)
    if not isinstance(node, yaml.MappingNode):
        raise UserError(
            "must be a list of 'key: value' lines, like example-profile.yaml",
            file=name,
            line=node.start_mark.line + 1,
        )
    lines: dict[Location, int] = {}
    cut: dict[Location, tuple[int, str, str]] = {}
    data = _to_data(node, (), lines, name, _Source(text.splitlines(), cut))
    for loc, (line, value, comment) in cut.items():
        if is_free_text(loc):
            raise UserError(
                f"the text after ' #' would be lost ({comment!r}): in YAML ' #' starts a "
                f'comment. To keep it, put the whole value in quotes: "{value} {comment}"',
                file=name,
                field=field_path(loc),
                line=line,
            )
    return data, lines


class _Source(NamedTuple):
    lines: list[str]
    # Plain values followed by a comment on the same line: (line, value, comment).
    cut: dict[Location, tuple[int, str, str]]


def _to_data(
    node: yaml.Node, loc: Location, lines: dict[Location, int], name: str, source: _Source
) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise UserError(
                    "a key must be plain text", file=name, line=key_node.start_mark.line + 1
                )
            if key in result:
                raise UserError(
                    f"{key!r} appears twice",
                    file=name,
                    field=field_path(loc),
                    line=key_node.start_mark.line + 1,
                )
            lines[(*loc, key)] = key_node.start_mark.line + 1
            result[key] = _to_data(value_node, (*loc, key), lines, name, source)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, (*loc, i), lines, name, source) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode) and not node.style:  # plain, not in quotes
        if node.value in NULL_WORDS:  # no value: the answer is empty, never the word
            return None
        end = node.end_mark
        rest = source.lines[end.line][end.column :] if end.line < len(source.lines) else ""
        if node.value and rest.lstrip().startswith("#"):
            source.cut[loc] = (end.line + 1, node.value, rest.strip())
    return node.value


def validate_profile(
    data: Any, lines: dict[Location, int], name: str, extra_rules: ExtraRules | None = None
) -> Profile:
    """Check parsed data; a problem becomes one line naming the file, line and field."""
    try:
        return to_profile(data, extra_rules)
    except ProfileProblem as problem:
        loc = problem.loc
        line = next((lines[loc[:n]] for n in range(len(loc), -1, -1) if loc[:n] in lines), None)
        raise UserError(
            problem.problem, file=name, field=field_path(loc) or "(top level)", line=line
        ) from None
