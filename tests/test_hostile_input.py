"""Whatever a patient types prints as typed, or is refused naming the field: never obeyed."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from click.testing import CliRunner
from pypdf.generic import DictionaryObject

from prepkit.cli import main
from prepkit.content.rules import validate_profile
from prepkit.core.errors import UserError
from prepkit.documents.render import render_card, render_worksheet
from tests.conftest import EXAMPLE, FULL_RUN
from tests.pdf_tools import flat_text, reader

HOSTILE = [
    "<b>bold</b>",
    "<i>italic",
    "</para>",
    "<font size=100>HUGE</font>",
    '<font color="white">hidden</font>',
    "<img src='/etc/passwd'/>",
    '<img src="https://example.com/x.png"/>',
    '<img src="data:image/png;base64,AAAA"/>',
    "<a href='https://example.com'>link</a>",
    '<link href="file:///etc/passwd">x</link>',
    "<br/>",
    "<![CDATA[raw]]>",
    "<!-- comment -->",
    "<?xml version='1.0'?>",
    "<span backColor=black>x</span>",
    "<onDraw name=x label=y/>",
    "<seq id=s/>",
    "<super>2</super> <sub>3</sub>",
    "<u>under</u> <strike>s</strike>",
    "&amp; &lt;b&gt; &#60; &#x3C; &nbsp; &bogus;",
    "A & B < C > D",
    "]]> --> ?>",
    "{{ 7*7 }}",
    "{% for x in range(9) %}loop{% endfor %}",
    "{# hidden #}",
    "${HOME} $(id) `id`",
    "%s %d %(x)s",
    "\\(paren\\) (unbalanced",
    "%PDF-1.4 %%EOF",
    "C:\\Users\\x\\file.txt",
    "\"double\" and 'single'",
    "Ωμέγα Привет Köhler ﬁne",
    "e\u0301 and a\u0308",
    "Supercalifragilistic" * 8,
    "right-to-left \u202eevil\u202c",
    "zero\u200bwidth",
    "bell\x07",
    "nul\x00",
    "emoji 💊",
    "中文名字",
    "שלום",
    "tab\there",
    "line\u2028separator",
]

# Where a hostile string can go: every kind of free-text field the documents print.
FIELDS = [
    ("patient", "name"),
    ("visit", "provider"),
    ("visit", "reason"),
    ("symptoms", "own"),
    ("symptoms", "notes"),
    ("medications", "name"),
    ("avoid", "name"),
    ("avoid", "reaction"),
    ("triggers", "own"),
    ("questions", "own"),
    ("care_team", "name"),
    ("emergency_contact", "phone"),
    ("daily_life", None),
    ("notes", None),
]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def profile_with(text: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "schema_version": "1",
        "patient": {"name": text},
        "visit": {"provider": text, "reason": text},
        "symptoms": [{"own": text, "notes": text}],
        "medications": [{"name": text}],
        "avoid": [{"name": text, "reaction": text}],
        "triggers": {"own": [text]},
        "questions": [{"own": text}],
        "care_team": [{"name": text}],
        "emergency_contact": {"phone": text},
        "daily_life": text,
        "notes": text,
    }
    return data


def font_sizes(pdf: bytes) -> set[float]:
    return {round(c["size"], 2) for p in pdfplumber.open(io.BytesIO(pdf)).pages for c in p.chars}


REFERENCE = profile_with("plain words")


@pytest.fixture(scope="module")
def reference_sizes() -> tuple[set[float], set[float]]:
    profile = validate_profile(REFERENCE, {}, "reference.yaml")
    return font_sizes(render_worksheet(profile)), font_sizes(
        render_card(profile, layout="page").pdf
    )


def assert_inert(pdf: bytes) -> None:
    """No images, links or annotations anywhere in the file."""
    document = reader(pdf)
    for page in document.pages:
        assert "/Annots" not in page
        resources = page["/Resources"].get_object()
        assert isinstance(resources, DictionaryObject) and "/XObject" not in resources
    assert b"/URI" not in pdf and b"/Launch" not in pdf and b"/JavaScript" not in pdf


# The only strings that may be refused, and why: everything else must print as typed.
REFUSED = {
    "bell\x07": "contains a control character",
    "nul\x00": "contains a control character",
    "emoji 💊": "has characters the bundled font cannot print",
    "中文名字": "has characters the bundled font cannot print",
    "שלום": "has characters the bundled font cannot print",
}
# A default run tries one string of each kind; a full run (CI, PREPKIT_FULL_TESTS=1) all.
SAMPLE = {
    "<font size=100>HUGE</font>",
    "<img src='/etc/passwd'/>",
    '<link href="file:///etc/passwd">x</link>',
    "&amp; &lt;b&gt; &#60; &#x3C; &nbsp; &bogus;",
    "{% for x in range(9) %}loop{% endfor %}",
    "right-to-left \u202eevil\u202c",
    "bell\x07",
    "emoji 💊",
    "Supercalifragilistic" * 8,
}
TRIED = [(f"h{i:02d}", text) for i, text in enumerate(HOSTILE) if FULL_RUN or text in SAMPLE]


@pytest.mark.parametrize("text", [t for _, t in TRIED], ids=[i for i, _ in TRIED])
def test_hostile_text_prints_literally_or_is_refused_naming_the_field(
    text: str, reference_sizes: tuple[set[float], set[float]]
) -> None:
    if text in REFUSED:
        with pytest.raises(UserError) as refused:
            profile = validate_profile(profile_with(text), {}, "hostile.yaml")
            render_worksheet(profile, source="hostile.yaml")
        message = refused.value.format_message()
        assert "\n" not in message and message.startswith("hostile.yaml")
        assert refused.value.field == "patient.name"  # the first field that holds it
        assert refused.value.problem.startswith(REFUSED[text]), message
        return
    profile = validate_profile(profile_with(text), {}, "hostile.yaml")
    worksheet = render_worksheet(profile, source="hostile.yaml")
    # The text after the documented normalisation; compared without spaces, because a
    # long word breaks across lines.
    expected = squash(profile.patient.name)
    assert squash(flat_text(worksheet)).count(expected) >= len(FIELDS) - 1, expected
    assert_inert(worksheet)
    assert font_sizes(worksheet) <= reference_sizes[0], "user text changed a font size"
    card = render_card(profile, layout="page", source="hostile.yaml").pdf
    assert expected in squash(flat_text(card))
    assert_inert(card)
    # The card fits its print to what it holds, so a long value may make it all
    # smaller (never under 6.5 pt); user markup must never make any of it bigger.
    sizes = font_sizes(card)
    if sizes != reference_sizes[1]:
        assert min(sizes) >= 6.5 and max(sizes) <= max(reference_sizes[1]), sizes
        assert len(sizes) <= len(reference_sizes[1]), "user text added a font size"


def test_control_character_is_refused_with_its_field(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"patient\.name: contains a control character \(U\+0007\)"):
        validate_profile(profile_with("bell\x07"), {}, "p.yaml")


# Every free-text field, written by hand as a patient would (not by PyYAML, which would
# quote the value), with " #" inside the value: YAML would read the rest as a comment.
VALUE = "Tylenol #3 (with codeine)"
HAND_WRITTEN = {
    "patient.name": "patient:\n  name: {v}\n",
    "visit.provider": "visit:\n  provider: {v}\n",
    "visit.clinic": "visit:\n  clinic: {v}\n",
    "visit.reason": "visit:\n  reason: {v}\n",
    "diagnosis.diagnosed": "diagnosis:\n  type: indolent\n  diagnosed: {v}\n",
    "symptoms[1].own": "symptoms:\n  - own: {v}\n",
    "symptoms[1].first_noticed": "symptoms:\n  - catalog: flushing\n    first_noticed: {v}\n",
    "symptoms[1].how_often": "symptoms:\n  - catalog: flushing\n    how_often: {v}\n",
    "symptoms[1].worse_with": "symptoms:\n  - catalog: flushing\n    worse_with: {v}\n",
    "symptoms[1].notes": "symptoms:\n  - catalog: flushing\n    notes: {v}\n",
    "attacks.last_attack": "attacks:\n  last_attack: {v}\n",
    "daily_life": "daily_life: {v}\n",
    "triggers.own[1]": "triggers:\n  own:\n    - {v}\n",
    "medications[1].name": "medications:\n  - name: {v}\n",
    "medications[1].dose": "medications:\n  - name: Cetirizine\n    dose: {v}\n",
    "medications[1].how_often": "medications:\n  - name: Cetirizine\n    how_often: {v}\n",
    "medications[1].what_for": "medications:\n  - name: Cetirizine\n    what_for: {v}\n",
    "avoid[1].name": "avoid:\n  - name: {v}\n",
    "avoid[1].reaction": "avoid:\n  - name: Morphine\n    reaction: {v}\n",
    "tests[1].date": "tests:\n  - test: tryptase\n    status: have-result\n    date: {v}\n",
    "tests[1].value": "tests:\n  - test: tryptase\n    status: have-result\n    value: {v}\n",
    "questions[1].own": "questions:\n  - own: {v}\n",
    "care_team[1].name": "care_team:\n  - name: {v}\n",
    "care_team[1].role": "care_team:\n  - name: Dr. Lee\n    role: {v}\n",
    "care_team[1].phone": "care_team:\n  - name: Dr. Lee\n    phone: {v}\n",
    "emergency_contact.name": "emergency_contact:\n  name: {v}\n",
    "emergency_contact.relation": "emergency_contact:\n  name: Jo\n  relation: {v}\n",
    "emergency_contact.phone": "emergency_contact:\n  name: Jo\n  phone: {v}\n",
    "emergency_number": "emergency_number: {v}\n",
    "notes": "notes: {v}\n",
}


@pytest.mark.parametrize("field", sorted(HAND_WRITTEN))
def test_a_hash_inside_a_hand_written_value_is_never_cut(field: str, tmp_path: Path) -> None:
    text = "schema_version: 1\n" + HAND_WRITTEN[field].format(v=VALUE)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if VALUE in row)
    profile = tmp_path / "hand.yaml"
    profile.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(profile), "-o", str(tmp_path)])
    if result.exit_code == 0:  # printed: then in full, never cut at " #"
        assert VALUE in flat_text((tmp_path / "worksheet.pdf").read_bytes())
        return
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {profile}, line {line}: {field}: the text after"), (
        result.output
    )
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize("command", ["validate", "build"])
def test_a_character_the_font_maps_to_its_missing_box_is_refused(
    command: str, tmp_path: Path
) -> None:
    # Found by red-team (#15 item 9): U+FFFF passed the font check (DejaVu maps it to
    # glyph 0), validate said OK and build crashed with an XML ParseError.
    profile = tmp_path / "p.yaml"
    profile.write_text('schema_version: 1\npatient: {name: "Ann \\uFFFF Lee"}\n', "utf-8")
    result = CliRunner().invoke(
        main, [command, str(profile), "-o", str(tmp_path)][: 2 if command == "validate" else 4]
    )
    assert result.exit_code == 2, result.output
    [line] = result.output.splitlines()
    assert "patient.name: has characters the bundled font cannot print: '\\uffff'" in line
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("bad\\e]0;TITLE\\akey", "bad\\x1b]0;TITLE\\x07key"),  # would retitle the terminal
        ("line1\\nline2\\nline3", "line1\\nline2\\nline3"),  # would break the one line
    ],
)
def test_a_key_is_quoted_in_errors_with_its_control_characters_escaped(
    key: str, shown: str, tmp_path: Path
) -> None:
    # Found by red-team (#15 item 11): key names went into messages unescaped.
    profile = tmp_path / "p.yaml"
    profile.write_text(f'schema_version: 1\npatient:\n  "{key}": x\n', "utf-8")
    result = CliRunner().invoke(main, ["validate", str(profile)])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert f"line 3: patient.{shown}: unknown key '{shown}'" in line
    assert all(c.isprintable() for c in line)


def _limited() -> None:
    """In the child: at most 1 GB of address space, so a runaway parse fails fast."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def validate_in_a_process(path: Path) -> str:
    """``prepkit validate path`` in its own limited process: its one line of error (exit 2)."""
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited,
    )
    assert result.returncode == 2, result.stderr[-500:]
    [line] = result.stderr.splitlines()
    return line


