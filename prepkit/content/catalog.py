"""The clinical catalog: SM types, symptoms, triggers, tests, treatments, questions.

Kept as data (``catalog.yaml``) so that a clinician can review every clinical
sentence in one place, and each item carries the reference section it comes from.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

CATALOG_FILE = Path(__file__).with_name("catalog.yaml")
REFERENCE_DOCUMENTS = ("sm-care-overview.txt", "sm-condition-guide.txt")
_SOURCE_PATTERN = r"^(sm-care-overview\.txt|sm-condition-guide\.txt)#\S.*$"


class _Data(Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    pass


class Citation(_Data, frozen=True):
    source: Annotated[str, Meta(pattern=_SOURCE_PATTERN)]
    # A few words that occur exactly in the cited section: where to look.
    evidence: Annotated[str, Meta(min_length=3)]


class _Item(Citation, frozen=True, kw_only=True):
    id: Annotated[str, Meta(pattern=r"^[a-z0-9-]+$")]
    # A sentence that draws on a second passage names it too, so a reader who
    # follows the first citation is not left looking for the rest.
    also: tuple[Citation, ...] = ()

    def citations(self) -> tuple[Citation, ...]:
        return (Citation(source=self.source, evidence=self.evidence), *self.also)


class NamedItem(_Item, frozen=True):
    name: str


class Described(NamedItem, frozen=True):
    summary: str


class BodyArea(_Data, frozen=True):
    id: str
    name: str


class Symptom(NamedItem, frozen=True):
    body_area: str


class Question(_Item, frozen=True):
    text: str


class Catalog(_Data, frozen=True):
    attribution: str
    card_attribution: str
    sm_types: tuple[Described, ...]
    diagnosis_status: tuple[Described, ...]
    body_areas: tuple[BodyArea, ...]
    symptoms: tuple[Symptom, ...]
    triggers: tuple[NamedItem, ...]
    tests: tuple[NamedItem, ...]
    treatments: tuple[NamedItem, ...]
    questions: tuple[Question, ...]
    emergency: tuple[Question, ...]
    for_suspected: tuple[Question, ...]
    explanations: tuple[Question, ...]
    card: tuple[Question, ...]

    def explain(self, item_id: str) -> str:
        """A short sourced explanation (wizard help, worksheet hints), by id."""
        return {item.id: item.text for item in self.explanations}[item_id]

    def card_text(self, item_id: str) -> str:
        """One of the wallet card's sourced sentences, by id."""
        return {item.id: item.text for item in self.card}[item_id]

    def diagnoses(self) -> tuple[Described, ...]:
        """Every answer the diagnosis question accepts, types first."""
        return self.sm_types + self.diagnosis_status

    def body_area_name(self, area_id: str) -> str:
        return {a.id: a.name for a in self.body_areas}[area_id]

    def all_items(self) -> list[tuple[str, _Item]]:
        """Every sourced item with the list it belongs to, for checks and reviews."""
        groups: dict[str, tuple[_Item, ...]] = {
            "sm_types": self.sm_types,
            "diagnosis_status": self.diagnosis_status,
            "symptoms": self.symptoms,
            "triggers": self.triggers,
            "tests": self.tests,
            "treatments": self.treatments,
            "questions": self.questions,
            "emergency": self.emergency,
            "for_suspected": self.for_suspected,
            "explanations": self.explanations,
            "card": self.card,
        }
        return [(group, item) for group, items in groups.items() for item in items]


def parse_catalog(data: Any) -> Catalog:
    try:
        catalog = msgspec.convert(data, Catalog)
    except msgspec.ValidationError as error:
        raise ValueError(f"catalog.yaml: {error}") from None
    areas = {a.id for a in catalog.body_areas}
    for symptom in catalog.symptoms:
        if symptom.body_area not in areas:
            raise ValueError(
                f"symptom {symptom.id!r} names unknown body area {symptom.body_area!r}"
            )
    ids = [f"{group}:{item.id}" for group, item in catalog.all_items()]
    if len(ids) != len(set(ids)):
        raise ValueError("catalog ids must be unique within each list")
    return catalog


@cache
def load_catalog() -> Catalog:
    """The bundled catalog, read and checked once per process.

    Not kept in the cache: reading it back saved under 1% of ``prepkit example``,
    and an entry is one more thing that could change printed text.
    """
    from prepkit.core.yaml_loaders import load_data

    return parse_catalog(load_data(CATALOG_FILE.read_text(encoding="utf-8")))
