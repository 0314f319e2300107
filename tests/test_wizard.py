"""The wizard as a patient uses it: each section, a re-run, going back, stopping.

Sections and sessions are driven by a :class:`~tests.scripted.ScriptedPrompter`
that answers by each question's label, so adding a question breaks no test that
does not ask it. One run goes end to end through the real command with typed
answers in order (``FIRST_RUN``, also used by the terminal test); how the
terminal reads, explains and re-asks an answer is in ``test_prompts.py``.
"""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from prepkit.cli import main
from prepkit.content.catalog import load_catalog
from prepkit.content.rules import read_profile, to_profile
from prepkit.core.errors import UserError
from prepkit.wizard import session as wizard_session
from prepkit.wizard.answers import Data
from prepkit.wizard.places import Place, place_in
from prepkit.wizard.profile_files import ProfileFiles
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.sections import SECTIONS
from prepkit.wizard.session import WizardResult, WizardStopped, draft_path
from tests.pdf_tools import flat_text
from tests.scripted import CTRL_C, ENTER, INPUT_ENDS, ScriptedPrompter


def run_wizard(profile: Path, p: Prompter, **options: Any) -> WizardResult:
    """The wizard keeping its answers in files, as ``prepkit wizard`` runs it."""
    return wizard_session.run_wizard(profile, p, ProfileFiles(profile), **options)


# One typed answer per prompt, in the order a first run asks them (a typical patient),
# for the end-to-end run through the real command and terminal.
FIRST_RUN = [
    "Ann Lee",  # name
    "1980-02-29",  # date of birth
    "2026-12-03",  # visit date
    "1",  # first visit
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
    "",  # no test in own words
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
    "112",  # emergency number
    "y",  # carries epinephrine
    "left coat pocket",  # where it is kept
    "64 kg",  # weight
    "",  # no emergency steps from the care team
    "",  # review: save
]


# The same first run, answered by label.
FIRST_RUN_SCRIPT: dict[str, Any] = {
    "Your name": "Ann Lee",
    "Date of birth": "1980-02-29",
    "Visit date": "2026-12-03",
    "First visit or follow-up": "First visit",
    "In person or virtual": "In person",
    "Provider": "Dr. Okafor",
    "Clinic": "Mast Cell Clinic",
    "Reason for the visit": "First consultation",
    "Diagnosis": "Suspected",
    "Which have you had": "2,3,7",
    "When did it start": ["spring 2019", "2021-03", "2023"],
    "How often": ["daily", "weekly", "during attacks", "twice a day", "twice a day"],
    "How bad, 0 to 10": [6, 7, 8],
    "What makes it worse": ["heat", "spicy food"],
    "Attacks in the last year": 3,
    "When was the last one": "2026-10-02 wasp sting",
    "Emergency room visits for SM": 1,
    "Have you ever used epinephrine": True,
    "Have you ever had anaphylaxis": True,
    "How do symptoms affect your daily life": "Tired after attacks",
    "Which have set off your symptoms": "3,4,10",
    "Another trigger in your own words": "Perfume",
    "Medication name": ["Cetirizine", "Famotidine"],
    "Dose": ["10 mg", "20 mg"],
    "What for": ["itching", "stomach"],
    "Medication or substance to avoid": "Ibuprofen",
    "Reaction": "hives",
    "Which of these do you have results for?": "1",
    "Which will you bring, or have sent, to the visit?": "2",
    "Which have you never had done?": "3",
    "Date of the result": "2026-03",
    "Result": "35 ng/mL",
    "Which do you want to ask": "1,10",
    "Most important first": "2,1",
    "Care team member's name": "Dr. Fischer",
    "Role": "Family doctor",
    "Phone": "555 0142",
    "Emergency contact": "Jonas",
    "Relation to you": "husband",
    "Their phone": "555 0199",
    "Emergency number": "112",
    "Do you carry epinephrine": True,
    "Where do you keep it": "left coat pocket",
    "Your weight, with its unit": "64 kg",
}


SECTION_LABELS = {
    "about": (
        "Your name",
        "Date of birth",
        "Visit date",
        "First visit or follow-up",
        "In person or virtual",
        "Provider",
        "Clinic",
        "Reason for the visit",
    ),
    "medications": (
        "Medication name",
        "Dose",
        "How often",
        "What for",
        "Medication or substance to avoid",
        "Reaction",
    ),
    "tests": (
        "Which of these do you have results for?",
        "Which will you bring, or have sent, to the visit?",
        "Which have you never had done?",
        "Date of the result",
        "Result",
    ),
    "care": (
        "Care team member's name",
        "Role",
        "Phone",
        "Emergency contact",
        "Relation to you",
        "Their phone",
        "Emergency number",
        "Do you carry epinephrine",
        "Where do you keep it",
        "Your weight, with its unit",
    ),
}
FIRST_RUN_SCRIPT_FOR = {
    section: {label: FIRST_RUN_SCRIPT[label] for label in labels}
    for section, labels in SECTION_LABELS.items()
}
FIRST_RUN_SCRIPT_FOR["medications"]["How often"] = ["twice a day", "twice a day"]


def ask(section: str, script: dict[str, Any], data: Data | None = None) -> Data:
    """Run one section on ``data`` (a fresh profile if None); every answer must be asked."""
    answers: Data = data if data is not None else {"schema_version": 1}
    p = ScriptedPrompter(script)
    step = next(s for s in SECTIONS if s.name == section)
    step.ask(p, answers, load_catalog())
    assert p.unused() == {}, f"scripted but never asked: {p.unused()}"
    return answers


# --- each section on its own ------------------------------------------------------------


def test_about_you_and_the_visit() -> None:
    data = ask("about", FIRST_RUN_SCRIPT_FOR["about"])
    assert data["patient"] == {"name": "Ann Lee", "date_of_birth": "1980-02-29"}
    assert data["visit"] == {
        "date": "2026-12-03",
        "kind": "first",
        "mode": "in-person",
        "provider": "Dr. Okafor",
        "clinic": "Mast Cell Clinic",
        "reason": "First consultation",
    }


