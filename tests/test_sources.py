"""Medical content anyone can verify: each catalog item's passage, and no copied wording.

Every clinical sentence prepkit prints comes from catalog.yaml, where each item
names a section of a reference document and an evidence phrase. Here, for every
item, the phrase must occur in that section; and nothing prepkit can print (the
documents, the templates, the wizard's words, the catalog) may share a run of 8
words with a reference. Both need ``shared/reference`` beside the repository, as
in CI, or their fingerprints (tests/references.py). The tests below the honest ones
show that each check catches what it is for.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from prepkit.cli import main
from prepkit.content.catalog import load_catalog
from prepkit.content.rules import to_profile
from prepkit.documents.render import render_card, render_worksheet
from tests.conftest import FULL_RUN
from tests.pdf_tools import flat_text
from tests.references import (
    PRINTS_FILE,
    REFERENCE_DIR,
    Reference,
    copied_runs,
    evidence_problem,
    read_references,
    support_problem,
)
from tests.test_wizard import FIRST_RUN

ROOT = Path(__file__).resolve().parents[1]
needs_references = pytest.mark.skipif(
    not REFERENCE_DIR.is_dir(), reason="shared/reference is not beside the repository"
)


def test_every_items_evidence_occurs_in_the_section_it_cites() -> None:
    problems = [
        f"{group}:{item.id}: {problem}"
        for group, item in load_catalog().all_items()
        for cited in item.citations()
        if (problem := evidence_problem(cited.source, cited.evidence))
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


def _code_strings(name: str, source: str) -> dict[str, str]:
    """Every string in ``source``, by line and column: two strings on one line are two
    texts (keyed by line alone, the second hid the first from the copy check)."""
    return {
        f"{name}:{node.lineno}:{node.col_offset}": node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def _wizard_words() -> dict[str, str]:
    """What the wizard says in a first run with '?' at every prompt, and every string in code."""
    answers = [step for answer in FIRST_RUN for step in ("?", answer)]
    result = CliRunner().invoke(main, ["wizard", "p.yaml", "--no-card"], input="\n".join(answers))
    texts = {"wizard transcript": result.output}
    for path in sorted((ROOT / "prepkit").rglob("*.py")):
        texts.update(_code_strings(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
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


def _cited(item: Any) -> list[tuple[str, str]]:
    return [(cited.source, cited.evidence) for cited in item.citations()]


def _item_text(item: object) -> str:
    return " ".join(
        text for field in ("name", "summary", "text") if (text := getattr(item, field, ""))
    )


def test_every_item_says_what_its_passage_says() -> None:
    problems = [
        f"{group}:{item.id}: {problem}"
        for group, item in load_catalog().all_items()
        if (problem := support_problem(_item_text(item), _cited(item)))
    ]
    assert not problems, "\n".join(problems)


def test_an_invented_line_and_evidence_that_points_nowhere_are_caught() -> None:
    """Planted: a card line nobody wrote, keeping an honest item's source and evidence."""
    catalog = load_catalog()
    item = next(i for i in catalog.card if i.id == "carry-epinephrine")
    assert support_problem(item.text, _cited(item)) is None
    invented = "I carry epinephrine: call 911 and give two doses in the thigh."
    assert support_problem(invented, _cited(item))
    assert support_problem(item.text, [(item.source, "the")])
    assert support_problem(item.text, [(item.source, "Alcohol and spicy foods")])


def test_nothing_prepkit_prints_copies_8_words_from_a_reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the wizard saves its profile here
    texts = {**_printed_documents(), **_wizard_words()}
    copies = [f"{where}: {run!r}" for where, text in texts.items() for run in copied_runs(text)]
    assert not copies, "\n".join(copies)


