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
    """Block every outgoing connection for the whole suite: prepkit works offline."""
    import socket

    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[assignment,method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]
