"""The ``prepkit`` command.

Only Click is imported at start-up: the schema, Jinja and ReportLab are
imported inside the commands that need them, so ``prepkit --help`` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from prepkit import __version__
from prepkit.cli.diary_log import log
from prepkit.cli.exits import Commands, say
from prepkit.core.errors import UserError
from prepkit.documents.options import CARD_LAYOUTS, DEFAULT_PROFILE, PAPERS

if TYPE_CHECKING:
    from prepkit.documents.build import Outcome
    from prepkit.documents.options import Options
    from prepkit.profile.schema import Profile
    from prepkit.wizard.prompts import Prompter
    from prepkit.wizard.session import WizardResult

BLANK_WORKSHEET = "blank-worksheet.pdf"
# The section names, for --section; kept here so that --help imports no wizard code.
SECTION_NAMES = (
    "about",
    "diagnosis",
    "symptoms",
    "attacks",
    "triggers",
    "medications",
    "tests",
    "questions",
    "care",
)
EXAMPLE_PROFILE = "example-profile.yaml"

paper_option = click.option(
    "--paper",
    type=click.Choice(PAPERS, case_sensitive=False),
    default="letter",
    show_default=True,
    help="Paper size to print on.",
)
output_option = click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="current folder",
    help="Folder to write the PDF files into (created if missing).",
)
large_print_option = click.option(
    "--large-print",
    is_flag=True,
    help="Worksheet text and the card sheet's instructions at least 14 pt. "
    "The card keeps its size.",
)
card_layout_option = click.option(
    "--card-layout",
    type=click.Choice(CARD_LAYOUTS, case_sensitive=False),
    default="sheet",
    show_default=True,
    help="sheet: the card's faces on one page, to cut out and fold (it folds out into 4 "
    "or 6 panels when the lists are long). page: one card-sized page per face, for a "
    "print shop.",
)
no_card_option = click.option(
    "--no-card", is_flag=True, help="Print only the worksheet, not the wallet card."
)
output_option_for_wizard = click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    show_default="the profile's folder",
    help="Folder to write the PDF files into (created if missing).",
)
# Click would check the path itself and print a three-line usage error; prepkit's
# own reader says what is wrong with it in one line (see profile.loader).
profile_argument = click.argument(
    "profile", type=click.Path(path_type=Path, dir_okay=True, exists=False, readable=False)
)


@click.group(
    cls=Commands,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
)
@click.version_option(__version__, prog_name="prepkit")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Prepare for a systemic mastocytosis (SM) specialist visit.

    prepkit turns your answers (a profile file) into a printable visit
    worksheet. It is a preparation aid, not medical advice.

    \b
    New here? Answer the questions with:  prepkit wizard
    or see an example first with:        prepkit example
    """
    from prepkit.core.today import pinned_epoch

    _stop_like_ctrl_c()  # a killed run cleans up after itself as after Ctrl-C
    pinned_epoch()  # a SOURCE_DATE_EPOCH no PDF date can use stops here, in one line
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        click.echo()
        click.echo("To start, run:  prepkit wizard")


