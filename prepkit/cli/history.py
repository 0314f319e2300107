"""``prepkit history``: the copies kept for each visit."""

from __future__ import annotations

from pathlib import Path

import click

from prepkit.cli.exits import say
from prepkit.documents.options import DEFAULT_PROFILE


@click.command()
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