ALIAS_BOMB = (
    "schema_version: 1\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
        for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "notes: *i\n"
)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (ALIAS_BOMB, "line 2: uses a YAML anchor or alias"),
        ("schema_version: 1\nnotes: " + "[" * 500 + "]" * 500 + "\n", "line 2: nests lists"),
        ("schema_version: 1\nnotes: " + "[" * 30000 + "]" * 30000 + "\n", "line 2: nests lists"),
        # Found by the red-team re-check: under the size cap, YAML's composer took
        # 85 s and 490 MB (a long list), 81 s (400,000 keys) before the error.
        (
            ("schema_version: 1\nsymptoms: [" + "{own: x, notes: y}," * 200000)[:3_990_000] + "]\n",
            "line 2: has a list or section of more than 2,500 entries",
        ),
        (
            "schema_version: 1\n" + "".join(f"k{i}: v\n" for i in range(300000)),
            "line 2501: has a list or section of more than 2,500 entries",
        ),
        (
            "schema_version: 1\n" + "".join(f"k{i}: [{'{},' * 999}]\n" for i in range(900)),
            "line 101: holds more than 100,000 values",
        ),
    ],
    ids=["alias bomb", "500 brackets", "30000 brackets", "long list", "many keys", "many lists"],
)
def test_alias_bombs_and_deep_nesting_are_one_line_not_memory_or_a_crash(
    text: str, problem: str, tmp_path: Path
) -> None:
    # Found by red-team (#15 items 7 and 8): gigabytes and a traceback; a
    # RecursionError traceback; a segmentation fault inside libyaml.
    profile = tmp_path / "p.yaml"
    profile.write_text(text, "utf-8")
    line = validate_in_a_process(profile)
    assert line.startswith(f"Error: {profile}, {problem}"), line