def test_diagnosis_asks_when_only_for_a_known_type() -> None:
    assert ask("diagnosis", {"Diagnosis": "Suspected"})["diagnosis"] == {"type": "suspected"}
    known = ask("diagnosis", {"Diagnosis": "Indolent", "When were you diagnosed": "2024-05"})
    assert known["diagnosis"] == {"type": "indolent", "diagnosed": "2024-05"}


def test_symptoms_from_the_list_and_in_own_words() -> None:
    script = {
        "Which have you had": "2,3",
        "When did it start": ["spring 2019", "2021-03", "2022-05"],
        "How often": ["daily", "weekly"],
        "How bad, 0 to 10": [6, 7, 4],
        "What makes it worse": ["heat"],
        "Another symptom in your own words": "Brain fog",
    }
    data = ask("symptoms", script)
    assert [s.get("catalog") or s.get("own") for s in data["symptoms"]] == [
        "urticaria-pigmentosa",
        "flushing",
        "Brain fog",
    ]
    assert data["symptoms"][0] == {
        "catalog": "urticaria-pigmentosa",
        "first_noticed": "spring 2019",
        "how_often": "daily",
        "severity": 6,
        "worse_with": "heat",
    }
    assert data["symptoms"][2]["severity"] == 4 and data["symptoms"][2]["how_often"] == ""


def test_attacks_skips_the_last_attack_when_there_were_none() -> None:
    script = {
        "Attacks in the last year": 0,
        "Emergency room visits for SM": 0,
        "Have you ever used epinephrine": False,
        "Have you ever had anaphylaxis": True,
        "How do symptoms affect your daily life": "I work four days a week.",
    }
    data = ask("attacks", script)
    assert data["attacks"] == {
        "last_year": 0,
        "emergency_visits": 0,
        "epinephrine_used": False,
        "anaphylaxis_ever": True,
    }
    assert data["daily_life"] == "I work four days a week."


def test_triggers_with_ranges_and_own_words() -> None:
    data = ask(
        "triggers",
        {
            "Which have set off your symptoms": "1,3,5-7",
            "Another trigger in your own words": "Perfume",
        },
    )
    assert data["triggers"] == {
        "catalog": ["skin-friction", "insect-stings", "spicy-food", "nsaids", "muscle-relaxants"],
        "own": ["Perfume"],
    }


def test_medications_kept_stopped_and_added() -> None:
    data = ask("medications", FIRST_RUN_SCRIPT_FOR["medications"])
    assert data["medications"] == [
        {"name": "Cetirizine", "dose": "10 mg", "how_often": "twice a day", "what_for": "itching"},
        {"name": "Famotidine", "dose": "20 mg", "how_often": "twice a day", "what_for": "stomach"},
    ]
    assert data["avoid"] == [{"name": "Ibuprofen", "reaction": "hives"}]
    # Next visit: Cetirizine stopped (when and why kept), Famotidine's dose changed,
    # codeine added to avoid. One question each for the whole list, not one per item.
    script = {
        "Which have you stopped taking": "1",
        "Which changed (dose, how often, what for)": "2",
        "Dose": "40 mg",
        "When did you stop it": "2026-10",
        "Why did you stop it": "it did not help",
        "Which no longer need avoiding": ENTER,
        "Which reaction changed": ENTER,
        "Medication or substance to avoid": "Codeine",
        "Reaction": "severe flushing",
    }
    data = ask("medications", script, data)
    assert [m["name"] for m in data["medications"]] == ["Famotidine"]
    assert data["medications"][0]["dose"] == "40 mg"
    assert data["stopped_medications"] == [
        {"name": "Cetirizine", "stopped": "2026-10", "why": "it did not help"}
    ]
    assert data["avoid"] == [
        {"name": "Ibuprofen", "reaction": "hives"},
        {"name": "Codeine", "reaction": "severe flushing"},
    ]


def test_tests_status_and_result() -> None:
    data = ask("tests", FIRST_RUN_SCRIPT_FOR["tests"])
    assert data["tests"] == [
        {"test": "tryptase", "status": "have-result", "date": "2026-03", "value": "35 ng/mL"},
        {"test": "complete-blood-count", "status": "will-bring"},
        {"test": "organ-function", "status": "not-done"},
    ]


def test_questions_chosen_added_and_put_in_order() -> None:
    script = {
        "Which do you want to ask": "1,10",
        "Another question in your own words": "Is dental work safe for me?",
        "Most important first": "3,2",
    }
    data = ask("questions", script)
    assert data["questions"] == [
        {"own": "Is dental work safe for me?"},
        {"catalog": "which-tests"},
        {"catalog": "which-type"},
    ]


def test_care_team_and_emergency_contact() -> None:
    data = ask("care", FIRST_RUN_SCRIPT_FOR["care"])
    assert data["care_team"] == [
        {"name": "Dr. Fischer", "role": "Family doctor", "phone": "555 0142"}
    ]
    assert data["emergency_contact"] == {
        "name": "Jonas",
        "relation": "husband",
        "phone": "555 0199",
    }
    assert data["carries_epinephrine"] is True
    assert data["emergency_number"] == "112"
    # No emergency contact: their relation and phone are not asked; no number is assumed.
    data = ask("care", {"Do you carry epinephrine": False})
    assert data["emergency_contact"] == {"name": ""} and data["care_team"] == []
    assert data["emergency_number"] == ""


