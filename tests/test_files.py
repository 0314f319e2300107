"""Files: a failed or interrupted run never leaves half a file or spoils the previous one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepkit.cli import main
from tests.conftest import EXAMPLE
from tests.pdf_tools import flat_text, ink, page_texts, render_pages, structure_problems


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


@pytest.mark.parametrize("fraction", [0.1, 0.33, 0.5, 0.77, 0.95])
def test_truncated_profile_never_crashes(tmp_path: Path, fraction: float) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    cut = tmp_path / "cut.yaml"
    cut.write_text(text[: int(len(text) * fraction)], encoding="utf-8")
    code, output = run("build", str(cut), "-o", str(tmp_path / "out"))
    assert code in (0, 2)
    if code == 2:
        assert output.startswith(f"Error: {cut}") and output.count("\n") == 1


def test_unwritable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    code, output = run("example", "-o", "/proc/prepkit-cannot-write-here")
    assert code == 2
    assert output.startswith("Error: /proc/prepkit-cannot-write-here") and "cannot" in output


def test_interrupted_rendering_keeps_the_previous_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, previous_pdf: bytes
) -> None:
    previous = previous_pdf
    (tmp_path / "worksheet.pdf").write_bytes(previous)

    def interrupted(*args: object, **kwargs: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr("prepkit.documents.build.render_card", interrupted)
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert (tmp_path / "worksheet.pdf").read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["worksheet.pdf"]  # no temp files


def test_interrupted_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, previous_pdf: bytes
) -> None:
    from prepkit.core import output

    previous = previous_pdf
    target = tmp_path / "worksheet.pdf"
    target.write_bytes(previous)

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("prepkit.core.output.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_private(target, b"new bytes that never land")
    assert target.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["worksheet.pdf"]


def test_every_kind_of_pdf_is_valid(tmp_path: Path) -> None:
    """Syntax checks pass, text extracts, pages render with ink: for every document kind."""
    runs = [
        ("example", "-o", "a"),
        ("example", "-o", "b", "--paper", "a4", "--large-print"),
        ("example", "-o", "c", "--card-layout", "page"),
        ("blank", "-o", "d"),
        ("blank", "-o", "e", "--large-print", "--paper", "a4"),
    ]
    for args in runs:
        code, output = run(*[str(tmp_path / a) if a in "abcde" else a for a in args])
        assert code == 0, output
    pdfs = sorted(tmp_path.rglob("*.pdf"))
    assert len(pdfs) == 8
    for pdf in pdfs:
        data = pdf.read_bytes()
        assert structure_problems(data) == [], pdf
        text = flat_text(data)
        assert "not medical advice" in text or "preparation aid" in text, pdf
        pages = render_pages(data, dpi=10)
        assert len(pages) == len(page_texts(data)), pdf
        assert all(0.001 < ink(page) < 0.6 for page in pages), pdf


# --- leftovers, races and folder modes (#15 item 16) ----------------------------------


def test_a_killed_runs_temporary_files_are_removed_by_the_next_run(tmp_path: Path) -> None:
    # Found by red-team: SIGKILL during a write left a hidden full PDF, never cleaned up.
    leftovers = [tmp_path / ".worksheet.pdf.k1ll3d.tmp", tmp_path / ".wallet-card.pdf.x9.tmp"]
    for leftover in leftovers:
        leftover.write_bytes(b"%PDF-1.4 a whole private worksheet")
    mine = tmp_path / ".notes.txt.tmp"  # not prepkit's: left alone
    mine.write_text("mine")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert not any(leftover.exists() for leftover in leftovers)
    assert mine.read_text() == "mine"


def test_a_wizard_killed_while_saving_leaves_nothing_after_the_next_run(tmp_path: Path) -> None:
    """Found by the red-team re-check: a killed save left a hidden copy of the answers."""
    old = time.time() - 3600
    leftovers = [tmp_path / ".p.yaml.k1ll3d.tmp", tmp_path / ".p.draft.yaml.x9.tmp"]
    writing = tmp_path / ".p.yaml.now.tmp"  # another run's, being written this second
    for leftover in [*leftovers, writing]:
        leftover.write_text("patient: {name: Ann Lee}\n")
    for leftover in leftovers:
        os.utime(leftover, (old, old))
    # Stamped by this process's clock, as the run's own age check reads it (a test
    # under a faked clock would otherwise see the kernel's real time).
    now = time.time()
    os.utime(writing, (now, now))
    result = CliRunner().invoke(main, ["wizard", str(tmp_path / "p.yaml")], input="")
    assert result.exit_code == 2  # input ended at the first question
    assert not any(leftover.exists() for leftover in leftovers)
    assert writing.exists()


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_folders_prepkit_creates_are_private(tmp_path: Path, umask: int) -> None:
    # Found by red-team: created folders took the umask's mode (0755, or 0777).
    out = tmp_path / "new" / "visit"
    previous = os.umask(umask)
    try:
        result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out)])
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.output
    for folder in (out, out.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_two_runs_into_one_folder_write_their_pairs_in_turn(tmp_path: Path) -> None:
    # Found by red-team: two builds at once could leave one profile's worksheet beside
    # the other's card. While another run holds the folder, a build waits for it.
    from prepkit.core.locks import folder_lock

    command = [sys.executable, "-m", "prepkit", "build", str(EXAMPLE), "-o", str(tmp_path)]
    with folder_lock(tmp_path):  # another run is writing here
        run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(1.5)  # long enough to render and write; it must not have written yet
        assert run.poll() is None and not list(tmp_path.glob("*.pdf"))
    assert run.wait(timeout=60) == 0
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["wallet-card.pdf", "worksheet.pdf"]


def test_a_run_waiting_for_the_folder_says_so_and_names_the_other_run(tmp_path: Path) -> None:
    """Found by the red-team re-check: a build waited silently, forever, while anyone
    (another user on a shared folder) held the folder's lock."""
    from prepkit.core.locks import folder_lock

    with folder_lock(tmp_path):
        build = subprocess.Popen(
            [sys.executable, "-m", "prepkit", "build", str(EXAMPLE), "-o", str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert build.stderr is not None
        waiting = build.stderr.readline()
    assert waiting.startswith(f"Waiting for another prepkit run ({Path(sys.argv[0]).name}")
    assert f"process {os.getpid()}) writing in {tmp_path}..." in waiting
    assert build.wait(timeout=60) == 0
    assert (tmp_path / "worksheet.pdf").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wallet-card.pdf", "worksheet.pdf"]


def test_a_lock_held_too_long_stops_the_run_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prepkit.core import locks

    monkeypatch.setattr(locks, "LOCK_WAIT_SECONDS", 0.3)
    lock = tmp_path / ".prepkit.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        code, said = run("build", str(EXAMPLE), "-o", str(tmp_path))
    finally:
        holder.kill()
        holder.wait()
    assert code == 2
    waiting, error = said.splitlines()  # the "Waiting" line, then the error
    assert waiting.startswith(
        f"Waiting for another prepkit run (prepkit build, process {holder.pid})"
    )
    assert error.startswith(f"Error: {tmp_path}: another prepkit run (prepkit build, process")
    assert f"process {holder.pid}) has been writing in {tmp_path} for over 0 s" in error
    assert not list(tmp_path.glob("*.pdf"))


# A lock file held by a process that writes what prepkit's lock writes.
HOLD_LOCK = """
import fcntl, os, sys, time
handle = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(handle, fcntl.LOCK_EX)
os.write(handle, f"{os.getpid()} prepkit build".encode())
print("held", flush=True)
time.sleep(60)
"""


def test_another_account_holding_the_folder_blocks_nothing(tmp_path: Path) -> None:
    """Found by #28: 'flock -s DIR sleep 30' from another account made log and build
    wait forever. prepkit's locks are private files; the folder itself is never locked."""
    import fcntl

    holder = os.open(tmp_path, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(holder, fcntl.LOCK_SH)
    try:
        build = subprocess.run(
            [sys.executable, "-m", "prepkit", "build", str(EXAMPLE), "-o", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(holder)
    assert build.returncode == 0, build.stderr
    assert "Waiting" not in build.stderr


def test_a_lock_file_that_is_not_the_users_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").write_text("x")
    (tmp_path / ".prepkit.lock").symlink_to(tmp_path / "elsewhere")
    code, said = run("build", str(EXAMPLE), "-o", str(tmp_path))
    assert code == 2 and said.startswith(f"Error: {tmp_path / '.prepkit.lock'}: cannot be locked")
    assert (tmp_path / "elsewhere").read_text() == "x"


def test_a_link_into_a_missing_folder_is_refused_and_no_folder_is_made(tmp_path: Path) -> None:
    """Found by the red-team re-check: a dangling link's folders were made to write through it."""
    from prepkit.core.errors import UserError
    from prepkit.wizard.profile_files import save_profile

    link = tmp_path / "p.yaml"
    link.symlink_to(tmp_path / "gone" / "deeper" / "p.yaml")
    with pytest.raises(UserError, match="in a folder that does not exist"):
        save_profile(link, {"schema_version": 1})
    result = CliRunner().invoke(main, ["wizard", str(link)], input="")
    assert result.exit_code == 2
    assert "is a link to" in result.output and "Your name" not in result.output
    assert not (tmp_path / "gone").exists()


def test_a_folder_given_as_the_wizards_profile_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["wizard", str(tmp_path)], input="")
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"Error: {tmp_path}: is a folder; give the profile a file name"
    ]


# --- found by the second red-team re-check ---------------------------------------------


def test_a_profile_named_star_removes_no_one_elses_files(tmp_path: Path) -> None:
    """The leftover pattern took the name as a glob: ".*.*.tmp" matched any hidden file."""
    other = tmp_path / ".someone.else.tmp"
    other.write_text("not prepkit's")
    old = time.time() - 3600
    os.utime(other, (old, old))
    CliRunner().invoke(main, ["wizard", str(tmp_path / "*")], input="")
    assert other.exists()


def test_a_pipe_where_a_pdf_goes_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "worksheet.pdf")
    result = subprocess.run(
        [sys.executable, "-m", "prepkit", "build", str(EXAMPLE), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "worksheet.pdf: was not made by prepkit" in result.stderr


def test_names_the_wizard_could_not_save_under_are_refused_before_the_first_question(
    tmp_path: Path,
) -> None:
    for name, problem in [
        ("b" * 240 + ".yaml", "has a name too long to save safely"),
        ("p.yaml", "is a link to"),
    ]:
        if name == "p.yaml":
            (tmp_path / "p.draft.yaml").symlink_to(tmp_path / "gone" / "x.yaml")
        result = CliRunner().invoke(main, ["wizard", str(tmp_path / name)], input="Ann\n")
        assert result.exit_code == 2 and problem in result.output, result.output
        assert "Your name" not in result.output


def test_a_line_break_in_the_profile_name_still_saves_a_readable_profile(tmp_path: Path) -> None:
    from prepkit.content.rules import read_profile
    from prepkit.wizard.profile_files import save_profile

    path = save_profile(tmp_path / "visit\n2026.yaml", {"patient": {"name": "Ann"}})
    assert read_profile(path).patient.name == "Ann"


def test_the_terminal_closing_keeps_the_draft(tmp_path: Path) -> None:
    import signal

    child = subprocess.Popen(
        [sys.executable, "-u", "-m", "prepkit", "wizard", "p.yaml"],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(b"Ann Lee\n")
    child.stdin.flush()
    seen = b""
    deadline = time.monotonic() + 60  # a guard against hanging, not a speed target
    while b"Date of birth" not in seen and time.monotonic() < deadline:
        seen += os.read(child.stdout.fileno(), 4096)
    child.send_signal(signal.SIGHUP)
    assert child.wait(timeout=60) == 130
    assert "Ann Lee" in (tmp_path / "p.draft.yaml").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="file names as raw bytes, as on Linux")
def test_a_profile_name_that_is_not_utf8_builds_and_builds_again(tmp_path: Path) -> None:
    """Found by the red-team re-check: a\\xffb.yaml gave a traceback (the PDF's mark)."""
    profile = tmp_path / os.fsdecode(b"a\xffb.yaml")
    profile.write_bytes(EXAMPLE.read_bytes())
    for _ in range(2):  # the second run replaces the PDFs it knows as its own
        result = CliRunner().invoke(main, ["build", str(profile), "-o", str(tmp_path)])
        assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert (tmp_path / "wallet-card.pdf").exists() and (tmp_path / "worksheet.pdf").exists()
    result = CliRunner().invoke(main, ["validate", str(profile)])
    assert result.exit_code == 0 and "OK" in result.output


def test_a_huge_line_on_the_wizards_input_is_dropped_in_pieces_and_asked_again(
    tmp_path: Path,
) -> None:
    """Found by #28: one 80 MB line on the wizard's standard input took 42 s and 851 MB
    (it grew with the square of the line)."""
    feed = tmp_path / "typed.txt"
    feed.write_bytes(b"A" * 40_000_000 + b"\nAnn Lee\n")
    with feed.open("rb") as typed:
        done = subprocess.run(
            [sys.executable, "-c", WITH_PEAK_MEMORY, "wizard", str(tmp_path / "w.yaml")],
            stdin=typed,
            capture_output=True,
            timeout=60,
        )
    out = done.stdout
    # The child's own high-water mark (getrusage would count the memory of the test
    # process it was forked from).
    peak_kb = int(done.stderr.rsplit(b"VmHWM:", 1)[1].split()[0])
    assert peak_kb < 150_000  # the 40 MB line was never held whole
    assert b"Sorry: that line is far longer than any answer" in out
    assert "name: Ann Lee" in (tmp_path / "w.draft.yaml").read_text(encoding="utf-8")


# prepkit's command, saying at exit the most memory it held (Linux's VmHWM).
WITH_PEAK_MEMORY = """
import atexit, runpy, sys
def peak():
    with open('/proc/self/status') as status:
        sys.stderr.write(next(line for line in status if line.startswith('VmHWM')))
atexit.register(peak)
sys.argv = ['prepkit', *sys.argv[1:]]
runpy.run_module('prepkit', run_name='__main__')
"""