# --- files that are not profiles (#15 item 10) ------------------------------------------


@pytest.mark.parametrize("kind", ["device", "pipe", "name too long"])
def test_a_profile_that_is_not_a_readable_file_is_one_line(kind: str, tmp_path: Path) -> None:
    # Found by red-team: /dev/zero read whole (MemoryError), a FIFO hung forever,
    # a 300-character name gave an OSError traceback.
    path = tmp_path / "p.yaml"
    if kind == "device":
        path = Path("/dev/zero")
    elif kind == "pipe":
        os.mkfifo(path)
    else:
        path = tmp_path / ("x" * 300 + ".yaml")
    line = validate_in_a_process(path)
    assert line.startswith(f"Error: {path}: "), line


@pytest.mark.parametrize(
    "args", [["validate", str(EXAMPLE)], ["--help"], ["--version"], ["build", "--help"]]
)
def test_stdout_on_a_full_disk_is_one_line_not_a_traceback(args: list[str]) -> None:
    # --help and --version: found by the red-team re-check (a traceback, exit 1).
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "prepkit", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "Error: cannot write its messages (No space left on device)"
    ]


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_example_stops_before_writing_when_its_profile_name_is_not_a_file(
    kind: str, tmp_path: Path
) -> None:
    # Found by red-team: a traceback (or a hang) after the PDFs were written.
    target = tmp_path / "example-profile.yaml"
    target.mkdir() if kind == "folder" else os.mkfifo(target)
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "example", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"Error: {target}: is in the way and is not a file; move it, or choose another "
        "folder with -o"
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["example-profile.yaml"]


