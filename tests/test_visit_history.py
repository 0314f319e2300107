"""Two visits: a copy kept for each, and "Since my last visit" on the second worksheet (#18)."""

from __future__ import annotations

import copy
import stat
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from prepkit.cli import main
from prepkit.content.catalog import load_catalog
from prepkit.content.changes import changes_since
from prepkit.content.rules import read_profile, to_profile
from prepkit.profile.convert import profile_data
from prepkit.profile_files import save_profile
from tests.conftest import EXAMPLE
from tests.pdf_tools import flat_text

SINCE = "Since my last visit"


def first_visit() -> dict[str, Any]:
    data = profile_data(read_profile(EXAMPLE))
    data["visit"]["date"] = "2026-03-10"
    data["questions"][0]["answer"] = "Not yet known: bone marrow biopsy first."
    return data


def second_visit(first: dict[str, Any]) -> dict[str, Any]:
    """A symptom added, one worse, a medication stopped, a dose changed, an avoid item
    added, a second tryptase result and three more attacks."""
    data = copy.deepcopy(first)
    data["visit"].update(date="2026-12-03", kind="follow-up")
    data["symptoms"][2]["severity"] = 8  # belly pain, 7 before
    data["symptoms"].append({"catalog": "headache", "severity": 5})
    stopped = data["medications"].pop(0)  # cetirizine
    data["stopped_medications"] = [
        {"name": stopped["name"], "stopped": "October 2026", "why": "it did not help"}
    ]
    data["medications"][0]["dose"] = "40 mg"  # famotidine, 20 mg before
    data["avoid"].append({"name": "Aspirin", "reaction": "hives"})
    data["tests"][0].update(date="2026-11", value="41 ng/mL")  # tryptase, 35 before
    data["attacks"]["last_year"] = 7  # 4 before
    return data


def test_the_second_visit_lists_exactly_what_changed() -> None:
    first = first_visit()
    before, now = to_profile(first), to_profile(second_visit(first))
    groups = {g.heading: list(g.lines) for g in changes_since(before, now, load_catalog())}
    assert groups == {
        "Symptoms": ["Belly pain or stomach ulcers: severity 7 → 8", "New: Headaches (severity 5)"],
        "Medications": [
            "Famotidine: dose 20 mg → 40 mg",
            "Stopped: Cetirizine (October 2026; it did not help)",
        ],
        "To avoid": ["New: Aspirin (hives)"],
        "Test results": ["Tryptase blood test: 41 ng/mL (2026-11); before: 35 ng/mL (2026-03)"],
        "Attacks": ["Attacks in the last year: 4 → 7"],
        # The first question was answered at the last visit: not offered again.
        "Asked last time, no answer noted": [
            "Is it safe for me to have dental work with local anaesthetic?",
            "Which tests will I need, and what will each one show?",
            "Which epinephrine auto-injector should I carry, and when and how do I use it?",
            "What treatments are there for my type?",
        ],
    }


def test_nothing_changed_says_so_and_a_first_visit_has_no_section() -> None:
    first = to_profile(first_visit())
    assert changes_since(first, first, load_catalog())[:-1] == []  # only the open questions


def build(profile: Path, out: Path) -> str:
    result = CliRunner().invoke(main, ["build", str(profile), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def test_two_builds_keep_a_copy_each_and_the_second_worksheet_compares(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    first = first_visit()
    save_profile(profile, first)
    said = build(profile, tmp_path / "march")
    assert "Kept this visit's answers in" in said
    text = flat_text((tmp_path / "march" / "worksheet.pdf").read_bytes())
    assert SINCE not in text  # a first visit: nothing to compare with

    save_profile(profile, second_visit(first))
    build(profile, tmp_path / "december")
    text = flat_text((tmp_path / "december" / "worksheet.pdf").read_bytes())
    assert SINCE in text and "10 March 2026" in text
    assert "severity 7 → 8" in text and "Stopped: Cetirizine" in text
    # Follow-up wording: the tests hint is no longer the first visit's.
    assert "Tests a first SM visit may involve" not in text
    assert "regular check-ups" in text

    folder = tmp_path / "me-history"
    assert sorted(p.name for p in folder.iterdir()) == ["2026-03-10.yaml", "2026-12-03.yaml"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for copy_ in folder.iterdir():
        assert stat.S_IMODE(copy_.stat().st_mode) == 0o600
    assert str(read_profile(folder / "2026-03-10.yaml").visit.date) == "2026-03-10"

    listed = CliRunner().invoke(main, ["history", str(profile)]).output.splitlines()
    assert [line.split()[0] for line in listed] == ["2026-03-10", "2026-12-03"]

    # Printing again for the same visit still compares with March, not with itself.
    build(profile, tmp_path / "december")
    assert SINCE in flat_text((tmp_path / "december" / "worksheet.pdf").read_bytes())


def test_a_copy_that_cannot_be_read_costs_only_the_section(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    save_profile(profile, second_visit(first_visit()))
    folder = tmp_path / "me-history"
    folder.mkdir()
    (folder / "2026-03-10.yaml").write_text("patient:\n  name:Ann\n")
    said = build(profile, tmp_path)
    assert "the copy of your last visit cannot be read" in said
    assert "put a space after the colon: name: Ann" in said
    assert SINCE not in flat_text((tmp_path / "worksheet.pdf").read_bytes())


def test_history_without_copies_says_where_they_will_go(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["history", str(tmp_path / "me.yaml")])
    assert result.exit_code == 0
    assert "No visits kept yet" in result.output and "me-history" in result.output
