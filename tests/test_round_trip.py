"""A wizard save keeps what the patient wrote into the file besides the answers (#18).

Before, the wizard wrote the profile afresh: every comment (``# UK``, notes to
self) and the patient's own order and layout were deleted without a word.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepkit.cli import main
from prepkit.content.rules import read_profile
from prepkit.profile.round_trip import updated_text
from tests.conftest import EXAMPLE


def test_a_hand_written_comment_survives_a_wizard_save(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("  date: 2026-12-03\n", "  date: 2026-12-03   # moved from November\n")
    text = text.replace(
        "\nmedications:\n", "\n# notes to self: ask about the inhaler\nmedications:\n"
    )
    profile = tmp_path / "p.yaml"
    profile.write_text(text, encoding="utf-8")
    typed = "\n1\n20 mg\n" + "\n" * 40  # none stopped; Cetirizine changed to 20 mg
    result = CliRunner().invoke(
        main, ["wizard", str(profile), "--section", "medications"], input=typed
    )
    assert result.exit_code == 0, result.output
    after = profile.read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.unified_diff(text.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-    dose: 10 mg", "+    dose: 20 mg"]
    assert read_profile(profile).medications[0].dose == "20 mg"


def test_an_empty_placeholder_and_its_comment_stay() -> None:
    old = "schema_version: 1\nvisit:\n  clinic:    # ask the GP which clinic\n  provider: Dr Roe\n"
    new = updated_text(old, {"schema_version": "1", "visit": {"provider": "Dr Poe"}})
    assert new == old.replace("Dr Roe", "Dr Poe")


def test_removed_answers_go_and_new_ones_are_added() -> None:
    old = "schema_version: 1\n# my drugs\nmedications:\n  - name: A\n  - name: B\n"
    new = updated_text(old, {"schema_version": "1", "medications": [{"name": "A", "dose": "5 mg"}]})
    assert new == "schema_version: 1\n# my drugs\nmedications:\n  - name: A\n    dose: 5 mg\n"


def test_a_file_that_is_not_a_mapping_is_written_afresh() -> None:
    assert updated_text("- just\n- a list\n", {"schema_version": "1"}) is None
    assert updated_text("a: [unclosed\n", {"schema_version": "1"}) is None


def test_a_hostile_old_file_is_never_handed_to_the_round_trip_reader(tmp_path: Path) -> None:
    """30,000 nested brackets would exhaust ruamel's recursion: prepkit's reader refuses first."""
    from prepkit.profile.writer import saved_text

    hostile = "patient: " + "[" * 30000 + "]" * 30000 + "\n"
    text = saved_text({"schema_version": 1, "patient": {"name": "Ann"}}, "p.yaml", hostile)
    assert "name: Ann" in text and "[" not in text


def test_a_list_item_dropped_or_added_leaves_the_others_as_written() -> None:
    """Found by the #18 re-check: items were written over by position, so each later
    symptom took the next one's answers, its keys reordered and its comment elsewhere."""
    old = (
        "schema_version: 1\n"
        "symptoms:\n"
        "  - catalog: flushing   # mostly after wine\n"
        "    severity: 6\n"
        "  - own: Brain fog\n"
        "    first_noticed: 2022-05   # after the move\n"
        "  - catalog: itching\n"
        "tests:\n"
        "  - test: tryptase\n"
        "    date: 2026-03\n"
        "    value: 35 ng/mL   # high\n"
    )
    new = {
        "schema_version": "1",
        "symptoms": [
            {"own": "Brain fog", "first_noticed": "2022-05"},
            {"catalog": "itching"},
            {"catalog": "headache", "severity": "4"},
        ],
        "tests": [
            {"test": "tryptase", "date": "2026-03", "value": "35 ng/mL"},
            {"test": "tryptase", "date": "2026-11", "value": "41 ng/mL"},
        ],
    }
    text = updated_text(old, new)
    assert text is not None
    assert text == (
        "schema_version: 1\n"
        "symptoms:\n"
        "  - own: Brain fog\n"
        "    first_noticed: 2022-05   # after the move\n"
        "  - catalog: itching\n"
        "  - catalog: headache\n"
        "    severity: 4\n"
        "tests:\n"
        "  - test: tryptase\n"
        "    date: 2026-03\n"
        "    value: 35 ng/mL   # high\n"
        "  - test: tryptase\n"
        "    date: 2026-11\n"
        "    value: 41 ng/mL\n"
    )


MEDICATIONS = """\
schema_version: 1
medications:
  # Cetirizine: for itching
  - name: Cetirizine
  # Famotidine: started by Dr. Fischer
  # (twice a day since May)
  - name: Famotidine
  - name: EpiPen
# what I must avoid
avoid:
  - name: Aspirin
"""


