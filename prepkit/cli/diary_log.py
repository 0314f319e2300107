"""``prepkit log``: one attack into the profile's diary, asked for or given as options.

Only Click is imported when the command list is built; the profile reader and
writer are imported when an attack is logged. The profile is read and checked
first, the entry is checked with the same rules, and the file is written once,
atomically, with the patient's comments kept: a refused entry leaves the
profile exactly as it was.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from prepkit.cli.exits import say
from prepkit.core.errors import UserError
from prepkit.documents.options import DEFAULT_PROFILE

if TYPE_CHECKING:
    pass

# The option that gave each field of an entry, for messages about it.
_OPTION_FOR = {
    "date": "--date",
    "time": "--date",
    "symptoms": "--symptom",
    "triggers": "--trigger",
    "severity": "--severity",
    "lasted": "--lasted",
    "took": "--took",
    "epinephrine": "--epinephrine",
    "emergency_visit": "--emergency-visit",
    "note": "--note",
}
_YES_NO = click.Choice(["yes", "no"], case_sensitive=False)


@click.command(short_help="Log an attack in your profile's diary.")
@click.argument(
    "profile",
    type=click.Path(path_type=Path, dir_okay=True, readable=False),
    default=DEFAULT_PROFILE,
)
@click.option(
    "--date", "when", help="When it started: now (default), 'yesterday 21:00', '2026-11-05 08:30'."
)
@click.option(
    "--symptom",
    "symptoms",
    multiple=True,
    help="A symptom: an id such as flushing (the README lists them) or your own words. "
    "Repeat for more.",
)
@click.option(
    "--trigger",
    "triggers",
    multiple=True,
    help="What may have set it off: an id such as alcohol, or your own words. Repeat for more.",
)
@click.option("--severity", metavar="0-10", help="How bad, 0 to 10.")
@click.option("--lasted", help="How long it lasted, in your words.")
@click.option(
    "--took", "took", multiple=True, help="A medication taken or something done (repeat)."
)
@click.option("--epinephrine", type=_YES_NO, help="Whether epinephrine was used.")
@click.option("--emergency-visit", type=_YES_NO, help="Whether you went to an emergency room.")
@click.option("--note", help="Anything else, in one line.")
def log(profile: Path, **given: Any) -> None:
    """Log one attack in PROFILE's diary (default prepkit-profile.yaml).

    With no options it asks, one question at a time (Enter skips any); with
    options it records them without asking, for scripts and phone shortcuts:

    \b
      prepkit log my-profile.yaml --date "yesterday 21:00" \\
          --symptom flushing --trigger alcohol --severity 6 --epinephrine no

    The worksheet lists the attacks since your last visit, charts them per
    month and counts what you noted before them.
    """
    from prepkit.content.catalog import load_catalog
    from prepkit.content.rules import read_profile
    from prepkit.core.today import now
    from prepkit.documents.visits import check_profile_path

    check_profile_path(profile)
    answers = read_profile(profile)  # a profile that cannot be read is not written to
    moment = now()
    if any(value not in (None, ()) for value in given.values()):
        entry = _from_options(given, moment, profile)
        problem = entry_problem(entry)
        if problem is not None:
            raise UserError(problem[1], file=str(profile), field=_OPTION_FOR[problem[0]])
    else:
        from prepkit.cli.terminal import TerminalPrompter, terminal_problem
        from prepkit.wizard.diary import ask_attack
        from prepkit.wizard.prompts import InputEnded, Interrupted

        problem_text = terminal_problem("run 'prepkit log' again, or give the answers as options")
        if problem_text is not None:
            raise UserError(problem_text)
        try:
            entry = ask_attack(TerminalPrompter(), answers, load_catalog(), moment, entry_problem)
        except Interrupted:
            say("Nothing logged.")
            raise SystemExit(130) from None
        except InputEnded:
            raise UserError(
                "input ended before the attack was logged; nothing was written "
                "(to log without questions, give options such as --date and --symptom)"
            ) from None
    count = _save(profile, entry)
    when = f"{entry['date']} {entry.get('time', '')}".rstrip()
    say(f"Logged the attack of {when} in {profile} ({count} in the diary).")
    for note in _near_misses(entry, load_catalog()):
        say(f"Note: {note}")


def _near_misses(entry: dict[str, Any], catalog: Any) -> list[str]:
    """Words that look like a mistyped id (``flushng``): kept as written, and said."""
    import difflib

    notes = []
    for field, items in (("symptoms", catalog.symptoms), ("triggers", catalog.triggers)):
        ids = [item.id for item in items]
        for word in entry.get(field, []):
            close = [] if word in ids else difflib.get_close_matches(word, ids, n=1, cutoff=0.8)
            if close:
                notes.append(
                    f"{word!r} is kept as your own words; if you meant {close[0]!r}, the "
                    "entry can be corrected in the profile"
                )
    return notes


def _from_options(given: dict[str, Any], moment: Any, profile: Path) -> dict[str, Any]:
    from prepkit.wizard.diary import parse_when

    try:
        day, time = parse_when(given["when"] or "", moment)
    except ValueError as problem:
        raise UserError(str(problem), file=str(profile), field="--date") from None
    entry: dict[str, Any] = {"date": day.isoformat()}
    if time:
        entry["time"] = time
    for field in ("symptoms", "triggers", "took"):
        if given[field]:
            entry[field] = list(given[field])
    for field in ("severity", "lasted", "epinephrine", "emergency_visit", "note"):
        if given[field] is not None:
            entry[field] = given[field]
    return entry


def entry_problem(entry: dict[str, Any]) -> tuple[str, str] | None:
    """The first problem with ``entry`` as the profile reader and the build see it.

    (field, problem): the reader's rules, then the font's (a character the
    documents cannot print would stop every later build).
    """
    from prepkit.layout.fonts import missing_glyphs
    from prepkit.profile.convert import ProfileProblem, to_profile

    try:
        checked = to_profile({"schema_version": "1", "attack_diary": [entry]}).attack_diary[0]
    except ProfileProblem as problem:
        field = next((part for part in problem.loc[2:] if isinstance(part, str)), "date")
        return field, problem.problem
    for field in ("symptoms", "triggers", "took", "lasted", "note"):
        value = getattr(checked, field)
        missing = missing_glyphs("".join(value) if isinstance(value, list) else value)
        if missing:
            shown = ", ".join(f"U+{ord(c):04X}" for c in missing[:3])
            return field, f"has characters the documents cannot print ({shown})"
    return None


def _save(profile: Path, entry: dict[str, Any]) -> int:
    """Insert ``entry`` in date order (after others at the same moment) and save.

    The profile is read again under its lock (``locks.profile_lock``): two attacks logged at
    once (a phone shortcut and the terminal) are both kept, and an edit saved
    while the questions were asked is not undone.
    """
    from prepkit.content.rules import read_profile
    from prepkit.core.locks import profile_lock
    from prepkit.profile.convert import profile_data

    with profile_lock(profile):
        return _insert(profile, profile_data(read_profile(profile)), entry)


def _insert(profile: Path, data: dict[str, Any], entry: dict[str, Any]) -> int:
    from prepkit.content.rules import catalog_problems
    from prepkit.core.output import real_path, write_private
    from prepkit.profile.convert import ProfileProblem, field_path, to_profile
    from prepkit.profile.diary_insert import same_answers, with_entry
    from prepkit.profile.loader import read_profile_text
    from prepkit.profile.schema import DIARY_ENTRIES
    from prepkit.profile.writer import entry_text

    diary: list[dict[str, Any]] = data.get("attack_diary") or []
    key = (entry["date"], entry.get("time", ""))
    place = len(diary)
    while place and (diary[place - 1]["date"], diary[place - 1].get("time", "")) > key:
        place -= 1
    diary.insert(place, entry)
    data["attack_diary"] = diary
    if len(diary) > DIARY_ENTRIES:
        raise UserError(
            f"the diary holds {DIARY_ENTRIES:,} attacks and is full; move the oldest entries "
            "to another file (the worksheet lists only the last 12 months)",
            file=str(profile),
            field="attack_diary",
        )
    try:
        expected = to_profile(data, catalog_problems)
    except ProfileProblem as problem:
        raise UserError(problem.problem, file=str(profile), field=field_path(problem.loc)) from None
    target = real_path(profile)
    # The owner's write bit, not os.access: as root, access says yes to every file.
    if not os.stat(target).st_mode & stat.S_IWUSR:
        raise UserError(
            "is read-only; prepkit will not change it (the attack was not logged)",
            file=str(profile),
        )
    text = with_entry(read_profile_text(target), place, entry_text(entry))
    if text is None or not same_answers(text, expected, str(profile)):
        raise UserError(
            "the attack diary is not a list of '- ' lines that prepkit can add to without "
            "rewriting your file; the file is left as it was (the attack was not logged)",
            file=str(profile),
            field="attack_diary",
        )
    write_private(profile, text.encode("utf-8"))
    return len(diary)
