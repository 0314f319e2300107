"""Compiled templates, font measurements and bundled data are kept between runs,
and a cache that misbehaves changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prepkit.cache import cache_folder, entry_key, read_entry, write_entry
from tests.conftest import PINNED_EPOCH

KINDS = ("templates",)


def run_example(out: Path, cache_home: Path) -> tuple[bytes, bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    subprocess.run(
        [sys.executable, "-m", "prepkit", "example", "-o", str(out)],
        env=env,
        check=True,
        capture_output=True,
    )
    return (
        (out / "example-worksheet.pdf").read_bytes(),
        (out / "example-wallet-card.pdf").read_bytes(),
    )


def entries(cache_home: Path) -> dict[str, list[Path]]:
    return {kind: sorted((cache_home / "prepkit" / kind).iterdir()) for kind in KINDS}


def test_a_cached_run_prints_the_same_bytes(tmp_path: Path) -> None:
    first = run_example(tmp_path / "first", tmp_path / "cache")
    kept = entries(tmp_path / "cache")
    assert len(kept["templates"]) >= 10  # one per template the example uses
    # Only templates: the fonts and the catalog are read afresh (each saved under 10%).
    assert sorted(p.name for p in (tmp_path / "cache" / "prepkit").iterdir()) == ["templates"]
    for kind, paths in kept.items():
        assert (tmp_path / "cache" / "prepkit" / kind).stat().st_mode & 0o077 == 0
        assert all(path.stat().st_mode & 0o077 == 0 for path in paths)
    stamps = {kind: [p.stat().st_mtime_ns for p in paths] for kind, paths in kept.items()}
    assert run_example(tmp_path / "second", tmp_path / "cache") == first
    again = entries(tmp_path / "cache")
    assert again == kept  # nothing added or removed
    # read, not rewritten
    assert {kind: [p.stat().st_mtime_ns for p in paths] for kind, paths in again.items()} == stamps


@pytest.mark.parametrize("damage", ["cut short", "one byte changed"])
def test_damaged_cache_entries_are_worked_out_afresh(tmp_path: Path, damage: str) -> None:
    first = run_example(tmp_path / "first", tmp_path / "cache")
    for paths in entries(tmp_path / "cache").values():
        for entry in paths:
            data = entry.read_bytes()
            if damage == "cut short":  # as by a full disk
                entry.write_bytes(data[:40])
            else:  # as by a failing disk: still well-formed, but wrong
                middle = len(data) // 2
                entry.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1 :])
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
    assert cache_folder("templates") == tmp_path / "prepkit" / "templates"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    (tmp_path / "file").write_text("x")
    assert cache_folder("templates") is None


def test_entries_are_read_back_only_whole_and_under_their_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = entry_key("a", b"b")
    assert key != entry_key("ab") and key != entry_key("a", b"c")
    write_entry("data", "x", key, b"payload")
    assert read_entry("data", "x", key) == b"payload"
    assert read_entry("data", "x", entry_key("other")) is None
    assert read_entry("data", "y", key) is None
    (entry,) = (tmp_path / "prepkit" / "data").iterdir()
    entry.write_bytes(entry.read_bytes()[:-1] + b"!")
    assert read_entry("data", "x", key) is None


# --- the cache under attack (#15 items 5 and 6) ------------------------------------------


def test_a_folder_others_can_write_is_never_used(tmp_path: Path) -> None:
    # Found by red-team: a planted compiled template ran `id`; a re-encoded catalog
    # made every footer print "PLANTED". Entries are only trusted in a folder that
    # only this user can write; this one is world-writable, so nothing in it is read.
    first = run_example(tmp_path / "first", tmp_path / "cache")
    shared = tmp_path / "shared"
    (shared / "prepkit").mkdir(parents=True)
    for kind in KINDS:
        planted = shared / "prepkit" / kind
        planted.mkdir(mode=0o777)
        os.chmod(planted, 0o777)
        for entry in entries(tmp_path / "cache")[kind]:
            (planted / entry.name).write_bytes(b"PLANTED" * 100)
    assert run_example(tmp_path / "second", shared) == first
    for kind in KINDS:  # neither read nor written
        assert all(
            p.read_bytes() == b"PLANTED" * 100 for p in (shared / "prepkit" / kind).iterdir()
        )


def test_compiled_templates_are_kept_without_pickle(tmp_path: Path) -> None:
    from jinja2.bccache import bc_magic  # Jinja's header, followed by a pickle

    run_example(tmp_path / "first", tmp_path / "cache")
    for entry in entries(tmp_path / "cache")["templates"]:
        assert bc_magic not in entry.read_bytes()


def test_a_relative_xdg_cache_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The XDG spec says to ignore a relative path; it put the cache in the current folder.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_folder("templates") == tmp_path / "home" / ".cache" / "prepkit" / "templates"
    assert not (tmp_path / "relative-cache").exists()


def test_an_entry_is_never_written_through_a_planted_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by red-team: temporary files were opened without O_EXCL | O_NOFOLLOW, so a
    # link planted at the (predictable) temporary name made prepkit overwrite its target.
    import prepkit.cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(prepkit.cache, "_token", lambda: "guessed")
    folder = cache_folder("templates")
    assert folder is not None
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    key = entry_key("x")
    (folder / f".Font.{key}.guessed.tmp").symlink_to(victim)
    write_entry("templates", "Font", key, b"measurements")
    assert victim.read_text() == "precious"
    assert read_entry("templates", "Font", key) is None


def test_an_entry_copied_under_another_key_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    # Found by red-team (#15 item 6): an entry copied under another font's key crashed
    # every later run with a traceback: the checksum did not cover the key.
    first = run_example(tmp_path / "first", tmp_path / "cache")
    one, other = entries(tmp_path / "cache")["templates"][:2]
    other.write_bytes(one.read_bytes())
    assert run_example(tmp_path / "second", tmp_path / "cache") == first
