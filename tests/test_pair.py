"""One card with one worksheet, whatever stops the run (#28).

A real signal is delivered, or a real write fails, at every file operation of a
build in turn (before, between and after the renames): afterwards the folder
holds the old pair, the new pair, or the new worksheet and no card (and the run
says so), never an older card beside a newer worksheet.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from tests.pdf_tools import flat_text

# Runs prepkit's command with every file operation counted; at operation N it
# sends the signal (or fails as a full disk would) just before doing it.
HOOKED_RUN = """
import errno, os, signal, sys
target, how = int(sys.argv[1]), sys.argv[2]
count = 0
def hooked(real):
    def operation(*args, **kwargs):
        global count
        count += 1
        if count == target:
            if how == "ENOSPC":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            os.kill(os.getpid(), getattr(signal, how))
        return real(*args, **kwargs)
    return operation
for name in ("fsync", "replace", "rename", "unlink"):
    setattr(os, name, hooked(getattr(os, name)))
from prepkit.cli import main
try:
    main(sys.argv[3:])
finally:
    print(f"operations: {count}", file=sys.stderr)
"""


def _pair(folder: Path) -> tuple[str | None, str | None]:
    """Which profile the worksheet and the card in ``folder`` come from: 'old' or 'new'."""

    def version(name: str) -> str | None:
        path = folder / name
        if not path.exists():
            return None
        text = flat_text(path.read_bytes())
        return "new" if "Newcillin" in text else "old" if "Oldcillin" in text else "?"

    return version("worksheet.pdf"), version("wallet-card.pdf")


def _profiles(tmp_path: Path) -> tuple[Path, Path]:
    text = EXAMPLE.read_text(encoding="utf-8")
    anchor = "avoid:\n"
    assert anchor in text
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(text.replace(anchor, anchor + "  - name: Oldcillin\n"), encoding="utf-8")
    new.write_text(text.replace(anchor, anchor + "  - name: Newcillin\n"), encoding="utf-8")
    return old, new


def _run(how: str, at: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HOOKED_RUN, str(at), how, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _operations(result: subprocess.CompletedProcess[str]) -> int:
    return int(result.stderr.rsplit("operations: ", 1)[1].split()[0])


def _same_source(folder: Path, old: Path) -> None:
    """The folder as the last good run left it, each time from the old profile."""
    for leftover in folder.iterdir():
        leftover.unlink()
    done = _run("SIGINT", 10_000, "build", str(old), "-o", str(folder), "--paper", "a4")
    assert done.returncode == 0, done.stderr
    assert _pair(folder) == ("old", "old")


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGHUP", "ENOSPC"])
@pytest.mark.parametrize("no_card", [False, True], ids=["card", "no-card"])
def test_a_stop_or_failure_at_any_write_never_leaves_an_older_card_beside_a_newer_worksheet(
    how: str, no_card: bool, tmp_path: Path
) -> None:
    old, new = _profiles(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    # Each profile builds into the same folder name, so 'new' replaces the 'old' pair.
    new_in_place = old.with_name("profile.yaml")
    args = ["build", str(new_in_place), "-o", str(folder), "--paper", "a4"]
    if no_card:
        args.append("--no-card")
    seen = set()
    at = 1
    while True:
        new_in_place.write_text(old.read_text(encoding="utf-8"), encoding="utf-8")
        _same_source(folder, new_in_place)
        new_in_place.write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
        result = _run(how, at, *args)
        assert "Traceback" not in result.stderr, result.stderr
        pair = _pair(folder)
        seen.add(pair)
        allowed = {("old", "old"), ("new", None)} | (
            {("new", None)} if no_card else {("new", "new")}
        )
        assert pair in allowed, (at, how, pair, result.stderr)
        # No temporary file with the patient's data is left behind a stop it handled.
        if how != "ENOSPC" or result.returncode != 0:
            assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")], at
        if result.returncode == 0:
            assert pair == (("new", None) if no_card else ("new", "new"))
            if at > _operations(result):  # the hook was never reached: every step tried
                break
        else:
            assert result.returncode == (2 if how == "ENOSPC" else 130), result.stderr
            if pair == ("new", None) and not no_card:
                # The worksheet landed, the card did not: the run says so.
                assert "worksheet.pdf" in result.stderr and "written" in result.stderr.lower()
        at += 1
    assert ("old", "old") in seen and len(seen) >= 2, seen


def test_the_pair_through_links_replaces_the_real_files_and_keeps_the_links(
    tmp_path: Path,
) -> None:
    old, new = _profiles(tmp_path)
    synced, folder = tmp_path / "synced", tmp_path / "out"
    synced.mkdir()
    folder.mkdir()
    done = _run("SIGINT", 10_000, "build", str(old), "-o", str(synced))
    assert done.returncode == 0, done.stderr
    for name in ("worksheet.pdf", "wallet-card.pdf"):
        (folder / name).symlink_to(synced / name)
    new_in_place = old  # the same profile, edited
    new_in_place.write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
    done = _run("SIGINT", 10_000, "build", str(new_in_place), "-o", str(folder))
    assert done.returncode == 0, done.stderr
    assert all((folder / name).is_symlink() for name in ("worksheet.pdf", "wallet-card.pdf"))
    assert _pair(synced) == ("new", "new") == _pair(folder)
    # --no-card removes the card behind the link, not only the link.
    done = _run("SIGINT", 10_000, "build", str(new_in_place), "-o", str(folder), "--no-card")
    assert done.returncode == 0, done.stderr
    assert _pair(synced) == ("new", None)
    assert "Removed the older wallet card" in done.stdout


def test_a_read_only_older_card_is_replaced_with_its_worksheet(tmp_path: Path) -> None:
    old, new = _profiles(tmp_path)
    folder = tmp_path / "out"
    assert _run("SIGINT", 10_000, "build", str(old), "-o", str(folder)).returncode == 0
    for pdf in folder.glob("*.pdf"):
        pdf.chmod(0o444)
    old.write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
    done = _run("SIGINT", 10_000, "build", str(old), "-o", str(folder))
    assert done.returncode == 0, done.stderr
    assert _pair(folder) == ("new", "new")
    assert all(os.stat(pdf).st_mode & 0o777 == 0o600 for pdf in folder.glob("*.pdf"))


def test_a_stop_just_before_the_renames_leaves_no_copy_of_the_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the fresh-eyes review: Ctrl-C as the signals were held left both staged
    PDFs behind as hidden files."""
    import contextlib

    from click.testing import CliRunner

    from prepkit.cli import main
    from prepkit.core import output

    @contextlib.contextmanager
    def stopped_on_entry() -> Iterator[None]:
        raise KeyboardInterrupt
        yield  # pragma: no cover

    monkeypatch.setattr(output, "signals_held", stopped_on_entry)
    result = CliRunner().invoke(main, ["example", "-o", str(tmp_path)])
    assert result.exit_code == 130
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_under_nohup_a_closed_terminal_does_not_stop_a_build(tmp_path: Path) -> None:
    """Found by the fresh-eyes review: SIGHUP ignored by nohup was handled again."""
    script = (
        "import os, signal, sys\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "from prepkit.cli import main\n"
        "import prepkit.documents.build as b\n"
        "real = b.replace_together\n"
        "def hup(*a, **k):\n"
        "    os.kill(os.getpid(), signal.SIGHUP)\n"
        "    return real(*a, **k)\n"
        "b.replace_together = hup\n"
        "main(sys.argv[1:])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "build", str(EXAMPLE), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pdf")) == [
        "wallet-card.pdf",
        "worksheet.pdf",
    ]
