"""The visit history: a copy of the profile per visit date, and the last visit's copy
for the worksheet's "Since my last visit". Nothing here prints: what is worth
saying goes into the build's :class:`Outcome` as a note, for the CLI to say.

A copy records what was printed for a visit. Once that visit is past, its copy is
never replaced: answers edited after the visit (new prescriptions) belong to the
next one, and replacing the copy would make the next worksheet say nothing changed.
Copies are written as regular private files (a link in the folder is replaced, not
followed) with a header that says not to edit them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from prepkit.core.errors import UserError

if TYPE_CHECKING:
    from prepkit.documents.build import Outcome
    from prepkit.documents.options import Options
    from prepkit.profile.schema import Profile

COPY_HEADER = """\
# prepkit: the answers printed for the visit on {date}, kept for the visit history.
# The next visit's worksheet compares your profile with them. Do not edit this copy:
# change your profile ({profile}) instead.
"""


def check_profile_path(profile: Path) -> None:
    """A folder (``.``, ``/``, ``x/..``), a device or an empty name: one line, before anything."""
    if profile.name in ("", ".", "..") or profile.is_dir():
        raise UserError("is a folder; give the profile a file name", file=str(profile))
    if profile.exists() and not profile.is_file():  # /dev/null, a pipe: never a profile
        raise UserError(
            "is not a file (a device, pipe or socket); give a profile file", file=str(profile)
        )


def keep_visit_copy(profile: Path, answers: Profile, today: dt.date) -> tuple[Path | None, str]:
    """Keep ``answers`` as the copy for their visit date; the copy and what to say."""
    from prepkit.core.errors import printable
    from prepkit.core.locks import profile_lock
    from prepkit.core.output import ensure_folder, remove_leftovers, write_private
    from prepkit.profile.convert import profile_data
    from prepkit.profile.history import history_folder, visit_copy
    from prepkit.profile.writer import profile_text

    visit = answers.visit.date
    if visit is None:
        return None, ""
    if os.path.abspath(profile).startswith(("/dev/", "/proc/")):
        # A profile piped in (/dev/stdin) has no folder of its own to keep copies beside.
        return None, "a profile read from a pipe or device gets no copy in the visit history"
    target = visit_copy(profile, visit)
    if visit < today and (target.exists() or target.is_symlink()):
        return None, (
            f"the copy kept for the visit on {visit} (a past visit) stays as it was; "
            "give the next visit's date to keep these answers for it"
        )
    folder = history_folder(profile)
    if folder.is_symlink():  # every file prepkit writes is replaced, never followed
        return None, (
            f"{printable(str(folder))} is a link; the visit history is kept only in a real "
            "folder, so no copy was kept this time"
        )
    ensure_folder(folder)
    header = COPY_HEADER.format(date=visit.isoformat(), profile=printable(profile.name))
    text = profile_text(profile_data(answers), profile.name, header=header, fast=True)
    with profile_lock(profile):  # the profile's writers take turns
        remove_leftovers(folder, [target.name])  # a copy a killed run was writing
        return write_private(target, text.encode("utf-8"), through_links=False), ""


def last_visit(profile: Path, answers: Profile) -> tuple[Profile | None, dt.date | None, str]:
    """The latest visit kept before this one: its answers and date, or why none is used."""
    from prepkit.content.rules import read_profile
    from prepkit.core.today import today
    from prepkit.profile.history import last_visit_before

    if answers.visit.date is None:
        return None, None, ""
    found = last_visit_before(profile, answers.visit.date, today())
    if found is None:
        return None, None, ""
    day, path = found
    from prepkit.documents.render import check_printable

    try:
        # The copy is input like the profile: the same checks, the font's included
        # (a character it cannot print would stop the build, or print as a box).
        previous = read_profile(path)
        check_printable(previous, str(path))
        return previous, day, ""
    except UserError as problem:
        return None, None, f"the copy of your last visit cannot be read ({problem.message})"


def build_for_visit(profile: Path, answers: Profile, options: Options) -> Outcome:
    """Print ``answers``, compared with the last visit kept, and keep them for this visit."""
    from prepkit.core.today import today
    from prepkit.documents.build import build_documents

    previous, day, problem = last_visit(profile, answers)
    outcome = build_documents(
        answers, options, source=str(profile), previous=previous, previous_date=day
    )
    if problem:
        outcome.notes.append(
            f"{problem}; the worksheet has no 'Since my last visit' section this time."
        )
    try:
        kept, note = keep_visit_copy(profile, answers, today())
    except UserError as error:  # the documents are printed; only the history misses a visit
        kept, note = None, f"no copy kept for the visit history: {error.message}"
    if note:
        outcome.notes.append(note)
    outcome.kept_for_history = kept
    return outcome


def history_lines(profile: Path) -> list[str]:
    """What ``prepkit history`` says: each kept visit, or where they will go."""
    from prepkit.profile.history import history_folder, kept_visits

    check_profile_path(profile)
    folder = history_folder(profile)
    if folder.exists() and not folder.is_dir():
        raise UserError("is in the way of the visit history: it is not a folder", file=str(folder))
    visits = kept_visits(profile)
    if visits:
        return [f"{day.isoformat()}  {path}" for day, path in visits]
    if not profile.exists():
        raise UserError("file not found (and no visits are kept for it)", file=str(profile))
    return [
        f"No visits kept yet for {profile}. A copy goes into {folder} each time the wizard "
        "saves it or 'prepkit build' prints it for a visit date."
    ]
