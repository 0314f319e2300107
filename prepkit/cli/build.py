"""``prepkit build``: print the worksheet and card from a profile."""

from __future__ import annotations

from pathlib import Path

import click

from prepkit.cli.options import (
    card_layout_option,
    large_print_option,
    no_card_option,
    output_option,
    paper_option,
    profile_argument,
    report,
    run_options,
    say_notices,
)


@click.command()
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

    options = run_options(output_dir, paper, large_print, None if no_card else card_layout)
    answers = read_profile(profile)
    outcome = build_for_visit(profile, answers, options)
    report(outcome)
    say_notices(answers, str(profile), card=not no_card and outcome.card_problem is None)
    if outcome.card_problem is not None:
        raise outcome.card_problem
