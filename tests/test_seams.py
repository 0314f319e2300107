"""The seams between content and layout, tested without a PDF.

The template contexts are plain data a test can read; the card fitter takes the
parsed front and flow and gives faces, a layout and a print scale. A change
there shows up here as a value, not as a page to look at.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepkit.content.card import card_context
from prepkit.content.catalog import load_catalog
from prepkit.content.environment import make_environment
from prepkit.content.rules import to_profile
from prepkit.content.worksheet import worksheet_context
from prepkit.layout.blocks import parse_blocks
from prepkit.layout.card_fit import fit_card
from prepkit.layout.card_flow import CardTooFull
from prepkit.layout.card_spec import ID1_CARD
from prepkit.layout.fonts import register_fonts

DAY = dt.date(2026, 12, 1)


def _profile(**more: Any) -> Any:
    return to_profile({"schema_version": 1, **more})


def test_the_card_context_is_the_patients_lists_whole_and_the_facts_it_prints() -> None:
    profile = _profile(
        diagnosis={"type": "indolent"},
        triggers={"catalog": ["alcohol", "stress"], "own": ["Perfume"]},
        medications=[
            {"name": "Cetirizine", "dose": "10 mg"},
            {"name": "Vitamin D", "on_card": False},
        ],
        care_team=[{"name": "Dr. A"}, {"name": "Dr. B", "role": "Allergist"}],
        tests=[
            {"test": "tryptase", "status": "have-result", "date": "2026-10", "value": "35 ng/mL"},
            {"test": "tryptase", "status": "have-result", "date": "2025-01", "value": "20 ng/mL"},
        ],
    )
    context = card_context(profile, load_catalog(), prepared=DAY)
    assert context["condition"] == "Indolent systemic mastocytosis"
    assert context["suspected"] is False
    assert context["triggers"] == ["Alcohol", "Physical or emotional stress", "Perfume"]
    assert [m.name for m in context["medications"]] == ["Cetirizine"]  # on_card: no is left off
    assert context["care_contact"].name == "Dr. A"  # the first, role or not
    assert context["tryptase"].value == "35 ng/mL"  # the latest date, not the last listed
    assert context["emergency_number"] == ""  # none assumed
    assert _profile(diagnosis={"type": "suspected"}).diagnosis.type == "suspected"
    suspected = card_context(
        _profile(diagnosis={"type": "suspected"}), load_catalog(), prepared=DAY
    )
    assert suspected["suspected"] is True and suspected["condition"]
    assert card_context(_profile(), load_catalog(), prepared=DAY)["condition"] == ""


def test_the_worksheet_context_orders_the_timeline_and_keeps_the_questions_order() -> None:
    profile = _profile(
        symptoms=[
            {"catalog": "flushing", "first_noticed": "2023"},
            {"own": "Ringing ears", "first_noticed": "as a child"},
            {"catalog": "headache", "first_noticed": "March 2019"},
        ],
        questions=[
            {"own": "Second?"},
            {"catalog": "which-type"},
            {"own": "Gone", "ask_again": False},
        ],
    )
    context = worksheet_context(profile, load_catalog(), prepared=DAY)
    assert [row.first_noticed for row in context["symptoms"]] == [
        "March 2019",
        "2023",
        "as a child",
    ]
    assert context["questions"] == ["Second?", "Which of the six types of SM do I have?"]
    assert context["since"] is None  # a first visit compares with nothing
    ticked = [item.name for item in context["triggers"] if item.checked]
    assert ticked == []


def _card(profile: Any) -> tuple[Any, Any]:
    env = make_environment()
    context = card_context(profile, load_catalog(), prepared=DAY)
    front = parse_blocks(env.get_template("card/front.xml.j2").render(context))
    flow = parse_blocks(env.get_template("card/flow.xml.j2").render(context))
    return front, flow


def test_the_card_fitter_picks_the_smallest_layout_and_keeps_the_list_on_the_front() -> None:
    sheet = register_fonts()
    few = _profile(avoid=[{"name": "Aspirin", "reaction": "wheezing"}])
    fitted = fit_card(*_card(few), sheet, ID1_CARD)
    assert fitted.layout.rows == 1 and len(fitted.faces) == 2
    assert (fitted.front_entries, fitted.list_length) == (1, 1)
    assert 0 < fitted.scale <= ID1_CARD.max_scale
    many = _profile(
        avoid=[{"name": f"Drug {n}", "reaction": "hives and throat tightness"} for n in range(30)]
    )
    fitted = fit_card(*_card(many), sheet, ID1_CARD)
    assert fitted.layout.rows > 1 and fitted.list_length == 30
    assert fitted.front_entries >= ID1_CARD.front_list
    assert all(face for face in fitted.faces)


def test_the_card_fitter_says_what_is_left_over_when_nothing_holds_it() -> None:
    sheet = register_fonts()
    endless = _profile(avoid=[{"name": f"Drug {n}", "reaction": "x " * 90} for n in range(100)])
    with pytest.raises(CardTooFull) as caught:
        fit_card(*_card(endless), sheet, ID1_CARD)
    assert caught.value.left_over and caught.value.layout.rows == max(
        layout.rows for layout in ID1_CARD.layouts
    )


def test_the_block_parser_keeps_each_paragraphs_style_and_section() -> None:
    root = parse_blocks(
        '<card><p style="card_title" section="condition">SM</p>'
        '<p style="card_body" section="name"><b>Name:</b> Ann</p></card>'
    )
    assert [(p.get("style"), p.get("section")) for p in root] == [
        ("card_title", "condition"),
        ("card_body", "name"),
    ]
    assert "".join(root[1].itertext()) == "Name: Ann"
