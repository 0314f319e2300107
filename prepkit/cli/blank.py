"""``prepkit blank``: a worksheet to fill in by hand."""

from __future__ import annotations

from pathlib import Path

import click

from prepkit.cli.options import (
    BLANK_WORKSHEET,
    large_print_option,
    output_option,
    paper_option,
    report,
    run_options,
)


@click.command(short_help="Render a blank worksheet to fill in by hand.")
@output_option
@paper_option
@large_print_option
def blank(output_dir: Path, paper: str, large_print: bool) -> None:
    """Render a blank worksheet to fill in by hand (blank-worksheet.pdf)."""
    from prepkit.core.mark import may_replace
    from prepkit.core.output import ensure_folder, write_private
    from prepkit.documents.build import Outcome
    from prepkit.documents.render import blank_profile, render_worksheet

    options = run_options(output_dir, paper, large_print, None)
    pdf = render_worksheet(
        blank_profile(),
        paper=options.paper,
        source="blank worksheet",
        large_print=options.large_print,
    )
    target = ensure_folder(options.output_dir) / BLANK_WORKSHEET
    may_replace(target)
    report(Outcome(written=[write_private(target, pdf)]))
