"""The attack diary, counted for the worksheet: which attacks to list, per month, and
which noted triggers came before how many of them.

Counts only. The worksheet never says that a trigger causes attacks or that
attacks are more or less frequent: it shows what the patient logged, in numbers
a specialist can read at a glance, and leaves the conclusions to the visit.

Everything is counted up to the day the worksheet is for (the visit's date, or
the day it is printed if that is earlier), so a reprint of an old visit shows
what was known then.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from msgspec import Struct

from prepkit.content.catalog import Catalog
from prepkit.core.words import folded
from prepkit.profile.schema import Attacks, DiaryEntry, Profile

MONTHS_CHARTED = 12
_MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class DiaryRow(Struct, frozen=True):
    """One attack as the worksheet's table lists it (names, not ids)."""

    when: str
    severity: str
    symptoms: str
    triggers: str
    taken: str
    note: str


class MonthCount(Struct, frozen=True):
    label: str  # "Nov"
    year: int
    attacks: int | None  # None: the diary was not kept yet (never drawn as a zero)


class TriggerCount(Struct, frozen=True):
    trigger: str
    before: int  # attacks this trigger was noted before


class DiarySummary(Struct, frozen=True):
    """What the worksheet's attacks section shows when the patient keeps a diary."""

    kept_since: dt.date  # the first entry: counts cover no time before it
    # The diary began inside the twelve months counted: its counts cover only part
    # of them, so the counts the patient typed are shown beside them.
    partial: bool
    since: dt.date  # the first day the table covers
    since_last_visit: bool  # else: the last 12 months
    rows: tuple[DiaryRow, ...]
    months: tuple[MonthCount, ...]
    triggers: tuple[TriggerCount, ...]
    attacks: Attacks  # the counts, worked out from the diary


def counted_until(profile: Profile, prepared: dt.date) -> dt.date:
    """The last day the diary is counted to: the visit, unless it is still to come."""
    visit = profile.visit.date
    return prepared if visit is None or visit > prepared else visit


def year_before(day: dt.date) -> dt.date:
    """The first day of the twelve months that end on ``day``."""
    try:
        return day.replace(year=day.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + dt.timedelta(days=1)


def diary_attacks(profile: Profile, until: dt.date) -> Attacks:
    """The attack counts: from the diary when it has entries, else as the patient typed them.

    Whether epinephrine was ever used stays "yes" if the patient said so before
    keeping a diary; the diary can only add uses, not take one away.
    """
    diary = [e for e in profile.attack_diary if e.date <= until]
    if not profile.attack_diary:
        return profile.attacks
    year = [e for e in diary if e.date >= year_before(until)]
    latest = max(diary, key=_moment, default=None)
    used = any(e.epinephrine for e in diary)
    answered = [e.emergency_visit for e in year if e.emergency_visit is not None]
    return Attacks(
        last_year=len(year),
        last_attack="" if latest is None else _when(latest),
        # Never "0" when no entry said whether there was an emergency visit.
        emergency_visits=sum(answered) if answered else None,
        epinephrine_used=True if used else profile.attacks.epinephrine_used,
        anaphylaxis_ever=profile.attacks.anaphylaxis_ever,
    )


def diary_summary(
    profile: Profile,
    catalog: Catalog,
    *,
    prepared: dt.date,
    last_visit: dt.date | None = None,
) -> DiarySummary | None:
    """The diary as the worksheet shows it; None when the patient keeps none."""
    if not profile.attack_diary:
        return None
    until = counted_until(profile, prepared)
    since_last_visit = last_visit is not None and last_visit <= until
    since = last_visit if since_last_visit and last_visit else year_before(until)
    shown = sorted((e for e in profile.attack_diary if since <= e.date <= until), key=_moment)
    names = _Names(profile, catalog)
    kept_since = min(e.date for e in profile.attack_diary)
    return DiarySummary(
        kept_since=kept_since,
        partial=kept_since > year_before(until),
        since=since,
        since_last_visit=since_last_visit,
        rows=tuple(names.row(entry) for entry in shown),
        months=attacks_per_month(profile.attack_diary, until, kept_since),
        triggers=trigger_counts(shown, names),
        attacks=diary_attacks(profile, until),
    )


def attacks_per_month(
    diary: list[DiaryEntry], until: dt.date, kept_since: dt.date | None = None
) -> tuple[MonthCount, ...]:
    """Attacks in each of the twelve calendar months up to ``until``'s, oldest first;
    None for a month wholly before ``kept_since`` (no diary then, so no count)."""
    counts = Counter((e.date.year, e.date.month) for e in diary if e.date <= until)
    started = None if kept_since is None else (kept_since.year, kept_since.month)
    months = []
    year, month = until.year, until.month
    for _ in range(MONTHS_CHARTED):
        kept = started is None or (year, month) >= started
        count = counts[(year, month)] if kept else None
        months.append(MonthCount(_MONTH_NAMES[month - 1], year, count))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return tuple(reversed(months))


def trigger_counts(shown: list[DiaryEntry], names: _Names) -> tuple[TriggerCount, ...]:
    """Each trigger noted in ``shown``, with how many attacks it was noted before.

    The same trigger written twice in one entry counts once; spelling and case
    do not split a trigger ("Alcohol", "alcohol "). Most often first, then by name.
    """
    counted: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    for entry in shown:
        keys = set()
        for trigger in entry.triggers:
            key = names.trigger_key(trigger)
            spelled.setdefault(key, names.trigger(trigger))
            keys.add(key)
        counted.update(keys)
    ordered = sorted(counted, key=lambda key: (-counted[key], spelled[key].casefold()))
    return tuple(TriggerCount(spelled[key], counted[key]) for key in ordered)


class _Names:
    """Catalog ids in a diary entry as the catalog names them; anything else as written."""

    def __init__(self, profile: Profile, catalog: Catalog) -> None:
        self.symptoms = {s.id: s.name for s in catalog.symptoms}
        self.triggers = {t.id: t.name for t in catalog.triggers}
        self.trigger_ids = {_key(t.name): t.id for t in catalog.triggers}

    def trigger(self, text: str) -> str:
        return self.triggers.get(text, text)

    def trigger_key(self, text: str) -> str:
        """The same for an id, its catalog name and any spelling of either."""
        if text in self.triggers:
            return text
        return self.trigger_ids.get(_key(text), _key(text))

    def row(self, entry: DiaryEntry) -> DiaryRow:
        when = _when(entry) + (f", lasted {entry.lasted}" if entry.lasted else "")
        taken = list(entry.took)
        if entry.epinephrine is not None:
            taken.append("epinephrine" if entry.epinephrine else "no epinephrine")
        if entry.emergency_visit is not None:
            taken.append("emergency visit" if entry.emergency_visit else "no emergency visit")
        return DiaryRow(
            when=when,
            severity="" if entry.severity is None else str(entry.severity),
            symptoms=_listed(self.symptoms.get(s, s) for s in entry.symptoms),
            triggers=_listed(self.trigger(t) for t in entry.triggers),
            taken="; ".join(taken),
            note=entry.note,
        )


def _listed(names: Iterable[str]) -> str:
    """Names joined, each once: "Alcohol" and "alcohol " in one entry are one trigger."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(_key(name), name)
    return "; ".join(seen.values())


def _key(text: str) -> str:
    return folded(text)


def _moment(entry: DiaryEntry) -> tuple[dt.date, str]:
    return entry.date, entry.time


def _when(entry: DiaryEntry) -> str:
    return f"{entry.date.isoformat()} {entry.time}".rstrip()
