"""Compiled templates are kept between runs, and a cache that misbehaves changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prepkit.content.environment import template_cache_dir


def run_example(out: Path, cache_home: Path) -> tuple[bytes, bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "SOURCE_DATE_EPOCH": "1795219200"}
    subprocess.run(
        [sys.executable, "-m", "prepkit", "example", "-o", str(out)],
        env=env,
        check=True,
        capture_output=True,
    )
    return (out / "worksheet.pdf").read_bytes(), (out / "wallet-card.pdf").read_bytes()


def test_a_cached_run_prints_the_same_bytes(tmp_path: Path) -> None:
    first = run_example(tmp_path / "first", tmp_path / "cache")
    folder = tmp_path / "cache" / "prepkit" / "templates"
    entries = sorted(folder.iterdir())
    assert len(entries) >= 10  # one per template the example uses
    assert folder.stat().st_mode & 0o077 == 0  # the user's own folder
    stamps = [entry.stat().st_mtime_ns for entry in entries]
    assert run_example(tmp_path / "second", tmp_path / "cache") == first
    assert [
        entry.stat().st_mtime_ns for entry in sorted(folder.iterdir())
    ] == stamps  # read, not rewritten


def test_damaged_cache_entries_are_compiled_afresh(tmp_path: Path) -> None:
    first = run_example(tmp_path / "first", tmp_path / "cache")
    for entry in (tmp_path / "cache" / "prepkit" / "templates").iterdir():
        entry.write_bytes(entry.read_bytes()[:40])  # cut short, as by a full disk
    assert run_example(tmp_path / "second", tmp_path / "cache") == first


def test_no_usable_cache_folder_still_prints(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    first = run_example(tmp_path / "first", tmp_path / "cache")
    assert run_example(tmp_path / "second", blocker) == first


def test_the_cache_folder_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert template_cache_dir() == tmp_path / "prepkit" / "templates"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    (tmp_path / "file").write_text("x")
    assert template_cache_dir() is None
