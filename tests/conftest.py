from __future__ import annotations

from pathlib import Path

import pytest

from prepkit.content.catalog import CATALOG_FILE
from prepkit.profile.loader import read_profile
from prepkit.profile.schema import Profile
from prepkit.render import render_worksheet

EXAMPLE = CATALOG_FILE.with_name("example-profile.yaml")


@pytest.fixture(autouse=True)
def _fixed_date(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2026-11-21: makes the "prepared" date and PDF timestamps stable.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795219200")


@pytest.fixture(scope="session")
def example_profile() -> Profile:
    return read_profile(EXAMPLE)


@pytest.fixture(scope="session")
def example_pdf(example_profile: Profile) -> bytes:
    return render_worksheet(example_profile)


def write_profile(tmp_path: Path, text: str, name: str = "profile.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _no_network(*args: object, **kwargs: object) -> None:
    raise RuntimeError("prepkit must never open a network connection")


def pytest_configure(config: pytest.Config) -> None:
    """Block every outgoing connection for the whole suite: prepkit works offline.

    Compiled templates go to a cache folder of the run's own, not the user's.
    """
    import os
    import socket
    import tempfile

    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="prepkit-test-cache-")

    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[assignment,method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """qpdf --check every PDF the tests wrote; one that fails fails the run."""
    import shutil
    import subprocess

    qpdf = shutil.which("qpdf")
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None:
        return
    pdfs = sorted(factory.getbasetemp().rglob("*.pdf"))
    if qpdf is None:
        print("\nqpdf is not installed: the PDFs the tests wrote were not checked")
        session.exitstatus = 1
        return
    bad = [
        pdf
        for pdf in pdfs
        if subprocess.run([qpdf, "--check", str(pdf)], capture_output=True).returncode != 0
    ]
    print(f"\nqpdf --check: {len(pdfs) - len(bad)} of {len(pdfs)} PDFs written by the tests pass")
    if bad:
        print("\n".join(f"  failed: {pdf}" for pdf in bad))
        session.exitstatus = 1


@pytest.fixture(scope="session")
def previous_pdf() -> bytes:
    """A real PDF standing in for last week's worksheet, to check it survives a failure."""
    from prepkit.render import blank_profile

    return render_worksheet(blank_profile())
