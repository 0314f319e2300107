"""The two reference documents, read as sections, and the test for copied wording.

A section is the text from a heading to the next heading. The documents are
plain text scraped from web pages, so a heading is a short line that does not
end like a sentence (``.``, ``,``, ``:``, ``;``), is not a bullet, and is not an
image's caption (``... icon``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
COPY_WORDS = 8  # a run this long shared with a reference is a copy


def is_heading(line: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and len(text.split()) <= 12
        and not text.startswith("•")
        and not re.search(r"[.,:;]$", text)
        and "icon" not in text.split()
    )


@cache
def sections(document: str) -> dict[str, str]:
    """Each heading of ``document`` with its text (up to the next heading)."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in (REFERENCE_DIR / document).read_text(encoding="utf-8").splitlines():
        if is_heading(line):
            current = found.setdefault(line.strip(), [])
        else:
            current.append(line)
    return {heading: "\n".join(lines) for heading, lines in found.items()}


def evidence_problem(source: str, evidence: str) -> str | None:
    """Why ``evidence`` is not found in the section ``source`` names, or None."""
    document, _, heading = source.partition("#")
    if not (REFERENCE_DIR / document).is_file():
        return f"{document} is not a reference document"
    text = sections(document).get(heading)
    if text is None:
        return f"{document} has no heading {heading!r}"
    if _plain(evidence) not in _plain(text):
        return f"{evidence!r} does not occur in {document}#{heading}"
    return None


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes and dashes made plain, so a copy cannot hide."""
    return re.findall(r"[a-z0-9]+", _plain(text).lower())


@cache
def reference_runs() -> frozenset[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in REFERENCE_DIR.glob("*.txt"):
        for paragraph in path.read_text(encoding="utf-8").splitlines():
            found = words(paragraph)
            runs.update(tuple(found[i : i + COPY_WORDS]) for i in range(len(found) - 7))
    return frozenset(runs)


def copied_runs(text: str) -> list[str]:
    """Every run of 8 words in ``text`` that a reference also has."""
    found = words(text)
    runs = reference_runs()
    return [
        " ".join(found[i : i + COPY_WORDS])
        for i in range(len(found) - COPY_WORDS + 1)
        if tuple(found[i : i + COPY_WORDS]) in runs
    ]


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2014", "-").split())
