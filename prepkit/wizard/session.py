"""One run of the wizard: start from what was saved, ask, review, save, print.

Nothing typed is ever lost: if the patient presses Ctrl-C, or input runs out,
the answers so far go to a draft beside the profile, which the next run offers
to resume.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from prepkit.content.catalog import Catalog, load_catalog
from prepkit.content.rules import read_profile, validate_profile
from prepkit.core.errors import UserError
from prepkit.profile.convert import profile_data
from prepkit.profile.loader import parse_yaml, read_profile_text
from prepkit.profile.schema import Profile
from prepkit.wizard.answers import Data
from prepkit.wizard.places import Place, place_in
from prepkit.wizard.prompts import InputEnded, Interrupted, Prompter
from prepkit.wizard.resume import Tracking
from prepkit.wizard.sections import SECTION_NAMES, SECTIONS, Section

# Places a draft can record that are not sections: a follow-up's one-screen choice of
# what changed, and the review before saving.
CHANGED = "changed"
REVIEW = "review"


def draft_path(profile: Path) -> Path:
    """``prepkit-profile.yaml`` -> ``prepkit-profile.draft.yaml``, in the same folder.

    A profile not named ``.yaml`` keeps its whole name (``me.yml-draft.yaml``,
    ``me-draft.yaml``): ``me`` and ``me.yaml`` in one folder never share a draft, so
    answers typed for one are never resumed into the other.
    """
    if profile.suffix == ".yaml":
        return profile.with_name(f"{profile.stem}.draft.yaml")
    return profile.with_name(f"{profile.name}-draft.yaml")


class WizardStopped(Exception):
    """The wizard stopped before the end; the answers so far are in ``draft``."""

    def __init__(self, draft: Path, ended: bool, saved: bool = True) -> None:
        self.draft = draft
        self.ended = ended  # True: input ran out; False: the patient pressed Ctrl-C
        self.saved = saved  # False: stopped before any answer, so nothing was written
        super().__init__(str(draft))


class ProfileKeeper(Protocol):
    """Where the wizard keeps what it is told: the CLI gives it the files (only the CLI
    and the build step write), a test may give it anything that keeps data."""

    def prepare(self) -> None:
        """Check, before the first question, that the answers can be kept at all."""

    def keep_draft(self, data: Data, place: Place | None = None) -> None:
        """Keep unfinished answers, and the question the patient stopped at."""

    def set_aside_draft(self) -> Path:
        """Move the draft to a name the next run will not reuse; where it went."""

    def discard_draft(self) -> None: ...

    def save(self, data: Data) -> None:
        """Keep the finished answers as the profile (the draft is then discarded)."""


@dataclass
class WizardResult:
    profile: Path
    answers: Profile


def _load(path: Path) -> Data:
    profile = read_profile(path)
    data: Data = profile_data(profile)
    return data


def _load_draft(path: Path) -> tuple[Data, Place | None] | None:
    """The draft's answers and where it stopped, or None if it cannot be read any more."""
    try:
        # Read as a profile is read: a pipe or device in its place is refused, not read.
        text = read_profile_text(path)
        raw, lines = parse_yaml(text, str(path))
        data: Data = profile_data(validate_profile(raw, lines, str(path)))
    except (OSError, UnicodeDecodeError, UserError):
        return None
    return data, place_in(text)


def _after_a_visit(data: Data) -> Data:
    """A saved first visit whose date has passed: the next one is a follow-up, so
    that is what Enter keeps (the patient can still pick "first")."""
    from prepkit.core.today import today
    from prepkit.wizard.answers import as_date

    visit = data.get("visit")
    if isinstance(visit, dict) and visit.get("kind") == "first":
        held = as_date(visit.get("date"))
        if held is not None and held < today():
            visit["kind"] = "follow-up"
    return data


class Start(NamedTuple):
    data: Data
    place: Place | None = None  # where an unfinished draft stopped
    saved: bool = False  # True: last time's profile, so only what changed is asked


def starting_answers(profile: Path, p: Prompter, keeper: ProfileKeeper) -> Start:
    """Last time's answers (or an unfinished draft, and where it stopped) as the defaults."""
    draft = draft_path(profile)
    resumed = _offer_draft(draft, p, keeper) if draft.exists() else None
    if resumed is not None:
        return resumed
    if profile.exists():
        p.say(f"Starting from your saved answers in {profile}: press Enter to keep each one.")
        return Start(_after_a_visit(_load(profile)), saved=True)
    return Start({"schema_version": 1})


def _offer_draft(draft: Path, p: Prompter, keeper: ProfileKeeper) -> Start | None:
    """An unfinished draft: resumed if the patient says so; otherwise thrown away only
    when they say that too, and else set aside under a new name, never lost."""
    loaded = _load_draft(draft)
    if loaded is None:
        kept = keeper.set_aside_draft()
        p.say(
            f"Your unfinished answers in {draft} cannot be read as a profile any more; "
            f"they are kept in {kept} (open it in a text editor to copy from it)."
        )
    elif p.confirm(f"You have unfinished answers in {draft}. Resume them?", at="draft/resume"):
        return Start(*loaded)
    elif p.confirm("Throw those unfinished answers away?", default=False, at="draft/discard"):
        keeper.discard_draft()
    else:
        p.say(f"They are kept in {keeper.set_aside_draft()}.")
    return None


def what_changed(p: Prompter, data: Data, catalog: Catalog) -> list[Section]:
    """Every section on one screen; the patient picks the ones that changed since last time."""
    p.say()
    p.say("== Since your last visit ==")
    for number, section in enumerate(SECTIONS[1:], start=2):
        p.say(f"  {number}. {section.title}: {section.summary(data, catalog)}")
    picked = p.selection(
        "What changed since your last visit",
        "Type section numbers, like 3,6; Enter for none.",
        len(SECTIONS),
        [],
        at=CHANGED,
    )
    return [SECTIONS[index] for index in sorted(picked) if index > 0]


