"""The suite passes on any day: the date a document prints is the pinned one, never today's."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import time_machine
from click.testing import CliRunner

from prepkit.cli import main
from prepkit.documents.render import render_card, render_worksheet
from prepkit.profile.schema import Profile
from tests.conftest import PINNED_DATE
from tests.pdf_tools import flat_text, reader

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


@pytest.mark.parametrize("epoch", ["abc", "1.5", "1e9", "-5", "9" * 20, "\uff11\uff12", "9" * 5000])
def test_a_source_date_epoch_no_date_can_use_is_one_line_exit_2(
    epoch: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by red-team (#15 item 13): a traceback from ReportLab, or (for -5)
    # today's date with 1969 in the PDF's metadata.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = CliRunner().invoke(main, ["example", "-o", str(tmp_path)])
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    assert line.startswith("Error: SOURCE_DATE_EPOCH is ") and "whole number of seconds" in line
    assert not list(tmp_path.iterdir())


def test_without_the_pin_pdf_dates_are_utc_even_in_a_half_hour_zone(tmp_path: Path) -> None:
    # Found by red-team (#15 item 17): local time, with a half-hour zone's minutes dropped.
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["TZ"] = "Asia/Kolkata"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    command = [sys.executable, "-m", "prepkit", "example", "-o", str(tmp_path)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    after = dt.datetime.now(dt.UTC)
    for pdf in ("example-worksheet.pdf", "example-wallet-card.pdf"):
        info: Any = reader((tmp_path / pdf).read_bytes()).trailer["/Info"]
        for key in ("/CreationDate", "/ModDate"):
            stamp = str(info[key])
            assert stamp.endswith("+00'00'"), stamp
            made = dt.datetime.strptime(stamp[2:16], "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
            assert before <= made <= after, (stamp, before, after)


# --- the dates a profile accepts work everywhere (#28) ---------------------------------

EDGE_YEARS = ["0001-01-05", "9999-12-31", "1899-01-01", "2040-06-01"]


@pytest.mark.parametrize("day", EDGE_YEARS)
@pytest.mark.parametrize("field", ["visit", "diary"])
@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_date_out_of_a_lifetime_is_one_line_not_a_traceback(
    day: str, field: str, command: str, tmp_path: Path
) -> None:
    """Found by #28: visit 0001-01-05 plus any diary entry gave 'year 0 is out of range'."""
    visit = day if field == "visit" else "2026-12-03"
    entry = day if field == "diary" else "2026-11-01"
    profile = tmp_path / "p.yaml"
    profile.write_text(
        f"schema_version: 1\nvisit:\n  date: {visit}\nattack_diary:\n  - date: {entry}\n",
        encoding="utf-8",
    )
    out = ["-o", str(tmp_path / "out")] if command == "build" else []
    result = CliRunner().invoke(main, [command, str(profile), *out])
    assert result.exit_code == 2, result.output
    line = 3 if field == "visit" else 5
    where = "visit.date" if field == "visit" else "attack_diary[1].date"
    assert result.output.startswith(f"Error: {profile}, line {line}: {where}: {day} is more than")
    assert result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("day", ["1906-12-03", "2036-12-31"])
def test_the_edges_of_the_range_build_and_compare(day: str, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        f"schema_version: 1\nvisit:\n  date: {day}\nattack_diary:\n  - date: {day}\n"
        f"  - date: 1906-12-04\n",
        encoding="utf-8",
    )
    for _ in range(2):  # the second build compares with the copy the first kept
        result = CliRunner().invoke(main, ["build", str(profile), "-o", str(tmp_path / "out")])
        assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
