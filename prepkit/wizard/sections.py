"""The wizard's sections, in the order it asks them.

Each section reads and updates plain profile data (the same shape as the YAML
file), taking every default from what is already there, and talks only to a
:class:`~prepkit.wizard.prompts.Prompter`, never a terminal. A section lives in
the module named after its topic; a new section is a function pair there and a
line here (and its name in ``cli.SECTION_NAMES``, kept apart so that ``--help``
imports no wizard code).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from prepkit.content.catalog import Catalog
from prepkit.wizard.answers import Data
from prepkit.wizard.care import ask_care, summary_care
from prepkit.wizard.medications import ask_medications, summary_medications
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.questions import ask_questions, summary_questions
from prepkit.wizard.records import ask_tests, summary_tests
from prepkit.wizard.symptoms import (
    ask_attacks,
    ask_symptoms,
    ask_triggers,
    summary_attacks,
    summary_symptoms,
    summary_triggers,
)
from prepkit.wizard.visit import ask_about, ask_diagnosis, summary_about, summary_diagnosis


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    ask: Callable[[Prompter, Data, Catalog], None]
    summary: Callable[[Data, Catalog], str]


SECTIONS = (
    Section("about", "About you and the visit", ask_about, summary_about),
    Section("diagnosis", "Diagnosis", ask_diagnosis, summary_diagnosis),
    Section("symptoms", "Symptoms", ask_symptoms, summary_symptoms),
    Section("attacks", "Attacks and daily life", ask_attacks, summary_attacks),
    Section("triggers", "Triggers", ask_triggers, summary_triggers),
    Section("medications", "Medications and what to avoid", ask_medications, summary_medications),
    Section("tests", "Tests and records", ask_tests, summary_tests),
    Section("questions", "Questions", ask_questions, summary_questions),
    Section("care", "Care team and emergencies", ask_care, summary_care),
)
SECTION_NAMES = tuple(section.name for section in SECTIONS)