def test_the_patient_sets_the_order_of_the_drugs_to_avoid_and_hears_about_slips() -> None:
    """#29: the card prints the avoid list in the patient's order (most serious first);
    the wizard asks for that order and never reorders on its own."""
    script = {
        "Medication name": "Famotidine",
        "Medication or substance to avoid": ["Ibuprofen", "Anesthesia", "famotidine", "Morphine"],
        "Reaction": ["hives", "collapse", "rash", "low blood pressure"],
        "Most serious first": "4,2",
    }
    p = ScriptedPrompter(script)
    data: Data = {"schema_version": 1}
    next(s for s in SECTIONS if s.name == "medications").ask(p, data, load_catalog())
    assert p.unused() == {}
    assert [a["name"] for a in data["avoid"]] == [
        "Morphine",
        "Anesthesia",
        "Ibuprofen",
        "famotidine",
    ]
    notes = [line for line in p.said if "Note:" in line]
    assert len(notes) == 2, notes
    assert "'Anesthesia' names a kind of medicine" in notes[0]
    assert "'famotidine' is also one of your medications ('Famotidine')" in notes[1]
    # Enter keeps the order as it is; one drug is not asked about.
    p = ScriptedPrompter({})
    next(s for s in SECTIONS if s.name == "medications").ask(p, data, load_catalog())
    assert "Most serious first" in p.asked
    kept = data
    assert [a["name"] for a in kept["avoid"]] == [
        "Morphine",
        "Anesthesia",
        "Ibuprofen",
        "famotidine",
    ]
    p = ScriptedPrompter({"Medication or substance to avoid": "Codeine", "Reaction": "hives"})
    next(s for s in SECTIONS if s.name == "medications").ask(p, {}, load_catalog())
    assert "Most serious first" not in p.asked


def test_the_care_teams_plan_who_gave_it_when_and_where_the_epinephrine_is() -> None:
    """#29: the plan's facts are asked only where they apply; dates are checked."""
    script = {
        "Do you carry epinephrine": True,
        "Where do you keep it": "handbag, front pocket",
        "Your weight, with its unit": "141 lb",
        "Your care team's steps for a severe reaction": "Pen in the thigh, then an ambulance",
        "Who gave you these steps": "Dr. Lena Fischer",
        "When did they give them": ["0202-03-10", "2026-03-10"],
        "When should the steps be reviewed": "2027-03-10",
    }
    p = ScriptedPrompter(script)
    data: Data = {"schema_version": 1}
    next(s for s in SECTIONS if s.name == "care").ask(p, data, load_catalog())
    assert p.unused() == {}
    assert p.asked.count("When did they give them") == 2  # year 0202 refused, asked again
    assert any("Sorry: 0202-03-10 is more than" in line for line in p.said)
    plan = ("epinephrine_kept", "weight", "emergency_steps_by", "emergency_steps_on", "plan_review")
    assert {key: data[key] for key in plan} == {
        "epinephrine_kept": "handbag, front pocket",
        "weight": "141 lb",
        "emergency_steps_by": "Dr. Lena Fischer",
        "emergency_steps_on": "2026-03-10",
        "plan_review": "2027-03-10",
    }
    profile = to_profile(data)
    assert profile.emergency_steps_on is not None and profile.plan_review is not None
    # No epinephrine and no steps: where it is kept, who gave the steps and when are not asked.
    p = ScriptedPrompter({"Do you carry epinephrine": False})
    next(s for s in SECTIONS if s.name == "care").ask(p, {}, load_catalog())
    for label in (
        "Where do you keep it",
        "Who gave you these steps",
        "When did they give them",
        "When should the steps be reviewed",
    ):
        assert label not in p.asked
    assert "Your weight, with its unit" in p.asked
    # A follow-up: no longer carries it, and no steps any more. Where it was kept and
    # who gave the steps go with them, so the card cannot say both.
    p = ScriptedPrompter(
        {"Do you carry epinephrine": False, "Your care team's steps for a severe reaction": ""}
    )
    next(s for s in SECTIONS if s.name == "care").ask(p, data, load_catalog())
    for key in ("epinephrine_kept", "emergency_steps_by", "emergency_steps_on", "plan_review"):
        assert key not in data, key
    assert data["weight"] == "141 lb"


def test_the_day_the_steps_were_given_cannot_be_after_today() -> None:
    from prepkit.core.today import today

    later = (today() + dt.timedelta(days=30)).isoformat()
    script = {
        "Your care team's steps for a severe reaction": "Pen in the thigh",
        "When did they give them": [later, "2026-03-10"],
    }
    p = ScriptedPrompter(script)
    next(s for s in SECTIONS if s.name == "care").ask(p, {}, load_catalog())
    assert any(f"Sorry: {later} is after today" in line for line in p.said), p.said


# --- a whole session, by label ----------------------------------------------------------


def session(tmp_path: Path, script: dict[str, Any], **options: Any) -> ScriptedPrompter:
    p = ScriptedPrompter(script)
    run_wizard(tmp_path / "p.yaml", p, **options)
    assert p.unused() == {}, f"scripted but never asked: {p.unused()}"
    return p


def _resume(tmp_path: Path, script: dict[str, Any]) -> ScriptedPrompter:
    """Run the wizard again, answering yes to resuming the draft."""
    return session(tmp_path, {"draft/resume": True, **script})


def _first_run_after(label: str) -> dict[str, Any]:
    """FIRST_RUN_SCRIPT's answers to the questions asked after ``label``."""
    labels = list(FIRST_RUN_SCRIPT)  # in the order they are asked
    return {later: FIRST_RUN_SCRIPT[later] for later in labels[labels.index(label) + 1 :]}


def test_rerun_prefills_every_answer_so_enter_keeps_them(tmp_path: Path) -> None:
    session(tmp_path, FIRST_RUN_SCRIPT)
    before = saved(tmp_path)
    p = session(tmp_path, {"Your name": "Ann Lee-Park"})
    assert len(p.entered) == len(p.asked) - 1  # everything else: Enter
    after = saved(tmp_path)
    assert after["patient"] == {**before["patient"], "name": "Ann Lee-Park"}
    assert {k: v for k, v in after.items() if k != "patient"} == {
        k: v for k, v in before.items() if k != "patient"
    }


def test_section_goes_straight_to_one_section(tmp_path: Path) -> None:
    session(tmp_path, FIRST_RUN_SCRIPT)
    before = saved(tmp_path)
    p = session(tmp_path, {"Which have you stopped taking": "1"}, section="medications")
    assert "Your name" not in p.asked
    after = saved(tmp_path)
    assert [m["name"] for m in after["medications"]] == ["Famotidine"]
    assert after["stopped_medications"] == [{"name": "Cetirizine"}]
    changed = {"medications", "stopped_medications"}
    assert {k: v for k, v in after.items() if k not in changed} == {
        k: v for k, v in before.items() if k not in changed
    }


