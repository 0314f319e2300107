"""Section 8: the patient's questions for the visit, from the catalog or in their words,
most important first.
"""

from __future__ import annotations

from prepkit.content.catalog import Catalog
from prepkit.profile.schema import LONG_TEXT
from prepkit.wizard.answers import (
    Data,
    as_text,
    heading,
    items_at,
    keep_picked,
    live_items,
    numbered,
    room_for_more,
)
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.prompts import Prompter


def _question_text(entry: Data, catalog: Catalog) -> str:
    texts = {q.id: q.text for q in catalog.questions}
    return texts.get(entry.get("catalog") or "", "") or as_text(entry.get("own"))


# Asked at a follow-up for each question kept without an answer: noted, it is not
# offered again on the next worksheet.
ANSWER = (
    Question(
        "answer", "The answer you were given", "In a few words; Enter if you did not get one."
    ),
)


def ask_questions(p: Prompter, data: Data, catalog: Catalog) -> None:
    if (data.get("visit") or {}).get("kind") == "follow-up":
        unanswered = [e for e in live_items(data, "questions") if not e.get("answer")]
        if unanswered:
            heading(p, "Answers from your last visit")
        for entry in unanswered:
            p.say(f"-- {_question_text(entry, catalog)}")
            ask_all(p, ANSWER, entry)
    heading(p, "Questions for your provider", "Suggested questions:")
    numbered(p, [question.text for question in catalog.questions])
    ids = [q.id for q in catalog.questions]
    entries = live_items(data, "questions")
    chosen = p.selection(
        "Which do you want to ask",
        "Numbers like 1,3,5-7; Enter for none.",
        len(ids),
        [ids.index(e["catalog"]) for e in entries if e.get("catalog") in ids],
    )
    chosen_ids = [ids[i] for i in chosen]
    # Keep the patient's earlier order for what is still wanted; new questions go last.
    keep_picked(entries, chosen_ids)
    for entry in [e for e in entries if not e.get("catalog")]:
        if not p.confirm(f"Keep '{entry.get('own')}'?"):
            entries.remove(entry)
    while room_for_more(p, entries):
        own = p.text(
            "Another question in your own words",
            "Press Enter on an empty line when done.",
            max_length=LONG_TEXT,
        )
        if not own:
            break
        entries.append({"own": own})
    if len(entries) > 1:
        p.say("Your questions, in this order:")
        numbered(p, [_question_text(entry, catalog) for entry in entries])
        order = p.selection(
            "Most important first",
            "Type the numbers in the order you want, e.g. 3,1,2; Enter keeps this order.",
            len(entries),
            list(range(len(entries))),
        )
        entries[:] = [entries[i] for i in order] + [
            e for i, e in enumerate(entries) if i not in order
        ]


def summary_questions(data: Data, catalog: Catalog) -> str:
    return f"{len(items_at(data, 'questions'))} questions"
