"""Every mark prepkit prints is black ink alone (K-only CMYK), as a print shop needs.

RGB black becomes black of four inks at a print shop, and small text in four
inks that never quite line up is blurred. Checked in the content streams with
pikepdf, on documents with every kind of mark: tables, charts, the card sheet.
"""

from __future__ import annotations

import io

import pikepdf
import pytest

from prepkit.documents.render import render_card, render_worksheet
from prepkit.profile.schema import Profile
from tests.test_golden import follow_up_worksheet, with_diary

DOCUMENTS = {
    "worksheet": lambda p: render_worksheet(p),
    "worksheet with charts": lambda p: follow_up_worksheet(),
    "worksheet with a diary": lambda p: render_worksheet(with_diary(p), large_print=True),
    "card sheet": lambda p: render_card(p).pdf,
    "card pages": lambda p: render_card(p, layout="page").pdf,
}


@pytest.mark.parametrize("kind", DOCUMENTS)
def test_every_colour_is_black_ink_alone(example_profile: Profile, kind: str) -> None:
    pdf = pikepdf.open(io.BytesIO(DOCUMENTS[kind](example_profile)))
    inks = set()
    for page in pdf.pages:
        for instruction in pikepdf.parse_content_stream(page):
            assert isinstance(instruction, pikepdf.ContentStreamInstruction)
            operands, name = instruction.operands, str(instruction.operator)
            assert name not in ("rg", "RG", "g", "G", "sc", "scn", "SC", "SCN"), (kind, name)
            if name in ("k", "K"):
                cyan, magenta, yellow, black = (float(x) for x in operands)
                assert cyan == magenta == yellow == 0, (kind, name, list(operands))
                inks.add(black)
    assert 1.0 in inks  # the text itself is set in black ink