def test_a_wrong_citation_is_caught() -> None:
    """The types once cited a section that never mentions them."""
    wrong = "sm-condition-guide.txt#What is systemic mastocytosis?"
    assert evidence_problem(wrong, "This is the most common type of systemic mastocytosis")
    assert evidence_problem(wrong + "!", "abnormal mast cells")  # no such heading
    right = "sm-condition-guide.txt#How does this condition affect my body?"
    assert evidence_problem(right, "This is the most common type of systemic mastocytosis") is None


def test_a_copied_sentence_is_caught() -> None:
    """The question once printed was the guide's heading, word for word."""
    assert copied_runs("When should I go to the emergency room?") == [
        "when should i go to the emergency room"
    ]
    # Curly apostrophes, hyphens and case do not hide a copy.
    assert copied_runs("...ALL people with this condition have an increased RISK of anaphylaxis")
    assert not copied_runs("Which changes in my symptoms mean I should go to an emergency room?")


def test_a_copy_across_a_line_break_of_a_reference_is_caught() -> None:
    """Planted: the last words of one paragraph and the first of the next, in a
    document made for the test (the runs are built over the whole document)."""
    document = (
        "Heading\nThe first paragraph ends with these four words.\nThen the next one starts.\n"
    )
    known = Reference.from_texts({"made-up.txt": document})
    assert copied_runs("with these four words then the next one", known)
    assert not copied_runs("with these four words and the next one", known)


@needs_references
def test_the_fingerprints_in_the_repository_are_those_of_the_references() -> None:
    """A clone without the references checks against tests/reference_prints.json:
    remade with `python -m tests.references` when a reference changes."""
    made = read_references()
    assert made is not None
    assert PRINTS_FILE.read_text(encoding="utf-8") == made.to_json()


def test_the_fingerprints_keep_what_the_checks_need() -> None:
    """Read back, the fingerprints find the same copy and evidence as the words."""
    document = "What it is\nA rare condition of the mast cells in the bone marrow and skin.\n"
    known = Reference.from_texts({"made-up.txt": document})
    again = Reference.from_json(known.to_json())
    assert again == known
    source = "made-up.txt#What it is"
    assert evidence_problem(source, "mast cells in the bone marrow", again) is None
    assert evidence_problem(source, "mast cells in the liver", again)
    assert copied_runs("a rare condition of the mast cells in the", again)
    assert "document" not in known.to_json() and "marrow" not in known.to_json()


def test_a_copy_in_a_label_sharing_its_line_with_another_string_is_caught() -> None:
    """Planted: an 11-word copy as the help of a prompt whose label is on the same line."""
    copy = "Systemic mastocytosis is a rare blood disorder. It happens when your body"
    source = f'p.text("Your name", "{copy}")\n'
    texts = _code_strings("prepkit/wizard/visit.py", source)
    assert len(texts) == 2
    assert [run for text in texts.values() for run in copied_runs(text)]


# --- clinical words outside the catalog -----------------------------------------------

# Words that make a clinical claim or give an instruction: doses and their units,
# injecting, calling, ambulance numbers, showers and lying down, cures and
# treatments. Outside catalog.yaml they may appear only where listed below, each
# place reviewed: a label or a question, never advice.
TRIPWIRE = re.compile(
    r"\b(mg|mcg|ml|dose[sd]?|dosing|inject\w*|call(?:ed|ing|s)?|ambulance\w*|911|999|112"
    r"|shower\w*|lie down|lay down|lying down|cure[sd]?|fatal|life-threatening"
    r"|treat(?:s|ed|ment|ments)?|prevent\w*|antihistamine\w*|steroid\w*)\b",
    re.IGNORECASE,
)
REVIEWED = {
    # The patient's own ambulance number, asked for with examples of what one looks like.
    ("prepkit/wizard/care.py", "ambulance"),
    ("prepkit/wizard/care.py", "911"),
    ("prepkit/wizard/care.py", "999"),
    ("prepkit/wizard/care.py", "112"),
    # "Someone to call if you cannot speak": who the emergency contact is.
    ("prepkit/wizard/care.py", "call"),
    # "A self-injecting epinephrine pen": what the question is about.
    ("prepkit/wizard/care.py", "injecting"),
    ("prepkit/wizard/care.py", "injector"),
    ("prepkit/wizard/diary.py", "injector"),
    ("prepkit/wizard/symptoms.py", "injector"),
    # A medication's dose, as the patient writes it ("For example 10 mg").
    ("prepkit/wizard/medications.py", "dose"),
    ("prepkit/wizard/medications.py", "mg"),
    ("prepkit/content/changes.py", "dose"),
    ("templates/card/flow.xml.j2", "dose"),
    ("templates/worksheet/medications.xml.j2", "dose"),
    # The catalog's treatments, by the name of their list.
    ("prepkit/content/catalog.py", "treatments"),
    ("templates/worksheet/questions.xml.j2", "treatments"),
}


