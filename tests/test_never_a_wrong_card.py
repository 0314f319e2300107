"""What prepkit prints always matches what the patient entered: each finding of the
"never a wrong card" report, reproduced through the installed ``prepkit`` command."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from prepkit.cli import main
from prepkit.cli.wizard import wizard_then_build
from prepkit.content.rules import read_profile
from prepkit.core.mark import read_mark
from prepkit.documents.options import Options
from tests.conftest import TOO_MANY_TO_AVOID
from tests.pdf_tools import flat_text, reader
from tests.scripted import ScriptedPrompter
from tests.test_wizard import FIRST_RUN_SCRIPT

PREPKIT = Path(sys.executable).with_name("prepkit")


def prepkit(folder: Path, *args: str, installed: bool = False) -> subprocess.CompletedProcess[str]:
    """Run prepkit in ``folder`` as a patient would from a terminal.

    ``installed`` runs the installed ``prepkit`` script in its own process (the
    headline findings); otherwise the same command runs in this process, which is
    quicker and reads the same arguments, exit status, output and errors.
    """
    if installed:
        assert PREPKIT.exists(), "prepkit is not installed in this environment"
        return subprocess.run(
            [str(PREPKIT), *args], cwd=folder, capture_output=True, text=True, env=dict(os.environ)
        )
    with contextlib.chdir(folder):
        result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


PATIENT = """\
schema_version: 1
patient: {name: Ruth Adeyemi}
diagnosis: {type: indolent}
avoid:
  - {name: Aspirin, reaction: wheezing}
  - {name: Morphine, reaction: flushing and low blood pressure}
