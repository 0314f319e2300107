"""Plant four kinds of bad medical content in a copy of the project and show the suite
catching each one.

    python bench/content_mutations.py

A content test is only worth trusting if it fails when a sentence is invented.
Each mutation below is applied to a fresh copy of the working tree, then the
content tests run there; the copy with no mutation must pass, and every mutated
copy must fail. The copies have no ``shared/reference`` beside them, as a fresh
clone may not: the suite checks against the fingerprints in the repository.
Making the fourth mutation needs the references beside this repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCES = ROOT.parent / "shared" / "reference"
TESTS = ["tests/test_sources.py", "tests/test_card_words.py"]
_IGNORE = shutil.ignore_patterns(".git", ".venv", "__pycache__", ".pytest_cache", ".mypy_cache")


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str
    old: str
    new: str


def _across_a_line_break() -> str:
    """The last four words of one paragraph of a reference and the first four of the next."""
    sys.path.insert(0, str(ROOT))
    from tests.references import words

    text = (REFERENCES / "sm-condition-guide.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in text.splitlines() if len(words(line)) >= 6]
    return " ".join(words(paragraphs[3])[-4:] + words(paragraphs[4])[:4]).capitalize() + "."


def mutations() -> list[Mutation]:
    return [
        Mutation(
            "an invented card line, keeping the item's source and evidence",
            "prepkit/content/catalog.yaml",
            "text: I carry self-injecting epinephrine, which treats severe allergic reactions.",
            "text: I carry epinephrine; call 911 and give me two doses in the thigh.",
        ),
        Mutation(
            'evidence "the"',
            "prepkit/content/catalog.yaml",
            "evidence: Physical or emotional stress",
            "evidence: the",
        ),
        Mutation(
            "an 11-word copy in a label, another string after it on its line",
            "prepkit/wizard/care.py",
            "def _member(",
            'SPARE_WORDS = ("Systemic mastocytosis is a rare blood disorder. It happens when '
            'your body makes", "Relation to you")\n\n\ndef _member(',
        ),
        Mutation(
            "a copy across a line break of a reference",
            "prepkit/content/catalog.yaml",
            "text: Triggers differ from person to person.",
            f"text: {_across_a_line_break()}",
        ),
    ]


def _copy() -> Path:
    """A copy of the working tree, without the references beside it."""
    base = Path(tempfile.mkdtemp(prefix="prepkit-mutation-"))
    shutil.copytree(ROOT, base / "project", ignore=_IGNORE)
    return base


def _suite_passes(project: Path) -> bool:
    # Not a full run: the suite's own run of this tool would start it again, and again.
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PREPKIT_FULL_TESTS")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            *TESTS,
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0


def main() -> int:
    if not REFERENCES.is_dir():
        print(f"no references at {REFERENCES}", file=sys.stderr)
        return 2
    rows: list[tuple[str, str]] = []
    base = _copy()

    try:
        rows.append(("no mutation", "passes" if _suite_passes(base / "project") else "FAILS"))
        for mutation in mutations():
            shutil.rmtree(base / "project")
            shutil.copytree(ROOT, base / "project", ignore=_IGNORE)
            target = base / "project" / mutation.path
            text = target.read_text(encoding="utf-8")
            if mutation.old not in text:
                rows.append((mutation.name, "NOT APPLIED (text not found)"))
                continue
            target.write_text(text.replace(mutation.old, mutation.new, 1), encoding="utf-8")
            caught = not _suite_passes(base / "project")
            rows.append((mutation.name, "caught" if caught else "MISSED"))
    finally:
        shutil.rmtree(base)
    for name, outcome in rows:
        print(f"{outcome:>8}  {name}")
    good = rows[0][1] == "passes" and all(outcome == "caught" for _, outcome in rows[1:])
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())