def test_a_file_name_the_system_refuses_is_named_as_the_problem(tmp_path: Path) -> None:
    """Found by the red-team re-check: the wizard blamed the terminal ("cannot write its
    messages") for a 300-character profile name, and then went silent."""
    name = "a" * 300 + ".yaml"
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "wizard", name],
        cwd=tmp_path,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("Error: ") and line.endswith(": cannot be used (File name too long)")


def test_file_names_in_ordinary_lines_are_escaped_too(tmp_path: Path) -> None:
    """Found by the red-team re-check: 'Wrote', 'OK', 'Note' and 'Saved' lines quoted
    names raw, so a name could retitle the terminal or fake a line of output."""
    name = "ok\x1b]0;TITLE\x07\nFAKE.yaml"
    (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "validate", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert "\x1b" not in line and line.startswith("ok\\x1b]0;TITLE\\x07\\nFAKE.yaml: OK")


def test_two_yaml_documents_are_named_as_such(tmp_path: Path) -> None:
    """Found by the second re-check: refused as 'more than 1,000 entries'."""
    profile = tmp_path / "p.yaml"
    profile.write_text("schema_version: 1\n---\nschema_version: 1\n", "utf-8")
    line = validate_in_a_process(profile)
    assert "line 2: holds more than one YAML document" in line, line


def test_a_file_name_a_latin1_terminal_cannot_show_is_escaped_not_a_crash(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "build", str(EXAMPLE), "-o", str(tmp_path / "Ольга")],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "latin-1"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and b"\\u041e" in result.stdout


# --- escapes and separators (#28, smaller points) ----------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ('"A\\uD800B"', "line 3: \\uD800 is half of a pair of escapes (a surrogate)"),
        ('"A\\U0000DFFFB"', "line 3: \\U0000DFFF is half of a pair of escapes"),
        ('"A\\uFFFFB"', "line 3: patient.name: has characters the bundled font cannot print"),
    ],
)
def test_an_escape_that_is_no_printable_character_names_its_line(
    name: str, expected: str, tmp_path: Path
) -> None:
    """Found by #28: '\\uFFFF' was refused without a line; '\\uD800' said a quote is
    never closed."""
    from click.testing import CliRunner

    from prepkit.cli import main

    profile = tmp_path / "p.yaml"
    profile.write_text(f"schema_version: 1\npatient:\n  name: {name}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(profile)])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {profile}, {expected}"), result.output


def test_a_line_separator_in_a_name_is_stored_as_it_prints(tmp_path: Path) -> None:
    """Found by #28: U+2028 in a name was kept in the profile but printed as a space."""
    from prepkit.content.rules import read_profile

    profile = tmp_path / "p.yaml"
    profile.write_text(
        'schema_version: 1\npatient:\n  name: "Ann\\u2028Lee"\nnotes: "one\\u2029two"\n',
        encoding="utf-8",
    )
    read = read_profile(profile)
    assert read.patient.name == "Ann Lee"
    assert read.notes == "one\ntwo"