def _strings_outside_the_catalog() -> list[tuple[str, str]]:
    """(file, text) for every string prepkit's code can show, and every template."""
    found: list[tuple[str, str]] = []
    for path in sorted((ROOT / "prepkit").rglob("*.py")):
        if "compiled_templates" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        name = str(path.relative_to(ROOT))
        found += [
            (name, node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ]
    for path in sorted((ROOT / "templates").rglob("*.j2")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
        found.append((str(path.relative_to(ROOT)), text))
    return found


def _tripped(found: list[tuple[str, str]]) -> list[str]:
    return sorted(
        {
            f"{name}: {match.group(0)!r}"
            for name, text in found
            for match in TRIPWIRE.finditer(text)
            if (name, match.group(0).lower()) not in REVIEWED
        }
    )


def test_no_clinical_word_outside_the_catalog_but_the_reviewed_ones() -> None:
    assert _tripped(_strings_outside_the_catalog()) == []


def test_the_tripwire_catches_advice_written_outside_the_catalog() -> None:
    """Planted: the log's old examples, and an instruction in a template."""
    planted = [
        ("prepkit/wizard/diary.py", "In your own words (lay down, cool shower)."),
        ("templates/card/flow.xml.j2", "<item>Inject 0.3 mg and call an ambulance.</item>"),
    ]
    assert _tripped(planted) == [
        "prepkit/wizard/diary.py: 'lay down'",
        "prepkit/wizard/diary.py: 'shower'",
        "templates/card/flow.xml.j2: 'Inject'",
        "templates/card/flow.xml.j2: 'ambulance'",
        "templates/card/flow.xml.j2: 'call'",
        "templates/card/flow.xml.j2: 'mg'",
    ]


@needs_references
@pytest.mark.skipif(not FULL_RUN, reason="four copies of the project: CI and full runs")
def test_four_planted_mutations_are_each_caught_by_the_content_tests() -> None:
    """bench/content_mutations.py: an invented card line keeping its evidence, evidence
    "the", an 11-word copy sharing its line with another string, a copy across a line
    break of a reference; and the unchanged copy passes."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "content_mutations.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("caught") == 4, result.stdout


def test_the_readme_says_what_these_tests_hold() -> None:
    """The README's medical-content section quotes the tests' numbers and names their
    files: a change to either that the other does not follow fails here."""
    from tests.references import EVIDENCE_MOST, EVIDENCE_WORDS, SECTION_SHARE
    from tests.test_card_words import _profiles
    from tests.test_worksheet_words import _cases

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = " ".join(readme.split("## Medical content", 1)[1].split("## ", 1)[0].split())
    for claim in (
        f"a phrase of {EVIDENCE_WORDS} to {EVIDENCE_MOST} words",
        f"at least {SECTION_SHARE:.0%} of the item's content words",
        f"(for a matrix of {len(_profiles())} profiles)",
        f"the worksheet ({len(_cases())} profiles",
        "shares a run of 8 words with a reference",
    ):
        assert claim in section, claim
    for named in re.findall(r"`((?:tests|bench)/[\w/.]+)`", section):
        assert (ROOT / named).is_file(), named
