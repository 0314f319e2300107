"""Section 7: tests and records. Which results the patient has, will bring, or never had.

A test can be in more than one answer (a result you have and will bring), but
never both "have a result" and "never done". Tests not on the list (a bone density
scan) are the patient's own, named in their words; a newer result of any test is
added beside the earlier one, which stays: the worksheet shows results over time.
"""

from __future__ import annotations

from dataclasses import replace

from prepkit.content.catalog import Catalog
from prepkit.content.results import STATUS_WORDS
from prepkit.core.words import folded
from prepkit.profile.schema import TEST_NAME_TEXT
from prepkit.wizard.answers import Data, as_text, heading, items_at, live_items, numbered
from prepkit.wizard.engine import Question, ask_all
from prepkit.wizard.lists import room_for_more
from prepkit.wizard.prompts import Prompter
from prepkit.wizard.resume import pending, within

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


def _same_test(record: Data) -> tuple[str, str]:
    """What makes two records the same test, as the profile's check sees it."""
    return as_text(record.get("test")), folded(as_text(record.get("own")))


def _ask_result(p: Prompter, records: list[Data], record: Data) -> None:
    """Date and value of one result; a date another result of the test already has is
    asked again, as the profile's check would refuse it after the whole interview."""

    def taken(date: str) -> str | None:
        others = [
            as_text(other.get("date"))
            for other in records
            if other is not record
            and _same_test(other) == _same_test(record)
            and (other.get("date") or other.get("value"))  # a test only named: no result yet
        ]
        if date not in others:
            return None
        if not date:
            return "this test has a result without a date already; give this one its date"
        return f"this test has a result dated {date} already; give this one its own date"

    date, value = RESULT_DETAILS
    with within(p, f"tests[{next(i for i, r in enumerate(records) if r is record)}]"):
        ask_all(p, (replace(date, check=taken), value), record)


def _latest_own(records: list[Data]) -> list[Data]:
    """The latest record of each test in the patient's own words, in the order first named."""
    latest: dict[tuple[str, str], Data] = {}
    for record in records:
        if record.get("own") and not record.get("test"):
            key = _same_test(record)
            if key not in latest or as_text(record.get("date")) >= as_text(latest[key].get("date")):
                latest[key] = record
    return list(latest.values())


def _own_test(record: Data) -> str:
    result = ", ".join(
        text for text in (as_text(record.get("value")), as_text(record.get("date"))) if text
    )
    return as_text(record.get("own")) + (f" ({result})" if result else "")


def ask_own_tests(p: Prompter, records: list[Data]) -> None:
    """Tests not on the list: a newer result of those already named, then new ones."""
    resumed = pending(p, "tests")
    if resumed is not None and resumed < len(records) and not records[resumed].get("test"):
        # Stopped in a result: finish it, then "Which have a newer result" for real
        # (others picked with it are not in the draft).
        p.say(f"-- {_own_test(records[resumed])}")
        _ask_result(p, records, records[resumed])
        _settle(records[resumed])
    named = _latest_own(records)
    if named:
        p.say("Tests you added in your own words:")
        numbered(p, [_own_test(record) for record in named])
        for index in p.selection(
            "Which have a newer result",
            "Numbers like 1,3; Enter for none.",
            len(named),
            [],
            at="tests/newer",
        ):
            p.say(f"-- {as_text(named[index].get('own'))}")
            if not named[index].get("date") and not named[index].get("value"):
                named[index]["status"] = "have-result"  # named before, no result yet: this one
                _ask_result(p, records, named[index])
                continue
            if not room_for_more(p, records):
                break
            records.append({"own": named[index]["own"], "status": "have-result"})
            _ask_result(p, records, records[-1])
    while room_for_more(p, records):
        name = p.text(
            "Another test, in your own words",
            "A test not on the list, named as on your results; Enter on an empty line when done.",
            at=f"tests[{len(records)}].own",
            max_length=TEST_NAME_TEXT,
        )
        if not name:
            return
        record: Data = {"own": name}
        again = [r for r in records if _same_test(r) == _same_test(record)]
        if again:  # named before: this is another result of it
            record["status"] = "have-result"
        records.append(record)
        _ask_result(p, records, record)
        _settle(record)
        if again and not (record.get("date") or record.get("value")):
            records.remove(record)  # no result given: the test is on the list already
            p.say(f"  '{name}' is on your list already.")


