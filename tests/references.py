"""The two reference documents as the content tests read them, and the checks on them.

A section is the text from a heading to the next heading. The documents are
plain text scraped from web pages, so a heading is a short line that does not
end like a sentence (``.``, ``,``, ``:``, ``;``), is not a bullet, and is not an
image's caption (``... icon``).

The checks need only fingerprints of the documents, never their words: every run
of 8 words (for copies), every phrase of 3 to 12 words of each section (for the
evidence phrases) and the content-word stems of each section (for what an item
says), each as a short hash. ``tests/reference_prints.json`` holds them, made
from ``shared/reference`` by ``python -m tests.references``, so the content
tests run on a clone without the references beside it; where the references are
beside the clone, they are read instead and a test holds the file current. The
documents' words never enter the repository.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
PRINTS_FILE = Path(__file__).with_name("reference_prints.json")
COPY_WORDS = 8  # a run this long shared with a reference is a copy
EVIDENCE_WORDS = 3  # an evidence phrase shorter than this ("the") points nowhere
EVIDENCE_MOST = 12  # and one longer than this is a quotation, not a pointer


def is_heading(line: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and len(text.split()) <= 12
        and not text.startswith("•")
        and not re.search(r"[.,:;]$", text)
        and "icon" not in text.split()
    )


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes and dashes made plain, so a copy cannot hide."""
    plain = text.replace("\u2019", "'").replace("\u2014", "-")
    return re.findall(r"[a-z0-9]+", plain.lower())


def _print(run: Iterable[str]) -> str:
    """A run of words as 4 bytes of a hash: enough to tell thousands of runs apart."""
    digest = hashlib.blake2b(" ".join(run).encode(), digest_size=4).digest()
    return base64.b64encode(digest).decode()[:6]


def _runs(found: list[str], size: int) -> set[str]:
    return {_print(found[i : i + size]) for i in range(len(found) - size + 1)}


@dataclass(frozen=True)
class Section:
    phrases: frozenset[str]  # every run of 3 to 12 words
    stems: frozenset[str]  # every content-word stem


@dataclass(frozen=True)
class Reference:
    """What the checks know of the reference documents."""

    copies: frozenset[str]  # every run of 8 words, each document read as one stream
    sections: dict[str, dict[str, Section]]  # document -> heading -> section

    @classmethod
    def from_texts(cls, texts: dict[str, str]) -> Reference:
        copies: set[str] = set()
        documents: dict[str, dict[str, Section]] = {}
        for document, text in texts.items():
            copies |= _runs(words(text), COPY_WORDS)
            documents[document] = {
                heading: Section(
                    frozenset(
                        set().union(
                            *(
                                _runs(words(body), n)
                                for n in range(EVIDENCE_WORDS, EVIDENCE_MOST + 1)
                            )
                        )
                    ),
                    frozenset(_print([stem]) for stem in content_stems(body)),
                )
                for heading, body in _split(text).items()
            }
        return cls(frozenset(copies), documents)

    def to_json(self) -> str:
        return (
            json.dumps(
                {
                    "copies": "".join(sorted(self.copies)),
                    "sections": {
                        document: {
                            heading: {
                                "phrases": "".join(sorted(section.phrases)),
                                "stems": "".join(sorted(section.stems)),
                            }
                            for heading, section in sorted(headings.items())
                        }
                        for document, headings in sorted(self.sections.items())
                    },
                },
                indent=1,
                ensure_ascii=False,
            )
            + "\n"
        )

    @classmethod
    def from_json(cls, text: str) -> Reference:
        data = json.loads(text)
        return cls(
            _chunks(data["copies"]),
            {
                document: {
                    heading: Section(_chunks(s["phrases"]), _chunks(s["stems"]))
                    for heading, s in headings.items()
                }
                for document, headings in data["sections"].items()
            },
        )


def _chunks(joined: str) -> frozenset[str]:
    return frozenset(joined[i : i + 6] for i in range(0, len(joined), 6))


