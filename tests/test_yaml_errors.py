"""Syntax errors in a hand-edited profile: the right line, and the fix in words (issue #18).

Before, each of these was the parser's own sentence ("mapping values are not
allowed in this context"), and the bullet and missing-space cases named the line
after the one to fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prepkit.content.rules import read_profile
from prepkit.core.errors import UserError
from tests.conftest import write_profile

CASES = [
    (
        "colon in a value",
        "visit:\n  clinic: X\n  reason: Follow-up: new rash\n",
        3,
        'a value with a colon needs quotes: reason: "Follow-up: new rash"; '
        "the line reads:   reason: Follow-up: new rash",
    ),
    (
        "a tab",
        "patient:\n\tname: Ann\n",
        2,
        "indent with spaces, not tabs; the line reads: \\tname: Ann",
    ),
    (
        "a tab after the dash",
        "medications:\n-\tname: cetirizine\n",
        2,
        "indent with spaces, not tabs",
    ),
    (
        "a pasted bullet",
        "medications:\n  • name: cetirizine\n    dose: 10 mg\n",
        2,
        "start each list item with a dash and a space ('- '), not '•'",
    ),
    (
        "no space after the colon",
        "patient:\n  name:Ann\n  date_of_birth: 1980-01-01\n",
        2,
        "put a space after the colon: name: Ann; the line reads:   name:Ann",
    ),
    (
        # Found by a new user: "a key needs a colon after it" for a line with a colon.
        "no space after the colon, a value with spaces",
        "visit:\n  date: 2026-12-03\n  provider:Dr. Adaeze Okafor\n  clinic: X\n",
        3,
        "put a space after the colon: provider: Dr. Adaeze Okafor; "
        "the line reads:   provider:Dr. Adaeze Okafor",
    ),
    (
        "no space after the colon, a key at the top",
        "patient:\n  name: Ann\nemergency_number:911\n",
        3,
        "put a space after the colon: emergency_number: 911",
    ),
    (
        "a quote never closed",
        'patient:\n  name: "Ann\nvisit:\n  clinic: X\n',
        2,
        "a quote opened on this line is never closed",
    ),
    (
        "a control character",
        "patient:\n  name: Ann\a\n",
        2,
        "has a character YAML does not allow (U+0007, a control character); delete it; "
        "the line reads:   name: Ann\\x07",
    ),
    (
        "a key out of line",
        "patient:\n  name: Ann\n   clinic: X\n",
        3,
        "this line is indented differently from the lines above it",
    ),
    (
        # Found by the review: a later quote made the parser point at line 4.
        "a quote never closed, with a quote further down",
        'visit:\n  provider: "Dr. Okafor\n  clinic: X\nemergency_number: "911"\n',
        2,
        'a quote opened on this line is never closed; add the closing " at the end',
    ),
    (
        "the same quote inside a quoted value",
        "visit:\n  reason: 'it's bad'\n",
        2,
        "write it without the outer quotes (reason: it's bad), or inside \" quotes",
    ),
    (
        "a value starting with a character YAML keeps",
        "visit:\n  reason: @home\n",
        2,
        "a value cannot start with '@'; put it in quotes: reason: \"@home\"",
    ),
    (
        "a section name without its colon",
        "visit\n  clinic: X\n",
        1,
        "a section name needs a colon after it: visit:",
    ),
    (
        "a section name without its colon, after the first line",
        "patient:\n  name: Ann\nvisit\n  date: 2026-12-03\n",
        3,
        "a section name needs a colon after it: visit:",
    ),
    (
        "a tab inside a value is not an indentation problem",
        "visit:\n  reason: a\tb: c: d\n",
        2,
        'a value with a colon needs quotes: reason: "a\\tb: c: d"',
    ),
    (
        "a bracket never closed",
        "schema_version: 1\npatient: [unclosed\n",
        2,
        "a bracket opened on this line is never closed",
    ),
    # Found by the #18 re-check: the parser's words, or the line after the one to fix.
    (
        "a key without its colon names its own line",
        "schema_version: 1\nvisit:\n  date: 2026-12-03\n  provider Dr. Okafor\n",
        4,
        "a key needs a colon after it: provider: Dr. Okafor",
    ),
    (
        "a dash without its space",
        "avoid:\n  - name: Aspirin\n  -name: Codeine\n",
        3,
        "put a space after the dash: - name: Codeine",
    ),
    (
        "a key indented less than the one above",
        "schema_version: 1\npatient:\n    name: Ann\n  date_of_birth: 1980-01-01\n",
        4,
        "this line is indented differently from the lines above it",
    ),
    (
        "a colon inside a value in braces",
        "medications:\n  - {name: Cetirizine, what_for: itching: bad}\n",
        2,
        'a value with a colon needs quotes (what_for: "itching: bad")',
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "says"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_a_syntax_error_names_the_line_to_fix_and_how(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    with pytest.raises(UserError) as caught:
        read_profile(write_profile(tmp_path, text))
    message = caught.value.format_message()
    assert caught.value.line == line, message
    assert f"profile.yaml, line {line}: " in message
    assert says in message
    assert "\n" not in message and "<unicode string>" not in message
    assert "not allowed in this context" not in message


def test_a_very_long_line_is_shown_cut_and_says_so(tmp_path: Path) -> None:
    text = "visit:\n  reason: " + "word " * 40 + "then: more\n"
    with pytest.raises(UserError) as caught:
        read_profile(write_profile(tmp_path, text))
    message = caught.value.format_message()
    assert 'a value with a colon needs quotes: reason: "word word' in message
    assert message.endswith("…")


def test_a_missing_space_that_yaml_reads_as_text_still_says_how_to_fix_it(tmp_path: Path) -> None:
    """'name:Ann' alone under a section is valid YAML (one piece of text), not a key."""
    with pytest.raises(UserError) as caught:
        read_profile(write_profile(tmp_path, "schema_version: 1\npatient:\n  name:Ann\n"))
    assert "patient: must be a group of 'key: value' lines; put a space after the colon: " in (
        caught.value.format_message()
    )


def test_a_list_item_with_a_colon_says_to_quote_it(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("schema_version: 1\ntriggers:\n  own:\n    - Perfume: strong ones\n")
    with pytest.raises(UserError, match='a colon inside the words needs quotes: "Perfume: strong'):
        read_profile(path)