def test_review_can_go_back_to_a_section(tmp_path: Path) -> None:
    script = {
        **FIRST_RUN_SCRIPT,
        "Section to change": [5],  # triggers; then Enter saves
        "Which have set off your symptoms": ["3,4,10", "1,2"],
    }
    p = session(tmp_path, script)
    assert p.said.count("== Review your answers ==") == 2
    profile = read_profile(tmp_path / "p.yaml")
    assert profile.triggers.catalog == ["skin-friction", "exercise"]
    assert profile.triggers.own == ["Perfume"]


@pytest.mark.parametrize("stop", [INPUT_ENDS, CTRL_C], ids=["input ends", "ctrl-c"])
def test_stopping_keeps_a_private_draft_and_the_next_run_resumes_it(
    tmp_path: Path, stop: Any
) -> None:
    with pytest.raises(WizardStopped) as stopped:
        script = {**FIRST_RUN_SCRIPT, "symptoms[0].how_often": stop}
        run_wizard(tmp_path / "p.yaml", ScriptedPrompter(script))
    draft = draft_path(tmp_path / "p.yaml")
    assert stopped.value.draft == draft and stopped.value.ended == (stop is INPUT_ENDS)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert not (tmp_path / "p.yaml").exists()
    text = draft.read_text(encoding="utf-8")
    # The draft says which profile it belongs to and how to carry on (not "run the
    # wizard on this file", which would make a draft of the draft).
    assert text.startswith("# prepkit draft: unfinished answers for p.yaml")
    assert "Run `prepkit wizard p.yaml` to carry on" in text and "p.draft.yaml" not in text
    kept = yaml.safe_load(text)
    assert kept["patient"]["name"] == "Ann Lee"
    # The answer typed just before the stop is kept too.
    assert kept["symptoms"][0] == {
        "catalog": "urticaria-pigmentosa",
        "first_noticed": "spring 2019",
    }

    # The draft records the place it stopped at: the first symptom's "How often".
    place = place_in(text)
    assert place is not None and (place.section, place.at) == ("symptoms", "symptoms[0].how_often")

    # Resuming carries on at that very question (#18): nothing before it is asked again.
    before = {*FIRST_RUN_SCRIPT_FOR["about"], "Diagnosis"}
    resume = {
        "draft/resume": True,
        **{k: v for k, v in FIRST_RUN_SCRIPT.items() if k not in before},
        "When did it start": ["2021-03", "2023"],  # the first was kept in the draft
    }
    del resume["Which have you had"]  # answered before the stop
    p = session(tmp_path, resume)
    assert p.places[:2] == ["draft/resume", "symptoms[0].how_often"]
    assert "patient.name" not in p.places and "symptoms/picked" not in p.places
    profile = read_profile(tmp_path / "p.yaml")
    assert profile.patient.name == "Ann Lee" and profile.carries_epinephrine is True
    assert profile.symptoms[0].first_noticed == "spring 2019"
    assert profile.symptoms[0].how_often == "daily"
    assert [s.catalog for s in profile.symptoms] == [
        "urticaria-pigmentosa",
        "flushing",
        "palpitations",
    ]
    assert not draft.exists()


# --- the real command, end to end ------------------------------------------------------


def wizard(tmp_path: Path, answers: list[str], *args: str) -> Result:
    profile = tmp_path / "p.yaml"
    return CliRunner().invoke(
        main, ["wizard", str(profile), *args], input="".join(f"{a}\n" for a in answers)
    )


