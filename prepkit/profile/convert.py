"""From answers as typed to a checked :class:`Profile`, or the first problem and its place.

Profiles are read with every value as text, and the wizard hands over plain
data, so reading happens in three steps: tidy each answer according to the
type its field declares (text is normalised, "yes" becomes True, a blank
answer becomes "not answered"); let msgspec check the shape and the limits;
then check the rules the shape cannot say. Every refusal is turned into a
sentence about the field, written for a patient rather than a programmer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import msgspec
from msgspec import inspect as mi

from prepkit.profile.schema import LONG_TEXT_LINES, Location, Profile, rule_problems

_EMPTY = {"", "~", "null", "none"}
# The words for yes and no, in a profile file and at the wizard's (y/n) prompts alike.
YES = frozenset({"yes", "y", "true", "t", "on", "1"})
NO = frozenset({"no", "n", "false", "f", "off", "0"})
_WHOLE_NUMBER = re.compile(r"[0-9]{1,12}")
_PATH_PART = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


class ProfileProblem(ValueError):
    """One problem with the answers: where it is (``loc``) and what is wrong."""

    def __init__(self, loc: Location, problem: str) -> None:
        self.loc = loc
        self.problem = problem
        super().__init__(f"{field_path(loc) or '(top level)'}: {problem}")


# Checks a layer above adds (the catalog's ids): each problem as (where, what).
ExtraRules = Callable[[Profile], Iterable[tuple[Location, str]]]


def to_profile(data: Any, extra_rules: ExtraRules | None = None) -> Profile:
    """Check ``data`` (parsed YAML or the wizard's answers) and return the profile."""
    prepared = _prepare(data, _profile_info(), ())
    try:
        profile = msgspec.convert(prepared, Profile, strict=True)
    except msgspec.ValidationError as error:
        raise _explain(str(error), prepared) from None
    for loc, problem in rule_problems(profile):
        raise ProfileProblem(loc, problem)
    for loc, problem in extra_rules(profile) if extra_rules else ():
        raise ProfileProblem(loc, problem)
    return profile


def profile_data(profile: Profile) -> dict[str, Any]:
    """The profile as plain data (dates as text), as the wizard and the writer use it."""
    data: dict[str, Any] = msgspec.to_builtins(profile)
    return data


def field_path(loc: Location) -> str:
    """``('symptoms', 1, 'severity')`` -> ``symptoms[2].severity`` (items counted from 1)."""
    path = ""
    for part in loc:
        path += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


def clean_text(value: str, *, multiline: bool, loc: Location = ()) -> str:
    """Normalise what the patient typed (NFC, tidy whitespace) and refuse control characters.

    Control characters cannot be printed: refusing them is better than a blank box.
    """
    # Text with nothing but printable characters and plain whitespace (nearly all of it)
    # holds no control, surrogate or formatting character: Python checks that at C speed,
    # where the character-by-character look below took a second for a 4 MB profile.
    if not value.translate(_PLAIN_WHITESPACE).isprintable():
        value = _visible(value, loc)
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.replace("\t", " ").strip().split("\n")]
    if not multiline:
        return " ".join(line for line in lines if line)
    if len(lines) > LONG_TEXT_LINES:
        raise ProfileProblem(
            loc, f"has {len(lines)} lines (at most {LONG_TEXT_LINES}); join some of them"
        )
    return "\n".join(lines)


_PLAIN_WHITESPACE = str.maketrans("\t\n\r", "   ")


def _visible(value: str, loc: Location) -> str:
    """``value`` without invisible formatting characters, or refused for a control one."""
    for char in value:
        category = unicodedata.category(char)
        if category == "Cs":
            raise ProfileProblem(loc, f"contains an invalid character (U+{ord(char):04X})")
        if category == "Cc" and char not in "\t\n\r":
            raise ProfileProblem(
                loc, f"contains a control character (U+{ord(char):04X}) that cannot be printed"
            )
    # Invisible formatting characters (soft hyphens, zero-width spaces, direction
    # overrides) are removed: they print as nothing, or could hide or reorder text.
    visible = "".join(c for c in value if unicodedata.category(c) != "Cf")
    # Unicode's own line and paragraph separators are line breaks like any other: kept
    # as one (a one-line answer then joins with a space), so what is stored is what prints.
    return visible.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")


