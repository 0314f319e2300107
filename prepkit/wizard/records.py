"""Section 7: tests and records. Which results the patient has, will bring, or never had.

A test can be in more than one answer (a result you have and will bring), but
never both "have a result" and "never done".
"""

from __future__ import annotations

from prepkit.content.catalog import Catalog
from prepkit.wizard.answers import Data, as_text, heading, items_at, live_items, numbered
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.prompts import Prompter

STATUS_WORDS = {
    "have-result": "have the result",
    "will-bring": "will bring it",
    "not-done": "not done",
    "dont-know": "don't know",
}
STATUS_QUESTIONS = (
    ("have-result", "Which of these do you have results for?"),
    ("will-bring", "Which will you bring, or have sent, to the visit?"),
    ("not-done", "Which have you never had done?"),
)
# Asked for each test with a result.
RESULT_DETAILS = (
    Question("date", "Date of the result", "A month is enough: 2026-03.", kind="date text"),
    Question("value", "Result", "As printed on the report, with its unit."),
)


def _statuses(record: Data) -> list[str]:
    status = record.get("status")
    return [as_text(s) for s in status] if isinstance(status, list) else [as_text(status)]


def _split(records: list[Data], ids: list[str]) -> tuple[dict[str, Data], list[Data]]:
    """Each listed test's latest record, and every other record (earlier results of a
    test, tests in the patient's own words): those are kept as they are."""
    latest: dict[str, Data] = {}
    for record in sorted(records, key=lambda r: as_text(r.get("date"))):
        if record.get("test") in ids:
            latest[record["test"]] = record
    chosen = {id(r) for r in latest.values()}
    return latest, [r for r in records if id(r) not in chosen]


def ask_tests(p: Prompter, data: Data, catalog: Catalog) -> None:
    follow_up = (data.get("visit") or {}).get("kind") == "follow-up"
    heading(
        p,
        "Tests and records",
        catalog.explain("follow-up-visits" if follow_up else "first-visit-tests"),
    )
    numbered(p, [test.name for test in catalog.tests])
    ids = [t.id for t in catalog.tests]
    names = {t.id: t.name for t in catalog.tests}
    records = live_items(data, "tests")
    previous, kept = _split(records, ids)
    # A test can be in more than one answer: a result you have and will bring.
    chosen: dict[str, list[str]] = {}
    for code, question in STATUS_QUESTIONS:
        before = [ids.index(t) for t, r in previous.items() if code in _statuses(r)]
        for index in p.selection(
            question, "Numbers like 1,3,5-7; Enter for none.", len(ids), before
        ):
            chosen.setdefault(ids[index], []).append(code)
    for test_id, codes in chosen.items():
        if "not-done" in codes and len(codes) > 1:
            codes.remove("not-done")
            p.say(f"  {names[test_id]}: you have or will bring a result, so not 'never done'.")
    for test_id, record in previous.items():
        if test_id not in chosen and "dont-know" in _statuses(record):
            chosen[test_id] = ["dont-know"]
    latest = [
        {
            **previous.get(test_id, {}),
            "test": test_id,
            "status": marked[0] if len(marked) == 1 else marked,
        }
        for test_id in ids
        if (marked := chosen.get(test_id))
    ]
    records[:] = latest + kept  # earlier results and the patient's own tests stay
    for record in latest:
        if set(_statuses(record)) & {"not-done", "dont-know"}:
            record.pop("date", None)  # no result: an old one would contradict it
            record.pop("value", None)
        elif "have-result" in _statuses(record):
            p.say(f"-- {names[record['test']]}")
            if record.get("value") and p.confirm(
                f"A newer result than {record['value']}?", default=False
            ):
                # The one on file stays as an earlier result: results over time.
                records.append(dict(record))
                record.pop("date", None)
                record.pop("value", None)
            ask_all(p, RESULT_DETAILS, record)


def summary_tests(data: Data, catalog: Catalog) -> str:
    names = {t.id: t.name for t in catalog.tests}
    listed = [
        f"{names.get(as_text(r.get('test')), '') or as_text(r.get('own'))} "
        f"({', '.join(STATUS_WORDS.get(s, s) for s in _statuses(r))})"
        for r in items_at(data, "tests")
    ]
    return "; ".join(listed) or "none"
