"""``prepkit wizard``: ask, save, then print."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from prepkit.cli.exits import say
from prepkit.cli.options import (
    SECTION_NAMES,
    card_layout_option,
    large_print_option,
    no_card_option,
    output_option_for_wizard,
    paper_option,
    report,
    run_options,
    say_notices,
)
from prepkit.core.errors import UserError
from prepkit.documents.options import DEFAULT_PROFILE

if TYPE_CHECKING:
    from prepkit.documents.build import Outcome
    from prepkit.documents.options import Options
    from prepkit.wizard.prompts import Prompter
    from prepkit.wizard.session import WizardResult


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


@click.command()
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
    options = run_options(
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
    report(outcome)
    if outcome.card_problem is not None:
        say(f"No wallet card this time: it {outcome.card_problem.problem}")
    say_notices(result.answers, str(profile), card=not no_card and outcome.card_problem is None)
    if open_files:
        for path in outcome.written:
            click.launch(str(path))