def _saved(text: str, medications: list[str]) -> str:
    answers = {
        "schema_version": "1",
        "medications": [{"name": name} for name in medications],
        "avoid": [{"name": "Aspirin"}],
    }
    saved = updated_text(text, answers)
    assert saved is not None
    return saved


def test_a_dropped_items_comment_goes_with_it_and_the_next_ones_stays() -> None:
    """Found by a new user: the comment above a stopped medication stayed and sat above
    the next drug, as if it were about that one."""
    second = _saved(MEDICATIONS, ["Cetirizine", "EpiPen"])
    assert "Famotidine" not in second
    assert "  # Cetirizine: for itching\n  - name: Cetirizine\n  - name: EpiPen\n" in second
    first = _saved(MEDICATIONS, ["Famotidine", "EpiPen"])
    assert "Cetirizine" not in first
    assert "  # Famotidine: started by Dr. Fischer\n  # (twice a day since May)\n" in first
    last = _saved(MEDICATIONS, ["Cetirizine", "Famotidine"])
    assert last.endswith("  - name: Famotidine\n# what I must avoid\navoid:\n  - name: Aspirin\n")
    only = _saved(MEDICATIONS, ["EpiPen"])
    assert only.startswith("schema_version: 1\nmedications:\n  - name: EpiPen\n# what I must")
    for text in (second, first, last, only):
        assert read_text_answers(text)


def test_a_save_keeps_the_files_list_indentation() -> None:
    """Found by a new user: a save re-indented every list ('- ' became '  - ')."""
    flush = MEDICATIONS.replace("  - ", "- ").replace("  # ", "# ")
    saved = _saved(flush, ["Cetirizine", "Famotidine", "EpiPen", "Montelukast"])
    assert "\n- name: Montelukast\n" in saved and "\n  - " not in saved
    indented = _saved(MEDICATIONS, ["Cetirizine", "Famotidine", "EpiPen", "Montelukast"])
    assert "\n  - name: Montelukast\n" in indented


def read_text_answers(text: str) -> bool:
    from prepkit.profile.convert import to_profile
    from prepkit.profile.loader import parse_yaml

    raw, _ = parse_yaml(text, "p.yaml")
    return bool(to_profile(raw).medications)


# --- every form the reader accepts keeps its comments (#28) ------------------------------


def _wizard_save(path: Path, change: str) -> None:
    from prepkit.profile.convert import profile_data
    from prepkit.wizard.profile_files import ProfileFiles

    data = profile_data(read_profile(path))
    data["patient"]["name"] = change
    ProfileFiles(path).save(data)


def test_tabs_placeholders_and_crlf_keep_every_comment_through_a_wizard_save(
    tmp_path: Path,
) -> None:
    """Found by #28: a tab before a comment made the save rewrite the file afresh (7
    comment lines became prepkit's 3), 'date_of_birth: ~   # look up on passport' lost
    its line, and a CRLF file came back with mixed line ends."""
    from tests.test_diary import HAND_WRITTEN

    path = tmp_path / "p.yaml"
    path.write_bytes(HAND_WRITTEN.replace("\n", "\r\n").encode())
    _wizard_save(path, "Ann B. Lee")
    saved = path.read_bytes().decode()
    assert "\n" not in saved.replace("\r\n", "")  # CRLF throughout
    expected = HAND_WRITTEN.replace("name: Ann Lee", "name: Ann B. Lee").replace(
        "in-person\t#",
        "in-person #",  # the one change: a tab before a comment is a space
    )
    assert saved.replace("\r\n", "\n") == expected
    assert read_profile(path).patient.name == "Ann B. Lee"


def test_a_save_that_would_lose_a_comment_is_refused_and_the_answers_are_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prepkit.core.errors import UserError
    from prepkit.profile import round_trip

    path = tmp_path / "p.yaml"
    original = "schema_version: 1\n# as on my passport\npatient:\n  name: Ann\n"
    path.write_text(original, encoding="utf-8")
    monkeypatch.setattr(round_trip, "updated_text", lambda old, answers: None)  # cannot keep
    with pytest.raises(UserError) as refused:
        _wizard_save(path, "Ann Lee")
    message = refused.value.format_message()
    assert message.startswith(f"{path}: cannot be saved without losing lines you wrote")
    assert "'# as on my passport'" in message
    assert f"your answers are kept in {tmp_path / 'p.draft.yaml'}" in message
    assert path.read_text(encoding="utf-8") == original
    assert "name: Ann Lee" in (tmp_path / "p.draft.yaml").read_text(encoding="utf-8")