def saved(tmp_path: Path) -> dict[str, Any]:
    data = yaml.safe_load((tmp_path / "p.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_first_run_saves_every_answer_and_prints_the_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def launch(target: str, **_: object) -> int:
        opened.append(target)
        return 0

    monkeypatch.setattr("click.launch", launch)
    result = wizard(tmp_path, FIRST_RUN, "--open")
    assert result.exit_code == 0, result.output
    # Every typed answer was taken by a prompt: the last one (Enter at the review) saved.
    assert result.output.count("Section to change") == 1
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
        "2. Which of the six types of SM do I have?",
    ):
        assert text in worksheet
    card = flat_text((tmp_path / "wallet-card.pdf").read_bytes())
    assert "Ibuprofen: hives" in card and "Perfume" in card
    assert not draft_path(tmp_path / "p.yaml").exists()
    assert opened == [str(tmp_path / "worksheet.pdf"), str(tmp_path / "wallet-card.pdf")]


def test_section_needs_a_saved_profile(tmp_path: Path) -> None:
    result = wizard(tmp_path, [], "--section", "triggers")
    assert result.exit_code == 2
    assert "has no saved answers yet" in result.output


def test_input_ending_tells_how_to_carry_on(tmp_path: Path) -> None:
    result = wizard(tmp_path, FIRST_RUN[:10])
    assert result.exit_code == 2
    draft = draft_path(tmp_path / "p.yaml")
    assert f"Your answers so far are saved in {draft}" in result.output
    assert "use 'prepkit build" in result.output


def test_bare_prepkit_points_to_the_wizard() -> None:
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0
    assert "To start, run:  prepkit wizard" in result.output


# --- a draft is never lost (#15, items 1-3) ---------------------------------------------


def stopped_draft(tmp_path: Path) -> Path:
    """A draft holding Ann Lee's first answers, as a Ctrl-C at "How often" leaves it."""
    with pytest.raises(WizardStopped):
        run_wizard(
            tmp_path / "p.yaml",
            ScriptedPrompter({**FIRST_RUN_SCRIPT, "symptoms[0].how_often": CTRL_C}),
        )
    return draft_path(tmp_path / "p.yaml")


@pytest.mark.parametrize("stop", [INPUT_ENDS, CTRL_C], ids=["input ends", "ctrl-c"])
def test_stopping_at_resume_leaves_the_draft_as_it_was(tmp_path: Path, stop: Any) -> None:
    draft = stopped_draft(tmp_path)
    before = draft.read_bytes()
    question = f"You have unfinished answers in {draft}. Resume them?"
    with pytest.raises(WizardStopped) as stopped:
        run_wizard(tmp_path / "p.yaml", ScriptedPrompter({question: stop}))
    assert not stopped.value.saved
    assert draft.read_bytes() == before  # was: replaced by "schema_version: 1"
    result = CliRunner().invoke(main, ["wizard", str(tmp_path / "p.yaml")], input="")
    assert f"Your unfinished answers are still in {draft}, unchanged." in result.output
    assert draft.read_bytes() == before


def test_not_resuming_asks_before_throwing_the_draft_away(tmp_path: Path) -> None:
    draft = stopped_draft(tmp_path)
    before = draft.read_bytes()
    question = f"You have unfinished answers in {draft}. Resume them?"
    p = ScriptedPrompter({question: False, "draft/discard": False, "patient.name": CTRL_C})
    with pytest.raises(WizardStopped):
        run_wizard(tmp_path / "p.yaml", p)
    kept = draft.with_name("p.draft-kept-1.yaml")
    assert kept.read_bytes() == before
    assert any(f"They are kept in {kept}." in line for line in p.said)


def test_an_unreadable_draft_is_kept_under_a_new_name_and_said(tmp_path: Path) -> None:
    draft = draft_path(tmp_path / "p.yaml")
    draft.write_text("schema_version: 1\npatient: {name: Ann Lee, favourite_colour: blue}\n")
    p = ScriptedPrompter({"patient.name": CTRL_C})
    with pytest.raises(WizardStopped):
        run_wizard(tmp_path / "p.yaml", p)
    kept = draft.with_name("p.draft-kept-1.yaml")
    assert "favourite_colour" in kept.read_text()  # was: deleted at the end of the run
    assert any(f"they are kept in {kept}" in line for line in p.said)


def test_an_answer_the_final_check_refuses_leaves_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import prepkit.wizard.session as session_module

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise UserError("has a character that cannot be printed", field="patient.name")

    monkeypatch.setattr(session_module, "validate_profile", refuse)
    with pytest.raises(UserError):
        run_wizard(tmp_path / "p.yaml", ScriptedPrompter(FIRST_RUN_SCRIPT))
    kept = yaml.safe_load(draft_path(tmp_path / "p.yaml").read_text(encoding="utf-8"))
    assert kept["patient"]["name"] == "Ann Lee"  # was: the whole interview lost


def test_a_symlinked_profile_is_written_through_to_its_file(tmp_path: Path) -> None:
    # Found by red-team (#15 item 4): the link was replaced by a regular file and the
    # real profile (in a synced folder, say) was never updated.
    real = tmp_path / "synced" / "mine.yaml"
    real.parent.mkdir()
    session(tmp_path, FIRST_RUN_SCRIPT)  # writes tmp_path / "p.yaml"
    (tmp_path / "p.yaml").rename(real)
    (tmp_path / "p.yaml").symlink_to(real)
    session(tmp_path, {"Your name": "Ann Lee-Smith"})
    assert (tmp_path / "p.yaml").is_symlink()
    assert read_profile(real).patient.name == "Ann Lee-Smith"


def test_a_folder_the_profile_cannot_be_saved_in_is_refused_before_the_first_question(
    tmp_path: Path,
) -> None:
    # Found by red-team (#15 item 3): reported only after the whole interview.
    (tmp_path / "not-a-folder").write_text("")
    p = ScriptedPrompter({})
    with pytest.raises(UserError, match="not-a-folder"):
        run_wizard(tmp_path / "not-a-folder" / "p.yaml", p)
    assert p.asked == []


def test_lists_stop_at_the_most_a_profile_holds(tmp_path: Path) -> None:
    # Found by red-team (#15 item 3): 101 own triggers were taken, then refused at the end.
    triggers = [f"Smell number {i}" for i in range(101)]
    p = session(tmp_path, {**FIRST_RUN_SCRIPT, "Another trigger in your own words": triggers[:100]})
    assert read_profile(tmp_path / "p.yaml").triggers.own[-1] == "Smell number 99"
    assert any("That is 100, the most a list in the profile holds" in line for line in p.said)


@pytest.mark.parametrize("label", ["Their phone", "Phone", "Emergency number"])
def test_phone_prompts_hold_answers_to_the_profiles_limit(tmp_path: Path, label: str) -> None:
    # A 25-character number is refused at its prompt, not at the end (the scripted
    # answers go through the same checks as the terminal's), and asked again.
    long = "+1 216 555 0142 ext 12345"
    script = {**FIRST_RUN_SCRIPT, label: [long, "555 0100"]}
    if label == "Phone":
        script["Care team member's name"] = ["Dr. Lena Fischer", ""]
    p = session(tmp_path, script)
    assert any(line.startswith("  Sorry: that is 25 characters") for line in p.said), p.said
    assert p.asked.count(label) == 2
    saved = (tmp_path / "p.yaml").read_text(encoding="utf-8")
    assert long not in saved and "555 0100" in saved


def test_ctrl_c_while_an_answer_is_being_checked_keeps_the_answers(tmp_path: Path) -> None:
    """Found by the red team: Ctrl-C just after Enter (the first answer loads the font)
    arrived outside the prompt, and the session's answers were lost without a draft."""
    script = {**FIRST_RUN_SCRIPT, "symptoms[0].how_often": KeyboardInterrupt()}
    with pytest.raises(WizardStopped) as stopped:
        run_wizard(tmp_path / "p.yaml", ScriptedPrompter(script))
    assert stopped.value.saved and not stopped.value.ended
    kept = read_profile(draft_path(tmp_path / "p.yaml"))
    assert kept.patient.name == "Ann Lee"
    assert kept.symptoms[0].first_noticed == "spring 2019"


def test_a_draft_that_is_a_pipe_is_set_aside_not_read(tmp_path: Path) -> None:
    """It made the wizard wait forever before the first question."""
    import os
    import subprocess
    import sys

    draft = tmp_path / "p.draft.yaml"
    os.mkfifo(draft)
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "wizard", "p.yaml"],
        cwd=tmp_path,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "cannot be read as a profile any more" in result.stdout
    assert "Traceback" not in result.stderr and result.returncode == 2
    assert (tmp_path / "p.draft-kept-1.yaml").is_fifo()


