"""What the catalog says reaches the patient: the worksheet's reminders, the treatments,
the card's emergency lines and source, and the care team's own steps printed as theirs."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from prepkit.cli import main
from prepkit.content.catalog import load_catalog
from prepkit.content.rules import to_profile
from prepkit.documents.render import render_card, render_worksheet
from tests.pdf_tools import flat_text
from tests.test_wizard import FIRST_RUN

CATALOG = load_catalog()


def _flat(pdf: bytes) -> str:
    return " ".join(flat_text(pdf).split())


def test_every_catalog_sentence_is_printed_somewhere(tmp_path: Path) -> None:
    """The treatments and emergency facts were in the catalog but never printed."""
    blank, suspected = (
        to_profile({"schema_version": 1}),
        to_profile(
            {"schema_version": 1, "diagnosis": {"type": "suspected"}, "carries_epinephrine": "yes"}
        ),
    )
    printed = " ".join(
        [
            _flat(render_worksheet(blank)),
            _flat(render_worksheet(suspected)),
            _flat(render_card(suspected).pdf),
            _flat(
                render_card(
                    to_profile({"schema_version": 1, "diagnosis": {"type": "indolent"}})
                ).pdf
            ),
            _flat(
                render_worksheet(to_profile({"schema_version": 1, "visit": {"kind": "follow-up"}}))
            ),
        ]
    )
    answers = [step for answer in FIRST_RUN for step in ("?", answer)]
    wizard = CliRunner().invoke(
        main, ["wizard", str(tmp_path / "p.yaml")], input="\n".join(answers)
    )
    printed += " " + " ".join(wizard.output.split())
    for group, item in CATALOG.all_items():
        words = str(getattr(item, "text", "") or getattr(item, "name", ""))
        assert " ".join(words.split()) in printed, f"{group}:{item.id} is never printed"


def test_the_reminders_box_says_what_the_references_say_and_more_while_suspected() -> None:
    diagnosed = _flat(
        render_worksheet(to_profile({"schema_version": 1, "diagnosis": {"type": "indolent"}}))
    )
    suspected = _flat(
        render_worksheet(to_profile({"schema_version": 1, "diagnosis": {"type": "suspected"}}))
    )
    for text in (diagnosed, suspected):
        assert "What the references say to keep in mind" in text
        for item in CATALOG.emergency:
            assert item.text in text
    (note,) = CATALOG.for_suspected
    assert note.text in suspected and note.text not in diagnosed


def test_the_card_says_where_its_facts_come_from_and_when_they_were_reviewed() -> None:
    card = _flat(render_card(to_profile({"schema_version": 1})).pdf)
    assert CATALOG.card_attribution in card and "reviewed 28 October 2022" in card
    assert "a preparation aid, not medical advice" in card


def test_the_care_teams_own_steps_are_printed_as_theirs(tmp_path: Path) -> None:
    steps = "Inject in the outer thigh, lie down with legs raised, then call 999."
    profile = to_profile(
        {"schema_version": 1, "diagnosis": {"type": "indolent"}, "emergency_steps": steps}
    )
    card = _flat(render_card(profile).pdf)
    assert f"My care team's steps for a severe reaction: {steps}" in card
    worksheet = _flat(render_worksheet(profile))
    assert f"Care team's steps in a severe reaction {steps}" in worksheet
    # Nobody's steps are assumed: without an answer the card has no such line.
    assert "steps for a severe reaction" not in _flat(
        render_card(to_profile({"schema_version": 1})).pdf
    )


def test_diagnosed_with_the_type_not_known_is_not_suspected() -> None:
    """The help once said to pick 'Suspected' when no type had been given."""
    not_known = _flat(
        render_card(to_profile({"schema_version": 1, "diagnosis": {"type": "not-sure"}})).pdf
    )
    suspected = _flat(
        render_card(to_profile({"schema_version": 1, "diagnosis": {"type": "suspected"}})).pdf
    )
    assert (
        "Systemic mastocytosis (type not known yet)" in not_known and "Suspected" not in not_known
    )
    assert "Suspected systemic mastocytosis" in suspected


def test_the_wizard_says_it_is_not_medical_advice_and_asks_when_a_type_unknown_was_diagnosed(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    typed = ["Ann", "", "", "", "", "", "", "", "8", "2024-05"]  # 8: diagnosed, type not known yet
    result = runner.invoke(main, ["wizard", str(tmp_path / "p.yaml")], input="\n".join(typed))
    first_screen = result.output.split("==")[0]
    assert "a preparation aid for your visit, not medical advice" in first_screen
    assert "8. Diagnosed with SM, type not known yet" in result.output
    assert "When were you diagnosed" in result.output
    assert "diagnosed: 2024-05" in (tmp_path / "p.draft.yaml").read_text(encoding="utf-8")
