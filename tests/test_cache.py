"""Compiled templates, font measurements and bundled data are kept between runs,
and a cache that misbehaves changes nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from prepkit.cache import bundled_data, cache_folder, entry_key, read_entry, write_entry
from tests.conftest import PINNED_EPOCH

KINDS = ("templates", "fonts", "data")


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
    assert sorted(p.name.split(".")[0] for p in kept["fonts"]) == [
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
    ]
    assert [p.name.split(".")[0] for p in kept["data"]] == ["catalog", "styles"]
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


def test_bundled_data_is_parsed_once_then_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source, code = tmp_path / "numbers.yaml", tmp_path / "numbers.py"
    source.write_text("1 2 3", encoding="utf-8")
    code.write_text("# the structure", encoding="utf-8")
    parsed: list[str] = []

    def parse(text: str) -> list[int]:
        parsed.append(text)
        return [int(word) for word in text.split()]

    assert bundled_data(source, code, parse, list[int]) == [1, 2, 3]
    assert bundled_data(source, code, parse, list[int]) == [1, 2, 3]
    assert parsed == ["1 2 3"]  # the second came from the cache
    source.write_text("4 5", encoding="utf-8")
    assert bundled_data(source, code, parse, list[int]) == [4, 5]
    code.write_text("# the structure, changed", encoding="utf-8")
    assert bundled_data(source, code, parse, list[int]) == [4, 5]
    assert parsed == ["1 2 3", "4 5", "4 5"]  # an edited file or module is a miss
    assert len(list((tmp_path / "cache" / "prepkit" / "data").iterdir())) == 1  # old ones gone


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


def test_a_font_read_back_from_the_cache_is_the_font_reportlab_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    from prepkit.layout import fonts
    from prepkit.layout.styles import load_styles

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = load_styles().font_path("bold")
    fresh = TTFont("Probe", str(path))
    written = fonts._font("Probe", path)  # reads the font, keeps its measurements
    kept = fonts._font("Probe", path)  # from the cache
    assert len(list((tmp_path / "prepkit" / "fonts").iterdir())) == 1
    for font in (written, kept):
        assert font.__dict__.keys() == fresh.__dict__.keys()
        assert font.fontName == "Probe" and font.shapable == fresh.shapable
        assert font._asciiReadable == fresh._asciiReadable
        face, fresh_face = dict(font.face.__dict__), dict(fresh.face.__dict__)
        assert face.pop("_pdfScale")(1234.5) == fresh_face.pop("_pdfScale")(1234.5)
        assert face == fresh_face
        assert font.face.name.ustr == fresh.face.name.ustr
        assert font.stringWidth("Épinéphrine 0,3 mg", 9.5) == fresh.stringWidth(
            "Épinéphrine 0,3 mg", 9.5
        )


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
    assert cache_folder("fonts") == tmp_path / "home" / ".cache" / "prepkit" / "fonts"
    assert not (tmp_path / "relative-cache").exists()


def test_an_entry_is_never_written_through_a_planted_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by red-team: temporary files were opened without O_EXCL | O_NOFOLLOW, so a
    # link planted at the (predictable) temporary name made prepkit overwrite its target.
    import prepkit.cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(prepkit.cache, "_token", lambda: "guessed")
    folder = cache_folder("fonts")
    assert folder is not None
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    key = entry_key("x")
    (folder / f".Font.{key}.guessed.tmp").symlink_to(victim)
    write_entry("fonts", "Font", key, b"measurements")
    assert victim.read_text() == "precious"
    assert read_entry("fonts", "Font", key) is None


def test_an_entry_copied_under_another_key_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    # Found by red-team (#15 item 6): an entry copied under another font's key crashed
    # every later run with a traceback: the checksum did not cover the key.
    first = run_example(tmp_path / "first", tmp_path / "cache")
    fonts = entries(tmp_path / "cache")["fonts"]
    regular = next(p for p in fonts if p.name.startswith("DejaVuSans."))
    bold = next(p for p in fonts if p.name.startswith("DejaVuSans-Bold."))
    bold.write_bytes(regular.read_bytes())
    assert run_example(tmp_path / "second", tmp_path / "cache") == first
