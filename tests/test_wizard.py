"""The wizard as a patient uses it: a first run, a re-run, mistakes, going back, stopping."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from prepkit.cli import main
from prepkit.profile.loader import read_profile
from prepkit.wizard.session import draft_path
from tests.pdf_tools import flat_text

# One answer per prompt, in the order a first run asks them (a typical patient).
FIRST_RUN = [
    "Ann Lee",  # name
    "1980-02-29",  # date of birth
    "2026-12-03",  # visit date
    "1",  # in person
    "Dr. Okafor",  # provider
    "Mast Cell Clinic",  # clinic
    "First consultation",  # reason
    "7",  # diagnosis: suspected
    "2,3,7",  # symptoms: urticaria pigmentosa, flushing, palpitations
    "spring 2019",
    "daily",
    "6",
    "heat",  # urticaria pigmentosa
    "2021-03",
    "weekly",
    "7",
    "spicy food",  # flushing
    "2023",
    "during attacks",
    "8",
    "",  # palpitations
    "",  # no symptom in own words
    "3",  # attacks last year
    "2026-10-02 wasp sting",  # last attack
    "1",  # emergency visits
    "y",  # epinephrine used
    "y",  # anaphylaxis
    "Tired after attacks",  # daily life
    "3,4,10",  # triggers
    "Perfume",
    "",  # own triggers
    "Cetirizine",
    "10 mg",
    "twice a day",
    "itching",
    "Famotidine",
    "20 mg",
    "twice a day",
    "stomach",
    "",  # no more medications
    "Ibuprofen",
    "hives",
    "",  # avoid
    "1",
    "2",
    "3",  # tests: have result / will bring / not done
    "2026-03",
    "35 ng/mL",  # tryptase result
    "1,10",  # questions
    "",  # no own question
    "2,1",  # order
    "Dr. Fischer",
    "Family doctor",
    "555 0142",
    "",  # care team
    "Jonas",
    "husband",
    "555 0199",  # emergency contact
    "y",  # carries epinephrine
    "",  # review: save
]


def wizard(tmp_path: Path, answers: list[str], *args: str) -> Result:
    profile = tmp_path / "p.yaml"
    return CliRunner().invoke(
        main, ["wizard", str(profile), *args], input="".join(f"{a}\n" for a in answers)
    )


def saved(tmp_path: Path) -> dict[str, Any]:
    data = yaml.safe_load((tmp_path / "p.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_first_run_saves_every_answer_and_prints_the_documents(tmp_path: Path) -> None:
    assert len(FIRST_RUN) <= 60  # a typical first run needs no more than about 60 prompts
    result = wizard(tmp_path, FIRST_RUN)
    assert result.exit_code == 0, result.output
    assert f"Saved your answers in {tmp_path / 'p.yaml'}" in result.output
    profile = read_profile(tmp_path / "p.yaml")
    assert profile.patient.name == "Ann Lee"
    assert str(profile.patient.date_of_birth) == "1980-02-29"
    assert str(profile.visit.date) == "2026-12-03" and profile.visit.mode == "in-person"
    assert (profile.visit.provider, profile.visit.clinic) == ("Dr. Okafor", "Mast Cell Clinic")
    assert profile.visit.reason == "First consultation"
    assert profile.diagnosis.type == "suspected"
    assert [s.catalog for s in profile.symptoms] == [
        "urticaria-pigmentosa",
        "flushing",
        "palpitations",
    ]
    first = profile.symptoms[0]
    assert (first.first_noticed, first.how_often, first.severity, first.worse_with) == (
        "spring 2019",
        "daily",
        6,
        "heat",
    )
    assert profile.symptoms[2].worse_with == ""
    assert profile.attacks.last_year == 3 and profile.attacks.emergency_visits == 1
    assert profile.attacks.last_attack == "2026-10-02 wasp sting"
    assert profile.attacks.epinephrine_used is True and profile.attacks.anaphylaxis_ever is True
    assert profile.daily_life == "Tired after attacks"
    assert profile.triggers.catalog == ["insect-stings", "alcohol", "stress"]
    assert profile.triggers.own == ["Perfume"]
    assert [(m.name, m.dose, m.how_often, m.what_for) for m in profile.medications] == [
        ("Cetirizine", "10 mg", "twice a day", "itching"),
        ("Famotidine", "20 mg", "twice a day", "stomach"),
    ]
    assert [(a.name, a.reaction) for a in profile.avoid] == [("Ibuprofen", "hives")]
    assert [(t.test, t.status, t.date, t.value) for t in profile.tests] == [
        ("tryptase", "have-result", "2026-03", "35 ng/mL"),
        ("complete-blood-count", "will-bring", "", ""),
        ("organ-function", "not-done", "", ""),
    ]
    assert [q.catalog for q in profile.questions] == ["which-tests", "which-type"]
    assert [(c.name, c.role, c.phone) for c in profile.care_team] == [
        ("Dr. Fischer", "Family doctor", "555 0142")
    ]
    contact = profile.emergency_contact
    assert (contact.name, contact.relation, contact.phone) == ("Jonas", "husband", "555 0199")
    assert profile.carries_epinephrine is True

    assert stat.S_IMODE((tmp_path / "p.yaml").stat().st_mode) == 0o600
    worksheet = flat_text((tmp_path / "worksheet.pdf").read_bytes())
    for text in (
        "Ann Lee",
        "spring 2019",
        "Perfume",
        "35 ng/mL",
        "Jonas",
        "1. Which tests will I need",
        "2. Which type of systemic mastocytosis",
    ):
        assert text in worksheet
    card = flat_text((tmp_path / "wallet-card.pdf").read_bytes())
    assert "Ibuprofen: hives" in card and "Perfume" in card
    assert not draft_path(tmp_path / "p.yaml").exists()


def test_rerun_prefills_every_answer_so_enter_keeps_them(tmp_path: Path) -> None:
    assert wizard(tmp_path, FIRST_RUN).exit_code == 0
    before = saved(tmp_path)
    result = wizard(tmp_path, ["Ann Lee-Park"] + [""] * 80)
    assert result.exit_code == 0, result.output
    assert "Your name [Ann Lee]:" in result.output
    assert "How bad, 0 to 10 [6]:" in result.output
    after = saved(tmp_path)
    assert after["patient"] == {**before["patient"], "name": "Ann Lee-Park"}
    assert {k: v for k, v in after.items() if k != "patient"} == {
        k: v for k, v in before.items() if k != "patient"
    }


def test_section_goes_straight_to_one_section(tmp_path: Path) -> None:
    assert wizard(tmp_path, FIRST_RUN).exit_code == 0
    before = saved(tmp_path)
    # Stop taking Cetirizine, keep Famotidine as it was, add nothing.
    result = wizard(
        tmp_path, ["n", "y", "", "", "", "", "y", "", "", ""], "--section", "medications"
    )
    assert result.exit_code == 0, result.output
    assert "Your name" not in result.output
    after = saved(tmp_path)
    assert [m["name"] for m in after["medications"]] == ["Famotidine"]
    assert {k: v for k, v in after.items() if k != "medications"} == {
        k: v for k, v in before.items() if k != "medications"
    }


def test_section_needs_a_saved_profile(tmp_path: Path) -> None:
    result = wizard(tmp_path, [], "--section", "triggers")
    assert result.exit_code == 2
    assert "has no saved answers yet" in result.output


def test_invalid_answers_are_explained_and_asked_again(tmp_path: Path) -> None:
    answers = list(FIRST_RUN)
    answers[1:2] = ["1980-02-30", "29/02/1980", "1980-02-29"]  # bad dates first
    at = answers.index("2,3,7")
    answers[at : at + 1] = ["0", "7-3", "2,x", "3,99", "2,3,7"]  # bad selections first
    at = answers.index("6")
    answers[at : at + 1] = ["12", "six", "6"]  # bad severities first
    result = wizard(tmp_path, answers)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.count("Sorry: write the date as year-month-day") == 2
    assert "Sorry: 0 is not on the list (choose from 1 to 12)." in out
    assert "Sorry: '7-3' runs backwards; write it as 3-7." in out
    assert "Sorry: 'x' is not a number or a range like 5-7." in out
    assert "Sorry: 99 is not on the list" in out
    assert "Sorry: 12 is outside 0 to 10." in out
    assert "Sorry: please type a whole number from 0 to 10." in out
    profile = read_profile(tmp_path / "p.yaml")
    assert str(profile.patient.date_of_birth) == "1980-02-29"
    assert profile.symptoms[0].severity == 6


def test_selection_with_ranges(tmp_path: Path) -> None:
    answers = list(FIRST_RUN)
    answers[answers.index("3,4,10")] = "1,3,5-7"
    assert wizard(tmp_path, answers).exit_code == 0
    assert read_profile(tmp_path / "p.yaml").triggers.catalog == [
        "skin-friction",
        "insect-stings",
        "spicy-food",
        "nsaids",
        "muscle-relaxants",
    ]


def test_question_mark_shows_more_help(tmp_path: Path) -> None:
    answers = list(FIRST_RUN)
    at = answers.index("7")
    answers[at : at + 1] = ["?", "7"]
    result = wizard(tmp_path, answers)
    assert result.exit_code == 0
    assert "If nobody has told you a type yet, pick 'Suspected'" in result.output


def test_review_can_go_back_to_a_section(tmp_path: Path) -> None:
    # At the review, go back to triggers (5), pick 1,2, keep Perfume, add none, then save.
    answers = [*FIRST_RUN[:-1], "5", "1,2", "", "", ""]
    result = wizard(tmp_path, answers)
    assert result.exit_code == 0, result.output
    assert result.output.count("== Review your answers ==") == 2
    assert read_profile(tmp_path / "p.yaml").triggers.catalog == ["skin-friction", "exercise"]
    assert read_profile(tmp_path / "p.yaml").triggers.own == ["Perfume"]


def test_input_ending_early_keeps_a_draft_and_resumes(tmp_path: Path) -> None:
    result = wizard(tmp_path, FIRST_RUN[:10])
    assert result.exit_code == 2
    assert "use 'prepkit build" in result.output
    draft = draft_path(tmp_path / "p.yaml")
    assert f"Your answers so far are saved in {draft}" in result.output
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert not (tmp_path / "p.yaml").exists()
    kept = yaml.safe_load(draft.read_text())
    assert kept["patient"]["name"] == "Ann Lee"
    assert kept["symptoms"][0] == {
        "catalog": "urticaria-pigmentosa",
        "first_noticed": "spring 2019",
    }

    # Resume; Enter keeps the 7 "about" answers and the diagnosis; the symptoms chosen and
    # the first detail typed before input ended were kept too.
    result = wizard(tmp_path, ["y"] + [""] * 10 + FIRST_RUN[10:])
    assert result.exit_code == 0, result.output
    profile = read_profile(tmp_path / "p.yaml")
    assert profile.patient.name == "Ann Lee" and profile.carries_epinephrine is True
    assert not draft.exists()


def test_bare_prepkit_points_to_the_wizard() -> None:
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0
    assert "To start, run:  prepkit wizard" in result.output


def test_open_launches_each_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def launch(target: str, **_: object) -> int:
        opened.append(target)
        return 0

    monkeypatch.setattr("click.launch", launch)
    assert wizard(tmp_path, FIRST_RUN, "--open").exit_code == 0
    assert opened == [str(tmp_path / "worksheet.pdf"), str(tmp_path / "wallet-card.pdf")]
