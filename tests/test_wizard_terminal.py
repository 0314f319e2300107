"""The wizard in a real pseudo-terminal, as a person types: Ctrl-C, then carry on."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from prepkit.content.rules import read_profile
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
    child.expect("First visit or follow-up")
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
    # It carries on at the question it stopped at: no Enter through the first three.
    child.expect("Carrying on at the question where you stopped")
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


def _wizard_process(tmp_path: Path, typed: bytes, **env: str) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIO"))}
    base.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "prepkit", "wizard", "p.yaml"],
        cwd=tmp_path,
        input=typed,
        capture_output=True,
        env={**base, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_COLOR": "1", **env},
        timeout=60,
    )


@pytest.mark.parametrize(
    "terminal",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
        {"LANG": "C.UTF-8", "PYTHONIOENCODING": "latin-1"},
    ],
)
def test_a_terminal_that_is_not_unicode_gets_one_line_before_the_first_question(
    tmp_path: Path, terminal: dict[str, str]
) -> None:
    """It was a traceback at the first saved answer with an accent ('Köhler'), mid-way."""
    profile = tmp_path / "p.yaml"
    profile.write_text("schema_version: 1\npatient:\n  name: Maria Köhler\n", encoding="utf-8")
    before = profile.read_bytes()
    result = _wizard_process(tmp_path, b"\n" * 5, **terminal)
    assert result.returncode == 2
    assert result.stdout == b""
    (line,) = result.stderr.decode("ascii").splitlines()
    assert "character encoding" in line and "UTF-8" in line and "prepkit build" in line
    assert profile.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_a_byte_that_is_not_utf8_is_asked_again_not_a_crash(tmp_path: Path) -> None:
    """Under a strict UTF-8 locale one stray byte (0xFF) ended the wizard with a traceback.

    Python reads C.UTF-8 leniently but a locale such as en_US.UTF-8 strictly;
    PYTHONIOENCODING asks for the strict reading on any machine.
    """
    result = _wizard_process(
        tmp_path, b"Ann\xff Lee\nAnn Lee\n", LANG="C.UTF-8", PYTHONIOENCODING="utf-8:strict"
    )
    out = result.stdout.decode("utf-8")
    assert "invalid character (U+DCFF); please type it again" in out
    assert b"Traceback" not in result.stderr and result.returncode == 2  # input then ended
    draft = read_profile(tmp_path / "p.draft.yaml")
    assert draft.patient.name == "Ann Lee"


def test_a_follow_up_that_changes_one_medication_takes_a_few_lines(tmp_path: Path) -> None:
    """#18: re-running with a saved profile took ~92 Enters; now the visit, then what changed."""
    from prepkit.profile.convert import profile_data
    from prepkit.wizard.profile_files import save_profile
    from tests.conftest import EXAMPLE

    data = profile_data(read_profile(EXAMPLE))
    save_profile(tmp_path / "p.yaml", data)
    child = spawn(tmp_path)
    child.expect("Your name")
    answer(child, ["", "", "2027-03-04", "2", "", "", "", ""])  # the visit: a follow-up
    child.expect("What changed since your last visit")
    after_visit = [
        "6",  # medications
        "",  # none stopped
        "2",  # Famotidine changed
        "40 mg",  # its dose
        "",  # how often: as before
        "",  # what for: as before
        "",  # no new medication
        "",  # nothing to avoid taken off
        "",  # no reaction changed
        "",  # nothing new to avoid
        "",  # the order to avoid them in: as before
        "",  # review: save
    ]
    answer(child, after_visit)
    child.expect("Wrote .*wallet-card.pdf")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(after_visit) < 15
    profile = read_profile(tmp_path / "p.yaml")
    assert [(m.name, m.dose) for m in profile.medications] == [
        ("Cetirizine", "10 mg"),
        ("Famotidine", "40 mg"),
        ("Epinephrine auto-injector", "0.3 mg"),
    ]
    assert profile.visit.kind == "follow-up" and str(profile.visit.date) == "2027-03-04"
    before = read_profile(EXAMPLE)
    assert profile.symptoms == before.symptoms and profile.avoid == before.avoid
