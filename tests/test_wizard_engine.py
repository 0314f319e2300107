"""The engine that asks the wizard's declared questions, tested by label."""

from __future__ import annotations

import datetime as dt

import pytest

from prepkit.content.catalog import load_catalog
from prepkit.wizard.answers import Data
from prepkit.wizard.engine import Question, ask_all
from tests.scripted import ENTER, ScriptedPrompter


def test_each_kind_of_answer_goes_where_its_question_says() -> None:
    questions = (
        Question("patient.name", "Name"),
        Question("visit.date", "When", kind="date"),
        Question("visit.mode", "How", kind="choice", options=(("virtual", "By video"),)),
        Question("count", "How many", kind="number", maximum=5),
        Question("pen", "Pen", kind="yes/no"),
    )
    data: Data = {"patient": {"name": "Old", "kept": "untouched"}}
    p = ScriptedPrompter(
        {"Name": "Ann", "When": "2026-12-03", "How": "By video", "How many": 3, "Pen": True}
    )
    ask_all(p, questions, data)
    assert data == {
        "patient": {"name": "Ann", "kept": "untouched"},
        "visit": {"date": "2026-12-03", "mode": "virtual"},
        "count": 3,
        "pen": True,
    }
    assert p.asked == ["Name", "When", "How", "How many", "Pen"] and not p.unused()


def test_enter_keeps_every_saved_answer_as_it_was() -> None:
    saved: Data = {"a": "text", "d": "2026-01-02", "c": "y", "n": 7, "b": False}
    questions = (
        Question("a", "A"),
        Question("d", "D", kind="date"),
        Question("c", "C", kind="choice", options=(("x", "Ex"), ("y", "Why"))),
        Question("n", "N", kind="number", maximum=10),
        Question("b", "B", kind="yes/no"),
    )
    data = dict(saved)
    ask_all(ScriptedPrompter({}), questions, data)
    assert data == saved


def test_a_refused_answer_is_explained_and_asked_again_without_it_as_the_default() -> None:
    def not_future(day: dt.date) -> str | None:
        return "that is in the future" if day.year > 2100 else None

    question = Question("born", "Born", kind="date", check=not_future)
    p = ScriptedPrompter({"Born": ["2999-01-01", "1980-05-06"]})
    data: Data = {"born": "1979-01-01"}
    ask_all(p, (question,), data)
    assert data == {"born": "1980-05-06"}
    assert p.said == ["  Sorry: that is in the future."] and p.asked == ["Born", "Born"]
    # Enter after a refusal does not bring back the refused answer, nor the saved one.
    p = ScriptedPrompter({"Born": ["2999-01-01", ENTER]})
    ask_all(p, (question,), data)
    assert data == {"born": None}


def test_a_note_is_said_and_the_answer_kept() -> None:
    question = Question("when", "When", kind="date", note=lambda day: f"{day} noted.")
    p = ScriptedPrompter({"When": "2020-01-01"})
    data: Data = {}
    ask_all(p, (question,), data)
    assert data == {"when": "2020-01-01"} and "  Note: 2020-01-01 noted." in p.said


def test_when_skips_a_question_and_leaves_its_saved_answer() -> None:
    questions = (
        Question("name", "Contact"),
        Question("phone", "Phone", kind="phone", when=lambda d: bool(d.get("name"))),
    )
    data: Data = {"name": "Jonas", "phone": "555"}
    p = ScriptedPrompter({"Contact": ""})
    ask_all(p, questions, data)
    assert p.asked == ["Contact"] and data == {"name": "", "phone": "555"}


def test_a_choice_needs_options_and_only_a_choice_has_them() -> None:
    with pytest.raises(ValueError, match="options"):
        Question("x", "X", kind="choice")
    with pytest.raises(ValueError, match="options"):
        Question("x", "X", options=(("a", "A"),))


def test_every_section_asks_distinct_labels_within_one_list_of_details() -> None:
    """A fake prompter answers by label: two questions with one label could not be told apart."""
    from prepkit.wizard import care, medications, records, symptoms, visit

    catalog = load_catalog()
    declared = [
        visit.ABOUT,
        visit.diagnosis_questions(catalog),
        symptoms.SYMPTOM_DETAILS,
        symptoms.attack_questions(catalog),
        medications.MEDICATION_DETAILS,
        medications.AVOID_DETAILS,
        records.RESULT_DETAILS,
        care.MEMBER_DETAILS,
        care.EMERGENCY,
    ]
    for questions in declared:
        labels = [q.label for q in questions]
        assert len(labels) == len(set(labels)), labels
        assert all(q.help for q in questions), labels  # one line of help for every question