def _stop_like_ctrl_c() -> None:
    """Closing the terminal (SIGHUP) or a SIGTERM stops a run as Ctrl-C does: the wizard
    keeps its draft, and no command leaves a half-written file behind."""
    import contextlib
    import signal

    def interrupt(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            # Only the main thread may set handlers (prepkit called from a thread: as is).
            number = getattr(signal, name)
            if signal.getsignal(number) is signal.SIG_IGN:
                continue  # run under nohup: the terminal closing must not stop it
            with contextlib.suppress(ValueError):
                signal.signal(number, interrupt)


def _options(output_dir: Path, paper: str, large_print: bool, card_layout: str | None) -> Options:
    """The one options object of a run, made from the command line's words."""
    from prepkit.documents.options import Options

    layout = None if card_layout is None else card_layout.lower()
    return Options(
        output_dir=output_dir,
        paper="a4" if paper.lower() == "a4" else "letter",
        large_print=large_print,
        card_layout="page" if layout == "page" else None if layout is None else "sheet",
    )


def wizard_then_build(
    profile: Path, prompter: Prompter, options: Options, *, section: str | None = None
) -> tuple[WizardResult, Outcome]:
    """Ask and save the answers (the wizard), then print them (the build step).

    The profile is saved either way; the worksheet always carries everything.
    """
    from prepkit.documents.visits import build_for_visit
    from prepkit.wizard.profile_files import ProfileFiles
    from prepkit.wizard.session import run_wizard

    result = run_wizard(profile, prompter, ProfileFiles(profile), section=section)
    try:
        return result, build_for_visit(profile, result.answers, options)
    except KeyboardInterrupt:  # stopped while printing: the answers are safe, say so
        say(f"\nYour answers are saved in {profile}; print them with 'prepkit build {profile}'.")
        raise


def _notices(answers: Profile, source: str, *, card: bool) -> None:
    """Say what is allowed but worth checking, and what the card leaves blank."""
    from prepkit.content.card import card_blanks
    from prepkit.content.catalog import load_catalog
    from prepkit.profile.convert import field_path
    from prepkit.profile.schema import notices

    for loc, notice in notices(answers):
        say(f"Note: {source}: {field_path(loc)}: {notice}")
    blanks = card_blanks(answers, load_catalog()) if card else []
    if blanks:
        say(
            f"Note: {source}: the profile does not say {', '.join(blanks)}; "
            "the wallet card leaves a line to fill in by hand for each."
        )


def _report(outcome: Outcome) -> None:
    """Say what the run did to the folder; a card that did not fit ends in exit status 2."""
    for path in outcome.written:
        what = outcome.described.get(path)
        say(f"Wrote {path} ({what})" if what else f"Wrote {path}")
    for path, mark in outcome.removed:
        say(
            f"Removed the older wallet card {path} (made {mark.made} from {mark.profile}): "
            "it would not match this worksheet."
        )
    if outcome.kept_for_history is not None:
        say(f"Kept this visit's answers in {outcome.kept_for_history} (the visit history)")
    for note in outcome.notes:
        say(f"Note: {note}")


@main.command()
@profile_argument
@output_option
@paper_option
@large_print_option
@card_layout_option
@no_card_option
def build(
    profile: Path,
    output_dir: Path,
    paper: str,
    large_print: bool,
    card_layout: str,
    no_card: bool,
) -> None:
    """Render the worksheet and wallet card from your PROFILE file."""
    from prepkit.content.rules import read_profile
    from prepkit.documents.visits import build_for_visit

    options = _options(output_dir, paper, large_print, None if no_card else card_layout)
    answers = read_profile(profile)
    outcome = build_for_visit(profile, answers, options)
    _report(outcome)
    _notices(answers, str(profile), card=not no_card and outcome.card_problem is None)
    if outcome.card_problem is not None:
        raise outcome.card_problem


@main.command()
@output_option
@paper_option
@large_print_option
@card_layout_option
def example(output_dir: Path, paper: str, large_print: bool, card_layout: str) -> None:
    """Render a made-up patient's worksheet and card, and save their profile."""
    from prepkit.content.catalog import CATALOG_FILE
    from prepkit.content.rules import read_profile
    from prepkit.core.output import write_private
    from prepkit.documents.build import EXAMPLE_NAMES, build_documents

    bundled = CATALOG_FILE.with_name(EXAMPLE_PROFILE)
    answers = read_profile(bundled)
    text = bundled.read_bytes()
    target = output_dir / EXAMPLE_PROFILE
    keep = _edited_example(target, text)  # checked before anything is written
    # Named for the example, and replacing only what the example made: a patient's
    # own worksheet and card in the same folder are never touched.
    outcome = build_documents(
        answers,
        _options(output_dir, paper, large_print, card_layout),
        source=EXAMPLE_PROFILE,
        names=EXAMPLE_NAMES,
        only_replace_from=EXAMPLE_PROFILE,
    )
    if keep:
        say(f"Kept your edited {target} (not overwritten).")
    else:
        outcome.written.append(write_private(target, text))
    _report(outcome)


def _edited_example(target: Path, bundled: bytes) -> bool:
    """Whether ``target`` is an example profile the user edited (and so is kept).

    Anything else in its place (a folder, a pipe, a file prepkit cannot read)
    stops the run before a PDF is written.
    """
    import stat

    try:
        info = target.stat()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise UserError(f"cannot be checked ({error.strerror})", file=str(target)) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(
            "is in the way and is not a file; move it, or choose another folder with -o",
            file=str(target),
        )
    try:
        return target.read_bytes() != bundled
    except OSError as error:
        raise UserError(
            f"cannot be read ({error.strerror}); move it, or choose another folder with -o",
            file=str(target),
        ) from None


@main.command(short_help="Render a blank worksheet to fill in by hand.")
@output_option
@paper_option
@large_print_option
def blank(output_dir: Path, paper: str, large_print: bool) -> None:
    """Render a blank worksheet to fill in by hand (blank-worksheet.pdf)."""
    from prepkit.core.mark import may_replace
    from prepkit.core.output import ensure_folder, write_private
    from prepkit.documents.build import Outcome
    from prepkit.documents.render import blank_profile, render_worksheet

    options = _options(output_dir, paper, large_print, None)
    pdf = render_worksheet(
        blank_profile(),
        paper=options.paper,
        source="blank worksheet",
        large_print=options.large_print,
    )
    target = ensure_folder(options.output_dir) / BLANK_WORKSHEET
    may_replace(target)
    _report(Outcome(written=[write_private(target, pdf)]))


@main.command()
@click.argument(
    "profile",
    type=click.Path(path_type=Path, dir_okay=True, readable=False),
    default=DEFAULT_PROFILE,
)
@click.option(
    "--section",
    type=click.Choice(SECTION_NAMES, case_sensitive=False),
    help="Go straight to one section of a saved profile.",
)
@output_option_for_wizard
@paper_option
@large_print_option
@card_layout_option
@no_card_option
@click.option("--open", "open_files", is_flag=True, help="Open the PDFs when they are ready.")
def wizard(
    profile: Path,
    section: str | None,
    output_dir: Path | None,
    paper: str,
    large_print: bool,
    card_layout: str,
    no_card: bool,
    open_files: bool,
) -> None:
    """Answer questions in the terminal; saves PROFILE and prints your documents.

    PROFILE defaults to prepkit-profile.yaml. If it exists, every answer starts
    from last time's, so you can press Enter through what has not changed.
    """
    from prepkit.cli.terminal import TerminalPrompter, terminal_problem
    from prepkit.documents.visits import check_profile_path
    from prepkit.wizard.session import WizardStopped

    check_profile_path(profile)
    problem = terminal_problem()
    if problem is not None:
        raise UserError(problem)
    options = _options(
        output_dir or profile.parent, paper, large_print, None if no_card else card_layout
    )
    try:
        result, outcome = wizard_then_build(profile, TerminalPrompter(), options, section=section)
    except WizardStopped as stopped:
        again = "prepkit wizard" if str(profile) == DEFAULT_PROFILE else f"prepkit wizard {profile}"
        if stopped.saved:
            say(
                f"Your answers so far are saved in {stopped.draft}; "
                f"run '{again}' again to carry on."
            )
        elif stopped.draft.exists():
            say(f"Your unfinished answers are still in {stopped.draft}, unchanged.")
        if stopped.ended:
            raise UserError(
                "input ended before the wizard finished; to print from a saved profile "
                f"without questions, use 'prepkit build {profile}'"
            ) from None
        raise SystemExit(130) from None
    click.echo()
    say(f"Saved your answers in {result.profile}")
    _report(outcome)
    if outcome.card_problem is not None:
        say(f"No wallet card this time: it {outcome.card_problem.problem}")
    _notices(result.answers, str(profile), card=not no_card and outcome.card_problem is None)
    if open_files:
        for path in outcome.written:
            click.launch(str(path))


@main.command()
@click.argument(
    "profile",
    type=click.Path(path_type=Path, dir_okay=True, readable=False),
    default=DEFAULT_PROFILE,
)
def history(profile: Path) -> None:
    """List the copies of PROFILE kept for each visit, oldest first.

    One is kept each time the wizard saves the profile or build prints it for a
    visit date; the next worksheet says what changed since the last one.
    """
    from prepkit.documents.visits import history_lines

    for line in history_lines(profile):
        say(line)


@main.command()
@profile_argument
def validate(profile: Path) -> None:
    """Check your PROFILE file: everything build would refuse, without writing anything.

    The documents are made in memory, so a wallet card that cannot hold everything
    is found here too.
    """
    from prepkit.content.rules import read_profile
    from prepkit.core.errors import CardDoesNotFit
    from prepkit.documents.render import render_card, render_worksheet

    answers = read_profile(profile)
    render_worksheet(answers, source=str(profile), check_only=True)
    try:
        render_card(answers, source=str(profile))
    except CardDoesNotFit as problem:
        raise UserError(
            f"{problem.problem} (the worksheet can be printed; the wallet card cannot)",
            file=problem.file,
            field=problem.field,
        ) from None
    _notices(answers, str(profile), card=True)
    say(
        f"{profile}: OK ({len(answers.symptoms)} symptoms, {len(answers.medications)} "
        f"medications, {len(answers.avoid)} to avoid, {len(answers.questions)} questions)"
    )


main.add_command(log)
