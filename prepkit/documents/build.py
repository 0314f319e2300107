"""The build step: render every document of one profile, then write them together.

Everything is rendered, and every target checked, before anything is written;
the wallet card that does not fit comes back as a value in the :class:`Outcome`
(the worksheet is written all the same). Only this step and the CLI write files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from prepkit.core.errors import CardDoesNotFit
from prepkit.core.locks import folder_lock
from prepkit.core.mark import Mark, may_replace, read_mark
from prepkit.core.output import ensure_folder, remove_leftovers, replace_together
from prepkit.documents.options import Options
from prepkit.documents.render import render_card, render_worksheet
from prepkit.profile.schema import Profile

WORKSHEET = "worksheet.pdf"
WALLET_CARD = "wallet-card.pdf"


class DocumentNames(NamedTuple):
    worksheet: str = WORKSHEET
    wallet_card: str = WALLET_CARD


STANDARD_NAMES = DocumentNames()
EXAMPLE_NAMES = DocumentNames("example-worksheet.pdf", "example-wallet-card.pdf")


@dataclass
class Outcome:
    """What a run did to the output folder, for the command to report."""

    written: list[Path] = field(default_factory=list)
    removed: list[tuple[Path, Mark]] = field(default_factory=list)  # stale cards
    card_problem: CardDoesNotFit | None = None
    # What a written file holds, when it is worth saying: "fold-out, 4 panels".
    described: dict[Path, str] = field(default_factory=dict)
    # The copy of the profile kept for this visit date (the CLI keeps it).
    kept_for_history: Path | None = None
    # Worth a word, but not a failure: the last visit's copy unreadable, no copy kept.
    notes: list[str] = field(default_factory=list)


def build_documents(
    profile: Profile,
    options: Options,
    *,
    source: str,
    names: DocumentNames = STANDARD_NAMES,
    only_replace_from: str | None = None,
    previous: Profile | None = None,
    previous_date: dt.date | None = None,
) -> Outcome:
    """Render the worksheet and the card, then write them: one profile, one run.

    Everything is rendered and every target checked before anything is written.
    prepkit replaces only PDFs it made (with ``only_replace_from``, only those made
    from that profile); any other file in the way stops the run before anything is
    written. Without a card (``card_layout`` None, or a card that does not
    fit) an older card in the folder is removed, so it can never be printed as if
    it matched this worksheet.
    """
    output_dir = ensure_folder(options.output_dir)
    outcome = Outcome()
    documents = {
        names.worksheet: render_worksheet(
            profile,
            paper=options.paper,
            source=source,
            large_print=options.large_print,
            previous=previous,
            previous_date=previous_date,
        )
    }
    if options.card_layout is not None:
        try:
            card = render_card(
                profile,
                paper=options.paper,
                layout=options.card_layout,
                source=source,
                large_print=options.large_print,
            )
            documents[names.wallet_card] = card.pdf
            outcome.described[output_dir / names.wallet_card] = card.wrote
        except CardDoesNotFit as problem:
            outcome.card_problem = problem
    old_card = output_dir / names.wallet_card
    with folder_lock(output_dir):
        remove_leftovers(output_dir, names)
        for name in (names.worksheet, names.wallet_card):
            may_replace(output_dir / name, only_replace_from)
        mark = read_mark(old_card)
        # The older card goes before the new worksheet lands (replace_together's
        # order): whatever stops the run, no older card is left beside a newer worksheet.
        done = replace_together(
            [(output_dir / name, pdf) for name, pdf in documents.items()],
            remove_first=[old_card],
        )
        outcome.written.extend(done.written)
        if done.removed and names.wallet_card not in documents and mark is not None:
            outcome.removed.append((old_card, mark))
    return outcome
