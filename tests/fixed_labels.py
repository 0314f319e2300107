"""Every fixed label the worksheet and the wallet card can print, in one reviewed list.

A label names a field, a column or a section, or tells the reader how to fill the
paper in; none makes a clinical claim (those live in the catalog, with their
sources). The word tests take the patient's words, the catalog's words and these
labels out of each document's text: whatever is left is a sentence nobody
reviewed, and fails them. Adding a label here is a review: read it, and ask
whether it says anything about SM, a drug or an emergency.

{n} stands for a number, {date} for a date as the documents print it, {month} for a
month's short name.
"""

from __future__ import annotations

import re

CARD_LABELS = (
    "Condition:",
    "Name:",
    "I do not carry epinephrine.",
    "DO NOT GIVE (drug: my reaction)",
    "DO NOT GIVE (continued)",
    "Emergency number:",
    "Emergency contact:",
    "Epinephrine kept:",
    "Weight:",
    "Latest tryptase:",
    "My care team's steps for a severe reaction",
    "(from",
    "my care team",
    "Review by",
    "{n} more on the back ({n} in all)",
    "Unfold for all {n} ({n} more)",
    "DO NOT GIVE: a list of {n}, on the back",
    "DO NOT GIVE: a list of {n} inside: unfold",
    "Fold-out card: unfold for all {n} panels",
    "{n} more on the back and the next cards ({n} in all)",
    "DO NOT GIVE: a list of {n}, on the back and the next cards",
    "More on the back and on the next cards",
    "My triggers:",
    "My triggers (continued):",
    "I take:",
    "I take (continued):",
    "Care team:",
    "Notes from my care team:",
    "My care team's plan for a severe reaction (written and signed by my clinician):",
    "Signed:",
    "Date:",
    "Updated",
    "with prepkit, a preparation aid, not medical advice.",
    "Checked by clinician:",
    "Card {n} of {n}, front",
    "Card {n} of {n}, back",
)

WORKSHEET_LABELS = (
    # Header and footer
    "Visit preparation worksheet",
    "For a visit about systemic mastocytosis (SM). Bring this to the appointment, hand it"
    " over or read from it, and write the answers down as you go.",
    "Page {n} of {n}",
    "Prepared {date} with prepkit",
    "A preparation aid for your visit, not medical advice. Ask your care team about anything here.",
    # The visit and the patient
    "Name",
    "Visit date",
    "Provider",
    "Clinic",
    "Type of visit",
    "In person",
    "Virtual (video or phone)",
    "Virtual",
    "Follow-up visit",
    "First visit",
    "Reason for the visit",
    "About me and my diagnosis",
    "Date of birth",
    "Diagnosis so far",
    "When diagnosed",
    "I carry epinephrine",
    "If you know your diagnosis, tick it:",
    "Yes",
    "No",
    # Symptoms
    "My symptoms, in the order they started",
    "How bad: {n} = not at all, {n} = the worst I can imagine.",
    "Fill in the symptoms you have had: when you first noticed each one, how often it"
    " comes, how bad it gets ({n} = not at all, {n} = the worst you can imagine) and what"
    " makes it worse. Common SM symptoms are listed; add your own in the empty rows.",
    "Symptom",
    "Body area",
    "First noticed",
    "How often",
    "How bad",
    "Worse with",
    "Notes",
    "How my symptoms affect daily life",
    "Work, sleep, family, exercise, food, travel: what have you changed or stopped doing?",
    # Attacks and the diary
    "Attacks and emergencies",
    "Attacks in the last year",
    "Last attack",
    "Emergency room visits",
    "Epinephrine ever used",
    "Anaphylaxis ever",
    "Care team's steps in a severe reaction",
    "What the references say to keep in mind",
    "(as I counted them before my diary)",
    "(as I noted it before my diary)",
    "(from my diary)",
    "Attack counts now come from my attack diary, kept since",
    "Attacks in the last {n} months (from my diary, kept since",
    "Emergency room visits in the last {n} months (from my diary, kept since",
    "Attacks per month, as logged (no bar before my diary began,",
    "Month ({month} {n} to {month} {n})",
    *("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "What I noted before the attacks listed (counts only)",
    "My attack diary",
    "{n} attacks logged since my last visit",
    "{n} attack logged since my last visit",
    "When",
    "How bad ({n}-{n})",
    "What happened",
    "Symptoms",
    "Noted before it",
    "Taken or done",
    "Note",
    "(severity {n})",
    "lasted",
    "epinephrine",
    "emergency visit",
    "before {n} of {n} attacks",
    # Triggers
    "Triggers I have noticed",
    "☒ = I have noticed this sets off my symptoms.",
    "Other",
    # Medications
    "Medications I take now",
    "Medication",
    "Dose",
    "What for",
    "Medications I have stopped",
    "When I stopped",
    "Why",
    "Medications and substances I avoid",
    "Each with what happened, in your words.",
    "Medication or substance",
    "Reaction",
    # Tests
    "Tests and records",
    "Tick what applies; bring copies of results you have.",
    "Test",
    "Have result",
    "Will bring",
    "Not done",
    "Don't know",
    "Date",
    "Value",
    "Status",
    "Date of the result",
    "results over time",
    # Care team
    "My care team and emergency contact",
    "Role",
    "Phone",
    "Emergency contact",
    "Relation to me",
    "Emergency number",
    # Questions and notes
    "My questions for the provider",
    "Treatments the references describe: tick any you want to ask about",
    "Suggested questions: tick the ones you want to ask, then write them below in the"
    " order that matters most to you.",
    "In the order I most want them answered. Write the answers in the lines below each one.",
    "Answer noted last time",
    "Asked last time, no answer noted",
    "During the visit: next steps, new tests, medicine changes, when to come back.",
    # Since my last visit
    "Since my last visit",
    "What this profile says now, beside what it said for the visit on {date}.",
    "Attacks",
    "Test results",
    "before",
    "To avoid",
    "New",
    "Stopped",
    "severity",
    "Medications",
    "dose",
)

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = rf"\d{{1,2}} (?:{_MONTHS}) \d{{4}}"
_PLACES = {
    "{n}": r"\d+",
    "{date}": _DATE,
    "{month}": "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)",
}


def left_over(
    text: str, allowed: list[str], labels: tuple[str, ...], *, numbers: bool = False
) -> list[str]:
    """The words of ``text`` once every allowed string and label is taken out as whole
    words, longest first (so a short answer, "no", never eats part of a longer label,
    "not"), and blanks to write on, tick boxes and punctuation (and numbers and dates,
    where the document counts and dates things itself) with them."""
    # A table cell's words, wrapped, are still its words (a full stop wrapped alone,
    # a layout fault of its own, is not a word).
    text = re.sub(r" ([.,;:])", r"\1", " ".join(text.split()))
    patterns = [(len(a), re.escape(" ".join(a.split()))) for a in allowed]
    for label in labels:
        pattern = re.escape(label)
        for place, means in _PLACES.items():
            pattern = pattern.replace(re.escape(place), means)
        patterns.append((len(label), pattern))
    for _, pattern in sorted(patterns, reverse=True):
        text = re.sub(rf"(?<!\w){pattern}(?!\w)", " ", text)
    if numbers:
        text = re.sub(rf"{_DATE}|\d+", " ", text)
    return re.sub(r"_+|[•·☐☒→:;,.()\s-]", " ", text).split()
