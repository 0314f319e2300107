"""A test's results: which records are the same test, their dates as written, and
the series a chart can draw.

Shared by the worksheet (its tests table and charts), the changes since the last
visit, and the card (the latest tryptase): one reading of a result's date and
one idea of "the same test", so the three never disagree.
"""

from __future__ import annotations

import datetime as dt
import re

from msgspec import Struct

from prepkit.content.catalog import Catalog
from prepkit.core.words import folded
from prepkit.profile.schema import Profile, TestRecord

# A test's statuses in words, as the worksheet, the changes and the wizard say them.
STATUS_WORDS = {
    "have-result": "have the result",
    "will-bring": "will bring it",
    "not-done": "not done",
    "dont-know": "don't know",
}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


def written_date(text: str) -> dt.date | None:
    """A result's date as written: 2026, 2026-03, 2026-03-10, March 2026 or Mar 2026."""
    words = text.replace(",", " ").split()
    parts = text.strip().split("-")
    try:  # "May 0", "Mar 99999" or "May ²" is no date: never a traceback
        if len(words) == 2 and words[0].lower() in MONTHS and words[1].isdigit():
            return dt.date(int(words[1]), MONTHS[words[0].lower()], 15)
        numbers = [int(part) for part in parts]
        if len(numbers) == 1:
            return dt.date(numbers[0], 7, 1)
        if len(numbers) == 2:
            return dt.date(numbers[0], numbers[1], 15)
        if len(numbers) == 3:
            return dt.date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None
    return None


def test_key(record: TestRecord) -> str:
    """What makes two results the same test: its id, or the patient's words for it."""
    return record.test or "own:" + folded(record.own)


def test_name(record: TestRecord, catalog: Catalog) -> str:
    names = {t.id: t.name for t in catalog.tests}
    return names.get(record.test or "", "") or record.own


def by_time(records: list[TestRecord]) -> list[TestRecord]:
    """Oldest result first, whether dated 2026-03 or March 2026; unreadable dates last."""

    def order(record: TestRecord) -> tuple[bool, dt.date]:
        when = written_date(record.date)
        return when is None, when or dt.date.min

    return sorted(records, key=order)


class ChartPoint(Struct, frozen=True):
    day: int  # the date as a day number, for the time axis
    number: float
    label: str  # the date as the patient wrote it


class ResultSeries(Struct, frozen=True):
    """Two or more numeric results of one test, in one unit: drawn as a small chart."""

    name: str
    unit: str
    points: tuple[ChartPoint, ...]


# A plain number (35, 35.5 or 35,5) and its unit. "1,200" could be a thousand and two
# hundred or one point two: such a value is never charted.
_NUMBER = re.compile(r"\s*(\d+(?:\.\d+|,(?!\d{3}(?!\d))\d+)?)(?![\d.,])\s*(.*?)\s*$")


def result_series(profile: Profile, catalog: Catalog) -> list[ResultSeries]:
    """Tests with two or more dated numeric results in one unit, oldest result first.

    A result that is not a plain number ("<1", "normal"), or has no date, is left
    out of the chart (it is in the table); results in different units are never
    drawn on one scale: such a test gets no chart.
    """
    groups: dict[str, list[TestRecord]] = {}
    for record in profile.tests:
        groups.setdefault(test_key(record), []).append(record)
    series = []
    for records in groups.values():
        points, units = [], set()
        for record in by_time(records):
            found = _NUMBER.fullmatch(record.value)
            when = written_date(record.date)
            if found is None or when is None:
                continue
            number = float(found.group(1).replace(",", "."))
            points.append(ChartPoint(when.toordinal(), number, record.date))
            units.add(found.group(2))
        if len(points) >= 2 and len(units) == 1:
            series.append(ResultSeries(test_name(records[0], catalog), units.pop(), tuple(points)))
    return series
