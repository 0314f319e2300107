"""``prepkit example``: a made-up patient's documents and profile."""

from __future__ import annotations

from pathlib import Path

import click

from prepkit.cli.exits import say
from prepkit.cli.options import (
    EXAMPLE_PROFILE,
    card_layout_option,
    large_print_option,
    output_option,
    paper_option,
    report,
    run_options,
)
from prepkit.core.errors import UserError


@click.command()
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
        run_options(output_dir, paper, large_print, card_layout),
        source=EXAMPLE_PROFILE,
        names=EXAMPLE_NAMES,
        only_replace_from=EXAMPLE_PROFILE,
    )
    if keep:
        say(f"Kept your edited {target} (not overwritten).")
    else:
        outcome.written.append(write_private(target, text))
    report(outcome)


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