def review(p: Tracking, data: Data, catalog: Catalog) -> None:
    """Show every section in a line; go back to any until the patient is happy. A stop
    in a section opened here resumes there, then comes back to the review."""
    while True:
        p.say()
        p.say("== Review your answers ==")
        for number, section in enumerate(SECTIONS, start=1):
            p.say(f"  {number}. {section.title}: {section.summary(data, catalog)}")
        picked = p.number(
            "Section to change",
            "Type its number, or press Enter to save.",
            None,
            at=REVIEW,
            minimum=1,
            maximum=len(SECTIONS),
        )
        if picked is None:
            return
        opened = SECTIONS[picked - 1]
        p.start(opened.name, ())
        opened.ask(p, data, catalog)
        p.start(REVIEW, None)


def _changed(asking: Tracking, data: Data, catalog: Catalog) -> list[Section]:
    asking.start(CHANGED, None)
    return what_changed(asking, data, catalog)


def _first_steps(
    asking: Tracking, start: Start, catalog: Catalog, section: str | None
) -> list[Section]:
    """The sections to ask: the one named; or where a draft stopped, and after it; or,
    at a follow-up, the visit and then only what changed; or all of them."""
    if section is not None:
        return [_section(section)]
    place = start.place
    if place is not None and place.section in (CHANGED, REVIEW):
        # A follow-up stopped at its one-screen choice, or any run at the review:
        # carry on there, not with a whole first run.
        stopped = "the review" if place.section == REVIEW else "what changed"
        asking.say(f"Carrying on where you stopped ({stopped}).")
        return _changed(asking, start.data, catalog) if place.section == CHANGED else []
    if place is not None and place.section in SECTION_NAMES:
        return _resumed(asking, place, start.data, catalog)
    if start.saved:  # a follow-up: the visit, then only what changed
        asking.start(SECTIONS[0].name, (CHANGED,))
        SECTIONS[0].ask(asking, start.data, catalog)
        return _changed(asking, start.data, catalog)
    return list(SECTIONS)


def _resumed(asking: Tracking, place: Place, data: Data, catalog: Catalog) -> list[Section]:
    """Ask the stopped section from its place on; then the sections that came after it."""
    stopped_in = SECTION_NAMES.index(place.section)
    asking.say(f"Carrying on at the question where you stopped, in '{SECTIONS[stopped_in].title}'.")
    asking.skip_to(place)
    SECTIONS[stopped_in].ask(asking, data, catalog)
    missed = asking.skipping is not None
    asking.skip_to(None)
    if place.then is None:
        steps = list(SECTIONS[stopped_in + 1 :])
    elif place.then == (CHANGED,):  # a follow-up's visit details: then what changed
        steps = _changed(asking, data, catalog)
    else:  # a follow-up: only the sections picked, as before the stop
        steps = [_section(name) for name in place.then if name in SECTION_NAMES]
    if missed:  # the answers so far lead elsewhere now: never skip
        asking.say("That question does not come up the same way now; the whole section again:")
        steps.insert(0, SECTIONS[stopped_in])
    return steps


def _section(name: str) -> Section:
    return next(section for section in SECTIONS if section.name == name)


def run_wizard(
    profile: Path,
    p: Prompter,
    keeper: ProfileKeeper,
    *,
    section: str | None = None,
) -> WizardResult:
    """Ask, review and save the profile (printing it is the build step's, see cli.py)."""
    catalog = load_catalog()
    if section is not None and not profile.exists() and not draft_path(profile).exists():
        raise UserError(
            "has no saved answers yet; run 'prepkit wizard' without --section first",
            file=str(profile),
        )
    keeper.prepare()
    # None until there is something to keep: stopping at the first question must not
    # replace an older draft with an empty one.
    data: Data | None = None
    p.say("prepkit will ask about your symptoms, triggers, medications, tests and questions,")
    p.say(f"then print your visit worksheet and wallet card. Answers are saved in {profile}.")
    p.say("They are a preparation aid for your visit, not medical advice.")
    p.say("Press Ctrl-C at any time: what you have typed so far is kept.")
    asking = Tracking(p)  # which question is open, for the draft to record at a stop
    try:
        start = starting_answers(profile, p, keeper)
        data = start.data
        steps = _first_steps(asking, start, catalog, section)
        for index, step in enumerate(steps):
            asking.start(step.name, tuple(later.name for later in steps[index + 1 :]))
            step.ask(asking, data, catalog)
        asking.start(REVIEW, None)
        review(asking, data, catalog)
        # Kept as a draft first: if the final check refuses an answer, nothing is lost.
        keeper.keep_draft(data)
    # Ctrl-C is not only pressed at a prompt: while an answer is checked (the first
    # one loads the font) or saved, it arrives as KeyboardInterrupt, and the answers
    # must be kept just the same.
    except (Interrupted, InputEnded, KeyboardInterrupt) as stop:
        if data is not None:
            resumable = asking.section in (*SECTION_NAMES, CHANGED, REVIEW)
            keeper.keep_draft(data, asking.asking if resumable else None)
        raise WizardStopped(
            draft_path(profile), ended=isinstance(stop, InputEnded), saved=data is not None
        ) from None
    except Exception:
        # Whatever fails after an answer was given (a check, a bug), the answers
        # typed so far are in the draft, for the next run to offer.
        if data is not None:
            with contextlib.suppress(Exception):
                keeper.keep_draft(data)
        raise

    answers = validate_profile(data, {}, str(profile))
    keeper.save(data)
    return WizardResult(profile, answers)
