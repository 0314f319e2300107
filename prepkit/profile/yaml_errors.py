"""A YAML syntax error in a hand-edited profile, said as the fix, on the line to fix.

The parser's own words ("mapping values are not allowed in this context") name a
rule, not a remedy, and for the usual slips (a missing space after a colon, a
pasted bullet) they point at the line after the one to fix. Here the lines around
the parser's mark are read for those slips, and the message says what to change,
on the right line, with the line as it reads now.
"""

from __future__ import annotations

import re

import yaml

from prepkit.core.errors import UserError

# Bullets that word processors and notes apps put in front of list items.
# Written as escapes where a bullet looks like a dash: hyphen bullet, en and em dash.
_BULLETS = "•◦▪▫‣\u2043●○■□➢►\u2013\u2014·*"
_BULLET_LINE = re.compile(rf"^\s*[{re.escape(_BULLETS)}]\s")
# ``name:Ann``: a plain key, a colon, and straight on to the value.
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:(?=[^\s:/])")
# ``reason: Follow-up: new rash``: the key, then a value holding ": ".
_COLON_IN_VALUE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*):\s+(.*?:\s.*?)\s*$")
# How far above the parser's mark a slip is looked for: it notices one line late.
_LOOK_BACK = 2
_SHOWN = 80
# "\uD800": an escape for half of a UTF-16 pair, which is no character at all.
_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F][0-9a-fA-F]{2}")


def _shown(line: str) -> str:
    """The line as it reads, cut (visibly) if long; tabs show as \\t in the message."""
    line = line.rstrip("\n")
    return line if len(line) <= _SHOWN else line[:_SHOWN] + "…"


def _reads(lines: list[str], number: int) -> str:
    if not 1 <= number <= len(lines):
        return ""
    return f"; the line reads: {_shown(lines[number - 1])}"


def _slip_above(lines: list[str], problem_line: int) -> tuple[int, str] | None:
    """A pasted bullet or a missing space after a colon at or just above the mark."""
    for number in range(problem_line, max(0, problem_line - _LOOK_BACK - 1), -1):
        if number > len(lines):
            continue
        text = lines[number - 1]
        if _BULLET_LINE.match(text):
            bullet = text.strip()[0]
            return number, (
                f"start each list item with a dash and a space ('- '), not '{bullet}' "
                "(a bullet pasted from another program)"
            )
        if _NO_SPACE.match(text):
            key, _, value = text.strip().partition(":")
            return number, f"put a space after the colon: {key}: {value}"
    return None


_VALUE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w-]*:|\s*-)\s+(.*)$")
# Characters YAML keeps for itself at the start of a plain value.
_RESERVED = "@`%&*!|>"


