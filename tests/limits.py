"""The largest profile the schema's limits allow, every text written with one pattern.

Made from the schema itself (msgspec's type information), so that a new field
or a changed limit is filled without anyone remembering to add it here: every
list at its item limit, every text at its character limit, every catalog
answer a real catalog id (so the profile validates). The pattern decides how
costly the text is: a 4-byte character makes the largest file, ``<`` the
costliest text for ReportLab's paragraph parser.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import msgspec.inspect as mi

from prepkit.content.catalog import load_catalog
from prepkit.profile.schema import LONG_TEXT_LINES, MAX_ITEMS, DiaryEntry, Profile, TestRecord

# Diary entries in the maxed profile, each at its own limits. The diary's 2,000
# entries are counted per entry (years of daily logging), not per character:
# their build has its own test and bench row (tests/test_diary.py, bench/run.py).
MAXED_DIARY = 20

# Where the schema wants a catalog id rather than text, and which list it comes from.
_CATALOG_GROUPS = {
    ("diagnosis", "type"): "diagnosis",
    ("triggers", "catalog"): "triggers",
    ("tests", "test"): "tests",
}
# Either catalog or own words, never both: the maxed profile takes the own words.
_ONE_OF = {"symptoms", "questions"}


def maxed_profile(pattern: str = "x") -> dict[str, Any]:
    """Every field of :class:`Profile` at its limit, its text made of ``pattern`` repeated."""
    data: dict[str, Any] = _fill(mi.type_info(Profile), (), pattern)
    data["schema_version"] = 1
    catalog = load_catalog()
    data["diagnosis"]["type"] = catalog.diagnoses()[0].id
    data["triggers"]["catalog"] = [item.id for item in catalog.triggers]
    listed = [_test_record(item.id, pattern) for item in catalog.tests]
    # The rest of the list: tests in the patient's own words, each result its own date.
    own = [_own_test(pattern, number) for number in range(MAX_ITEMS - len(listed))]
    data["tests"] = listed + own
    for key in _ONE_OF:
        for entry in data[key]:
            entry.pop("catalog", None)
    data["attack_diary"] = [_diary_entry(pattern, day) for day in range(MAXED_DIARY)]
    return data


def _diary_entry(pattern: str, day: int) -> dict[str, Any]:
    """An entry in December 2025: within the twelve months before the maxed profile's
    visit (2026-01-01, the date every date field gets), so every entry is printed."""
    entry = _fill(mi.type_info(DiaryEntry), ("attack_diary",), pattern)
    for field in ("symptoms", "triggers", "took"):  # distinct: one entry lists each once
        entry[field] = [text[: -len(str(n))] + str(n) for n, text in enumerate(entry[field])]
    return {**entry, "date": f"2025-12-{day + 1:02d}", "time": "23:59"}


def _test_record(test: str, pattern: str) -> dict[str, Any]:
    record = _fill(mi.type_info(TestRecord), ("tests",), pattern)
    record.pop("own", None)
    return {**record, "test": test, "status": ["have-result", "will-bring"]}


def _own_test(pattern: str, number: int) -> dict[str, Any]:
    record = _fill(mi.type_info(TestRecord), ("tests",), pattern)
    record.pop("test", None)
    tag = str(number)
    return {**record, "date": record["date"][: -len(tag)] + tag, "status": "have-result"}


def _text(pattern: str, length: int) -> str:
    return "".join(itertools.islice(itertools.cycle(pattern), length))


def _fill(info: mi.Type, path: tuple[str, ...], pattern: str) -> Any:
    if isinstance(info, mi.Metadata):
        value = _fill(info.type, path, pattern)
        if (info.extra or {}).get("text") == "lines" and isinstance(value, str):
            return _at_most_lines(value)
        return value
    if isinstance(info, mi.UnionType):
        return _fill(_widest(info.types), path, pattern)
    if isinstance(info, mi.StrType):
        return _text(pattern, info.max_length or 200)
    if isinstance(info, mi.ListType):
        return [_fill(info.item_type, path, pattern) for _ in range(info.max_length or 100)]
    if isinstance(info, mi.StructType):
        return {
            field.encode_name: _fill(field.type, (*path, field.encode_name), pattern)
            for field in info.fields
            if (*path[-1:], field.encode_name) not in _CATALOG_GROUPS
        }
    if isinstance(info, mi.LiteralType):
        return max(info.values, key=lambda value: len(str(value)))
    if isinstance(info, mi.IntType):
        return info.le if info.le is not None else 10**6
    if isinstance(info, mi.BoolType):
        return "yes"
    if isinstance(info, mi.DateType):
        return "2026-01-01"
    raise TypeError(f"no maximal value for {info!r} at {path}")


def _at_most_lines(text: str) -> str:
    """``text`` with line breaks past the limit made spaces: as many lines as allowed."""
    lines = text.split("\n")
    keep = LONG_TEXT_LINES - 1
    return "\n".join(lines[:keep]) + (" " + " ".join(lines[keep:]) if lines[keep:] else "")


def _widest(options: Iterator[mi.Type] | tuple[mi.Type, ...]) -> mi.Type:
    """The option of a union that holds the most: text or a list over a single value."""
    ranked = sorted(
        (option for option in options if not isinstance(option, mi.NoneType)),
        key=lambda option: isinstance(_bare(option), mi.StrType | mi.ListType | mi.StructType),
        reverse=True,
    )
    return ranked[0]


def _bare(info: mi.Type) -> mi.Type:
    return info.type if isinstance(info, mi.Metadata) else info
