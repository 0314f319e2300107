"""The suite passes on any day: the date a document prints is the pinned one, never today's."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from prepkit.profile.schema import Profile
from prepkit.render import render_card, render_worksheet
from tests.conftest import PINNED_DATE
from tests.pdf_tools import flat_text

# A day that is neither the pin nor (for years yet) today.
ANOTHER_DAY = dt.datetime(2031, 5, 4, 12, 0, tzinfo=dt.UTC)


def test_the_session_example_carries_the_pinned_date(example_pdf: bytes) -> None:
    # The session fixture is built before any function fixture: the pin must already hold.
    assert f"Prepared {PINNED_DATE}" in flat_text(example_pdf)


def test_with_the_clock_moved_the_pin_still_decides_the_date(example_profile: Profile) -> None:
    with time_machine.travel(ANOTHER_DAY, tick=False):
        assert dt.date.today() == ANOTHER_DAY.date()
        worksheet = flat_text(render_worksheet(example_profile))
        card = flat_text(render_card(example_profile).pdf)
    assert f"Prepared {PINNED_DATE}" in worksheet and "4 May 2031" not in worksheet
    assert f"Updated {PINNED_DATE}" in card and "4 May 2031" not in card


def test_without_the_pin_the_documents_carry_todays_date(
    example_profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    with time_machine.travel(ANOTHER_DAY, tick=False):
        worksheet = flat_text(render_worksheet(example_profile))
        card = flat_text(render_card(example_profile).pdf)
    assert "Prepared 4 May 2031" in worksheet
    assert "Updated 4 May 2031" in card