def _split(text: str) -> dict[str, str]:
    """Each heading of a document with its text (up to the next heading)."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if is_heading(line):
            current = found.setdefault(line.strip(), [])
        else:
            current.append(line)
    return {heading: "\n".join(lines) for heading, lines in found.items()}


def read_references() -> Reference | None:
    """The documents themselves, where they are beside the clone."""
    paths = sorted(REFERENCE_DIR.glob("*.txt"))
    if not paths:
        return None
    return Reference.from_texts({p.name: p.read_text(encoding="utf-8") for p in paths})


@cache
def reference() -> Reference:
    """The documents if they are here, else their fingerprints; neither is an error,
    never a skip (a content test that skips passes nothing)."""
    found = read_references()
    if found is not None:
        return found
    if not PRINTS_FILE.is_file():
        raise FileNotFoundError(f"neither {REFERENCE_DIR} nor {PRINTS_FILE} is here")
    return Reference.from_json(PRINTS_FILE.read_text(encoding="utf-8"))


def evidence_problem(source: str, evidence: str, known: Reference | None = None) -> str | None:
    """Why ``evidence`` is not found in the section ``source`` names, or None."""
    known = known or reference()
    document, _, heading = source.partition("#")
    if document not in known.sections:
        return f"{document} is not a reference document"
    section = known.sections[document].get(heading)
    if section is None:
        return f"{document} has no heading {heading!r}"
    found = words(evidence)
    if not EVIDENCE_WORDS <= len(found) <= EVIDENCE_MOST:
        return f"evidence {evidence!r} is not {EVIDENCE_WORDS} to {EVIDENCE_MOST} words"
    if _print(found) not in section.phrases:
        return f"{evidence!r} does not occur in {document}#{heading}"
    return None


def copied_runs(text: str, known: Reference | None = None) -> list[str]:
    """Every run of 8 words in ``text`` that a reference also has."""
    copies = (known or reference()).copies
    found = words(text)
    return [
        " ".join(found[i : i + COPY_WORDS])
        for i in range(len(found) - COPY_WORDS + 1)
        if _print(found[i : i + COPY_WORDS]) in copies
    ]


# --- whether an item says what its passage says ---------------------------------------

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


def support_problem(
    text: str, cited: list[tuple[str, str]], known: Reference | None = None
) -> str | None:
    """Why ``text`` may not say what its cited passages say, or None.

    ``cited`` holds (source, evidence) pairs. Three checks anyone can repeat: each
    evidence is a phrase (three words or more), one shares a content word with the
    text (it is about the same thing), and most of the text's content words occur
    in the cited sections (SECTION_SHARE).
    """
    known = known or reference()
    for _, evidence in cited:
        if len(words(evidence)) < EVIDENCE_WORDS:
            return f"evidence {evidence!r} is shorter than {EVIDENCE_WORDS} words"
    said = content_stems(text)
    if not any(said & content_stems(evidence) for _, evidence in cited):
        return f"no evidence of {[e for _, e in cited]} shares a content word with {text!r}"
    sections = [
        known.sections.get(document, {}).get(heading)
        for document, _, heading in (source.partition("#") for source, _ in cited)
    ]
    present = {stem for stem in said if any(s and _print([stem]) in s.stems for s in sections)}
    share = len(present) / len(said)
    if share < SECTION_SHARE:
        missing = ", ".join(sorted(said - present))
        where = " and ".join(source for source, _ in cited)
        return f"{share:.0%} of {text!r} occurs in {where} (missing: {missing})"
    return None


if __name__ == "__main__":
    # Remake the fingerprints after the references change (the suite says when).
    made = read_references()
    if made is None:
        raise SystemExit(f"no references at {REFERENCE_DIR}")
    PRINTS_FILE.write_text(made.to_json(), encoding="utf-8")
    print(f"wrote {PRINTS_FILE}")
