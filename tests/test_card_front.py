"""The card's front is for the responder: the drugs not to give, before any fixed sentence.

For 200 generated patients (tests/responders.py), the front face alone (page 1 of
``--card-layout page``) holds every drug not to give when there are up to six,
and at least six when there are more, each with its reaction, at 6.5 pt or more,
in the patient's order; every entry is somewhere on the card, and no face is blank.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pdfplumber
import pytest

from prepkit.content.catalog import load_catalog
from prepkit.content.rules import to_profile
from prepkit.core.today import today
from prepkit.documents.render import render_card
from tests.pdf_tools import fold, page_texts
from tests.responders import responder_patient

FRONT_LIST = 6


def _entry(item: dict[str, str]) -> str:
    return f"• {item['name']}: {item['reaction']}" if item["reaction"] else f"• {item['name']}"


@pytest.mark.parametrize("seed", range(200))
def test_the_front_holds_the_drugs_not_to_give(seed: int) -> None:
    data = responder_patient(seed)
    avoid = data["avoid"]
    pdf = render_card(to_profile(data), layout="page").pdf
    faces = [fold(text) for text in page_texts(pdf)]
    front = faces[0]
    # The first min(n, 6) entries, whole and in the patient's order, on the front.
    wanted = avoid[: min(len(avoid), FRONT_LIST)]
    positions = [front.find(_entry(item)) for item in wanted]
    assert all(p >= 0 for p in positions), (seed, front)
    assert positions == sorted(positions), (seed, front)
    # Before any of the catalog's fixed sentences but the condition's own lines.
    catalog = load_catalog()
    if avoid:
        for fixed in ("emergency-room",):
            at = front.find(catalog.card_text(fixed))
            assert at == -1 or at > positions[-1], (seed, front)
    everything = " ".join(faces)
    for item in avoid:
        assert _entry(item) in everything, (seed, item)
    assert all(face.strip() for face in faces), (seed, faces)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        sizes = [char["size"] for char in document.pages[0].chars]
    assert min(sizes) + 1e-6 >= 6.5, seed


@pytest.mark.parametrize("seed", range(0, 200, 7))
def test_nothing_nobody_said(seed: int) -> None:
    data = responder_patient(seed)
    text = " ".join(fold(t) for t in page_texts(render_card(to_profile(data)).pdf))
    catalog = load_catalog()
    if "diagnosis" not in data:
        for item in catalog.card:
            if item.id != "carry-epinephrine":
                assert item.text not in text, (seed, item.id)
    if data.get("diagnosis", {}).get("type") == "suspected":
        assert catalog.card_text("risk") not in text
        assert catalog.card_text("risk-in-sm") in text
    for member in data.get("care_team", []):
        if not member["role"]:
            assert "Doctor" not in text and f"Care team: {member['name']}" in text


def test_a_drug_to_avoid_that_may_be_a_slip_gets_a_note_and_is_printed_as_written(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from prepkit.cli import main
    from prepkit.wizard.profile_files import save_profile

    data = responder_patient(7)
    data["carries_epinephrine"] = "yes"
    data["medications"] = [{"name": "Famotidine", "dose": "20 mg"}]
    data["avoid"] = [
        {"name": "Epinephrine", "reaction": "palpitations"},
        {"name": "Anesthesia", "reaction": "hives"},
        {"name": "famotidine", "reaction": "rash"},
        {"name": "Codeine", "reaction": ""},
        {"name": "Morphine", "reaction": "collapse"},
    ]
    profile = save_profile(tmp_path / "p.yaml", data)
    for command in (["validate", str(profile)], ["build", str(profile), "-o", str(tmp_path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, result.output
        notes = [line for line in result.output.splitlines() if line.startswith("Note:")]
        about = {line.split(": ")[2] for line in notes if ": avoid[" in line}
        assert about == {
            "avoid[1].name",
            "avoid[2].name",
            "avoid[3].name",
            "avoid[4].reaction",
        }, notes
    card = fold(" ".join(page_texts((tmp_path / "wallet-card.pdf").read_bytes())))
    for shown in ("• Epinephrine: palpitations", "• Anesthesia: hives", "• Codeine"):
        assert shown in card


def test_the_care_teams_plan_is_printed_as_theirs_with_who_gave_it_and_when() -> None:
    data = responder_patient(3)
    data.update(
        {
            "diagnosis": {"type": "indolent"},
            "carries_epinephrine": "yes",
            "epinephrine_kept": "in my handbag, front pocket",
            "weight": "64 kg",
            "emergency_steps": "Epinephrine pen in the thigh, then call an ambulance",
            "emergency_steps_by": "Dr. Lena Fischer",
            "emergency_steps_on": "2026-03-10",
            "plan_review": "2027-03-10",
            "tests": [
                {
                    "test": "tryptase",
                    "status": "have-result",
                    "date": "2025-01",
                    "value": "20 ng/mL",
                },
                {
                    "test": "tryptase",
                    "status": "have-result",
                    "date": "2026-10-02",
                    "value": "35 ng/mL",
                },
            ],
        }
    )
    text = fold(" ".join(page_texts(render_card(to_profile(data), layout="page").pdf)))
    for shown in (
        "My care team's steps for a severe reaction (from Dr. Lena Fischer, 10 March 2026): "
        "Epinephrine pen in the thigh, then call an ambulance Review by 10 March 2027.",
        "Epinephrine kept: in my handbag, front pocket",
        "Weight: 64 kg",
        "Latest tryptase: 35 ng/mL (2026-10-02)",
    ):
        assert shown in text, (shown, text)
    # None of it is printed when the profile does not say it.
    bare = fold(" ".join(page_texts(render_card(to_profile(responder_patient(3))).pdf)))
    for label in ("Epinephrine kept", "Weight:", "Latest tryptase", "Review by"):
        assert label not in bare


def test_a_card_with_no_plan_keeps_a_space_for_it_even_with_no_free_panel() -> None:
    """A fold-over has no spare panel; with room on its back, the clinician still gets
    a labelled space for the plan, after everything else; with a plan, no such space."""
    data = {
        "schema_version": 1,
        "patient": {"name": "Maria Keller"},
        "diagnosis": {"type": "indolent"},
        "avoid": [{"name": "Aspirin", "reaction": "wheezing"}],
    }
    made = render_card(to_profile(data), layout="page")
    back = fold(page_texts(made.pdf)[-1])
    label = "My care team's plan for a severe reaction (written and signed by my clinician):"
    assert len(page_texts(made.pdf)) == 2 and label in back, back
    assert back.index(label) > back.index("Checked by clinician")
    assert "Signed: ____" in back.split(label)[1]
    data["emergency_steps"] = "Pen in the thigh, then an ambulance"
    back = fold(page_texts(render_card(to_profile(data), layout="page").pdf)[-1])
    assert label not in back and "Notes from my care team" not in back


def test_dates_and_answers_about_the_plan_that_disagree_get_a_note(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from prepkit.cli import main
    from prepkit.wizard.profile_files import save_profile

    data = responder_patient(4) | {
        "carries_epinephrine": False,
        "epinephrine_kept": "glovebox",
        "emergency_steps": "Pen in the thigh",
        "emergency_steps_on": "2026-03-10",
        "plan_review": "2025-03-10",
    }
    profile = save_profile(tmp_path / "p.yaml", data)
    result = CliRunner().invoke(main, ["validate", str(profile)])
    assert result.exit_code == 0, result.output
    assert "epinephrine_kept: carries_epinephrine is no" in result.output
    assert "plan_review: 2025-03-10 is before the steps were given (2026-03-10)" in result.output
    soon = (today() + dt.timedelta(days=30)).isoformat()
    later = save_profile(tmp_path / "q.yaml", data | {"emergency_steps_on": soon})
    result = CliRunner().invoke(main, ["validate", str(later)])
    assert result.exit_code == 2, result.output
    assert f"emergency_steps_on: {soon} is after today" in result.output, result.output