def _settle(record: Data) -> None:
    """A test in the patient's words with a date or a result has that result."""
    if record.get("value") or record.get("date"):
        record["status"] = "have-result"


def _statuses(record: Data) -> list[str]:
    status = record.get("status")
    return [as_text(s) for s in status] if isinstance(status, list) else [as_text(status)]


def _split(records: list[Data], ids: list[str]) -> tuple[dict[str, Data], list[Data]]:
    """Each listed test's latest record, and every other record (earlier results of a
    test, tests in the patient's own words): those are kept as they are."""
    latest: dict[str, Data] = {}

    def newest_last(record: Data) -> tuple[bool, str]:
        # A result with neither date nor value yet is the one being added (a stop at
        # its date, resumed): the newest, not the oldest.
        return not record.get("date") and not record.get("value"), as_text(record.get("date"))

    for record in sorted(records, key=newest_last):
        if record.get("test") in ids:
            latest[record["test"]] = record
    chosen = {id(r) for r in latest.values()}
    return latest, [r for r in records if id(r) not in chosen]


def _so_far(
    ids: list[str], previous: dict[str, Data], chosen: dict[str, list[str]], asked: list[str]
) -> list[Data]:
    """Each listed test's record with the status questions answered so far, and the
    saved statuses for those still to come; never a contradiction a draft would fail."""
    records = []
    for test_id in ids:
        saved = _statuses(previous[test_id]) if test_id in previous else []
        codes = chosen.get(test_id, []) + [c for c in saved if c and c not in asked]
        results = [c for c in dict.fromkeys(codes) if c in ("have-result", "will-bring")]
        codes = results or codes[:1]  # one "no result" status, or the results without it
        if not codes:
            continue
        record = {**previous.get(test_id, {}), "test": test_id}
        record["status"] = codes[0] if len(codes) == 1 else codes
        if codes[0] in ("not-done", "dont-know"):
            record.pop("date", None)
            record.pop("value", None)
        records.append(record)
    return records


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
    asked: list[str] = []
    for code, question in STATUS_QUESTIONS:
        before = [ids.index(t) for t, r in previous.items() if code in _statuses(r)]
        if code == "not-done":  # not offered for a test just said to have a result
            before = [index for index in before if ids[index] not in chosen]
        for index in p.selection(
            question, "Numbers like 1,3,5-7; Enter for none.", len(ids), before, at=f"tests/{code}"
        ):
            chosen.setdefault(ids[index], []).append(code)
        asked.append(code)
        # Kept at once: a stop at the next question must not lose this answer.
        records[:] = _so_far(ids, previous, chosen, asked) + kept
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
            _result_or_a_newer_one(p, records, record)
    ask_own_tests(p, records)


def _result_or_a_newer_one(p: Prompter, records: list[Data], record: Data) -> None:
    """Ask the result of a test the patient has one for. With one already on file,
    they say whether this is a newer one: the old one then stays as an earlier result
    (results over time), never overwritten."""
    if (
        record.get("value")
        and room_for_more(p, records)
        and p.confirm(
            f"A newer result than {record['value']}?",
            default=False,
            at=f"tests[{records.index(record)}]/newer",
        )
    ):
        records.append(dict(record))
        record.pop("date", None)
        record.pop("value", None)
    _ask_result(p, records, record)


def summary_tests(data: Data, catalog: Catalog) -> str:
    names = {t.id: t.name for t in catalog.tests}
    listed = []
    for record in items_at(data, "tests"):
        name = names.get(as_text(record.get("test")), "") or as_text(record.get("own"))
        said = ", ".join(STATUS_WORDS.get(s, s) for s in _statuses(record) if s)
        listed.append(f"{name} ({said})" if said else name)
    return "; ".join(listed) or "none"
