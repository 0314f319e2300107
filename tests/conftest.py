from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from prepkit.content.catalog import CATALOG_FILE
from prepkit.content.rules import read_profile
from prepkit.documents.render import render_worksheet
from prepkit.profile.schema import Profile

BUNDLED_EXAMPLE = CATALOG_FILE.with_name("example-profile.yaml")
# Tests build from a copy: a build keeps a visit copy beside its profile, and the
# package's own folder must never be written to (a non-editable install is read-only).
EXAMPLE = Path(tempfile.mkdtemp(prefix="prepkit-example-")) / BUNDLED_EXAMPLE.name
shutil.copyfile(BUNDLED_EXAMPLE, EXAMPLE)


@pytest.fixture(scope="session", autouse=True)
def _nothing_written_into_the_package() -> Iterator[None]:
    package = Path(CATALOG_FILE).resolve().parents[1]
    before = sorted(str(p) for p in package.rglob("*") if "__pycache__" not in p.parts)
    yield
    after = sorted(str(p) for p in package.rglob("*") if "__pycache__" not in p.parts)
    assert after == before, f"tests wrote into the package: {set(after) - set(before)}"


# The full-size property and hostile-input runs: in CI (which sets CI), or when
# PREPKIT_FULL_TESTS=1 is set; a default local run takes a sample of each.
FULL_RUN = bool(os.environ.get("CI") or os.environ.get("PREPKIT_FULL_TESTS"))
# More drugs to avoid than even the largest fold-out card holds, each with a reaction
# two lines long on the card: 98, so a profile with two more is still within limits.
TOO_MANY_TO_AVOID = "".join(
    f'  - {{name: Medicine number {i}, reaction: "hives, throat swelling, flushing and a '
    f'drop in blood pressure within minutes of a dose"}}\n'
    for i in range(98)
)

# 2026-11-21 00:00 UTC: the "prepared" date and PDF timestamps of every test.
PINNED_EPOCH = "1795219200"
PINNED_DATE = "21 November 2026"


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
    """Settings for the whole session, made before any fixture or test can run.

    The date is pinned here, not in a fixture, so no session-scoped fixture can
    be built before the pin and print today's date. Compiled templates go to a
    cache folder of the run's own, not the user's. Every outgoing connection is
    blocked: prepkit works offline.
    """
    import socket
    import tempfile

    os.environ["SOURCE_DATE_EPOCH"] = PINNED_EPOCH
    os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="prepkit-test-cache-")

    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[assignment,method-assign]
    socket.create_connection = _no_network  # type: ignore[assignment]
    socket.getaddrinfo = _no_network  # type: ignore[assignment]


def _problems(pdf: Path) -> list[str]:
    import pikepdf

    from tests.pdf_tools import structure_problems

    try:
        return structure_problems(pdf.read_bytes())
    except pikepdf.PdfError as error:  # not even readable as a PDF
        return [str(error)]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Check the syntax of every PDF the tests wrote (qpdf's checker, via pikepdf)."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None:
        return
    # Regular files only: a test may leave a pipe where a PDF would go.
    pdfs = sorted(p for p in factory.getbasetemp().rglob("*.pdf") if p.is_file())
    bad = {pdf: problems for pdf in pdfs if (problems := _problems(pdf))}
    passed = len(pdfs) - len(bad)
    print(f"\nPDF syntax check: {passed} of {len(pdfs)} PDFs written by the tests pass")
    for pdf, problems in bad.items():
        print(f"  failed: {pdf}: {problems[0]}")
    if bad:
        session.exitstatus = 1


@pytest.fixture(scope="session")
def previous_pdf() -> bytes:
    """A real PDF standing in for last week's worksheet, to check it survives a failure."""
    from prepkit.documents.render import blank_profile

    return render_worksheet(blank_profile())
