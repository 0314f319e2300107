"""The profile as the content layer reads it: the schema's checks, and every id in the catalog.

The profile layer knows the shape of a profile but not the catalog; these are
the reader's functions with the catalog's checks added, for everything above
(the build step, the wizard, the CLI).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prepkit.content.catalog import load_catalog
from prepkit.profile import convert, loader
from prepkit.profile.schema import Location, Profile


def catalog_problems(profile: Profile) -> Iterator[tuple[Location, str]]:
    """Every answer that names a catalog item the catalog does not have, in file order."""
    if profile.diagnosis.type is not None:
        yield from _catalog_id(("diagnosis", "type"), "diagnosis", profile.diagnosis.type)
    for index, symptom in enumerate(profile.symptoms):
        yield from _catalog_id(("symptoms", index, "catalog"), "symptoms", symptom.catalog)
    for index, trigger in enumerate(profile.triggers.catalog):
        yield from _catalog_id(("triggers", "catalog", index), "triggers", trigger)
    for index, record in enumerate(profile.tests):
        yield from _catalog_id(("tests", index, "test"), "tests", record.test)
    for index, question in enumerate(profile.questions):
        yield from _catalog_id(("questions", index, "catalog"), "questions", question.catalog)


def to_profile(data: Any) -> Profile:
    return convert.to_profile(data, extra_rules=catalog_problems)


def validate_profile(data: Any, lines: dict[Location, int], name: str) -> Profile:
    return loader.validate_profile(data, lines, name, extra_rules=catalog_problems)


def read_profile(path: Path) -> Profile:
    return loader.read_profile(path, extra_rules=catalog_problems)


def _catalog_id(loc: Location, group: str, value: str | None) -> Iterator[tuple[Location, str]]:
    """Refuse an id the catalog does not know, suggesting the nearest one."""
    if value is None:
        return
    catalog = load_catalog()
    items = catalog.diagnoses() if group == "diagnosis" else getattr(catalog, group)
    known = [item.id for item in items]
    if value not in known:
        import difflib  # only when something is wrong: keeps start-up quick

        close = difflib.get_close_matches(value, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
        yield loc, f"{value!r} is not in the catalog{hint}"