def is_free_text(loc: Location) -> bool:
    """Whether the field at ``loc`` holds the patient's own words (not an id, number or date)."""
    info = _info_at(loc)
    if info is None:
        return False
    _, extra = _unwrap(info)
    return bool(extra.get("text"))


# A list bullet pasted in with the words ("• Perfume"): not part of the answer.
_BULLET = re.compile(r"[•◦‣▪●·]\s*|[-*\u2013]\s+")


def _in_a_list(loc: Location) -> bool:
    """A list item's own words: ``triggers.own[1]``, or the ``name``/``own`` of a listed entry."""
    return bool(loc) and (
        isinstance(loc[-1], int)
        or (len(loc) >= 2 and isinstance(loc[-2], int) and loc[-1] in ("name", "own"))
    )


@cache
def _profile_info() -> mi.Type:
    return mi.type_info(Profile)


def _unwrap(info: mi.Type) -> tuple[mi.Type, dict[str, Any]]:
    """The type under any metadata, and that metadata's ``extra``."""
    extra: dict[str, Any] = {}
    while isinstance(info, mi.Metadata):
        extra.update(info.extra or {})
        info = info.type
    return info, extra


def _answered(info: mi.UnionType, value: Any = None) -> mi.Type:
    """For ``X | None``: the X; for ``X | list[X]``, the one that ``value`` is."""
    kinds = [t for t in info.types if not isinstance(t, mi.NoneType)]
    if isinstance(value, list):
        lists = [t for t in kinds if isinstance(_unwrap(t)[0], mi.ListType)]
        return (lists or kinds)[0]
    return kinds[0]


def _declared(info: mi.Type) -> mi.Type:
    """The type a field holds once answered: no metadata, and X rather than ``X | None``."""
    info, _ = _unwrap(info)
    if isinstance(info, mi.UnionType):
        info, _ = _unwrap(_answered(info))
    return info


def _prepare(value: Any, info: mi.Type, loc: Location) -> Any:
    """``value`` tidied for the type its field declares; anything unexpected is left for msgspec."""
    info, extra = _unwrap(info)
    if isinstance(info, mi.UnionType):
        optional = any(isinstance(t, mi.NoneType) for t in info.types)
        if optional and (
            value is None or (isinstance(value, str) and value.strip().lower() in _EMPTY)
        ):
            return None
        return _prepare(value, _answered(info, value), loc)
    if isinstance(info, mi.StructType) and isinstance(value, dict):
        # Unknown and missing keys are found here, not read out of msgspec's message
        # (whose wording is the library's to change).
        for key in value:
            if not any(f.encode_name == key for f in info.fields):
                raise _unknown_key(loc, key)
        fields = {f.encode_name: f.type for f in info.fields}
        return {
            key: _prepare(item, fields[key], (*loc, key)) if key in fields else item
            for key, item in value.items()
        }
    if isinstance(info, mi.ListType):
        if isinstance(value, list):
            return [_prepare(item, info.item_type, (*loc, i)) for i, item in enumerate(value)]
        if value is None or value == "":
            return []  # "medications:" with nothing under it: no medications
        return value
    if not isinstance(value, str):
        return "" if value is None and isinstance(info, mi.StrType) else value
    if isinstance(info, mi.StrType):
        mode = extra.get("text")
        if not mode:
            return value.strip()
        text = clean_text(value, multiline=mode == "lines", loc=loc)
        return _BULLET.sub("", text, count=1) if _in_a_list(loc) and _BULLET.match(text) else text
    answer = value.strip()
    if isinstance(info, mi.IntType) and _WHOLE_NUMBER.fullmatch(answer):
        return int(answer)
    if isinstance(info, mi.BoolType) and answer.lower() in YES | NO:
        return answer.lower() in YES
    return answer


