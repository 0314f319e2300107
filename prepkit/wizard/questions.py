"""Section 8: the patient's questions for the visit, from the catalog or in their words,
most important first.
"""

from __future__ import annotations

from prepkit.content.catalog import Catalog
from prepkit.profile.schema import LONG_TEXT
from prepkit.wizard.answers import Data, as_text, heading, items_at, live_items, numbered
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.lists import keep_picked, put_in_order, room_for_more
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.resume import within


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


def _asked(entry: Data) -> bool:
    """Not a question answered and taken off the list (kept for its answer)."""
    return entry.get("ask_again") is not False


def ask_questions(p: Prompter, data: Data, catalog: Catalog) -> None:
    """The questions for this visit. One taken off the list that has an answer stays
    in the profile with ``ask_again: no``: its answer is the patient's, never lost,
    and the next worksheet does not offer it as unanswered."""
    if (data.get("visit") or {}).get("kind") == "follow-up":
        unanswered = [e for e in live_items(data, "questions") if not e.get("answer")]
        if unanswered:
            heading(p, "Answers from your last visit")
        for entry in unanswered:
            p.say(f"-- {_question_text(entry, catalog)}")
            with within(p, f"questions[{live_items(data, 'questions').index(entry)}]"):
                ask_all(p, ANSWER, entry)
    heading(p, "Questions for your provider", "Suggested questions:")
    numbered(p, [question.text for question in catalog.questions])
    ids = [q.id for q in catalog.questions]
    every = live_items(data, "questions")
    answered = [e for e in every if not _asked(e)]
    entries = [e for e in every if _asked(e)]
    chosen = p.selection(
        "Which do you want to ask",
        "Numbers like 1,3,5-7; Enter for none.",
        len(ids),
        [ids.index(e["catalog"]) for e in entries if e.get("catalog") in ids],
        at="questions/picked",
    )
    chosen_ids = [ids[i] for i in chosen]

    def keep() -> None:
        every[:] = entries + answered  # the draft kept at a stop has both, as they are now

    def set_aside(entry: Data) -> None:
        if entry.get("answer"):
            answered.append({**entry, "ask_again": False})
            p.say(f"  Your answer to '{_question_text(entry, catalog)}' stays in your profile.")

    for entry in entries:
        if entry.get("catalog") and entry["catalog"] not in chosen_ids:
            set_aside(entry)
    for entry in answered[:]:  # picked again: asked again, its earlier answer shown
        if entry.get("catalog") in chosen_ids:
            answered.remove(entry)
            entries.append({k: v for k, v in entry.items() if k != "ask_again"})
    # Keep the patient's earlier order for what is still wanted; new questions go last.
    keep_picked(entries, chosen_ids)
    keep()
    for entry in [e for e in entries if not e.get("catalog")]:
        if not p.confirm(f"Keep '{entry.get('own')}'?", at=f"questions[{every.index(entry)}]/keep"):
            entries.remove(entry)
            set_aside(entry)
            keep()
    while room_for_more(p, every):
        own = p.text(
            "Another question in your own words",
            "Press Enter on an empty line when done.",
            at=f"questions[{len(every)}].own",
            max_length=LONG_TEXT,
        )
        if not own:
            break
        entries.append({"own": own})
        keep()
    put_in_order(
        p,
        entries,
        [_question_text(entry, catalog) for entry in entries],
        "Your questions, in this order:",
        "Most important first",
        at="questions/order",
    )
    keep()


def summary_questions(data: Data, catalog: Catalog) -> str:
    every = items_at(data, "questions")
    asked = len([e for e in every if _asked(e)])
    answered = len(every) - asked
    return f"{asked} questions" + (f", {answered} answered earlier" if answered else "")
