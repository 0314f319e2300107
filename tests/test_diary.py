"""The attack diary: ``prepkit log`` as a patient uses it, then the worksheet it feeds."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pexpect
import pytest

from prepkit.content.catalog import load_catalog
from prepkit.content.diary import attacks_per_month, diary_summary
from prepkit.content.rules import read_profile
from prepkit.profile.convert import to_profile
from prepkit.wizard.diary import parse_when, picked_or_written
from tests.conftest import PINNED_EPOCH
from tests.pdf_tools import page_texts

# PINNED_EPOCH is 2026-11-21 00:00 UTC: "now" in every run below.
NOW = dt.datetime(2026, 11, 21, 0, 0)
PROFILE = """\
# Alex's profile (a comment the log must keep)
schema_version: 1
patient:
  name: Alex Example
visit:
  date: 2026-12-03
triggers:
  catalog: [alcohol]
  own: [hot showers]
medications:
  - name: Cetirizine
"""

# Black as prepkit prints it: black ink alone (K-only CMYK; see layout/ink.py).
BLACK_INK = ((0.0, 0.0, 0.0, 1.0), (0, 0, 0, 1))


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "prepkit", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


# (options, in the table?): the first is 13 months before "now", outside the window.
LOGGED = [
    (["--date", "2025-10-01", "--symptom", "flushing", "--trigger", "alcohol"], False),
    (
        [
            "--date", "2026-01-10 21:00", "--symptom", "flushing", "--symptom", "diarrhea",
            "--trigger", "Alcohol", "--trigger", "hot showers", "--severity", "6",
            "--lasted", "2 hours", "--took", "Cetirizine", "--epinephrine", "no",
            "--emergency-visit", "no", "--note", "After a wedding",
        ],
        True,
    ),
    (["--date", "2026-03-02", "--trigger", "alcohol", "--severity", "4"], True),
    (["--date", "2026-03-20", "--trigger", "stress", "--epinephrine", "yes",
      "--emergency-visit", "yes", "--severity", "8"], True),
    (["--date", "yesterday 7:15pm", "--severity", "3"], True),
]  # fmt: skip


def test_logged_attacks_print_as_a_table_a_chart_and_trigger_counts(
    tmp_path: Path, profile: Path
) -> None:
    # Logged out of order: the diary keeps them in date order.
    for options, _ in reversed(LOGGED):
        done = run(tmp_path, "log", "p.yaml", *options)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("Logged the attack of ")
    text = profile.read_text(encoding="utf-8")
    assert text.startswith("# Alex's profile (a comment the log must keep)")
    assert (profile.stat().st_mode & 0o777) == 0o600
    diary = read_profile(profile).attack_diary
    assert [(e.date.isoformat(), e.time) for e in diary] == [
        ("2025-10-01", ""),
        ("2026-01-10", "21:00"),
        ("2026-03-02", ""),
        ("2026-03-20", ""),
        ("2026-11-20", "19:15"),
    ]

    built = run(tmp_path, "build", "p.yaml", "-o", "out", "--no-card")
    assert built.returncode == 0, built.stderr
    with pdfplumber.open(tmp_path / "out" / "worksheet.pdf") as pdf:
        every = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
        page = next(p for p in pdf.pages if "My attack diary" in (p.extract_text() or ""))
        words = " ".join((page.extract_text() or "").split())
        tables = page.extract_tables()
        table = next(t for t in tables if t[0][0] == "When")
        # The counts may stand at the foot of the page before the diary's own.
        counts = next(p for p in pdf.pages if "Attacks in the last 12" in (p.extract_text() or ""))
        fields = _fields(counts)
        bars = [r for r in page.rects if r["fill"] and r["non_stroking_color"] in BLACK_INK]
    assert "4 attacks logged in the 12 months from 2025-11-22." in words
    # 2025-10-01 is outside the window: not in the table, only as the diary's start.
    assert every.count("2025-10-01") == 2 and "kept since 2025-10-01" in every
    rows = [[" ".join((cell or "").split()) for cell in row] for row in table[1:]]
    assert rows == [
        [
            "2026-01-10 21:00, lasted 2 hours",
            "6",
            "Face turning very red for no clear reason (flushing); diarrhea",
            "Alcohol; hot showers",
            "Cetirizine; no epinephrine; no emergency visit",
            "After a wedding",
        ],
        ["2026-03-02", "4", "", "Alcohol", "", ""],
        ["2026-03-20", "8", "", "Physical or emotional stress", "epinephrine; emergency visit", ""],
        ["2026-11-20 19:15", "3", "", "", "", ""],
    ]
    assert "Alcohol: before 2 of 4 attacks" in every  # "Alcohol" and "alcohol" are one
    assert "hot showers: before 1 of 4 attacks" in every
    assert "Physical or emotional stress: before 1 of 4 attacks" in every
    assert fields["Attacks in the last 12"] == "4"  # "... (from my diary, kept since ...)"
    assert fields["Last attack (from my"] == "2026-11-20 19:15"
    assert fields["Emergency room visits in"] == "1"
    assert fields["Epinephrine ever used"] == "Yes"
    # Bars left to right: Jan 1, Mar 2, Nov 1 (the months with none draw no bar).
    bars.sort(key=lambda r: r["x0"])
    assert [round(r["height"] / bars[0]["height"], 3) for r in bars] == [1, 2, 1]
    assert len({round(r["bottom"], 1) for r in bars}) == 1  # standing on one axis
    month = bars[1]["x0"] - bars[0]["x0"]
    gaps = [round((b["x0"] - a["x0"]) / month, 2) for a, b in itertools.pairwise(bars)]
    assert gaps == [1.0, 4.0]  # Jan -> Mar is 2 months; Mar -> Nov is 8


def _fields(page: pdfplumber.page.Page) -> dict[str, str]:
    """The label/value table's first lines: {label's first line: the value beside it}."""
    lines: dict[float, list[dict[str, object]]] = {}
    for word in page.extract_words():
        lines.setdefault(round(float(word["top"])), []).append(word)
    split = page.width * 0.33  # the value column starts at 30% of the text width
    found = {}
    for words in lines.values():
        label = " ".join(str(w["text"]) for w in words if float(w["x0"]) < split)  # type: ignore[arg-type]
        value = " ".join(str(w["text"]) for w in words if float(w["x0"]) >= split)  # type: ignore[arg-type]
        found[label] = value
    return found


def test_since_the_last_visit_the_table_starts_at_that_visit() -> None:
    profile = to_profile(
        {
            "schema_version": "1",
            "visit": {"date": "2026-12-03"},
            "attack_diary": [{"date": d} for d in ("2026-05-01", "2026-09-10", "2026-11-02")],
        }
    )
    summary = diary_summary(
        profile, load_catalog(), prepared=NOW.date(), last_visit=dt.date(2026, 9, 10)
    )
    assert summary is not None and summary.since_last_visit
    assert [row.when for row in summary.rows] == ["2026-09-10", "2026-11-02"]
    assert summary.attacks.last_year == 3  # the counts still cover 12 months
    months = attacks_per_month(profile.attack_diary, NOW.date())
    assert (months[0].label, months[0].year) == ("Dec", 2025)
    assert [m.attacks for m in months] == [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1]


def test_a_logged_attack_counts_only_until_the_visit_it_is_printed_for() -> None:
    profile = to_profile(
        {
            "schema_version": "1",
            "visit": {"date": "2026-06-01"},
            "attacks": {"last_year": "40", "epinephrine_used": "no"},
            "attack_diary": [{"date": "2026-05-01"}, {"date": "2026-07-01", "epinephrine": "y"}],
        }
    )
    summary = diary_summary(profile, load_catalog(), prepared=NOW.date())
    assert summary is not None
    assert [row.when for row in summary.rows] == ["2026-05-01"]
    assert summary.attacks.last_year == 1  # the diary, not the typed 40
    assert summary.attacks.epinephrine_used is False  # July's use came after that visit


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--date", "2026-12-05"], "p.yaml: --date: 2026-12-05 is in the future"),
        (["--date", "today 10:00"], "p.yaml: --date: 2026-11-21 10:00 is in the future"),
        (["--severity", "11"], "p.yaml: --severity: must be a whole number from 0 to 10"),
        (["--bogus"], "prepkit log --help' shows how to use it)"),
        (["--date", "2026-02-30"], "there is no day 2026-02-30"),
        (["--symptom", "x" * 201], "p.yaml: --symptom: is too long (201 characters"),
        (["--trigger", "\U0001f600"], "p.yaml: --trigger: has characters the documents cannot"),
        (["--note", "a\x07b"], "p.yaml: --note: contains a control character (U+0007)"),
    ],
)
def test_bad_input_is_one_line_and_leaves_the_profile_as_it_was(
    tmp_path: Path, profile: Path, options: list[str], message: str
) -> None:
    before = profile.read_bytes()
    done = run(tmp_path, "log", "p.yaml", *options)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert profile.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_logging_interactively_in_a_terminal(tmp_path: Path, profile: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "prepkit", "log", "p.yaml"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    for prompt, typed in [
        ("When did it start", "yesterday 21:30"),
        ("Symptoms", "3, 99"),  # 99 is not on the list: asked again
        ("Sorry: 99 is not on the list", None),
        ("Symptoms", "3, cold sweat"),
        ("set it off", "1, 2"),
        ("How bad", "11"),
        ("How bad", "7"),
        ("How long", "2 hours"),
        ("take or do", "1, lay down"),
        ("epinephrine", "n"),
        ("emergency room", ""),
        ("A note", "after dinner out"),
    ]:
        child.expect(prompt)
        if typed is not None:
            child.sendline(typed)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    (entry,) = read_profile(profile).attack_diary
    assert entry.date == dt.date(2026, 11, 20) and entry.time == "21:30"
    assert entry.symptoms == ["flushing", "cold sweat"]
    assert entry.triggers == ["alcohol", "hot showers"]  # the patient's own come first
    assert (entry.severity, entry.lasted, entry.took) == (7, "2 hours", ["Cetirizine", "lay down"])
    assert (entry.epinephrine, entry.emergency_visit, entry.note) == (
        False,
        None,
        "after dinner out",
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", (dt.date(2026, 11, 21), "00:00")),
        ("now", (dt.date(2026, 11, 21), "00:00")),
        ("yesterday 21:00", (dt.date(2026, 11, 20), "21:00")),
        ("Yesterday 9pm", (dt.date(2026, 11, 20), "21:00")),
        ("2026-11-05", (dt.date(2026, 11, 5), "")),
        ("2026-11-05 08:30", (dt.date(2026, 11, 5), "08:30")),
        ("2026-11-05T08:30", (dt.date(2026, 11, 5), "08:30")),
        ("2026-11-05 12am", (dt.date(2026, 11, 5), "00:00")),
    ],
)
def test_when_an_attack_started_as_people_write_it(
    typed: str, expected: tuple[dt.date, str]
) -> None:
    assert parse_when(typed, NOW) == expected


@pytest.mark.parametrize("typed", ["tomorrow", "2026-11-22", "25:00", "13pm", "last week"])
def test_when_that_is_no_past_moment_is_refused(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_when(typed, NOW)


def test_numbers_pick_from_the_list_and_words_are_kept() -> None:
    offered = ["flushing", "itching"]
    assert picked_or_written("2, cold sweat, 2", offered) == ["itching", "cold sweat"]
    with pytest.raises(ValueError, match="3 is not on the list"):
        picked_or_written("3", offered)


def test_the_wizard_shows_the_diary_counts_instead_of_asking_them() -> None:
    from prepkit.wizard.sections import SECTIONS
    from tests.scripted import ScriptedPrompter

    data = {
        "schema_version": 1,
        "attacks": {"last_year": 40},  # typed before the diary: kept, not asked
        "attack_diary": [
            {"date": "2025-11-01"},  # more than 12 months before the pinned day
            {"date": "2026-03-02", "emergency_visit": True},
            {"date": "2026-11-17", "emergency_visit": False},
        ],
    }
    p = ScriptedPrompter(
        {"Have you ever used epinephrine": True, "Have you ever had anaphylaxis": False}
    )
    next(s for s in SECTIONS if s.name == "attacks").ask(p, data, load_catalog())
    assert "Attacks in the last year" not in p.asked
    assert "Emergency room visits for SM" not in p.asked
    assert "When was the last one" not in p.asked
    assert any(
        "Attack diary: 2 attacks in the last 12 months, the last on 2026-11-17; "
        "1 emergency room visit" in line
        for line in p.said
    ), p.said
    assert p.unused() == {}


def test_the_wizard_and_the_worksheet_give_the_same_counts_for_the_same_day() -> None:
    """#31: the wizard once counted the diary itself: with today 2026-11-21 it said "the
    last on 2026-11-25; 0 emergency room visits" where the worksheet said 2026-10-01 and
    gave no count. Both now come from content/diary.py."""
    from prepkit.content.rules import to_profile
    from prepkit.content.worksheet import worksheet_context
    from prepkit.core.today import today
    from prepkit.wizard.symptoms import diary_summary as wizard_summary

    data: dict[str, Any] = {
        "schema_version": 1,
        "attack_diary": [
            {"date": "2026-10-01", "time": "21:00"},
            {"date": "2026-06-12"},
            {"date": (today() + dt.timedelta(days=4)).isoformat(), "emergency_visit": False},
        ],
    }
    counts = worksheet_context(to_profile(data), load_catalog(), prepared=today())["attacks"]
    said = wizard_summary(data)
    assert counts.emergency_visits is None and "emergency room visits not given" in said, said
    assert f"{counts.last_year} attacks in the last 12 months" in said, said
    assert f"the last on {counts.last_attack};" in said, said
    assert counts.last_attack.startswith("2026-10-01")


def test_an_attack_logged_while_the_wizard_was_open_survives_its_save(
    tmp_path: Path, profile: Path
) -> None:
    from prepkit.profile.convert import profile_data
    from prepkit.wizard.profile_files import ProfileFiles

    opened = profile_data(read_profile(profile))  # the wizard reads the profile...
    assert run(tmp_path, "log", "p.yaml", "--date", "2026-11-20", "--severity", "5").returncode == 0
    opened["patient"]["name"] = "Alex B. Example"  # ...and saves its answers later
    ProfileFiles(profile).save(opened)
    saved = read_profile(profile)
    assert saved.patient.name == "Alex B. Example"
    assert [(e.date, e.severity) for e in saved.attack_diary] == [(dt.date(2026, 11, 20), 5)]


def test_a_diary_of_2000_entries_loads_validates_and_prints_every_entry_in_the_window(
    tmp_path: Path,
) -> None:
    from prepkit.wizard.profile_files import save_profile
    from tests.realistic import diary_profile  # the bench's too: 2,000 entries in 12 months

    save_profile(tmp_path / "p.yaml", diary_profile(2000))
    checked = run(tmp_path, "validate", "p.yaml")
    assert checked.returncode == 0, checked.stderr
    built = run(tmp_path, "build", "p.yaml", "-o", "out", "--no-card")
    assert built.returncode == 0, built.stderr
    text = "\n".join(page_texts((tmp_path / "out" / "worksheet.pdf").read_bytes()))
    table = text.split("2000 attacks logged in the 12 months from 2025-11-22.")[1]
    # Every row starts with its date; nothing else after the table's title starts a line with one.
    assert len(re.findall(r"^20\d\d-\d\d-\d\d\b", table, re.MULTILINE)) == 2000
    # One more is refused in one line: the diary's limit, and the file is unchanged.
    before = (tmp_path / "p.yaml").read_bytes()
    refused = run(tmp_path, "log", "p.yaml", "--date", "2026-11-20")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1, refused.stderr
    assert "attack_diary" in refused.stderr and "2000" in refused.stderr.replace(",", "")
    assert (tmp_path / "p.yaml").read_bytes() == before


# --- found by the fresh-eyes review of the first version ---------------------------------


def test_words_yaml_reads_as_empty_are_kept_as_words(tmp_path: Path, profile: Path) -> None:
    done = run(tmp_path, "log", "p.yaml", "--date", "2026-11-01", "--trigger", "null",
               "--symptom", "~", "--note", "NULL")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (entry,) = read_profile(profile).attack_diary
    assert (entry.triggers, entry.symptoms, entry.note) == (["null"], ["~"], "NULL")
    assert profile.read_text(encoding="utf-8").startswith("# Alex's profile")


def test_an_attack_logged_between_two_keeps_each_comment_with_its_entry(
    tmp_path: Path, profile: Path
) -> None:
    with profile.open("a", encoding="utf-8") as text:
        text.write(
            "attack_diary:\n"
            "  - date: 2026-10-01\n"
            "    triggers: [alcohol]   # wine at the wedding\n"
            "  # the bee\n"
            "  - {date: 2026-10-20, severity: 7}\n"
        )
    assert run(tmp_path, "log", "p.yaml", "--date", "2026-10-10", "--note", "x").returncode == 0
    lines = profile.read_text(encoding="utf-8").splitlines()
    assert lines[-6:] == [
        "  - date: 2026-10-01",
        "    triggers: [alcohol]   # wine at the wedding",
        "  - date: 2026-10-10",
        "    note: x",
        "  # the bee",
        "  - {date: 2026-10-20, severity: 7}",
    ]


def test_an_entry_after_today_is_a_note_not_a_locked_profile(tmp_path: Path, profile: Path) -> None:
    """Logged on a phone in a time zone ahead: it is tomorrow here."""
    with profile.open("a", encoding="utf-8") as text:
        text.write("attack_diary:\n  - date: 2026-11-22\n")
    checked = run(tmp_path, "validate", "p.yaml")
    assert checked.returncode == 0, checked.stderr
    assert "attack_diary[1].date: 2026-11-22 is after today" in checked.stdout
    assert run(tmp_path, "log", "p.yaml", "--severity", "2").returncode == 0


def test_counts_from_a_new_diary_are_not_set_against_counts_typed_before() -> None:
    from prepkit.content.changes import changes_since

    before = to_profile(
        {"schema_version": "1", "attacks": {"last_year": "30", "emergency_visits": "2"}}
    )
    now = to_profile(
        {
            "schema_version": "1",
            "attacks": {"last_year": "30", "emergency_visits": "2"},
            "attack_diary": [{"date": "2026-11-02", "severity": "4"}],
        }
    )
    groups = {g.heading: g.lines for g in changes_since(before, now, load_catalog())}
    assert groups["Attacks"][0] == (
        "Attack counts now come from my attack diary, kept since 2026-11-02"
    )
    assert not any("30" in line for line in groups["Attacks"])
    summary = diary_summary(now, load_catalog(), prepared=NOW.date())
    assert summary is not None
    assert summary.attacks.emergency_visits is None  # no entry said: not "0"
    assert summary.kept_since == dt.date(2026, 11, 2)


def test_one_trigger_written_three_ways_is_listed_once_in_its_row() -> None:
    profile = to_profile(
        {
            "schema_version": "1",
            "attack_diary": [
                {"date": "2026-11-02", "triggers": ["Alcohol", "alcohol ", "ALCOHOL"]}
            ],
        }
    )
    summary = diary_summary(profile, load_catalog(), prepared=NOW.date())
    assert summary is not None and summary.rows[0].triggers == "Alcohol"


def test_a_number_with_nothing_to_pick_from_says_so() -> None:
    with pytest.raises(ValueError, match="there is no list to pick 1 from"):
        picked_or_written("1", [])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-05T08:30:59", (dt.date(2026, 11, 5), "08:30")),
        ("yesterday 9:15:30", (dt.date(2026, 11, 20), "09:15")),
    ],
)
def test_seconds_are_read_and_left_out(typed: str, expected: tuple[dt.date, str]) -> None:
    assert parse_when(typed, NOW) == expected


def test_a_time_alone_later_than_now_suggests_last_night() -> None:
    with pytest.raises(ValueError, match="for last night, write 'yesterday 21:00'"):
        parse_when("21:00", NOW)
    with pytest.raises(ValueError, match="is not a day or a time"):
        parse_when("２０２６-１１-０５", NOW)  # noqa: RUF001 - full-width digits on purpose


def test_attacks_logged_at_the_same_moment_are_all_kept(tmp_path: Path, profile: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "prepkit", "log", "p.yaml", "--date", f"2026-11-0{day}"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for day in range(1, 7)
    ]
    assert [process.wait(timeout=120) for process in runs] == [0] * 6
    days = [entry.date.day for entry in read_profile(profile).attack_diary]
    assert days == [1, 2, 3, 4, 5, 6]


def test_a_mistyped_id_is_kept_as_written_and_said(tmp_path: Path, profile: Path) -> None:
    done = run(tmp_path, "log", "p.yaml", "--symptom", "flushng", "--trigger", "my cat")
    assert done.returncode == 0
    assert "Note: 'flushng' is kept as your own words; if you meant 'flushing'" in done.stdout
    assert "my cat" not in done.stdout
    assert read_profile(profile).attack_diary[0].symptoms == ["flushng"]


def test_large_print_charts_label_at_14_pt_or_more() -> None:
    """Found by the #18 re-check: chart labels were 0.85 of the text size (11.9 pt)."""
    import io

    from prepkit.documents.render import render_worksheet
    from tests.conftest import EXAMPLE
    from tests.test_golden import follow_up_worksheet, with_diary

    diary = render_worksheet(with_diary(read_profile(EXAMPLE)), large_print=True)
    for pdf in (diary, follow_up_worksheet(large_print=True)):
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            charted = [
                page
                for page in document.pages
                if "per month" in (page.extract_text() or "")
                or "results over time" in (page.extract_text() or "")
            ]
            assert charted
            sizes = {round(c["size"], 1) for page in charted for c in page.chars}
        assert min(sizes) >= 14, sorted(sizes)


