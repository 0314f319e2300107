"""The ``prepkit`` command.

Only Click is imported at start-up: the schema, Jinja and ReportLab are
imported inside the commands that need them, so ``prepkit --help`` stays quick.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from prepkit import __version__

if TYPE_CHECKING:
    from prepkit.profile.schema import Profile

WORKSHEET = "worksheet.pdf"
WALLET_CARD = "wallet-card.pdf"
BLANK_WORKSHEET = "blank-worksheet.pdf"
EXAMPLE_PROFILE = "example-profile.yaml"

paper_option = click.option(
    "--paper",
    type=click.Choice(["letter", "a4"], case_sensitive=False),
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
card_layout_option = click.option(
    "--card-layout",
    type=click.Choice(["sheet", "page"], case_sensitive=False),
    default="sheet",
    show_default=True,
    help="sheet: front and back side by side on one page, to cut out and fold. "
    "page: two pages the exact size of the card, for a print shop.",
)
no_card_option = click.option(
    "--no-card", is_flag=True, help="Print only the worksheet, not the wallet card."
)
profile_argument = click.argument(
    "profile", type=click.Path(path_type=Path, dir_okay=True, exists=False)
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prepkit")
def main() -> None:
    """Prepare for a systemic mastocytosis (SM) specialist visit.

    prepkit turns your answers (a profile file) into a printable visit
    worksheet. It is a preparation aid, not medical advice.

    \b
    New here? Run:  prepkit example
    then edit example-profile.yaml and run:  prepkit build example-profile.yaml
    """


def _write_documents(
    profile: Profile,
    output_dir: Path,
    *,
    paper: str,
    source: str,
    card_layout: str | None,
) -> list[Path]:
    """Render the worksheet (and the card, unless ``card_layout`` is None), then write them.

    Everything is rendered before anything is written, so a card that does not fit
    leaves the previous worksheet and card exactly as they were.
    """
    from prepkit.output import ensure_folder, write_private
    from prepkit.render import render_card, render_worksheet

    ensure_folder(output_dir)
    documents = {WORKSHEET: render_worksheet(profile, paper=paper.lower(), source=source)}
    if card_layout is not None:
        documents[WALLET_CARD] = render_card(
            profile, paper=paper.lower(), layout=card_layout.lower(), source=source
        )
    return [write_private(output_dir / name, pdf) for name, pdf in documents.items()]


def _report(paths: list[Path]) -> None:
    for path in paths:
        click.echo(f"Wrote {path}")


@main.command()
@profile_argument
@output_option
@paper_option
@card_layout_option
@no_card_option
def build(profile: Path, output_dir: Path, paper: str, card_layout: str, no_card: bool) -> None:
    """Render the worksheet and wallet card from your PROFILE file."""
    from prepkit.profile.loader import read_profile

    answers = read_profile(profile)
    _report(
        _write_documents(
            answers,
            output_dir,
            paper=paper,
            source=str(profile),
            card_layout=None if no_card else card_layout,
        )
    )


@main.command()
@output_option
@paper_option
@card_layout_option
def example(output_dir: Path, paper: str, card_layout: str) -> None:
    """Render a made-up patient's worksheet and card, and save their profile."""
    from prepkit.content.catalog import CATALOG_FILE
    from prepkit.output import ensure_folder, write_private
    from prepkit.profile.loader import read_profile

    bundled = CATALOG_FILE.with_name(EXAMPLE_PROFILE)
    answers = read_profile(bundled)
    written = _write_documents(
        answers, output_dir, paper=paper, source=EXAMPLE_PROFILE, card_layout=card_layout
    )
    target = ensure_folder(output_dir) / EXAMPLE_PROFILE
    text = bundled.read_bytes()
    if target.exists() and target.read_bytes() != text:
        click.echo(f"Kept your edited {target} (not overwritten).")
    else:
        written.append(write_private(target, text))
    _report(written)


@main.command(short_help="Render a blank worksheet to fill in by hand.")
@output_option
@paper_option
def blank(output_dir: Path, paper: str) -> None:
    """Render a blank worksheet to fill in by hand (blank-worksheet.pdf)."""
    from prepkit.output import ensure_folder, write_private
    from prepkit.render import blank_profile, render_worksheet

    pdf = render_worksheet(blank_profile(), paper=paper.lower(), source="blank worksheet")
    _report([write_private(ensure_folder(output_dir) / BLANK_WORKSHEET, pdf)])


@main.command()
@profile_argument
def validate(profile: Path) -> None:
    """Check your PROFILE file without rendering anything."""
    from prepkit.profile.loader import read_profile
    from prepkit.render import check_printable

    answers = read_profile(profile)
    check_printable(answers, str(profile))
    click.echo(
        f"{profile}: OK ({len(answers.symptoms)} symptoms, {len(answers.medications)} "
        f"medications, {len(answers.avoid)} to avoid, {len(answers.questions)} questions)"
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
