"""Medical content anyone can verify: each catalog item's passage, and no copied wording.

Every clinical sentence prepkit prints comes from catalog.yaml, where each item
names a section of a reference document and an evidence phrase. Here, for every
item, the phrase must occur in that section; and nothing prepkit can print (the
documents, the templates, the wizard's words, the catalog) may share a run of 8
words with a reference. Both need ``shared/reference`` beside the repository, as
in CI. The last two tests show that each check catches what it is for.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from prepkit.cli import main
from prepkit.content.catalog import load_catalog
from prepkit.content.rules import to_profile
from prepkit.render import render_card, render_worksheet
from tests.pdf_tools import flat_text
from tests.references import REFERENCE_DIR, copied_runs, evidence_problem
from tests.test_wizard import FIRST_RUN

ROOT = Path(__file__).resolve().parents[1]
needs_references = pytest.mark.skipif(
    not REFERENCE_DIR.is_dir(), reason="shared/reference is not beside the repository"
)


@needs_references
def test_every_items_evidence_occurs_in_the_section_it_cites() -> None:
    problems = [
        f"{group}:{item.id}: {problem}"
        for group, item in load_catalog().all_items()
        if (problem := evidence_problem(item.source, item.evidence))
    ]
    assert not problems, "\n".join(problems)


def _printed_documents() -> dict[str, str]:
    """The text of every kind of document: example and blank, standard and large print."""
    from prepkit.content.rules import read_profile

    profiles = {
        "example": read_profile(ROOT / "prepkit/content/example-profile.yaml"),
        "blank": to_profile({"schema_version": 1}),
        "suspected": to_profile({"schema_version": 1, "diagnosis": {"type": "suspected"}}),
    }
    texts = {}
    for name, profile in profiles.items():
        for large in (False, True):
            texts[f"{name} worksheet{' (large)' if large else ''}"] = flat_text(
                render_worksheet(profile, large_print=large)
            )
        texts[f"{name} wallet card"] = flat_text(render_card(profile).pdf)
    return texts


def _wizard_words() -> dict[str, str]:
    """What the wizard says in a first run with '?' at every prompt, and every string in code."""
    answers = [step for answer in FIRST_RUN for step in ("?", answer)]
    result = CliRunner().invoke(main, ["wizard", "p.yaml", "--no-card"], input="\n".join(answers))
    texts = {"wizard transcript": result.output}
    for path in sorted((ROOT / "prepkit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts[f"{path.relative_to(ROOT)}:{node.lineno}"] = node.value
    for path in sorted((ROOT / "templates").rglob("*.j2")):
        texts[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    # The catalog's printable words (its sources and evidence quote the references
    # on purpose, and are never printed).
    catalog = load_catalog()
    texts["catalog attribution"] = f"{catalog.attribution}\n{catalog.card_attribution}"
    for group, item in catalog.all_items():
        for field in ("name", "summary", "text"):
            texts[f"catalog {group}:{item.id} {field}"] = getattr(item, field, "")
    return texts


@needs_references
def test_nothing_prepkit_prints_copies_8_words_from_a_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the wizard saves its profile here
    texts = {**_printed_documents(), **_wizard_words()}
    copies = [f"{where}: {run!r}" for where, text in texts.items() for run in copied_runs(text)]
    assert not copies, "\n".join(copies)


@needs_references
def test_a_wrong_citation_is_caught() -> None:
    """The types once cited a section that never mentions them."""
    wrong = "sm-condition-guide.txt#What is systemic mastocytosis?"
    assert evidence_problem(wrong, "This is the most common type of systemic mastocytosis")
    assert evidence_problem(wrong + "!", "abnormal mast cells")  # no such heading
    right = "sm-condition-guide.txt#How does this condition affect my body?"
    assert evidence_problem(right, "This is the most common type of systemic mastocytosis") is None


@needs_references
def test_a_copied_sentence_is_caught() -> None:
    """The question once printed was the guide's heading, word for word."""
    assert copied_runs("When should I go to the emergency room?") == [
        "when should i go to the emergency room"
    ]
    # Curly apostrophes, hyphens and case do not hide a copy.
    assert copied_runs("...ALL people with this condition have an increased RISK of anaphylaxis")
    assert not copied_runs("Which changes in my symptoms mean I should go to an emergency room?")