emergency_number: "999"
"""


def text_of(path: Path) -> str:
    return flat_text(path.read_bytes())


# --- 1. example never touches a patient's files ------------------------------------------


def test_example_in_a_patients_folder_leaves_her_pdfs_byte_identical(tmp_path: Path) -> None:
    (tmp_path / "ruth.yaml").write_text(PATIENT, encoding="utf-8")
    assert prepkit(tmp_path, "build", "ruth.yaml", installed=True).returncode == 0
    before = {name: (tmp_path / name).read_bytes() for name in ("worksheet.pdf", "wallet-card.pdf")}

    result = prepkit(tmp_path, "example", installed=True)
    assert result.returncode == 0, result.stderr
    for name, data in before.items():
        assert (tmp_path / name).read_bytes() == data, f"{name} was replaced"
    assert "Maria Köhler-Santos" in text_of(tmp_path / "example-wallet-card.pdf")
    assert "Aspirin" in text_of(tmp_path / "wallet-card.pdf")
    # Each PDF says which profile made it: the file's name only, never its folder.
    assert read_mark(tmp_path / "wallet-card.pdf").profile == "ruth.yaml"  # type: ignore[union-attr]
    assert read_mark(tmp_path / "example-worksheet.pdf").profile == "example-profile.yaml"  # type: ignore[union-attr]
    keywords = str(reader((tmp_path / "wallet-card.pdf").read_bytes()).metadata.get("/Keywords"))  # type: ignore[union-attr]
    assert str(tmp_path) not in keywords and "made=2026-11-21" in keywords


def test_a_file_prepkit_did_not_make_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "ruth.yaml").write_text(PATIENT, encoding="utf-8")
    scan = pikepdf.new()  # a PDF from somewhere else: the clinic's scan, say
    scan.add_blank_page()
    scan.save(tmp_path / "worksheet.pdf")
    before = (tmp_path / "worksheet.pdf").read_bytes()
    result = prepkit(tmp_path, "build", "ruth.yaml")
    assert result.returncode == 2
    assert "worksheet.pdf: was not made by prepkit, so prepkit will not replace it" in result.stderr
    assert (tmp_path / "worksheet.pdf").read_bytes() == before
    assert not (tmp_path / "wallet-card.pdf").exists()


# --- 2. a card that cannot be made never leaves the old one behind ---------------------------


def test_a_card_that_no_longer_fits_removes_the_old_card_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "ruth.yaml").write_text(PATIENT, encoding="utf-8")
    assert prepkit(tmp_path, "build", "ruth.yaml", installed=True).returncode == 0
    assert "Aspirin" in text_of(tmp_path / "wallet-card.pdf")

    (tmp_path / "ruth.yaml").write_text(
        PATIENT.replace("avoid:\n", f"avoid:\n{TOO_MANY_TO_AVOID}"), "utf-8"
    )
    result = prepkit(tmp_path, "build", "ruth.yaml", installed=True)
    assert result.returncode == 2
    assert not (tmp_path / "wallet-card.pdf").exists()
    assert "Removed the older wallet card wallet-card.pdf (made 2026-11-21 from ruth.yaml)" in (
        result.stdout
    )
    assert "wallet card: does not fit" in result.stderr
    assert "Medicine number 97" in text_of(tmp_path / "worksheet.pdf")  # the worksheet has all


def test_no_card_removes_an_older_card_too(tmp_path: Path) -> None:
    (tmp_path / "ruth.yaml").write_text(PATIENT, encoding="utf-8")
    assert prepkit(tmp_path, "build", "ruth.yaml").returncode == 0
    result = prepkit(tmp_path, "build", "ruth.yaml", "--no-card")
    assert result.returncode == 0
    assert "Removed the older wallet card" in result.stdout
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["worksheet.pdf"]


# --- 3. what YAML would change without a word ---------------------------------------------


def test_text_after_a_hash_is_refused_with_its_line_not_dropped(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\navoid:\n  - name: Tylenol #3 (with codeine)\n", encoding="utf-8"
    )
    for command in ("validate", "build"):
        result = prepkit(tmp_path, command, "p.yaml", installed=True)
        assert result.returncode == 2
        assert result.stderr.startswith("Error: p.yaml, line 3: avoid[1].name: the text after")
        assert "'#3 (with codeine)'" in result.stderr and "in quotes" in result.stderr
    assert not (tmp_path / "wallet-card.pdf").exists()
    (tmp_path / "p.yaml").write_text(
        'schema_version: 1\navoid:\n  - name: "Tylenol #3 (with codeine)"\n', encoding="utf-8"
    )
    assert prepkit(tmp_path, "build", "p.yaml", installed=True).returncode == 0
    assert "Tylenol #3 (with codeine)" in text_of(tmp_path / "wallet-card.pdf")


def test_null_is_an_empty_answer_and_a_pasted_bullet_is_removed(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\n"
        "emergency_contact: {name: null, phone: ~}\n"
        "triggers:\n  own:\n    - • Perfume\n",
        encoding="utf-8",
    )
    assert prepkit(tmp_path, "build", "p.yaml").returncode == 0
    card = text_of(tmp_path / "wallet-card.pdf")
    worksheet = text_of(tmp_path / "worksheet.pdf")
    assert "null" not in card and "~" not in card and "null" not in worksheet
    assert "Emergency contact: ____" in card
    assert "My triggers: Perfume" in card and "• Perfume" not in worksheet
    (tmp_path / "q.yaml").write_text("schema_version: 1\nquestions:\n  - own: ~\n", "utf-8")
    result = prepkit(tmp_path, "validate", "q.yaml")
    assert result.returncode == 2 and "questions[1]: give either" in result.stderr


# --- 4. no emergency number is assumed ------------------------------------------------------


def test_no_number_is_assumed_and_the_wizard_asks_for_it(tmp_path: Path) -> None:
    assert prepkit(tmp_path, "blank").returncode == 0
    assert "911" not in text_of(tmp_path / "blank-worksheet.pdf")
    (tmp_path / "p.yaml").write_text("schema_version: 1\npatient: {name: Ann}\n", "utf-8")
    assert prepkit(tmp_path, "build", "p.yaml").returncode == 0
    card = text_of(tmp_path / "wallet-card.pdf")
    assert "911" not in card and "Emergency number: ____" in card

    p = ScriptedPrompter({**FIRST_RUN_SCRIPT, "Emergency number": "999"})
    wizard_then_build(tmp_path / "w.yaml", p, Options(output_dir=tmp_path))
    assert read_profile(tmp_path / "w.yaml").emergency_number == "999"
    assert "Emergency number: 999" in text_of(tmp_path / "wallet-card.pdf")
    help_text = prepkit(tmp_path, "wizard", "--help").stdout
    assert "--no-card" in help_text


# --- 5. the card never states what the patient did not say -------------------------------


def test_an_empty_profile_makes_a_form_not_an_alert(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    result = prepkit(tmp_path, "build", "p.yaml", installed=True)
    assert result.returncode == 0
    assert "the profile does not say your name, your diagnosis" in result.stdout
    assert "the wallet card leaves a line to fill in by hand for each" in result.stdout
    card = text_of(tmp_path / "wallet-card.pdf")
    assert "None known" not in card and "none" not in card.lower().replace("phone", "")
    assert "mastocytosis" not in card.lower().split("your wallet card")[-1].split("cut along")[0]
    assert "ANAPHYLAXIS" not in card
    assert "Condition: ____" in card and "Name: ____" in card
    assert "DO NOT GIVE (drug: my reaction) • ____" in card


def test_an_unanswered_diagnosis_is_not_printed_as_mastocytosis(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PATIENT.replace("diagnosis: {type: indolent}\n", ""), "utf-8")
    assert prepkit(tmp_path, "build", "p.yaml").returncode == 0
    card = text_of(tmp_path / "wallet-card.pdf")
    assert "Systemic mastocytosis" not in card and "RISK OF ANAPHYLAXIS" not in card
    assert "Name: Ruth Adeyemi" in card and "Aspirin: wheezing" in card


# --- 6. a test result is never lost ---------------------------------------------------------


def test_a_result_you_have_and_will_bring_keeps_both_and_its_value(tmp_path: Path) -> None:
    script = {
        **FIRST_RUN_SCRIPT,
        "Which of these do you have results for?": "1,2",
        "Which will you bring, or have sent, to the visit?": "1,2",
        "Which have you never had done?": "",
        "Date of the result": ["2026-10", "2026-09"],
        "Result": ["28 ng/mL", "normal"],
    }
    wizard_then_build(tmp_path / "p.yaml", ScriptedPrompter(script), Options(output_dir=tmp_path))
    tests = read_profile(tmp_path / "p.yaml").tests
    assert [(t.test, t.statuses, t.value) for t in tests] == [
        ("tryptase", ("have-result", "will-bring"), "28 ng/mL"),
        ("complete-blood-count", ("have-result", "will-bring"), "normal"),
    ]
    worksheet = text_of(tmp_path / "worksheet.pdf")
    assert "2026-10 28 ng/mL" in worksheet


def test_a_value_on_a_test_not_done_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "schema_version: 1\ntests:\n  - {test: tryptase, status: not-done, value: 28 ng/mL}\n",
        encoding="utf-8",
    )
    result = prepkit(tmp_path, "validate", "p.yaml")
    assert result.returncode == 2
    assert "p.yaml, line 3: tests[1].value: a test marked 'not-done' cannot have" in result.stderr


# --- 7. dates that cannot be right ---------------------------------------------------------


@pytest.mark.parametrize("born", ["2038-03-14", "1890-01-01"])
def test_an_impossible_birth_date_is_refused(tmp_path: Path, born: str) -> None:
    (tmp_path / "p.yaml").write_text(f"schema_version: 1\npatient: {{date_of_birth: {born}}}\n")
    result = prepkit(tmp_path, "validate", "p.yaml")
    assert result.returncode == 2 and "patient.date_of_birth" in result.stderr


def test_a_past_visit_is_a_warning_and_the_review_shows_the_birth_date(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("schema_version: 1\nvisit: {date: 2025-01-03}\n")
    result = prepkit(tmp_path, "validate", "p.yaml")
    assert result.returncode == 0
    assert "Note: p.yaml: visit.date: 2025-01-03 is in the past" in result.stdout

    script = {**FIRST_RUN_SCRIPT, "Date of birth": ["2038-03-14", "1980-02-29"]}
    p = ScriptedPrompter({**script, "Visit date": "2025-01-03"})
    wizard_then_build(tmp_path / "w.yaml", p, Options(output_dir=tmp_path))
    assert "  Sorry: 2038-03-14 cannot be a date of birth; check the year." in p.said
    assert any("2025-01-03 is in the past" in line for line in p.said)
    assert any("born 1980-02-29" in line for line in p.said)  # the review shows it


# --- 8. validate finds what build would refuse ---------------------------------------------


def test_validate_reports_a_card_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        f"schema_version: 1\navoid:\n{TOO_MANY_TO_AVOID}", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "p.yaml")])
    assert result.exit_code == 2
    assert "wallet card: does not fit" in result.output
    assert "the worksheet can be printed; the wallet card cannot" in result.output
    assert not list(tmp_path.glob("*.pdf"))


# --- found by a new user following the README ------------------------------------------------


def test_example_stops_before_writing_when_a_file_it_did_not_make_is_in_the_way(
    tmp_path: Path,
) -> None:
    (tmp_path / "ruth.yaml").write_text(PATIENT, encoding="utf-8")
    assert prepkit(tmp_path, "build", "ruth.yaml", "-o", "mine").returncode == 0
    (tmp_path / "example-worksheet.pdf").write_bytes((tmp_path / "mine/worksheet.pdf").read_bytes())
    result = prepkit(tmp_path, "example")
    assert result.returncode == 2
    assert "was not made by prepkit from example-profile.yaml" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "example-worksheet.pdf",
        "mine",
        "ruth.yaml",
    ]


def test_the_wizard_says_what_the_card_leaves_blank(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = {**FIRST_RUN_SCRIPT, "Emergency number": "", "Diagnosis": None}
    monkeypatch.setattr("prepkit.cli.terminal.TerminalPrompter", lambda: ScriptedPrompter(script))
    result = CliRunner().invoke(main, ["wizard", str(tmp_path / "p.yaml")])
    assert result.exit_code == 0, result.output
    assert "does not say your diagnosis, the emergency number; the wallet card leaves" in (
        result.output
    )


def test_stopping_a_named_profile_says_how_to_carry_on_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.scripted import CTRL_C

    script = {**FIRST_RUN_SCRIPT, "visit.provider": CTRL_C}
    monkeypatch.setattr("prepkit.cli.terminal.TerminalPrompter", lambda: ScriptedPrompter(script))
    profile = tmp_path / "ruth.yaml"
    result = CliRunner().invoke(main, ["wizard", str(profile)])
    assert result.exit_code == 130
    assert f"run 'prepkit wizard {profile}' again to carry on" in result.output


def test_an_impossible_day_is_explained_as_such(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("schema_version: 1\nvisit: {date: 2026-02-30}\n", "utf-8")
    result = prepkit(tmp_path, "validate", "p.yaml")
    assert "visit.date: there is no day 2026-02-30; check the month and the day" in result.stderr


def test_a_bullet_without_a_space_is_removed_too(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("schema_version: 1\ntriggers:\n  own: [•Strong perfume]\n")
    assert prepkit(tmp_path, "build", "p.yaml").returncode == 0
    assert "My triggers: Strong perfume" in text_of(tmp_path / "wallet-card.pdf")