def _closing(value: str) -> int | None:
    """Where the quote that opens ``value`` closes, or None if not on this line."""
    quote, index = value[0], 1
    while index < len(value):
        char = value[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and value[index + 1 : index + 2] == "'":  # '' is one quote
                index += 2
                continue
            return index
        index += 1
    return None


def _quote_slip(lines: list[str], problem_line: int) -> tuple[int, str] | None:
    """The first line up to the mark whose quoted value never closes, or closes too soon."""
    for number in range(1, min(problem_line, len(lines)) + 1):
        found = _VALUE.match(lines[number - 1])
        value = found.group(2).rstrip() if found else ""
        if not value or value[0] not in "\"'":
            continue
        end = _closing(value)
        if end is None:
            return number, (
                "a quote opened on this line is never closed; add the closing "
                f"{value[0]} at the end of the value"
            )
        rest = value[end + 1 :].strip()
        if rest and not rest.startswith("#"):
            key = found.group(1).strip() if found else ""
            other = '"' if value[0] == "'" else "'"
            inner = value[1:-1] if value.endswith(value[0]) else value[1:]
            return number, (
                f"the value's quotes end before the value does: write it without the outer "
                f"quotes ({key} {inner}), or inside {other} quotes"
            )
    return None


def _colon_after_value(line: str) -> str | None:
    """``{name: X, what_for: itching: bad}`` -> ``what_for: "itching: bad"``, the fix."""
    for part in re.split(r"[,{}\[\]]", line):
        if part.count(":") > 1:
            key, value = part.split(":", 1)
            return f'{key.strip()}: "{value.strip()}"'
    return None


def _bare_word_above(lines: list[str], line: int) -> tuple[int, str] | None:
    """The line above the mark, if it is a key without its colon (``visit``)."""
    for number in range(line - 1, 0, -1):
        text = lines[number - 1].strip()
        if not text or text.startswith("#"):
            continue
        found = re.fullmatch(r"[A-Za-z_][\w-]*", text)
        return (number, text) if found else None
    return None


def syntax_error(error: yaml.YAMLError, text: str, name: str) -> UserError:
    """The one-line error for a profile that is not valid YAML."""
    lines = text.splitlines()

    def at(number: int, fix: str) -> UserError:
        """The fix, on the line to fix, with that line as it reads now."""
        return UserError(f"{fix}{_reads(lines, number)}", file=name, line=number)

    for number, written in enumerate(lines, start=1):
        half = _SURROGATE_ESCAPE.search(written)
        if half:  # parsers refuse these in their own words ("never closed", for one)
            return at(
                number,
                f"{half.group(0)} is half of a pair of escapes (a surrogate), not a "
                "character; delete it or give the character itself",
            )
    if isinstance(error, yaml.reader.ReaderError):  # a character YAML does not take
        line = text.count("\n", 0, error.position) + 1
        return at(
            line,
            f"has a character YAML does not allow (U+{error.character:04X}, a control "
            "character); delete it",
        )
    if not isinstance(error, yaml.MarkedYAMLError) or error.problem_mark is None:
        return UserError(f"YAML syntax error: {error}", file=name)
    problem = error.problem or "invalid YAML"
    line = error.problem_mark.line + 1
    context = error.context or ""
    if "quoted scalar" in context and error.context_mark is not None:
        opened = error.context_mark.line + 1
        return at(
            opened,
            "a quote opened on this line is never closed; add the closing quote at the end "
            "of the value",
        )
    if "flow" in context and error.context_mark is not None and "expected" in problem:
        opened = error.context_mark.line + 1
        colon = _colon_after_value(lines[line - 1]) if opened == line else None
        if colon is not None:
            return at(
                line,
                f"inside {{ }} or [ ], a value with a colon needs quotes ({colon}), "
                "or write each key on its own line",
            )
        return at(
            opened,
            "a bracket opened on this line is never closed: add the closing ] or }, or "
            "write the list with one '- ' line per item",
        )
    indent = (
        lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip())]
        if 0 < line <= len(lines)
        else ""
    )
    dash_tab = 0 < line <= len(lines) and re.match(r"\s*-\t", lines[line - 1])
    if "tab" in problem or "\t" in indent or dash_tab:
        return at(line, "indent with spaces, not tabs")
    quoted = _quote_slip(lines, line)
    if quoted is not None:
        number, fix = quoted
        return at(number, fix)
    if "cannot start any token" in problem and 0 < line <= len(lines):
        found = _VALUE.match(lines[line - 1])
        if found and found.group(2)[:1] in _RESERVED:
            key, value = found.group(1).strip().rstrip(":"), found.group(2).rstrip()
            return at(
                line,
                f"a value cannot start with '{value[0]}'; put it in quotes: {key}: \"{value}\"",
            )
    if "expected ':'" in problem or "mapping values are not allowed" in problem:
        above = _bare_word_above(lines, line)
        if above is not None:
            number, word = above
            return at(number, f"a section name needs a colon after it: {word}:")
    if "expected ':'" in problem and error.context_mark is not None:
        # The key without its colon is where the parser began the key, not where it gave up.
        keyed = error.context_mark.line + 1
        glued = re.match(r"\s*(?:-\s+)?([A-Za-z_][\w-]*):(\S.*)", lines[keyed - 1])
        if glued:  # "provider:Dr. Okafor": the colon is there, its space is not
            key, value = glued.group(1), glued.group(2).strip()
            return at(keyed, f"put a space after the colon: {key}: {value}")
        found = re.match(r"\s*(?:-\s+)?([A-Za-z_][\w-]*)\s+(\S.*)", lines[keyed - 1])
        fix = f": {found.group(1)}: {found.group(2).strip()}" if found else ""
        return at(keyed, f"a key needs a colon after it{fix}")
    if "expected '-' indicator" in problem and 0 < line <= len(lines):
        item = re.match(r"\s*-(\S.*)", lines[line - 1])
        if item:
            return at(line, f"put a space after the dash: - {item.group(1).strip()}")
    if "expected key" in problem and 0 < line <= len(lines):
        return at(
            line,
            "this line is indented differently from the lines above it: line up the keys "
            "of one section with the same number of spaces",
        )
    slip = _slip_above(lines, line)
    if slip is not None:
        number, fix = slip
        return at(number, fix)
    if "mapping values are not allowed" in problem and 0 < line <= len(lines):
        found = _COLON_IN_VALUE.match(lines[line - 1])
        if found:
            key, value = found.group(1).strip(), found.group(2).replace('"', '\\"')
            return at(line, f'a value with a colon needs quotes: {key}: "{value}"')
        return at(
            line,
            "this line is indented differently from the lines above it: line up the keys "
            "of one section with the same number of spaces",
        )
    return at(line, f"YAML syntax error: {problem}")