def test_a_resume_place_that_no_longer_comes_up_asks_everything_after_its_section(
    tmp_path: Path,
) -> None:
    """A hand-edited draft (the medication gone): the rest of the wizard is asked as usual."""
    from prepkit.wizard.profile_files import ProfileFiles

    profile = tmp_path / "p.yaml"
    session(tmp_path, FIRST_RUN_SCRIPT)
    data = yaml.safe_load(profile.read_text(encoding="utf-8"))
    ProfileFiles(profile).keep_draft(data, Place("medications", "medications[9].dose"))
    assert place_in(draft_path(profile).read_text(encoding="utf-8")) == Place(
        "medications", "medications[9].dose"
    )
    p = session(tmp_path, {"draft/resume": True})
    assert "tests/have-result" in p.places  # the tests section, after it
    assert "patient.name" not in p.places


@pytest.mark.parametrize(
    "line",
    [
        '# prepkit resume at: {"section": "symptoms"}',
        "# prepkit resume at: not json",
        # A draft from before places: its label is no place to skip to.
        '# prepkit resume at: {"section": "symptoms", "label": "How often", "seen": 1}',
    ],
)
def test_a_damaged_resume_line_is_ignored(line: str) -> None:

    assert place_in(f"# prepkit draft\n{line}\npatient:\n  name: Ann\n") is None


CHANGED = "Which changed (dose, how often, what for)"


def test_a_stop_inside_a_changed_medication_resumes_at_that_question(
    tmp_path: Path,
) -> None:
    """Found in the terminal: the resumed section replayed past the question, to Tests."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    follow_up = {
        "changed": "6",
        "medications/gone": "1",
        "medications/changed": "2",
        "stopped_medications[0].stopped": "2026-10",
        "medications[0].dose": "40 mg",  # Famotidine, first now Cetirizine has stopped
        "medications[0].how_often": CTRL_C,
    }
    with pytest.raises(WizardStopped):
        session(tmp_path, follow_up)
    kept = yaml.safe_load(draft_path(tmp_path / "p.yaml").read_text(encoding="utf-8"))
    assert kept["stopped_medications"] == [{"name": "Cetirizine", "stopped": "2026-10"}]
    assert [(m["name"], m["dose"]) for m in kept["medications"]] == [("Famotidine", "40 mg")]

    p = session(tmp_path, {"draft/resume": True, "medications[0].how_often": "once a day"})
    # The changed medication's details go on at "How often" (before, "Which changed"
    # defaulted to none, "How often" never came, and the whole section was asked again).
    # Then "Which changed" for real: others picked with it are not in the draft.
    assert p.places[1:5] == [
        "medications[0].how_often",
        "medications[0].what_for",
        "medications/changed",
        "medications[1].name",
    ], p.places
    assert "-- Famotidine, 40 mg, twice a day" in p.said
    assert "That question does not come up the same way now; the whole section again:" not in p.said
    profile = read_profile(tmp_path / "p.yaml")
    assert [(m.name, m.dose, m.how_often) for m in profile.medications] == [
        ("Famotidine", "40 mg", "once a day")
    ]
    assert [(s.name, s.stopped) for s in profile.stopped_medications] == [("Cetirizine", "2026-10")]


def test_a_resumed_list_question_shows_the_list_as_it_is_now(tmp_path: Path) -> None:
    """Found by the #18 re-check: after a stopped medication the list was not shown
    again, its numbers had moved up, and "2" changed another drug than the one seen."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    with pytest.raises(WizardStopped):
        session(
            tmp_path,
            {
                "changed": "6",
                "medications/gone": "1",  # Cetirizine
                "stopped_medications[0].stopped": "2026-10",
                "medications/changed": CTRL_C,
            },
        )
    p = session(
        tmp_path,
        {"draft/resume": True, "medications/changed": "1", "medications[0].dose": "40 mg"},
    )
    shown = [line.strip() for line in p.said]
    assert any(line.startswith("1. Famotidine") for line in shown), shown
    assert not any("Cetirizine" in line and line.startswith("1.") for line in shown)
    profile = read_profile(tmp_path / "p.yaml")
    assert [(m.name, m.dose) for m in profile.medications] == [("Famotidine", "40 mg")]


def test_a_stop_between_two_new_medications_resumes_at_the_next_one(tmp_path: Path) -> None:
    """Found by the #18 re-check: the first medication, saved in the draft, made the
    resume ask the whole section again (starting with "Which have you stopped taking")."""
    script = {**FIRST_RUN_SCRIPT, "medications[1].name": CTRL_C}
    with pytest.raises(WizardStopped):
        session(tmp_path, script)
    p = _resume(
        tmp_path,
        {
            "medications[1].name": "Famotidine",
            "medications[1].dose": "20 mg",
            "medications[1].what_for": "stomach",
            **_first_run_after("What for"),
        },
    )
    assert p.places[1] == "medications[1].name", p.places[:4]
    assert "Which have you stopped taking" not in p.asked
    assert "That question does not come up the same way now; the whole section again:" not in p.said
    profile = read_profile(tmp_path / "p.yaml")
    assert [(m.name, m.dose) for m in profile.medications] == [
        ("Cetirizine", "10 mg"),
        ("Famotidine", "20 mg"),
    ]


