"""The wizard in a real pseudo-terminal, as a person types: Ctrl-C, then carry on."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pexpect

from prepkit.profile.loader import read_profile
from tests.conftest import PINNED_EPOCH
from tests.test_wizard import FIRST_RUN

PROMPT = r"\]?: $"


def spawn(tmp_path: Path) -> pexpect.spawn:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_COLOR": "1"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "prepkit", "wizard", "p.yaml"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 120),
    )


def answer(child: pexpect.spawn, answers: list[str]) -> None:
    for text in answers:
        child.expect(PROMPT)
        child.sendline(text)


def test_ctrl_c_keeps_a_private_draft_and_the_next_run_resumes_it(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    child.expect("Your name")
    answer(child, FIRST_RUN[:3])  # name, date of birth, visit date
    child.expect("In person or virtual")
    child.expect(PROMPT)
    child.sendintr()
    child.expect("Your answers so far are saved in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    draft = tmp_path / "p.draft.yaml"
    assert draft.exists()
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert "Ann Lee" in draft.read_text(encoding="utf-8")
    assert not (tmp_path / "p.yaml").exists()

    child = spawn(tmp_path)
    child.expect("Resume them")
    child.sendline("y")
    answer(child, ["", "", ""])  # keep name, date of birth and visit date from the draft
    answer(child, FIRST_RUN[3:])
    child.expect("Wrote .*wallet-card.pdf")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    profile = read_profile(tmp_path / "p.yaml")
    assert profile.patient.name == "Ann Lee" and str(profile.visit.date) == "2026-12-03"
    assert profile.emergency_contact.name == "Jonas"
    assert not draft.exists()
    assert (tmp_path / "worksheet.pdf").exists()