def _unknown_key(loc: Location, key: Any) -> ProfileProblem:
    import difflib  # only when something is wrong: keeps start-up quick

    known = _known_keys(loc)
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(known)}"
    return ProfileProblem((*loc, str(key)), f"unknown key {key!r}{hint}")


def _explain(message: str, prepared: Any) -> ProfileProblem:
    """msgspec's refusal, as a sentence about the field it concerns.

    Only the field's place is taken from msgspec's message; what is said is
    prepkit's own (``_describe``), so a new wording upstream changes no message.
    """
    _, found, where = message.rpartition(" - at `")
    loc: Location = (
        tuple(name or int(index) for name, index in _PATH_PART.findall(where.rstrip("`")))
        if found
        else ()
    )
    value = _value_at(prepared, loc)
    info = _info_at(loc)
    declared = _declared(info) if info is not None else None
    if isinstance(declared, mi.StructType) and isinstance(value, dict):
        for required in declared.fields:
            if required.required and required.encode_name not in value:
                return ProfileProblem((*loc, required.encode_name), "is required but missing")
    return ProfileProblem(loc, _describe(info, value) or "is not a valid answer here")


def _describe(info: mi.Type | None, value: Any) -> str:
    """What a value of this field must look like, given what was there instead."""
    if info is None:
        return ""
    info = _declared(info)
    if isinstance(info, mi.StrType):
        if isinstance(value, dict) and len(value) == 1:  # "- Perfume: strong ones"
            ((key, words),) = value.items()
            if isinstance(words, str | None):
                return (
                    "must be plain text; a colon inside the words needs quotes: "
                    f'"{key}: {words or ""}"'
                )
        if not isinstance(value, str):
            return "must be plain text, not a list or a group of answers"
        if info.max_length is not None and len(value) > info.max_length:
            return f"is too long ({len(value)} characters; at most {info.max_length} characters)"
        return "must not be empty"
    if isinstance(info, mi.ListType):
        if not isinstance(value, list):
            return "must be a list, one '- ' line per item"
        return f"has too many items ({len(value)}; at most {info.max_length} items)"
    if isinstance(info, mi.IntType):
        if info.ge is None or info.le is None:
            return "must be a whole number"
        return f"must be a whole number from {info.ge} to {info.le}"
    if isinstance(info, mi.DateType):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return f"there is no day {value}; check the month and the day"
        return "must be a date written year-month-day, like 2025-03-14"
    if isinstance(info, mi.BoolType):
        return "must be yes or no"
    if isinstance(info, mi.LiteralType):
        return "must be one of: " + ", ".join(str(v) for v in info.values)
    if isinstance(info, mi.StructType):
        # "name:Ann" under a section is one piece of text to YAML, not a key and value.
        if isinstance(value, str) and re.match(r"[A-Za-z_][\w-]*:\S", value):
            key, _, rest = value.partition(":")
            return (
                f"must be a group of 'key: value' lines; put a space after the colon: {key}: {rest}"
            )
        return "must be a group of 'key: value' lines"
    return ""


def _info_at(loc: Location) -> mi.Type | None:
    """The declared type of the field at ``loc``."""
    info: mi.Type = _profile_info()
    for part in loc:
        info = _declared(info)
        if isinstance(part, int) and isinstance(info, mi.ListType):
            info = info.item_type
        elif isinstance(part, str) and isinstance(info, mi.StructType):
            found = [f.type for f in info.fields if f.encode_name == part]
            if not found:
                return None
            info = found[0]
        else:
            return None
    return info


def _value_at(data: Any, loc: Location) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _known_keys(loc: Location) -> list[str]:
    """The keys allowed at ``loc``, to suggest the one the user probably meant."""
    info = _info_at(loc)
    info = _declared(info) if info is not None else None
    return [f.encode_name for f in info.fields] if isinstance(info, mi.StructType) else []