def test_a_diary_begun_this_year_shows_no_zeros_before_it_and_keeps_the_typed_counts() -> None:
    """Found by a new user: a diary begun yesterday drew '0' for every earlier month
    (an attack typed for October among them), and the typed counts (4 attacks, 1
    emergency visit) were replaced by the diary's 1 and 0."""
    from prepkit.documents.render import render_worksheet
    from tests.pdf_tools import flat_text

    profile = to_profile(
        {
            "schema_version": "1",
            "visit": {"date": "2026-11-30"},
            "attacks": {
                "last_year": "4",
                "last_attack": "2026-10-02 wasp sting",
                "emergency_visits": "1",
            },
            "attack_diary": [{"date": "2026-11-21", "emergency_visit": "no"}],
        }
    )
    summary = diary_summary(profile, load_catalog(), prepared=NOW.date())
    assert summary is not None and summary.partial
    assert [m.attacks for m in summary.months] == [None] * 11 + [1]
    pdf = render_worksheet(profile)
    text = flat_text(pdf)
    assert "Attacks in the last year (as I counted them before my diary) 4" in text
    assert "Last attack (as I noted it before my diary) 2026-10-02 wasp sting" in text
    assert "Emergency room visits (as I counted them before my diary) 1" in text
    assert "no bar before my diary began, 2026-11-21" in text
    with pdfplumber.open(__import__("io").BytesIO(pdf)) as document:
        page = next(p for p in document.pages if "Attacks per month" in (p.extract_text() or ""))
        bars = [r for r in page.rects if r["fill"] and r["non_stroking_color"] in BLACK_INK]
        words = page.extract_words()
        title = next(
            w["top"]
            for w, after in itertools.pairwise(words)
            if (w["text"], after["text"]) == ("Attacks", "per")
        )
        numbers = [w["text"] for w in words if w["text"] == "0" and w["top"] > title]
    assert len(bars) == 1
    assert numbers == ["0"]  # the value axis's zero only, no bar label "0"

    kept_long = to_profile(
        {
            "schema_version": "1",
            "visit": {"date": "2026-11-30"},
            "attacks": {"last_year": "4"},
            "attack_diary": [{"date": "2025-06-01"}, {"date": "2026-11-21"}],
        }
    )
    summary = diary_summary(kept_long, load_catalog(), prepared=NOW.date())
    assert summary is not None and not summary.partial
    assert None not in [m.attacks for m in summary.months]
    assert "as I counted them" not in flat_text(render_worksheet(kept_long))


