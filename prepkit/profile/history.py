"""Where the copies kept for each visit live, and which one was the last visit.

Each time the wizard saves a profile or ``build`` prints it for a visit date, a
copy is kept as ``<profile>-history/<visit date>.yaml`` beside the profile (one
per visit date; printing again for the same date replaces it). A profile not
named ``.yaml`` keeps its whole name (``mum.yml.history``, ``mum.history``), so
``mum.yaml``, ``mum.yml`` and ``mum`` in one folder never share, and never
compare with, each other's visits. The next visit's
worksheet compares itself with the latest copy from an earlier date. Writing the
copies is the CLI's job; this module only names and finds them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HISTORY_SUFFIX = "-history"
OTHER_HISTORY_SUFFIX = ".history"


def history_folder(profile: Path) -> Path:
    if not profile.name:  # "." or "/": the caller refuses it; never a folder named "-history"
        raise ValueError(f"{profile} names no file")
    if profile.suffix == ".yaml":
        return profile.with_name(f"{profile.stem}{HISTORY_SUFFIX}")
    return profile.with_name(f"{profile.name}{OTHER_HISTORY_SUFFIX}")


def visit_copy(profile: Path, visit: dt.date) -> Path:
    return history_folder(profile) / f"{visit.isoformat()}.yaml"


def kept_visits(profile: Path) -> list[tuple[dt.date, Path]]:
    """Every kept copy, oldest first; anything else in the folder is ignored."""
    folder = history_folder(profile)
    if folder.is_symlink():  # never written to (see prepkit.documents.visits): nothing kept there
        return []
    try:
        entries = list(folder.iterdir())
    except (OSError, ValueError):  # no folder yet (a first visit), or one that cannot be read
        return []
    found = []
    for entry in entries:
        if entry.suffix != ".yaml":
            continue
        try:
            day = dt.date.fromisoformat(entry.stem)
        except ValueError:
            continue
        if entry.stem == day.isoformat() and entry.is_file() and not entry.is_symlink():
            found.append((day, entry))
    return sorted(found)


def last_visit_before(profile: Path, visit: dt.date, today: dt.date) -> tuple[dt.date, Path] | None:
    """The copy kept for the latest visit before ``visit`` that has happened (and its date).

    A copy dated today or later was kept for a visit still to come: if that visit
    was moved, it never happened, and comparing with it would hide every change
    since the real last visit.
    """
    earlier = [(day, path) for day, path in kept_visits(profile) if day < min(visit, today)]
    return earlier[-1] if earlier else None
