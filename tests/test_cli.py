"""The prepkit command as a user runs it: files written, exit codes, one-line errors."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepkit.cli import main
from tests.conftest import EXAMPLE, PINNED_EPOCH, write_profile
from tests.pdf_tools import flat_text, page_sizes


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_example_writes_worksheet_and_profile_to_copy(tmp_path: Path) -> None:
    code, output = run("example", "-o", str(tmp_path / "out"))
    assert code == 0
    worksheet = tmp_path / "out" / "example-worksheet.pdf"
    copy = tmp_path / "out" / "example-profile.yaml"
    assert f"Wrote {worksheet}" in output and f"Wrote {copy}" in output
    assert "Maria Köhler-Santos" in flat_text(worksheet.read_bytes())
    assert copy.read_bytes() == EXAMPLE.read_bytes()
    assert stat.S_IMODE(worksheet.stat().st_mode) == 0o600


def test_example_never_overwrites_an_edited_profile(tmp_path: Path) -> None:
    edited = tmp_path / "example-profile.yaml"
    edited.write_text("schema_version: 1\n# my edits\n", encoding="utf-8")
    code, output = run("example", "-o", str(tmp_path))
    assert code == 0 and "Kept your edited" in output
    assert edited.read_text(encoding="utf-8") == "schema_version: 1\n# my edits\n"


def test_build_renders_a_profile_on_a4(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, "schema_version: 1\npatient: {name: Ann Lee}\n")
    code, _ = run("build", str(profile), "-o", str(tmp_path / "new" / "folder"), "--paper", "a4")
    assert code == 0
    pdf = (tmp_path / "new" / "folder" / "worksheet.pdf").read_bytes()
    assert "Ann Lee" in flat_text(pdf)
    assert page_sizes(pdf)[0] == pytest.approx((595.28, 841.89), abs=0.5)


def test_blank_writes_a_blank_worksheet(tmp_path: Path) -> None:
    code, _ = run("blank", "-o", str(tmp_path))
    assert code == 0
    assert "Visit preparation worksheet" in flat_text(
        (tmp_path / "blank-worksheet.pdf").read_bytes()
    )


@pytest.mark.parametrize(
    ("profile_text", "expected"),
    [
        ("schema_version: 1\npatient: [unclosed\n", "line 2: a bracket opened on this line"),
        (
            "schema_version: 1\nattacks: {last_year: often}\n",
            "attacks.last_year: must be a whole number from 0 to 10000",
        ),
        ("schema_version: 1\nallergies: []\n", "unknown key 'allergies'"),
    ],
)
def test_bad_profile_exits_2_with_one_line(
    previous_pdf: bytes, tmp_path: Path, profile_text: str, expected: str
) -> None:
    profile = write_profile(tmp_path, profile_text)
    existing = tmp_path / "worksheet.pdf"
    existing.write_bytes(previous_pdf)
    code, output = run("build", str(profile), "-o", str(tmp_path))
    assert code == 2
    assert output.count("\n") == 1 and output.startswith("Error: ")
    assert str(profile) in output and expected in output
    assert "Traceback" not in output
    assert existing.read_bytes() == previous_pdf


def test_missing_profile_exits_2(tmp_path: Path) -> None:
    code, output = run("build", str(tmp_path / "nowhere.yaml"))
    assert code == 2
    assert output == f"Error: {tmp_path / 'nowhere.yaml'}: file not found\n"


def test_unprintable_character_is_refused_with_the_field(tmp_path: Path) -> None:
    profile = write_profile(tmp_path, "schema_version: 1\npatient: {name: 李小龙}\n")
    code, output = run("build", str(profile), "-o", str(tmp_path))
    assert code == 2
    # Found by a new user: the line was missing, though every other error names it.
    assert "profile.yaml, line 2: patient.name: has characters the bundled font cannot print" in (
        output
    )
    assert not (tmp_path / "worksheet.pdf").exists()


def test_output_folder_that_is_a_file_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    code, output = run("blank", "-o", str(blocker))
    assert code == 2 and "taken" in output


def test_validate_reports_ok_and_errors(tmp_path: Path) -> None:
    code, output = run("validate", str(EXAMPLE))
    assert code == 0 and "OK (5 symptoms, 3 medications, 2 to avoid, 5 questions)" in output
    bad = write_profile(tmp_path, "schema_version: 1\nsymptoms:\n  - catalog: flushng\n")
    code, output = run("validate", str(bad))
    assert code == 2 and "did you mean 'flushing'?" in output


def test_version_and_help() -> None:
    code, output = run("--version")
    assert code == 0 and "prepkit, version" in output
    code, output = run("--help")
    assert code == 0
    listed = output.partition("Commands:")[2].splitlines()
    commands = {line.split()[0] for line in listed if line.startswith("  ")}
    assert commands == {"blank", "build", "example", "history", "log", "validate", "wizard"}


def test_help_does_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from prepkit.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('reportlab', 'jinja2', 'msgspec', 'yaml') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ}
    )
    assert "HEAVY []" in result.stdout


def test_separate_runs_give_byte_identical_pdfs(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    for folder in ("first", "second"):
        subprocess.run(
            [sys.executable, "-m", "prepkit", "example", "-o", str(tmp_path / folder)],
            check=True,
            env=env,
            capture_output=True,
        )
    first = (tmp_path / "first" / "example-worksheet.pdf").read_bytes()
    assert first == (tmp_path / "second" / "example-worksheet.pdf").read_bytes()
    assert b"20261121000000" in first  # the pinned date, not the clock


def test_the_installed_command_keeps_exit_status_and_output(tmp_path: Path) -> None:
    """`run` (the console script) freezes the GC at exit; it must not swallow anything."""
    bad = tmp_path / "profile.yaml"
    bad.write_text("schema_version: 1\npatient: {name: Ann, age: lots}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "validate", str(bad)],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(bad) in result.stderr and "patient" in result.stderr
    good = subprocess.run(
        [sys.executable, "-m", "prepkit", "example", "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert good.returncode == 0
    assert good.stdout.count("Wrote ") == 3
    assert (tmp_path / "out" / "example-profile.yaml").read_bytes().startswith(b"#")


@pytest.mark.parametrize("command", [["build", "PROFILE"], ["example"], ["blank"]])
def test_ctrl_c_while_the_documents_render_exits_130(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by red-team (#15 item 18): "Aborted!" and exit status 1 while rendering.
    import prepkit.documents.build
    import prepkit.documents.render

    def interrupted(*args: object, **kwargs: object) -> bytes:
        raise KeyboardInterrupt

    for module in (
        prepkit.documents.build,
        prepkit.documents.render,
    ):  # the build step, and the blank form
        monkeypatch.setattr(module, "render_worksheet", interrupted)
    profile = write_profile(tmp_path, "schema_version: 1\n")
    args = [str(profile) if part == "PROFILE" else part for part in command]
    result = CliRunner().invoke(main, [*args, "-o", str(tmp_path / "out")])
    assert result.exit_code == 130, result.output
    assert "Aborted" not in result.output


def test_a_ctrl_c_while_the_commands_still_load_ends_quietly_with_130(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Found by the red-team re-check: Ctrl-C in the first tenth of a second gave a traceback."""
    import gc
    import importlib.abc

    from prepkit.cli.start import run

    class PressedNow(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: object = None, target: object = None) -> None:
            if name == "prepkit.cli":
                raise KeyboardInterrupt

    monkeypatch.delitem(sys.modules, "prepkit.cli")
    monkeypatch.setattr(sys, "meta_path", [PressedNow(), *sys.meta_path])
    try:
        with pytest.raises(SystemExit) as ended:
            run()
    finally:
        gc.enable()
    assert ended.value.code == 130
