"""``prepkit validate``: everything build would refuse, without writing."""

from __future__ import annotations

from pathlib import Path

import click

from prepkit.cli.exits import say
from prepkit.cli.options import profile_argument, say_notices
from prepkit.core.errors import UserError


@click.command()
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
    say_notices(answers, str(profile), card=True)
    say(
        f"{profile}: OK ({len(answers.symptoms)} symptoms, {len(answers.medications)} "
        f"medications, {len(answers.avoid)} to avoid, {len(answers.questions)} questions)"
    )
