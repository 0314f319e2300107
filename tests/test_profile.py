"""Reading a profile: what the patient typed survives, and every mistake gets one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from prepkit.content.rules import read_profile, to_profile
from prepkit.core.errors import UserError
from prepkit.profile.loader import MAX_PROFILE_BYTES
from prepkit.profile.schema import Profile
from prepkit.wizard.profile_files import save_profile
from tests.conftest import write_profile
from tests.limits import maxed_profile


def error_for(tmp_path: Path, text: str) -> str:
    with pytest.raises(UserError) as caught:
        read_profile(write_profile(tmp_path, text))
    message = caught.value.format_message()
    assert "\n" not in message
    return message


def test_example_profile_holds_every_section(example_profile: Profile) -> None:
    p = example_profile
    assert p.patient.name == "Maria Köhler-Santos"
    assert p.visit.mode == "in-person"
    assert p.diagnosis.type == "suspected"
    assert p.symptoms[0].severity == 6
    assert p.attacks.anaphylaxis_ever is True
    assert p.triggers.own == ["Strong perfume", "Hot showers"]
    assert p.tests[0].value == "35 ng/mL"
    assert p.carries_epinephrine is True
    assert p.questions[1].own.startswith("Is it safe")


def test_values_keep_the_text_the_patient_typed(tmp_path: Path) -> None:
    profile = read_profile(
        write_profile(
            tmp_path,
            """\
schema_version: 1
emergency_contact: {name: "No", phone: 0123 456}
medications:
  - name: Yes
    dose: 1.50 mg
symptoms:
  - own: tiredness
    first_noticed: 2019
""",
        )
    )
    assert profile.emergency_contact.phone == "0123 456"
    assert profile.emergency_contact.name == "No"
    assert profile.medications[0].name == "Yes"
    assert profile.medications[0].dose == "1.50 mg"
    assert profile.symptoms[0].first_noticed == "2019"


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    message = error_for(tmp_path, "schema_version: 1\npatient:\n  name: [Ann\n")
    assert "profile.yaml, line 3: a bracket opened on this line is never closed" in message


def test_wrong_type_names_the_field(tmp_path: Path) -> None:
    message = error_for(tmp_path, "schema_version: 1\nsymptoms:\n  - own: itch\n    severity: 12\n")
    assert message.endswith(
        "profile.yaml, line 4: symptoms[1].severity: must be a whole number from 0 to 10"
    )


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    message = error_for(tmp_path, "schema_version: 1\nmedicatons: []\n")
    assert "line 2: medicatons: unknown key 'medicatons'; did you mean 'medications'?" in message


def test_nested_unknown_key_suggests_from_its_own_section(tmp_path: Path) -> None:
    message = error_for(tmp_path, "schema_version: 1\nvisit:\n  provdier: Dr. X\n")
    assert "visit.provdier: unknown key 'provdier'; did you mean 'provider'?" in message


def test_unknown_catalog_id_suggests_the_nearest(tmp_path: Path) -> None:
    message = error_for(tmp_path, "schema_version: 1\ntriggers:\n  catalog: [alcohol, exercize]\n")
    assert "triggers.catalog[2]" in message and "did you mean 'exercise'?" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("- a\n- b\n", "must be a list of 'key: value' lines"),
        ("patient: {name: A}\n", "schema_version: is required but missing"),
        ("schema_version: 2\n", "this prepkit reads version 1"),
        ("schema_version: 1\nschema_version: 1\n", "appears twice"),
        ("schema_version: 1\nmedications:\n  - dose: 5 mg\n", "medications[1].name: is required"),
        ("schema_version: 1\nsymptoms:\n  - how_often: daily\n", "give either 'catalog'"),
        (
            "schema_version: 1\nvisit: {date: 2026-13-40}\n",
            "visit.date: there is no day 2026-13-40; check the month and the day",
        ),
        (
            "schema_version: 1\nvisit: {date: 3 Dec 2026}\n",
            "visit.date: must be a date written year-month-day, like 2025-03-14",
        ),
        ("schema_version: 1\nvisit: {mode: phone}\n", "visit.mode: must be one of: in-person"),
        ("schema_version: 1\nvisit: hello\n", "visit: must be a group of 'key: value' lines"),
        ("schema_version: 1\nsymptoms: hello\n", "symptoms: must be a list, one '- ' line"),
        ("schema_version: one\n", "schema_version: must be a whole number"),
        ("schema_version: 1\npatient: {name: [a]}\n", "patient.name: must be plain text"),
        ("schema_version: 1\navoid:\n  - name: ' '\n", "avoid[1].name: must not be empty"),
        (
            "schema_version: 1\nmedications:\n  - {name: A, on_card: maybe}\n",
            "medications[1].on_card: must be yes or no",
        ),
        (
            "schema_version: 1\ntests:\n  - test: tryptase\n  - test: tryptase\n",
            "tests[2].test: this test is listed more than once without a date; "
            "give each result its own date",
        ),
        (
            "schema_version: 1\ntriggers: {catalog: [exercise, exercise]}\n",
            "triggers.catalog[2]: 'exercise' is listed twice",
        ),
        ('schema_version: 1\npatient: {name: "A\\u0007B"}\n', "control character"),
    ],
)
def test_bad_profiles_get_one_clear_line(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in error_for(tmp_path, text)


def test_missing_file_directory_and_binary_file(tmp_path: Path) -> None:
    for path, expected in [
        (tmp_path / "nope.yaml", "file not found"),
        (tmp_path, "is a folder"),
    ]:
        with pytest.raises(UserError, match=expected):
            read_profile(path)
    binary = tmp_path / "photo.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(UserError, match="not a text file"):
        read_profile(binary)
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes("schema_version: 1\npatient: {name: K\xf6hler}\n".encode("latin-1"))
    with pytest.raises(UserError, match="not UTF-8"):
        read_profile(latin1)


def test_limits_are_enforced(tmp_path: Path) -> None:
    long_name = "x" * 201
    assert "at most 200 characters" in error_for(
        tmp_path, f"schema_version: 1\npatient: {{name: {long_name}}}\n"
    )
    many = "".join(f"  - name: med {i}\n" for i in range(101))
    assert "at most 100 items" in error_for(tmp_path, f"schema_version: 1\nmedications:\n{many}")


def test_empty_numbers_mean_not_answered(tmp_path: Path) -> None:
    profile = read_profile(
        write_profile(
            tmp_path,
            """\