def test_a_stop_in_the_details_of_a_new_medication_resumes_at_that_detail(
    tmp_path: Path,
) -> None:
    """A #18 residual: a stop at "How often" of the second new medication fell back
    to "the whole section again" (the medication, saved in the draft, no longer
    brought its details up by itself)."""
    script = {**FIRST_RUN_SCRIPT, "medications[1].how_often": CTRL_C}
    with pytest.raises(WizardStopped):
        session(tmp_path, script)
    draft = draft_path(tmp_path / "p.yaml")
    place = place_in(draft.read_text(encoding="utf-8"))
    assert place is not None and place.at == "medications[1].how_often"
    p = _resume(
        tmp_path,
        {
            "medications[1].how_often": "at night",
            "medications[1].what_for": "stomach",
            "medications[2].name": "",
            **_first_run_after("What for"),
        },
    )
    assert p.places[1:5] == [
        "medications[1].how_often",
        "medications[1].what_for",
        "medications/changed",
        "medications[2].name",
    ], p.places
    assert "-- Famotidine, 20 mg" in p.said
    assert "That question does not come up the same way now; the whole section again:" not in p.said
    profile = read_profile(tmp_path / "p.yaml")
    assert [(m.name, m.dose, m.how_often, m.what_for) for m in profile.medications] == [
        ("Cetirizine", "10 mg", "twice a day", FIRST_RUN_SCRIPT["What for"][0]),
        ("Famotidine", "20 mg", "at night", "stomach"),
    ]


def test_a_stop_telling_why_a_medication_stopped_resumes_at_that_question(
    tmp_path: Path,
) -> None:
    """Both medications stopped; Ctrl-C at the second's "Why": it is asked again, with
    the first one's answers kept and nothing asked twice before it."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    with pytest.raises(WizardStopped):
        session(
            tmp_path,
            {
                "changed": "6",
                "medications/gone": "1,2",
                "stopped_medications[0].stopped": "2026-10",
                "stopped_medications[0].why": "did not help",
                "stopped_medications[1].stopped": "2026-09",
                "stopped_medications[1].why": CTRL_C,
            },
        )
    p = session(tmp_path, {"draft/resume": True, "stopped_medications[1].why": "side effects"})
    assert p.places[1] == "stopped_medications[1].why", p.places
    assert not any(place.endswith(".stopped") for place in p.places)
    profile = read_profile(tmp_path / "p.yaml")
    assert profile.medications == []
    assert [(s.name, s.stopped, s.why) for s in profile.stopped_medications] == [
        ("Cetirizine", "2026-10", "did not help"),
        ("Famotidine", "2026-09", "side effects"),
    ]


def test_a_resumed_follow_up_asks_only_the_sections_picked(tmp_path: Path) -> None:
    """Found by the second review: after a resume every later section was asked."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    follow_up = {"changed": "3,6", "symptoms[0].how_often": CTRL_C}
    with pytest.raises(WizardStopped):
        session(tmp_path, follow_up)
    p = session(tmp_path, {"draft/resume": True})
    assert p.places[1] == "symptoms[0].how_often"
    assert "medications/gone" in p.places  # medications, picked
    assert "Attacks in the last year" not in p.asked  # not picked: not asked
    assert "Which of these do you have results for?" not in p.asked


@pytest.mark.parametrize(
    ("stop_at", "then_asked"),
    [
        ("visit.date", "changed"),  # the follow-up's visit details
        ("changed", "changed"),
        ("review", "review"),
    ],
)
def test_a_follow_up_stopped_before_its_sections_resumes_as_a_follow_up(
    tmp_path: Path, stop_at: str, then_asked: str
) -> None:
    """Found in the #18 re-check: these stops resumed as a whole first run."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    script: dict[str, Any] = {"changed": ENTER, stop_at: CTRL_C}
    with pytest.raises(WizardStopped):
        session(tmp_path, script)
    p = session(tmp_path, {"draft/resume": True})
    assert then_asked in p.places, p.places
    assert "patient.name" not in p.places and "symptoms/picked" not in p.places
    assert p.places[-1] == "review"


def test_a_stop_in_a_section_opened_from_the_review_resumes_there(tmp_path: Path) -> None:
    """Found by the second review: no resume point was kept, and it began at question 1."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    with pytest.raises(WizardStopped):
        session(
            tmp_path,
            {"changed": ENTER, "review": 5, "triggers.catalog": CTRL_C},
        )
    p = session(tmp_path, {"draft/resume": True})
    assert p.places[1:3] == ["triggers.catalog", "triggers.own[0]/keep"]
    assert "patient.name" not in p.places and p.places[-1] == "review"


