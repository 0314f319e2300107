"""Templates are compiled when prepkit is released, never into a cache (#28).

Found by #28: compiled templates were kept in the user's cache folder and loaded
with marshal, checked by an unkeyed SHA-256: whoever could write that folder
could plant code that ran on the next build. Now they are Python modules inside
the package, checked here against the templates they come from, and no run
reads or writes a cache folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from prepkit.content.environment import COMPILED, compile_templates, template_stamp
from prepkit.core.resources import resource_dir
from prepkit.profile.schema import Profile
from tests.conftest import PINNED_EPOCH

UPDATE = bool(os.environ.get("PREPKIT_UPDATE_TEMPLATES"))


def test_the_compiled_templates_are_those_of_todays_templates(tmp_path: Path) -> None:
    """After editing a template: PREPKIT_UPDATE_TEMPLATES=1 .venv/bin/pytest this file."""
    fresh = tmp_path / "compiled"
    fresh.mkdir()
    compile_templates(fresh)
    if UPDATE:
        shutil.rmtree(COMPILED, ignore_errors=True)
        shutil.copytree(fresh, COMPILED)
    names = sorted(p.name for p in fresh.iterdir())
    assert sorted(p.name for p in COMPILED.iterdir() if p.name != "__pycache__") == names
    for name in names:
        assert (COMPILED / name).read_bytes() == (fresh / name).read_bytes(), name


def run_example(out: Path, env: dict[str, str], *python: str) -> bytes:
    subprocess.run(
        [*(python or (sys.executable,)), "-m", "prepkit", "example", "-o", str(out)],
        env={**env, "SOURCE_DATE_EPOCH": PINNED_EPOCH},
        check=True,
        capture_output=True,
    )
    return (out / "example-worksheet.pdf").read_bytes() + (
        out / "example-wallet-card.pdf"
    ).read_bytes()


def test_no_run_reads_or_writes_a_cache_folder_and_a_planted_entry_changes_nothing(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    planted = cache / "prepkit" / "templates"
    planted.mkdir(parents=True)
    marker = tmp_path / "ran"
    # What an attacker would plant: code, under every name an entry could have had.
    code = f"open({str(marker)!r}, 'w').write('ran')".encode()
    import marshal

    for name in ("worksheet", "card", "x" * 40):
        (planted / name).write_bytes(marshal.dumps(compile(code, "x", "exec")))
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path)}
    printed = run_example(tmp_path / "a", env)
    assert not marker.exists()
    assert sorted(p.name for p in planted.iterdir()) == sorted(["worksheet", "card", "x" * 40])
    assert not (tmp_path / ".cache").exists()
    clean = run_example(tmp_path / "b", {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "c2")})
    assert printed == clean
    assert not (tmp_path / "c2").exists()


def test_an_edited_template_is_compiled_in_memory_and_prints_the_same_as_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_profile: Profile
) -> None:
    from prepkit.content import environment
    from prepkit.documents.render import render_worksheet

    profile = example_profile
    environment.make_environment.cache_clear()
    compiled = environment.make_environment()
    assert type(compiled.loader).__name__ == "ModuleLoader"
    from_modules = render_worksheet(profile)
    monkeypatch.setattr(environment, "COMPILED", tmp_path / "nothing-here")
    environment.make_environment.cache_clear()
    try:
        in_memory = environment.make_environment()
        assert type(in_memory.loader).__name__ == "FileSystemLoader"
        assert render_worksheet(profile) == from_modules
    finally:
        environment.make_environment.cache_clear()
    assert template_stamp(resource_dir("templates")) != ""
