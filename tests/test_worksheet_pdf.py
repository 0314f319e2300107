"""Open the rendered worksheet and check what a patient and a clinician would see."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec
import pytest
from pypdf.generic import DictionaryObject
from reportlab.pdfbase import pdfmetrics

from prepkit.content.catalog import load_catalog
from prepkit.content.environment import long_date
from prepkit.content.rules import to_profile, validate_profile
from prepkit.documents.render import blank_profile, render_worksheet
from prepkit.layout.fonts import register_fonts
from prepkit.profile.loader import parse_yaml
from prepkit.profile.schema import Profile
from tests.conftest import PINNED_DATE
from tests.pdf_tools import MM, flat_text, fold, ink, page_sizes, page_texts, reader, render_pages

LETTER = (612.0, 792.0)
A4 = (210 * MM, 297 * MM)


def expected_strings(profile: Profile) -> list[str]:
    """Every value the patient gave, as the worksheet should print it."""
    catalog = load_catalog()
    names = {
        "symptoms": {s.id: s.name for s in catalog.symptoms},
        "questions": {q.id: q.text for q in catalog.questions},
        "triggers": {t.id: t.name for t in catalog.triggers},
        "tests": {t.id: t.name for t in catalog.tests},
        "diagnosis": {d.id: d.name for d in catalog.diagnoses()},
    }
    found: list[str] = []

    def walk(value: Any, path: tuple[str, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for item in value:
                walk(item, path)
        elif isinstance(value, bool):
            found.append("Yes" if value else "No")
        elif isinstance(value, dt.date):
            found.append(long_date(value))
        elif value is None or value == "" or path[-1] in ("schema_version", "status"):
            return
        elif path[-1] in ("catalog", "test", "type"):
            group = "diagnosis" if path[0] == "diagnosis" else path[0]
            found.append(names[group][value])
        elif path[-1] == "mode":
            found.append({"in-person": "In person", "virtual": "Virtual"}[value])
        else:
            found.extend(line for line in str(value).split("\n") if line)

    walk(msgspec.to_builtins(profile, builtin_types=(dt.date,)), ())
    return found


def labelled_values(profile: Profile) -> list[str]:
    """Numbers and yes/no answers with the label they print beside: a bare "4" or "Yes"
    would be found anywhere on the page (dates, page numbers, other answers)."""

    def shown(value: object) -> str:
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return str(value)

    attacks = profile.attacks
    pairs = [
        ("Attacks in the last year", attacks.last_year),
        ("Emergency room visits", attacks.emergency_visits),
        ("Epinephrine ever used", attacks.epinephrine_used),
        ("Anaphylaxis ever", attacks.anaphylaxis_ever),
        ("I carry epinephrine", profile.carries_epinephrine),
    ]
    return [f"{label} {shown(value)}" for label, value in pairs if value is not None]


def test_every_value_of_the_example_is_printed(
    example_profile: Profile, example_pdf: bytes
) -> None:
    text = flat_text(example_pdf)
    expected = expected_strings(example_profile) + labelled_values(example_profile)
    assert len(expected) > 60
    missing = [value for value in expected if fold(value) not in text]
    assert not missing


def test_no_answers_print_as_no_beside_their_label(example_profile: Profile) -> None:
    answers = msgspec.structs.replace(
        example_profile,
        attacks=msgspec.structs.replace(
            example_profile.attacks,
            last_year=0,
            emergency_visits=7,
            epinephrine_used=False,
            anaphylaxis_ever=False,
        ),
        carries_epinephrine=False,
    )
    text = flat_text(render_worksheet(answers))
    for value in labelled_values(answers):
        assert value in text
    assert "Epinephrine ever used Yes" not in text and "I carry epinephrine Yes" not in text
    # Each symptom's severity sits in its row, right after how often it comes.
    for symptom in answers.symptoms:
        if symptom.severity is not None and symptom.how_often:
            assert f"{symptom.how_often} {symptom.severity}" in text


def test_page_size_follows_paper(example_profile: Profile, example_pdf: bytes) -> None:
    for size in page_sizes(example_pdf):
        assert size == pytest.approx(LETTER, abs=0.5)
    for size in page_sizes(render_worksheet(example_profile, paper="a4")):
        assert size == pytest.approx(A4, abs=0.5)


def test_every_page_has_footer_disclaimer_and_attribution(example_pdf: bytes) -> None:
    pages = page_texts(example_pdf)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        folded = fold(text)
        assert f"Page {number} of {len(pages)}" in folded
        assert f"Prepared {PINNED_DATE}" in folded
        assert "not medical advice" in folded
        assert "Cleveland Clinic" in folded


def test_no_character_falls_outside_the_font(example_pdf: bytes) -> None:
    face = pdfmetrics.getFont(register_fonts().font_name("body")).face
    text = "".join(page_texts(example_pdf))
    unprintable = {c for c in text if not c.isspace() and ord(c) not in face.charToGlyph}
    assert not unprintable
    assert "\ufffd" not in text and "\u25a1" not in text


def test_symptom_timeline_is_ordered_by_onset(example_pdf: bytes) -> None:
    text = flat_text(example_pdf)
    onsets = ["2018-09", "spring 2019", "2021", "2022-05", "January 2023"]
    positions = [text.index(onset) for onset in onsets]
    assert positions == sorted(positions)


def test_triggers_checklist_shows_every_catalog_trigger_and_ticks_the_patients(
    example_pdf: bytes,
) -> None:
    text = flat_text(example_pdf)
    for trigger in load_catalog().triggers:
        assert trigger.name in text
    assert "\u2612 Alcohol" in text and "\u2610 Spicy food" in text
    assert "\u2612 Strong perfume" in text


def test_questions_keep_the_patients_priority_order(
    example_profile: Profile, example_pdf: bytes
) -> None:
    by_id = {q.id: q.text for q in load_catalog().questions}
    questions = [by_id[q.catalog] if q.catalog else q.own for q in example_profile.questions]
    text = flat_text(example_pdf)
    positions = [text.index(f"{n}. {q}") for n, q in enumerate(questions, start=1)]
    assert len(positions) == 5 and positions == sorted(positions)


def test_user_markup_prints_as_typed(tmp_path: Path) -> None:
    data, lines = parse_yaml(
        'schema_version: 1\npatient: {name: "<b>Ann</b> & Co <font size=40>x</font>"}\n'
        'notes: "{{ 7*7 }} <img src=\\"/etc/passwd\\"/> &amp;"\n',
        "t.yaml",
    )
    pdf = render_worksheet(validate_profile(data, lines, "t.yaml"))
    text = flat_text(pdf)
    assert "<b>Ann</b> & Co <font size=40>x</font>" in text
    assert '{{ 7*7 }} <img src="/etc/passwd"/> &amp;' in text
    for page in reader(pdf).pages:
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject) and "/XObject" not in resources
        assert "/Annots" not in page


def test_blank_worksheet_is_a_form_to_fill_in(tmp_path: Path) -> None:
    pdf = render_worksheet(blank_profile())
    text = flat_text(pdf)
    catalog = load_catalog()
    for item in [*catalog.triggers, *catalog.tests, *catalog.sm_types, *catalog.symptoms]:
        assert item.name in text
    for question in catalog.questions:
        assert question.text in text
    # Nothing is ticked on a blank form: the one ticked box is the legend that explains it.
    assert text.count("\u2612") == 1 and "\u2612 = I have noticed" in text
    assert "\u2610 Yes" in text


def test_rendered_page_is_not_blank(example_pdf: bytes) -> None:
    assert 0.01 < ink(render_pages(example_pdf, dpi=30)[0]) < 0.5


def test_metadata_names_prepkit_and_the_document_only(example_pdf: bytes) -> None:
    info = reader(example_pdf).metadata
    assert info is not None
    assert info.title == "Visit preparation worksheet"
    assert info.author == "prepkit"
    assert all("/" not in str(v) or k in ("/Trapped",) for k, v in info.items())


def test_very_long_entries_flow_onto_new_pages_in_full() -> None:
    note = " ".join(f"note{i}" for i in range(250))  # close to the 2,000-character limit
    unbroken = "Supercalifragilistic" * 10
    profile = to_profile(
        {
            "schema_version": 1,
            "symptoms": [{"own": unbroken, "notes": note}] * 3,
            "medications": [{"name": f"Medicine {i}", "dose": "1 mg"} for i in range(100)],
        }
    )
    pdf = render_worksheet(profile)
    text = flat_text(pdf)
    assert text.count("note0 ") == 3 and text.count("note249") == 3
    assert "Medicine 0" in text and "Medicine 99" in text
    assert len(page_sizes(pdf)) > 6


@pytest.mark.parametrize("extra_tests", [0, 35, 36])
def test_the_emergency_contact_and_a_subhead_are_never_split_from_what_they_head(
    example_profile: Profile, extra_tests: int
) -> None:
    """A #18 residual: on the A4 example "Emergency number 911" stood alone at the top
    of page 4, away from its contact; "Medications I have stopped" could end a page
    whose next page held the list. Own tests shift the blocks down the page (these
    counts split them before)."""
    from prepkit.profile.convert import profile_data

    data = profile_data(example_profile)
    if extra_tests:
        data["tests"] = [
            *data["tests"],
            *(
                {"own": f"Extra test {i}", "date": "2026-01", "value": "x"}
                for i in range(extra_tests)
            ),
        ]
        data["stopped_medications"] = [{"name": "Montelukast", "stopped": "2026-10"}]
    texts = [fold(t) for t in page_texts(render_worksheet(to_profile(data), paper="a4"))]

    def page_of(words: str) -> int:
        (page,) = [number for number, text in enumerate(texts) if words in text]
        return page

    block = ("Emergency contact Jonas", "Relation to me", "Emergency number 911")
    assert len({page_of(words) for words in block}) == 1, [page_of(w) for w in block]
    if extra_tests:
        assert page_of("Medications I have stopped") == page_of("Montelukast 2026-10")
