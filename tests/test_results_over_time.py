"""A test's results over time: several dated results, tests in the patient's words, a chart (#18).

Before, a second tryptase result was refused ("listed more than once") and a test
not in the catalog (a bone density scan) could not be written down at all.
"""

from __future__ import annotations

from typing import Any

from prepkit.content import worksheet
from prepkit.content.catalog import load_catalog
from prepkit.content.results import result_series
from prepkit.content.rules import to_profile
from prepkit.documents.render import render_worksheet
from prepkit.wizard.answers import Data
from tests.pdf_tools import flat_text
from tests.scripted import ScriptedPrompter

TRYPTASE = [
    {"test": "tryptase", "status": "have-result", "date": "2026-11", "value": "41 ng/mL"},
    {"test": "tryptase", "status": "have-result", "date": "2026-03", "value": "35 ng/mL"},
    {"test": "tryptase", "status": "have-result", "date": "2026-07", "value": "28,5 ng/mL"},
]
DEXA = {
    "own": "Bone density scan (DEXA)",
    "status": "have-result",
    "date": "2026-09",
    "value": "T-score -1.2",
}


def profile(tests: list[dict[str, Any]]) -> Any:
    return to_profile({"schema_version": 1, "tests": tests})


def test_results_of_one_test_are_kept_in_date_order_and_charted() -> None:
    catalog = load_catalog()
    answers = profile([*TRYPTASE, DEXA])
    rows = [(r.name, r.date, r.value) for r in worksheet.test_rows(answers, catalog) if r.value]
    assert rows == [
        ("Tryptase blood test", "2026-03", "35 ng/mL"),
        ("Tryptase blood test", "2026-07", "28,5 ng/mL"),
        ("Tryptase blood test", "2026-11", "41 ng/mL"),
        ("Bone density scan (DEXA)", "2026-09", "T-score -1.2"),
    ]
    (series,) = result_series(answers, catalog)  # one DEXA result: no chart for it
    assert (series.name, series.unit) == ("Tryptase blood test", "ng/mL")
    assert [(p.label, p.number) for p in series.points] == [
        ("2026-03", 35.0),
        ("2026-07", 28.5),
        ("2026-11", 41.0),
    ]


def test_no_chart_mixes_units_or_guesses_at_words() -> None:
    catalog = load_catalog()
    mixed = [TRYPTASE[0], {**TRYPTASE[1], "value": "35 µg/L"}]
    assert result_series(profile(mixed), catalog) == []
    words = [TRYPTASE[0], {**TRYPTASE[1], "value": "normal"}, {**TRYPTASE[2], "value": "<1"}]
    assert result_series(profile(words), catalog) == []


def test_the_worksheet_draws_the_chart_with_its_labels() -> None:
    text = flat_text(render_worksheet(profile([*TRYPTASE, DEXA])))
    assert "Tryptase blood test, results over time" in text
    for label in ("ng/mL", "2026-03", "2026-07", "2026-11", "Date of the result", "28.5"):
        assert label in text
    assert "Bone density scan (DEXA)" in text and "T-score -1.2" in text
    large = flat_text(render_worksheet(profile(TRYPTASE), large_print=True))
    assert "Tryptase blood test, results over time" in large
    assert "results over time" not in flat_text(render_worksheet(profile(TRYPTASE[:1])))


def test_the_wizard_keeps_earlier_results_and_own_tests_and_adds_a_newer_one() -> None:
    from prepkit.wizard.records import ask_tests

    data: Data = {"schema_version": 1, "tests": [TRYPTASE[1], DEXA]}
    p = ScriptedPrompter(
        {
            "A newer result than 35 ng/mL?": True,
            "Date of the result": "2026-11",
            "Result": "41 ng/mL",
        }
    )
    ask_tests(p, data, load_catalog())
    assert data["tests"] == [
        {"test": "tryptase", "status": "have-result", "date": "2026-11", "value": "41 ng/mL"},
        DEXA,  # a test in the patient's own words: kept as it was
        TRYPTASE[1],  # the earlier result: kept, for the chart and the comparison
    ]
    to_profile(data)  # and it is a valid profile


def test_a_thousands_separator_is_never_read_as_a_decimal_and_words_dates_sort_by_time() -> None:
    """Found by the second review: "1,200 /uL" was charted as 1.2; "March 2026" sorted last."""
    catalog = load_catalog()
    counts = [
        {"test": "complete-blood-count", "status": "have-result", "date": d, "value": v}
        for d, v in (("2026-03", "1,200 /uL"), ("2026-07", "950 /uL"))
    ]
    assert result_series(profile(counts), catalog) == []  # one readable value: no chart
    words = [{**TRYPTASE[0]}, {**TRYPTASE[1], "date": "March 2026"}, {**TRYPTASE[2]}]
    rows = [r.date for r in worksheet.test_rows(profile(words), catalog) if r.value]
    assert rows == ["March 2026", "2026-07", "2026-11"]
    (series,) = result_series(profile(words), catalog)
    assert [p.label for p in series.points] == ["March 2026", "2026-07", "2026-11"]


def test_a_date_in_words_that_is_no_date_never_stops_the_build() -> None:
    """Found by the diff review: "May 0" (or "Mar 99999", "May ²") gave a traceback."""
    for date in ("May 0", "Mar 99999", "May ²"):
        odd = profile([{**TRYPTASE[0], "date": date}, TRYPTASE[1]])
        assert "Tryptase blood test" in flat_text(render_worksheet(odd))
        assert result_series(odd, load_catalog()) == []


