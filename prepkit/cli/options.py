"""What the commands share: their options, the run's one ``Options`` object, and what a
run says about the folder afterwards.

Only Click is imported here at start-up, so ``prepkit --help`` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from prepkit.cli.exits import say
from prepkit.documents.options import CARD_LAYOUTS, PAPERS

if TYPE_CHECKING:
    from prepkit.documents.build import Outcome
    from prepkit.documents.options import Options
    from prepkit.profile.schema import Profile

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


def run_options(
    output_dir: Path, paper: str, large_print: bool, card_layout: str | None
) -> Options:
    """The one options object of a run, made from the command line's words."""
    from prepkit.documents.options import Options

    layout = None if card_layout is None else card_layout.lower()
    return Options(
        output_dir=output_dir,
        paper="a4" if paper.lower() == "a4" else "letter",
        large_print=large_print,
        card_layout="page" if layout == "page" else None if layout is None else "sheet",
    )


def say_notices(answers: Profile, source: str, *, card: bool) -> None:
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


def report(outcome: Outcome) -> None:
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
