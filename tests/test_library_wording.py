"""prepkit's messages are its own, whatever words its libraries use.

A library may refuse bad input in its own words, or earlier than before (PyYAML
6.0.4's libyaml stops deep brackets with a limit of its own). These tests make
the libraries speak differently and check that prepkit's contract holds: one line
naming the file, the line and the field, in prepkit's words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec
import pytest
import yaml

from prepkit.content.rules import read_profile
from prepkit.core.errors import UserError
from prepkit.profile import loader
from tests.conftest import write_profile


def error_for(tmp_path: Path, text: str) -> str:
    path = write_profile(tmp_path, text)
    with pytest.raises(UserError) as caught:
        read_profile(path)
    message = caught.value.format_message()
    assert "\n" not in message
    assert message.startswith(f"{path}, ")
    return message


def _reworded(real: Any, keep_place: bool) -> Any:
    """msgspec.convert, refusing in words no version of msgspec ever used."""

    def convert_(*args: Any, **kwargs: Any) -> Any:
        try:
            return real(*args, **kwargs)
        except msgspec.ValidationError as error:
            _, found, where = str(error).rpartition(" - at `")
            place = f" - at `{where}" if found and keep_place else ""
            raise msgspec.ValidationError(f"Ungültiger Wert{place}") from None

    return convert_


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("schema_version: 1\nmedicatons: []\n", "line 2: medicatons: unknown key 'medicatons'"),
        ("schema_version: 1\nvisit: {provdier: X}\n", "did you mean 'provider'?"),
        ("schema_version: 1\nmedications:\n  - dose: 5 mg\n", "medications[1].name: is required"),
        ("schema_version: 1\nvisit: {date: 2026-13-40}\n", "visit.date: there is no day"),
        ("schema_version: 1\nvisit: {mode: phone}\n", "visit.mode: must be one of: in-person"),
        ("schema_version: 1\nsymptoms: hello\n", "symptoms: must be a list"),
        ("schema_version: 1\nattacks: {last_year: lots}\n", "attacks.last_year: must be a whole"),
    ],
)
def test_a_new_wording_in_msgspec_changes_no_message(
    text: str, expected: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(msgspec, "convert", _reworded(msgspec.convert, keep_place=True))
    message = error_for(tmp_path, text)
    assert expected in message
    assert "Ungültiger" not in message


def test_a_refusal_msgspec_cannot_place_is_still_one_line_in_prepkits_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(msgspec, "convert", _reworded(msgspec.convert, keep_place=False))
    message = error_for(tmp_path, "schema_version: 1\nvisit: {mode: phone}\n")
    assert "Ungültiger" not in message


@pytest.mark.parametrize("depth", [11, 500, 30_000])
def test_deep_brackets_are_prepkits_message_whatever_the_parser_says(
    depth: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_parse = yaml.parse

    def refusing(text: str, *args: Any, **kwargs: Any) -> Any:
        if "[" * 11 in text:  # a parser with a limit of its own, and words of its own
            raise yaml.YAMLError("ein Limit der Bibliothek")
        return real_parse(text, *args, **kwargs)

    monkeypatch.setattr(yaml, "parse", refusing)
    text = "schema_version: 1\nnotes: " + "[" * depth + "]" * depth + "\n"
    message = error_for(tmp_path, text)
    assert "line 2: nests lists or sections more than 10 deep" in message
    assert "Bibliothek" not in message


def test_brackets_in_quotes_and_comments_are_not_counted_as_nesting(tmp_path: Path) -> None:
    deep = "[" * 40
    profile = read_profile(
        write_profile(tmp_path, f"schema_version: 1\nnotes: '{deep}'  # {deep}\n")
    )
    assert profile.notes == deep
    assert loader._deep_brackets(f'notes: "{deep}" # {deep}\n') is None
    assert loader._deep_brackets(f"a: 1\nnotes: {deep}\n") == 2