schema_version: 1
attacks: {last_year: , emergency_visits: ""}
symptoms:
  - {own: itch, severity: }
""",
        )
    )
    assert profile.attacks.last_year is None and profile.attacks.emergency_visits is None
    assert profile.symptoms[0].severity is None
    assert "must be a whole number from 0 to" in error_for(
        tmp_path, "schema_version: 1\nattacks: {last_year: -1}\n"
    )


def test_answers_are_read_as_typed(tmp_path: Path) -> None:
    """yes/no words, numbers with spaces around them, and a list key left empty."""
    profile = read_profile(
        write_profile(
            tmp_path,
            """\
schema_version: 1
carries_epinephrine: Y
attacks: {last_year: " 4 ", epinephrine_used: off, anaphylaxis_ever: "TRUE"}
medications:
avoid: ""
""",
        )
    )
    assert profile.carries_epinephrine is True
    assert profile.attacks.last_year == 4
    assert profile.attacks.epinephrine_used is False and profile.attacks.anaphylaxis_ever is True
    assert profile.medications == [] and profile.avoid == []
    # Not a whole number: refused rather than rounded or read as 1e1 = 10.
    for bad in ("5.0", "1e1", "five"):
        assert "severity: must be a whole number from 0 to 10" in error_for(
            tmp_path, f"schema_version: 1\nsymptoms:\n  - {{own: itch, severity: '{bad}'}}\n"
        )


def test_the_readmes_example_profile_is_valid(tmp_path: Path) -> None:
    """The profile the README shows is one prepkit reads, comments and all."""
    import re

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n(.*?)```", readme, re.DOTALL)
    assert block is not None
    path = tmp_path / "readme.yaml"
    path.write_text(block.group(1), encoding="utf-8")
    profile = read_profile(path)
    assert profile.tests[0].statuses == ("have-result", "will-bring")
    assert profile.symptoms[1].own == "Brain fog" and profile.emergency_number == "911"


# Latin, Cyrillic (2 bytes a letter), Han (3), a 4-byte letter, quotes that YAML
# doubles, and one-letter lines (each indented in the file).
@pytest.mark.parametrize("pattern", ["x", "Ж", "漢", "\U0001d538", "'", "x\n"])
def test_the_largest_profile_the_limits_allow_is_read_back_in_any_script(
    tmp_path: Path, pattern: str
) -> None:
    """Found by the red team: a Cyrillic profile within every limit was refused as too large."""
    data = maxed_profile(pattern)
    path = save_profile(tmp_path / "p.yaml", data)
    size = path.stat().st_size
    assert size <= MAX_PROFILE_BYTES
    assert read_profile(path) == to_profile(data)
    if pattern == "\U0001d538":  # the largest: the cap is not far above it
        assert size > MAX_PROFILE_BYTES / 2


def test_a_file_over_the_size_cap_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"schema_version: 1\n" + b"#" * MAX_PROFILE_BYTES)
    with pytest.raises(UserError, match=r"too large to be a profile \(over 4 MB\)"):
        read_profile(path)


def test_a_drug_listed_twice_in_any_case_gets_a_note_naming_both_places() -> None:
    from prepkit.profile.schema import notices

    profile = to_profile(
        {
            "schema_version": "1",
            "avoid": [{"name": "Codeine", "reaction": "hives"}, {"name": "Morphine"},
                      {"name": " CODEINE "}],
            "medications": [{"name": "Cetirizine"}, {"name": "Cetirizine 10 mg"}],
        }
    )  # fmt: skip
    twice = [(loc, note) for loc, note in notices(profile) if "listed twice" in note]
    assert twice == [
        (("avoid", 2, "name"), "'CODEINE' is also avoid[1]; is it listed twice by mistake?")
    ]
