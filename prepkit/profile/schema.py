"""The shape of a profile: every answer prepkit can hold, with its limits.

Every field has a default so that a half-filled profile still renders: an empty
section prints as a blank version to fill in by hand.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from prepkit.content.catalog import load_catalog

SCHEMA_VERSION = 1
SHORT_TEXT = 200
LONG_TEXT = 4000
MAX_ITEMS = 100

_EMPTY = {"", "~", "null", "none"}


def _empty_to_none(value: object) -> object:
    """YAML is read with every scalar as text: a blank or ``null`` means "not answered"."""
    if isinstance(value, str) and value.strip().lower() in _EMPTY:
        return None
    return value


def _clean_text(value: object, *, multiline: bool) -> object:
    """Normalise what the patient typed (NFC, tidy whitespace) and refuse control characters.

    Control characters cannot be printed: refusing them is better than a blank box.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    for char in value:
        category = unicodedata.category(char)
        if category == "Cs":
            raise ValueError(f"contains an invalid character (U+{ord(char):04X})")
        if category == "Cc" and char not in "\t\n\r":
            raise ValueError(
                f"contains a control character (U+{ord(char):04X}) that cannot be printed"
            )
    # Invisible formatting characters (soft hyphens, zero-width spaces, direction
    # overrides) are removed: they print as nothing, or could hide or reorder text.
    visible = "".join(c for c in value if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFC", visible).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.replace("\t", " ").strip().split("\n")]
    return "\n".join(lines) if multiline else " ".join(line for line in lines if line)


def _short(value: object) -> object:
    return _clean_text(value, multiline=False)


def _long(value: object) -> object:
    return _clean_text(value, multiline=True)


Text = Annotated[str, BeforeValidator(_short), Field(max_length=SHORT_TEXT)]
LongText = Annotated[str, BeforeValidator(_long), Field(max_length=LONG_TEXT)]
RequiredText = Annotated[str, BeforeValidator(_short), Field(min_length=1, max_length=SHORT_TEXT)]
OptionalDate = Annotated[dt.date | None, BeforeValidator(_empty_to_none)]
# The range applies to the number, inside the Optional: an empty answer is simply None.
OptionalCount = Annotated[
    Annotated[int, Field(ge=0, le=10000)] | None, BeforeValidator(_empty_to_none)
]
YesNo = Annotated[bool | None, BeforeValidator(_empty_to_none)]


def _check_catalog_id(group: str, value: str | None) -> str | None:
    """Refuse an id the catalog does not know, suggesting the nearest one."""
    if value is None:
        return None
    catalog = load_catalog()
    items = catalog.diagnoses() if group == "diagnosis" else getattr(catalog, group)
    known = [item.id for item in items]
    if value not in known:
        close = difflib.get_close_matches(value, known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
        raise ValueError(f"{value!r} is not in the catalog{hint}")
    return value


def _catalog_id(group: str) -> AfterValidator:
    return AfterValidator(functools.partial(_check_catalog_id, group))


SymptomId = Annotated[str, _catalog_id("symptoms")]
TriggerId = Annotated[str, _catalog_id("triggers")]
TestId = Annotated[str, _catalog_id("tests")]
QuestionId = Annotated[str, _catalog_id("questions")]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Patient(_Section):
    name: Text = ""
    date_of_birth: OptionalDate = None


class Visit(_Section):
    date: OptionalDate = None
    mode: Annotated[Literal["in-person", "virtual"] | None, BeforeValidator(_empty_to_none)] = None
    provider: Text = ""
    clinic: Text = ""
    reason: LongText = ""


class Diagnosis(_Section):
    type: Annotated[str | None, BeforeValidator(_empty_to_none), _catalog_id("diagnosis")] = None
    diagnosed: Text = ""


class _CatalogOrOwn(_Section):
    """An entry picked from the catalog or written in the patient's own words, never both."""

    catalog: str | None = None
    own: Text = ""

    @model_validator(mode="after")
    def _one_of(self) -> _CatalogOrOwn:
        if (self.catalog is None) == (not self.own):
            raise ValueError(
                "give either 'catalog' (an item from the list) or 'own' (your own words)"
            )
        return self


class SymptomEntry(_CatalogOrOwn):
    catalog: SymptomId | None = None
    first_noticed: Text = ""
    how_often: Text = ""
    severity: Annotated[
        Annotated[int, Field(ge=0, le=10)] | None, BeforeValidator(_empty_to_none)
    ] = None
    worse_with: Text = ""
    notes: LongText = ""


class QuestionEntry(_CatalogOrOwn):
    catalog: QuestionId | None = None
    own: LongText = ""


class Attacks(_Section):
    last_year: OptionalCount = None
    last_attack: Text = ""
    emergency_visits: OptionalCount = None
    epinephrine_used: YesNo = None
    anaphylaxis_ever: YesNo = None


class Triggers(_Section):
    catalog: Annotated[list[TriggerId], Field(max_length=MAX_ITEMS)] = []
    own: Annotated[list[RequiredText], Field(max_length=MAX_ITEMS)] = []

    @model_validator(mode="after")
    def _no_repeats(self) -> Triggers:
        if len(set(self.catalog)) != len(self.catalog):
            raise ValueError("a trigger is listed twice")
        return self


class Medication(_Section):
    name: RequiredText
    dose: Text = ""
    how_often: Text = ""
    what_for: Text = ""
    # The wallet card lists current medications unless the patient says "no" here:
    # leaving one off the card is always their explicit choice.
    on_card: YesNo = None


class AvoidItem(_Section):
    name: RequiredText
    reaction: Text = ""


TestStatus = Literal["have-result", "will-bring", "not-done", "dont-know"]


class TestRecord(_Section):
    test: TestId
    status: TestStatus = "dont-know"
    date: Text = ""
    value: Text = ""


class CareTeamMember(_Section):
    name: RequiredText
    role: Text = ""
    phone: Text = ""


class EmergencyContact(_Section):
    name: Text = ""
    relation: Text = ""
    phone: Text = ""


def _unique_tests(records: list[TestRecord]) -> list[TestRecord]:
    seen = [r.test for r in records]
    for test in seen:
        if seen.count(test) > 1:
            raise ValueError(f"test {test!r} is listed more than once")
    return records


def _known_version(version: int) -> int:
    if version != SCHEMA_VERSION:
        raise ValueError(
            f"this profile is schema version {version}; this prepkit reads version {SCHEMA_VERSION}"
        )
    return version


class Profile(_Section):
    """Everything a patient has told prepkit, in the order a visit goes."""

    schema_version: Annotated[int, AfterValidator(_known_version)]
    patient: Patient = Patient()
    visit: Visit = Visit()
    diagnosis: Diagnosis = Diagnosis()
    symptoms: Annotated[list[SymptomEntry], Field(max_length=MAX_ITEMS)] = []
    attacks: Attacks = Attacks()
    daily_life: LongText = ""
    triggers: Triggers = Triggers()
    medications: Annotated[list[Medication], Field(max_length=MAX_ITEMS)] = []
    avoid: Annotated[list[AvoidItem], Field(max_length=MAX_ITEMS)] = []
    tests: Annotated[
        list[TestRecord], Field(max_length=MAX_ITEMS), AfterValidator(_unique_tests)
    ] = []
    questions: Annotated[list[QuestionEntry], Field(max_length=MAX_ITEMS)] = []
    care_team: Annotated[list[CareTeamMember], Field(max_length=MAX_ITEMS)] = []
    emergency_contact: EmergencyContact = EmergencyContact()
    carries_epinephrine: YesNo = None
    emergency_number: Annotated[str, BeforeValidator(_short), Field(max_length=20)] = ""
    notes: LongText = ""