def test_the_wizard_adds_a_test_in_the_patients_own_words_and_its_newer_result() -> None:
    """A #18 residual: the wizard could not add a test not on the list; only a
    hand-edited profile could. Now it asks, and the second result is charted."""
    from prepkit.wizard.records import ask_tests

    data: Data = {"schema_version": 1}
    p = ScriptedPrompter(
        {
            "Another test, in your own words": ["Vitamin D", "Bone density scan", ""],
            "Date of the result": ["2026-05", ""],
            "Result": ["25 ng/mL", ""],
        }
    )
    ask_tests(p, data, load_catalog())
    assert p.unused() == {}
    assert data["tests"] == [
        {"own": "Vitamin D", "status": "have-result", "date": "2026-05", "value": "25 ng/mL"},
        {"own": "Bone density scan", "date": "", "value": ""},  # named, no result yet
    ]
    to_profile(data)

    p = ScriptedPrompter(
        {
            "Which have a newer result": "1",
            "Date of the result": ["2026-05", "2026-11"],  # the same date is asked again
            "Result": "31 ng/mL",
            "Another test, in your own words": "",
        }
    )
    ask_tests(p, data, load_catalog())
    assert p.unused() == {}
    assert "  Sorry: this test has a result dated 2026-05 already; give this one its own date." in (
        p.said
    )
    assert "   1. Vitamin D (25 ng/mL, 2026-05)" in p.said
    answers = to_profile(data)
    (series,) = result_series(answers, load_catalog())
    assert (series.name, [(x.label, x.number) for x in series.points]) == (
        "Vitamin D",
        [("2026-05", 25.0), ("2026-11", 31.0)],
    )
    text = flat_text(render_worksheet(answers))
    assert "Vitamin D, results over time" in text and "Bone density scan" in text


def test_a_stop_in_an_own_tests_result_resumes_at_that_question(tmp_path: Any) -> None:
    from prepkit.wizard.profile_files import ProfileFiles
    from prepkit.wizard.session import WizardStopped, run_wizard
    from tests.scripted import CTRL_C

    profile = tmp_path / "p.yaml"
    first = {
        "patient.name": "Ann",
        "visit.date": "2026-12-03",
        "tests[0].own": "Vitamin D",
        "tests[0].date": "2026-05",
        "tests[0].value": CTRL_C,
    }
    try:
        run_wizard(profile, ScriptedPrompter(first), ProfileFiles(profile))
    except WizardStopped:
        pass
    else:
        raise AssertionError("the wizard did not stop")
    resume = ScriptedPrompter(
        {
            "draft/resume": True,
            "tests[0].value": "25 ng/mL",
        }
    )
    run_wizard(profile, resume, ProfileFiles(profile))
    assert resume.unused() == {}
    assert resume.places[1:4] == ["tests[0].value", "tests/newer", "tests[1].own"], resume.places
    assert "-- Vitamin D (2026-05)" in resume.said
    from prepkit.content.rules import read_profile

    (record,) = read_profile(profile).tests
    assert (record.own, record.date, record.value) == ("Vitamin D", "2026-05", "25 ng/mL")


def test_a_test_named_without_a_result_gets_its_result_once_and_reads_plainly() -> None:
    """Found by a new user: an own test named with no result showed as 'Bone density
    scan ()' in the review, and its 'newer result' made a second, blank row; and a test
    just said to have a result was still offered as 'never had done'."""
    from prepkit.wizard.records import ask_tests, summary_tests

    data: Data = {
        "schema_version": 1,
        "tests": [
            {"own": "Bone density scan"},
            {"test": "bone-marrow-biopsy", "status": "not-done"},
        ],
    }
    assert summary_tests(data, load_catalog()).startswith("Bone density scan; ")
    biopsy = 1 + [t.id for t in load_catalog().tests].index("bone-marrow-biopsy")
    p = ScriptedPrompter(
        {
            "Which of these do you have results for?": str(biopsy),
            "Which have a newer result": "1",
            "Date of the result": ["2026-04", "2026-10"],
            "Result": ["indolent SM", "T-score -1.4"],
            "Another test, in your own words": "",
        }
    )
    ask_tests(p, data, load_catalog())
    assert p.unused() == {}
    assert "Which have you never had done?" in p.asked
    # Enter at "never had done" no longer re-offers the biopsy just said to have a result.
    assert not any("so not 'never done'" in line for line in p.said), p.said
    own = [r for r in data["tests"] if r.get("own")]
    assert own == [
        {
            "own": "Bone density scan",
            "status": "have-result",
            "date": "2026-10",
            "value": "T-score -1.4",
        }
    ]
    assert to_profile(data).tests[0].statuses == ("have-result",)


def test_a_full_tests_list_takes_no_newer_result_that_the_profile_would_refuse() -> None:
    """Found by the red-team check: with 100 tests, 'A newer result?' made a 101st and
    the save ended with 'tests: has too many items'."""
    from prepkit.wizard.records import ask_tests

    own = [{"own": f"Test {n}", "status": "have-result", "value": "x"} for n in range(99)]
    data: Data = {"schema_version": 1, "tests": [TRYPTASE[1], *own]}
    p = ScriptedPrompter({})
    ask_tests(p, data, load_catalog())
    assert "A newer result than 35 ng/mL?" not in p.asked
    assert any("the most a list in the profile holds" in line for line in p.said)
    assert len(to_profile(data).tests) == 100