def test_attacks_logged_at_once_through_a_link_and_directly_are_all_kept(
    tmp_path: Path, profile: Path
) -> None:
    """Found by #28: 20 runs at once, half through a link in another folder: 10 kept
    (the lock was taken on the link's folder, not the real file's)."""
    elsewhere = tmp_path / "phone"
    elsewhere.mkdir()
    (elsewhere / "link.yaml").symlink_to(profile)
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "prepkit",
                "log",
                "phone/link.yaml" if day % 2 else "p.yaml",
                "--date",
                f"2026-10-{day:02d}",
            ],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for day in range(1, 21)
    ]
    assert [process.wait(timeout=300) for process in runs] == [0] * 20
    days = [entry.date.day for entry in read_profile(profile).attack_diary]
    assert days == list(range(1, 21))
    assert (elsewhere / "link.yaml").is_symlink()
    assert not list(tmp_path.glob(".*.lock")) and not list(elsewhere.glob(".*"))


def test_an_attack_logged_while_the_wizard_saves_waits_for_the_save_and_is_kept(
    tmp_path: Path, profile: Path
) -> None:
    """Found by #28: the wizard's save took no lock, so an attack logged during it
    (4 s with a 2,000-entry diary) was overwritten."""
    from prepkit.core.locks import profile_lock
    from prepkit.profile.convert import profile_data
    from prepkit.wizard.profile_files import ProfileFiles

    opened = profile_data(read_profile(profile))
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    with profile_lock(profile):  # the wizard's save has begun
        logging = subprocess.Popen(
            [sys.executable, "-m", "prepkit", "log", "p.yaml", "--date", "2026-11-20"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert logging.stderr is not None
        assert logging.stderr.readline().startswith("Waiting for another prepkit run")
        opened["patient"]["name"] = "Alex B. Example"
        # The wizard's save, in this process: it holds the lock already, so save inside.
        from prepkit.wizard.profile_files import save_profile

        save_profile(profile, opened)
    assert logging.wait(timeout=120) == 0
    saved = read_profile(profile)
    assert saved.patient.name == "Alex B. Example"
    assert [e.date for e in saved.attack_diary] == [dt.date(2026, 11, 20)]

    # And the wizard's own save takes the lock: a log holding it makes the save wait
    # for it, then read the diary afresh.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THEN_LOG, str(profile)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    opened["patient"]["name"] = "Alex C. Example"
    ProfileFiles(profile).save(opened)
    assert holder.wait(timeout=60) == 0
    saved = read_profile(profile)
    assert saved.patient.name == "Alex C. Example"
    assert [e.date for e in saved.attack_diary] == [dt.date(2026, 11, 20), dt.date(2026, 11, 21)]


# Holds the profile's lock as prepkit log does, logs an attack, then lets go.
HOLD_THEN_LOG = """
import sys, time
from pathlib import Path
from prepkit.cli.diary_log import _insert
from prepkit.core.locks import profile_lock
from prepkit.profile.convert import profile_data
from prepkit.content.rules import read_profile
profile = Path(sys.argv[1])
with profile_lock(profile):
    print("held", flush=True)
    time.sleep(1)
    _insert(profile, profile_data(read_profile(profile)), {"date": "2026-11-21"})
"""


def test_a_killed_logs_copy_of_the_profile_is_removed_by_the_next_log(
    tmp_path: Path, profile: Path
) -> None:
    """Found by #28: a killed log left .p.yaml.XXXX.tmp (the whole profile) for good."""
    leftover = tmp_path / ".p.yaml.k1ll3d.tmp"
    leftover.write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    draft_in_progress = tmp_path / ".p.draft.yaml.now.tmp"  # the wizard's, not the log's
    draft_in_progress.write_text("x", encoding="utf-8")
    assert run(tmp_path, "log", "p.yaml", "--date", "2026-11-20").returncode == 0
    assert not leftover.exists()
    assert draft_in_progress.exists()


# --- a logged attack changes nothing else in the file (#28) ----------------------------

HAND_WRITTEN = (
    "# my profile\n"
    "schema_version: 1\n"
    "patient:\n"
    "  name: Ann Lee\n"
    "  date_of_birth: ~   # look up on passport\n"
    "  # a comment line of my own\n"
    "visit:\n"
    "  date: 2026-12-03\n"
    "  mode: in-person\t# in person this time\n"
    '  provider: "Dr. Adaeze Okafor of the Hematology and Mast Cell Clinic"   # new\n'
    "# my attacks\n"
    "attack_diary:\n"
    "  # the wasp one\n"
    "  - date: 2026-11-10\n"
    "    severity: 5\n"
    "  - {date: 2026-11-12, severity: 3}   # hives only\n"
    "  # the shellfish one\n"
    "  - date: 2026-11-14\n"
    "notes: ''   # fill in\n"
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize(
    ("day", "after_line"),
    [("2026-11-01", 12), ("2026-11-11", 15), ("2026-11-13", 16), ("2026-11-20", 18)],
    ids=["before the first", "between", "after a flow entry", "last"],
)
def test_a_logged_attack_is_one_new_line_and_every_other_byte_stays(
    newline: str, day: str, after_line: int, tmp_path: Path
) -> None:
    """Found by #28: a tab before a comment made log rewrite the file (7 comment lines
    became prepkit's 3); '~   # look up on passport' lost its line; the comment above
    the first entry moved onto the new one; CRLF came back mixed; padding was added."""
    path = tmp_path / "p.yaml"
    original = HAND_WRITTEN.replace("\n", newline).encode()
    path.write_bytes(original)
    assert run(tmp_path, "log", "p.yaml", "--date", day).returncode == 0
    lines = original.decode().splitlines(keepends=True)
    added = f"  - date: {day}{newline}"
    assert path.read_bytes().decode() == "".join([*lines[:after_line], added, *lines[after_line:]])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("schema_version: 1\n", "schema_version: 1\nattack_diary:\n  - date: 2026-11-01\n"),
        (
            "schema_version: 1\nattack_diary: []   # none yet\nnotes: x\n",
            "schema_version: 1\nattack_diary: # none yet\n  - date: 2026-11-01\nnotes: x\n",
        ),
        (
            "schema_version: 1\nattack_diary:\nnotes: x",
            "schema_version: 1\nattack_diary:\n  - date: 2026-11-01\nnotes: x",
        ),
    ],
    ids=["no diary", "an empty list with a comment", "an empty key, no final newline"],
)
def test_the_first_attack_goes_under_the_diary_key(before: str, after: str, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(before, encoding="utf-8")
    assert run(tmp_path, "log", "p.yaml", "--date", "2026-11-01").returncode == 0
    assert (tmp_path / "p.yaml").read_text(encoding="utf-8") == after


def test_a_diary_in_brackets_is_left_as_it_was_with_one_line(tmp_path: Path) -> None:
    text = "schema_version: 1\nattack_diary: [{date: 2026-11-10}]  # mine\n"
    (tmp_path / "p.yaml").write_text(text, encoding="utf-8")
    done = run(tmp_path, "log", "p.yaml", "--date", "2026-11-01")
    assert done.returncode == 2
    assert done.stderr.startswith("Error: p.yaml: attack_diary: the attack diary is not a list")
    assert done.stderr.count("\n") == 1
    assert (tmp_path / "p.yaml").read_text(encoding="utf-8") == text


def test_a_read_only_profile_is_not_changed(tmp_path: Path, profile: Path) -> None:
    """Found by #28: log silently replaced a read-only (0444) profile."""
    before = profile.read_bytes()
    profile.chmod(0o444)
    done = run(tmp_path, "log", "p.yaml", "--date", "2026-11-01")
    assert done.returncode == 2
    assert "is read-only; prepkit will not change it" in done.stderr
    assert profile.read_bytes() == before


def test_the_logs_questions_are_the_wizards_engine_read_and_checked_by_place() -> None:
    """prepkit log asks through the wizard's engine: each answer read (a day and time,
    numbers from a list), checked with the asking loop's kinds, refused ones asked again,
    and the entry keeps the profile's order (date, then time)."""
    from prepkit.wizard.diary import ask_attack
    from tests.scripted import ScriptedPrompter

    profile = to_profile({"schema_version": 1, "medications": [{"name": "Cetirizine"}]})
    p = ScriptedPrompter(
        {
            "date": ["tomorrow", "yesterday 21:00"],
            "symptoms": ["1, 99", "1, a tight throat"],
            "severity": ["11", 7],
            "took": "1",
            "epinephrine": True,
        }
    )
    now = dt.datetime(2026, 12, 3, 10, 0)
    entry = ask_attack(p, profile, load_catalog(), now, lambda entry: None)
    assert list(entry)[:2] == ["date", "time"]
    assert entry["date"] == "2026-12-02" and entry["time"] == "21:00"
    assert entry["symptoms"][1] == "a tight throat" and entry["took"] == ["Cetirizine"]
    assert entry["severity"] == 7 and entry["epinephrine"] is True
    assert "lasted" not in entry and "note" not in entry  # skipped: not kept as ""
    sorry = [line for line in p.said if line.startswith("  Sorry:")]
    assert len(sorry) == 3, sorry  # the day, the 99th symptom, severity 11
    assert p.places == [
        "date", "date", "symptoms", "symptoms", "triggers", "severity", "severity",
        "lasted", "took", "epinephrine", "emergency_visit", "note",
    ]  # fmt: skip
