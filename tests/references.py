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
    """Every run of 8 words in the references, each document read as one stream of
    words: a copy that crosses a line break in the source is still a copy."""
    runs: set[tuple[str, ...]] = set()
    for path in REFERENCE_DIR.glob("*.txt"):
        found = words(path.read_text(encoding="utf-8"))
        runs.update(tuple(found[i : i + COPY_WORDS]) for i in range(len(found) - COPY_WORDS + 1))
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


# --- whether an item says what its passage says ---------------------------------------

EVIDENCE_WORDS = 3  # an evidence phrase shorter than this ("the") points nowhere
# At least this share of an item's content words must occur in the section it cites.
# Honest items, paraphrased, score 0.33 and up; a line written without the source
# ("Call 911 and give two doses in the thigh") scores about 0.14.
SECTION_SHARE = 0.3
_STOP = frozenset(
    (
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "in",
        "on",
        "to",
        "for",
        "with",
        "your",
        "you",
        "my",
        "i",
        "me",
        "it",
        "its",
        "is",
        "are",
        "be",
        "been",
        "can",
        "may",
        "that",
        "this",
        "which",
        "what",
        "when",
        "how",
        "do",
        "does",
        "have",
        "has",
        "at",
        "by",
        "as",
        "from",
        "if",
        "not",
        "no",
        "so",
        "than",
        "other",
        "others",
        "more",
        "most",
        "such",
        "into",
        "very",
        "they",
        "them",
        "their",
        "was",
        "were",
        "will",
        "would",
        "could",
        "should",
        "also",
        "any",
        "all",
        "each",
        "one",
        "some",
        "about",
        "there",
        "these",
        "those",
        "then",
        "but",
        "get",
        "gets",
        "yet",
        "still",
    )
)
# The one abbreviation the catalog uses for the references' words.
_SAME = {"sm": ("systemic", "mastocytosis")}


def content_stems(text: str) -> set[str]:
    """The content words of ``text``, cut to four letters so "bone" meets "bones" and
    "relieve" meets "relief"."""
    stems: set[str] = set()
    for word in words(text):
        for part in _SAME.get(word, (word,)):
            if part not in _STOP and len(part) > 1:
                stems.add(part[:4])
    return stems


def support_problem(text: str, source: str, evidence: str) -> str | None:
    """Why ``text`` may not say what its cited passage says, or None.

    Three checks anyone can repeat: the evidence is a phrase (three words or more),
    it shares a content word with the text (it is about the same thing), and most
    of the text's content words occur in the cited section (SECTION_SHARE).
    """
    if len(words(evidence)) < EVIDENCE_WORDS:
        return f"evidence {evidence!r} is shorter than {EVIDENCE_WORDS} words"
    said = content_stems(text)
    if not said & content_stems(evidence):
        return f"evidence {evidence!r} shares no content word with {text!r}"
    document, _, heading = source.partition("#")
    section = content_stems(sections(document).get(heading, ""))
    share = len(said & section) / len(said)
    if share < SECTION_SHARE:
        missing = ", ".join(sorted(said - section))
        return f"{share:.0%} of {text!r} occurs in {source} (missing: {missing})"
    return None
