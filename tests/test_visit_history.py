"""Two visits: a copy kept for each, and "Since my last visit" on the second worksheet (#18)."""

from __future__ import annotations

import copy
import datetime as dt
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepkit.cli import main
from prepkit.content.catalog import load_catalog
from prepkit.content.changes import changes_since
from prepkit.content.rules import read_profile, to_profile
from prepkit.profile.history import kept_visits
from prepkit.wizard.profile_files import save_profile
from tests.pdf_tools import flat_text
from tests.two_visits import first_visit, second_visit

SINCE = "Since my last visit"


def test_the_second_visit_lists_exactly_what_changed() -> None:
    first = first_visit()
    before, now = to_profile(first), to_profile(second_visit(first))
    groups = {g.heading: list(g.lines) for g in changes_since(before, now, load_catalog())}
    assert groups == {
        "Symptoms": ["New: Headaches (severity 5)", "Belly pain or stomach ulcers: severity 7 → 8"],
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
    save_profile(tmp_path / "me.yaml", first_visit())
    result = CliRunner().invoke(main, ["history", str(tmp_path / "me.yaml")])
    assert result.exit_code == 0
    assert "No visits kept yet" in result.output and "me-history" in result.output
    # A typo is not "no visits yet": the patient would think their history is gone.
    result = CliRunner().invoke(main, ["history", str(tmp_path / "typo.yaml")])
    assert result.exit_code == 2 and "file not found" in result.output


@pytest.mark.parametrize("command", ["history", "wizard"])
@pytest.mark.parametrize("path", [".", "/", "no-such-folder/..", "/dev/null"])
def test_a_folder_as_the_profile_is_one_line_not_a_traceback(command: str, path: str) -> None:
    """Found by the review: ValueError tracebacks (a path with an empty name)."""
    result = CliRunner().invoke(main, [command, path], input="")
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1, result.output  # one line: no intro first
    assert "is a folder" in result.output or "is not a file" in result.output
    assert not Path("no-such-folder").exists()


def test_a_past_visits_copy_is_never_replaced_by_later_edits(tmp_path: Path) -> None:
    """Found by the review: new prescriptions written after a visit replaced its record,
    and the next worksheet then said nothing had changed."""
    profile = tmp_path / "me.yaml"
    data = first_visit()
    data["visit"]["date"] = "2020-01-10"  # past on any day the tests run
    save_profile(profile, data)
    build(profile, tmp_path)
    kept = tmp_path / "me-history" / "2020-01-10.yaml"
    record = kept.read_bytes()
    data["medications"][0]["dose"] = "20 mg"
    save_profile(profile, data)
    said = build(profile, tmp_path)
    assert kept.read_bytes() == record
    assert "the copy kept for the visit on 2020-01-10 (a past visit) stays as it was" in said
    data["visit"]["date"] = "2020-06-01"  # the next visit: compared with the record as printed
    save_profile(profile, data)
    build(profile, tmp_path)
    assert "Cetirizine: dose 10 mg → 20 mg" in flat_text((tmp_path / "worksheet.pdf").read_bytes())


def test_two_entries_with_one_name_are_each_compared() -> None:
    """Found by the review: entries keyed by name collapsed, and the worksheet said nothing."""
    first = first_visit()
    first["medications"] = [
        {"name": "Prednisone", "dose": "10 mg", "how_often": "morning"},
        {"name": "Prednisone", "dose": "5 mg", "how_often": "evening"},
    ]
    second = copy.deepcopy(first)
    second["medications"][0]["dose"] = "40 mg"
    groups = changes_since(to_profile(first), to_profile(second), load_catalog())
    assert groups[0].lines == ("Prednisone: dose 10 mg → 40 mg",)


def test_a_link_in_the_history_folder_is_replaced_not_followed(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    save_profile(profile, second_visit(first_visit()))
    folder = tmp_path / "me-history"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours")
    (folder / "2026-12-03.yaml").symlink_to(victim)
    build(profile, tmp_path)
    assert victim.read_text() == "not yours"
    assert not (folder / "2026-12-03.yaml").is_symlink()


def test_a_history_folder_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    save_profile(profile, second_visit(first_visit()))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "me-history").symlink_to(elsewhere)
    said = build(profile, tmp_path)
    assert list(elsewhere.iterdir()) == []  # no private copy written through the link
    assert "is a link; the visit history is kept only in a real folder" in said
    assert kept_visits(profile) == []


def test_a_copy_without_a_visit_date_is_dated_by_its_name(tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    save_profile(profile, second_visit(first_visit()))
    folder = tmp_path / "me-history"
    folder.mkdir()
    old = first_visit()
    del old["visit"]["date"]
    save_profile(folder / "2026-01-05.yaml", old)
    build(profile, tmp_path)
    text = flat_text((tmp_path / "worksheet.pdf").read_bytes())
    assert "the visit on 5 January 2026" in text


def test_an_answer_noted_at_the_follow_up_is_not_offered_again() -> None:
    from prepkit.wizard.questions import ask_questions
    from tests.scripted import ScriptedPrompter

    first = first_visit()
    second = second_visit(first)
    p = ScriptedPrompter({"The answer you were given": ["", "After the biopsy, we will see."]})
    ask_questions(p, second, load_catalog())
    assert second["questions"][2]["answer"] == "After the biopsy, we will see."  # which-tests
    groups = changes_since(to_profile(first), to_profile(second), load_catalog())
    open_ = next(g for g in groups if g.heading == "Asked last time, no answer noted")
    assert "Which tests will I need, and what will each one show?" not in open_.lines
    assert "Is it safe for me to have dental work with local anaesthetic?" in open_.lines


def test_changes_a_first_version_missed_are_listed_never_nothing_changed() -> None:
    """Found by the second review: the diagnosis, yes/no answers, epinephrine, a reaction
    and a test's status changed, and the worksheet said nothing had."""
    first = first_visit()
    second = copy.deepcopy(first)
    second["diagnosis"]["type"] = "not-sure"
    second["attacks"]["anaphylaxis_ever"] = "no"
    second["carries_epinephrine"] = "no"
    second["avoid"][1]["reaction"] = "anaphylaxis"
    second["tests"][2]["status"] = "will-bring"  # bone marrow biopsy, not done before
    groups = {
        g.heading: list(g.lines)
        for g in changes_since(to_profile(first), to_profile(second), load_catalog())
    }
    assert groups["Diagnosis"] == [
        "Diagnosis: Suspected, not diagnosed yet → Diagnosed with SM, type not known yet"
    ]
    assert "Anaphylaxis ever: yes → no" in groups["Attacks"]
    assert "I carry epinephrine: yes → no" in groups["Attacks"]
    assert groups["To avoid"] == ["Codeine: reaction severe flushing, faintness → anaphylaxis"]
    assert groups["Test results"] == ["Bone marrow biopsy: not done → will bring it"]


def test_reordering_entries_that_share_a_name_is_no_change() -> None:
    first = first_visit()
    first["medications"] = [
        {"name": "Prednisone", "dose": "10 mg", "how_often": "morning"},
        {"name": "Prednisone", "dose": "5 mg", "how_often": "evening"},
    ]
    second = copy.deepcopy(first)
    second["medications"].reverse()
    groups = changes_since(to_profile(first), to_profile(second), load_catalog())
    assert "Medications" not in {g.heading for g in groups}


def test_a_copy_kept_for_a_visit_that_never_came_is_not_the_last_visit(tmp_path: Path) -> None:
    """Found by the second review: a visit moved later made its own future copy the
    'last visit', hiding every change since the real one."""
    from prepkit.profile.history import last_visit_before

    folder = tmp_path / "me-history"
    folder.mkdir()
    for day in ("2026-10-01", "2026-12-10"):
        (folder / f"{day}.yaml").write_text("schema_version: 1\n")
    today, moved_to = dt.date(2026, 11, 22), dt.date(2027, 1, 15)
    found = last_visit_before(tmp_path / "me.yaml", moved_to, today)
    assert found is not None and found[0] == dt.date(2026, 10, 1)


def test_a_dose_typed_with_or_without_a_space_is_the_same_dose() -> None:
    first = first_visit()
    second = copy.deepcopy(first)
    second["medications"][0]["dose"] = "10MG"  # "10 mg" before
    groups = changes_since(to_profile(first), to_profile(second), load_catalog())
    assert "Medications" not in {g.heading for g in groups}


def test_a_profile_read_from_standard_input_keeps_no_copy_in_dev(tmp_path: Path) -> None:
    """Found in the #18 re-check: 'build /dev/stdin' made a /dev/stdin-history folder."""
    import os
    import subprocess
    import sys

    profile = tmp_path / "me.yaml"
    save_profile(profile, second_visit(first_visit()))
    with profile.open("rb") as stdin:
        done = subprocess.run(
            [sys.executable, "-m", "prepkit", "build", "/dev/stdin", "-o", str(tmp_path)],
            stdin=stdin,
            capture_output=True,
            text=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1795219200"},
            check=False,
        )
    assert done.returncode == 0, done.stderr
    assert "gets no copy in the visit history" in done.stdout
    assert not Path("/dev/stdin-history").exists()


def test_profiles_named_alike_keep_their_visits_apart(tmp_path: Path) -> None:
    """A #18 residual: me.yaml, me.yml and me all kept their copies in me-history/, so
    one's worksheet could compare itself with another person's last visit."""
    first = first_visit()
    names = ("me.yaml", "me.yml", "me")
    for name in names:
        save_profile(tmp_path / name, first)
        build(tmp_path / name, tmp_path / f"out-{name}")
    folders = sorted(p.name for p in tmp_path.iterdir() if p.is_dir() and "out-" not in p.name)
    assert folders == ["me-history", "me.history", "me.yml.history"]
    for name in names:
        (visit,) = kept_visits(tmp_path / name)
        assert visit[1].parent.name != "me-history" or name == "me.yaml"
        result = CliRunner().invoke(main, ["history", str(tmp_path / name)])
        assert result.exit_code == 0 and result.output.count(".yaml") == 1, result.output


@pytest.mark.parametrize("text", ['"A\\uFFFFB"', '"A\\uFFFEB"', "A 😀 B"])
def test_a_copy_holding_what_cannot_be_printed_is_left_out_with_a_note(
    text: str, tmp_path: Path
) -> None:
    """Found by #28: U+FFFF in a kept copy made every later build fail with an XML
    ParseError traceback; an emoji printed as an empty box."""
    profile = tmp_path / "me.yaml"
    save_profile(profile, second_visit(first_visit()))
    folder = tmp_path / "me-history"
    folder.mkdir()
    (folder / "2026-03-10.yaml").write_text(
        f"schema_version: 1\nvisit: {{date: 2026-03-10}}\nnotes: {text}\n", encoding="utf-8"
    )
    said = build(profile, tmp_path)
    assert "Note: the copy of your last visit cannot be read" in said
    assert "2026-03-10.yaml" in said
    assert SINCE not in flat_text((tmp_path / "worksheet.pdf").read_bytes())


@pytest.mark.parametrize(
    "words", ["plain", "line one\nline two\n", "Ольга \U0001d518 😀 null ~ 'x' #3"]
)
def test_the_kept_copy_reads_back_as_the_answers_printed(words: str, tmp_path: Path) -> None:
    """The copy is written by libyaml (2 s faster for the largest diary): its text may
    differ in form from the profile's, never in the answers it holds."""
    from prepkit.content.rules import read_profile
    from prepkit.documents.visits import keep_visit_copy

    profile = tmp_path / "me.yaml"
    data = second_visit(first_visit())
    data["notes"] = words
    data["patient"]["name"] = words.splitlines()[0]
    save_profile(profile, data)
    answers = read_profile(profile)
    kept, _ = keep_visit_copy(profile, answers, answers.visit.date)  # type: ignore[arg-type]
    assert kept is not None
    assert read_profile(kept) == answers
