"""The catalog is the only source of clinical words: every item must say where it came from."""

from __future__ import annotations

import pytest
import yaml

from prepkit.content.catalog import CATALOG_FILE, REFERENCE_DOCUMENTS, load_catalog, parse_catalog
from tests.references import reference


def test_every_item_names_a_reference_document_and_section() -> None:
    items = load_catalog().all_items()
    assert len(items) > 50
    for group, item in items:
        document, _, section = item.source.partition("#")
        assert document in REFERENCE_DOCUMENTS, f"{group}:{item.id}"
        assert section.strip(), f"{group}:{item.id} has no section"


def test_an_item_without_a_source_is_refused() -> None:
    data = yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))
    del data["triggers"][0]["source"]
    with pytest.raises(ValueError, match="source"):
        parse_catalog(data)


def test_a_source_outside_the_references_is_refused() -> None:
    data = yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))
    data["questions"][0]["source"] = "some-blog.txt#Tips"
    with pytest.raises(ValueError, match="source"):
        parse_catalog(data)


def test_every_cited_section_heading_exists_in_its_document() -> None:
    headings = reference().sections
    for group, item in load_catalog().all_items():
        document, _, section = item.source.partition("#")
        assert section in headings[document], f"{group}:{item.id} cites missing heading {section!r}"


def test_the_catalog_covers_what_a_first_visit_needs() -> None:
    catalog = load_catalog()
    assert len(catalog.sm_types) == 6
    assert len(catalog.questions) >= 7
    assert sum(q.source.endswith("ask my healthcare provider?") for q in catalog.questions) == 7
    test_names = " ".join(t.name.lower() for t in catalog.tests)
    for needed in (
        "tryptase",
        "complete blood count",
        "kidney",
        "skin biopsy",
        "bone marrow biopsy",
        "organ biopsy",
        "bone scan",
        "imaging",
        "kit",
    ):
        assert needed in test_names
    assert {s.body_area for s in catalog.symptoms} == {a.id for a in catalog.body_areas}