def test_a_stop_in_a_section_asked_twice_resumes_at_that_question(tmp_path: Path) -> None:
    """Found by the diff review: a section opened again from the review counted its
    questions from the first asking, so the resume never found the question."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    with pytest.raises(WizardStopped):
        session(
            tmp_path,
            {"changed": "5", "review": 5, "triggers.catalog": [ENTER, CTRL_C]},
        )
    draft = draft_path(tmp_path / "p.yaml")
    place = place_in(draft.read_text(encoding="utf-8"))
    assert place is not None and place.at == "triggers.catalog"
    p = session(tmp_path, {"draft/resume": True})
    assert "That question does not come up the same way now; the whole section again:" not in (
        p.said
    )
    assert p.places[1] == "triggers.catalog"


def test_a_resume_line_with_an_endless_number_is_ignored() -> None:

    line = '# prepkit resume at: {"section": "x", "at": 1e999}'
    assert place_in(f"{line}\npatient:\n  name: Ann\n") is None


def test_an_answered_question_taken_off_the_list_keeps_its_answer(tmp_path: Path) -> None:
    """Found by a new user: at a follow-up, the answer typed to last time's question was
    lost when the question was not picked again, and the worksheet then listed it as
    'no answer noted'."""
    from prepkit.content.changes import changes_since
    from prepkit.documents.render import render_worksheet

    session(tmp_path, FIRST_RUN_SCRIPT)
    before = read_profile(tmp_path / "p.yaml")
    asked_second, asked_first = [q.catalog for q in before.questions]  # "2,1": 10 first
    p = session(
        tmp_path,
        {
            "First visit or follow-up": "Follow-up",
            "What changed since your last visit": "8",
            "The answer you were given": ["", "Indolent SM"],
            "Which do you want to ask": "10",  # the answered one is not asked again
        },
    )
    assert any("stays in your profile" in line for line in p.said), p.said
    now = read_profile(tmp_path / "p.yaml")
    kept = [(q.catalog, q.answer, q.ask_again) for q in now.questions]
    assert kept == [(asked_second, "", None), (asked_first, "Indolent SM", False)]
    assert "ask_again: no" in (tmp_path / "p.yaml").read_text(encoding="utf-8")
    printed = flat_text(render_worksheet(now))
    assert "Indolent SM" not in printed  # not asked again: not on the worksheet
    assert "1. Which tests will I need" in printed
    # Picked again at the next run: asked again, its earlier answer shown with it.
    session(
        tmp_path, {"What changed since your last visit": "8", "Which do you want to ask": "1,10"}
    )
    again = read_profile(tmp_path / "p.yaml")
    assert [(q.catalog, q.ask_again) for q in again.questions] == [
        (asked_second, None),
        (asked_first, None),
    ]
    assert "Answer noted last time: Indolent SM" in flat_text(render_worksheet(again))
    groups = {g.heading: g.lines for g in changes_since(before, now, load_catalog())}
    open_questions = groups.get("Asked last time, no answer noted", ())
    assert len(open_questions) == 1 and "type" not in open_questions[0].lower(), open_questions


def test_after_a_first_visit_has_been_enter_says_follow_up(tmp_path: Path) -> None:
    """Found by a new user: re-run after the visit, 'First visit or follow-up' still
    defaulted to the first visit."""
    session(tmp_path, {**FIRST_RUN_SCRIPT, "Visit date": "2026-10-01"})
    assert saved(tmp_path)["visit"]["kind"] == "first"
    session(tmp_path, {"Visit date": "2027-01-20"})  # Enter at "First visit or follow-up"
    assert saved(tmp_path)["visit"]["kind"] == "follow-up"
    session(tmp_path, {})  # a follow-up stays one, and a first visit still to come stays first
    assert saved(tmp_path)["visit"]["kind"] == "follow-up"


def test_items_picked_together_are_all_asked_after_a_stop_in_the_first(tmp_path: Path) -> None:
    """Found by the red-team check: 'Which have you stopped taking' 1,2 and a stop at the
    first one's 'Why' left the second a current medication (on the card) after resuming;
    'Which changed' 1,2 and a stop in the first one's details dropped the second."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    with pytest.raises(WizardStopped):
        session(
            tmp_path,
            {
                "changed": "6",
                "medications/gone": "1,2",
                "stopped_medications[0].stopped": "2026-10",
                "stopped_medications[0].why": CTRL_C,
            },
        )
    p = _resume(
        tmp_path,
        {
            "stopped_medications[0].why": "did not help",
            "medications/gone": "1",  # Famotidine, the list as it is now
            "stopped_medications[1].stopped": "2026-09",
            "stopped_medications[1].why": "side effects",
        },
    )
    assert p.places[1:3] == ["stopped_medications[0].why", "medications/gone"], p.places
    profile = read_profile(tmp_path / "p.yaml")
    assert profile.medications == []
    assert [(s.name, s.why) for s in profile.stopped_medications] == [
        ("Cetirizine", "did not help"),
        ("Famotidine", "side effects"),
    ]


def test_status_answers_are_kept_at_a_stop_before_the_next_status_question(
    tmp_path: Path,
) -> None:
    """Found by the red-team check: '1,9' at 'Which of these do you have results for?'
    was lost at a stop at 'Which will you bring'."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    with pytest.raises(WizardStopped):
        session(
            tmp_path,
            {"changed": "7", "tests/have-result": "1,9", "tests/will-bring": CTRL_C},
        )
    p = _resume(tmp_path, {"Date of the result": ["", "2026-08"], "Result": ["", "D816V found"]})
    kit = [t for t in read_profile(tmp_path / "p.yaml").tests if t.test == "kit-mutation"]
    assert [(t.statuses, t.date, t.value) for t in kit] == [
        (("have-result",), "2026-08", "D816V found")
    ], p.asked


def test_a_stop_at_a_refused_date_resumes_there_and_the_draft_stays_readable(
    tmp_path: Path,
) -> None:
    """Found by the red-team check: a stop at a date asked again after 'Sorry', or at
    the date of a second undated result, left a draft that could not be read (or
    resumed with 'the whole section again' and a blank row)."""
    session(tmp_path, FIRST_RUN_SCRIPT)
    with pytest.raises(WizardStopped):
        session(
            tmp_path,
            {
                "changed": "7",
                "tests[3].own": "Gut biopsy",
                "tests[3].date": "x",
                "tests[3].value": "mast cells seen",
                "tests[4].own": "gut  BIOPSY",
                # "x" again: refused (that result is on file), and a stop.
                "tests[4].date": ["x", CTRL_C],
            },
        )
    p = _resume(tmp_path, {"tests[4].date": "2026-06", "tests[4].value": "normal"})
    assert p.places[1] == "tests[4].date", p.places
    assert "cannot be read as a profile" not in " ".join(p.said)
    assert "That question does not come up the same way now; the whole section again:" not in p.said
    gut = [(t.own, t.date, t.value) for t in read_profile(tmp_path / "p.yaml").tests if t.own]
    assert gut == [("Gut biopsy", "x", "mast cells seen"), ("gut  BIOPSY", "2026-06", "normal")]


def test_profiles_named_alike_never_share_a_draft(tmp_path: Path) -> None:
    """Found by the red-team check: answers typed for me.yaml and stopped were resumed
    into 'me' (both drafts were me.draft.yaml)."""
    names = [draft_path(tmp_path / name).name for name in ("me.yaml", "me", "me.yml")]
    assert names == ["me.draft.yaml", "me-draft.yaml", "me.yml-draft.yaml"]
    with pytest.raises(WizardStopped):
        run_wizard(
            tmp_path / "me.yaml",
            ScriptedPrompter({"patient.name": "Anna Other", "patient.date_of_birth": CTRL_C}),
        )
    p = ScriptedPrompter({"patient.name": "Ben", "patient.date_of_birth": CTRL_C})
    with pytest.raises(WizardStopped):
        run_wizard(tmp_path / "me", p)
    assert not any("Resume them?" in label for label in p.asked)
