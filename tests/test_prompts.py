"""How the terminal reads each kind of answer: Enter keeps, '-' clears, '?' helps, a mistake
is explained and asked again. One prompt function at a time, with typed lines."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from prepkit.cli.terminal import TerminalPrompter
from prepkit.wizard.prompts import (
    InputEnded,
    Interrupted,
    format_selection,
    parse_selection,
)


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Make the next calls to input() return these lines, in order."""

    def feed(*lines: str | type[BaseException]) -> None:
        queue: Iterator[str | type[BaseException]] = iter(lines)

        def fake_input(prompt: str = "") -> str:
            print(prompt)
            line = next(queue)
            if isinstance(line, type):
                raise line
            return line

        monkeypatch.setattr("builtins.input", fake_input)
        # No descriptor to wait on, so the prompter reads through input() (as under
        # pytest -s, where stdin would otherwise be the real terminal).
        monkeypatch.setattr("sys.stdin", io.StringIO())

    return feed


def test_text_enter_keeps_the_default_and_dash_clears_it(typed: Any, capsys: Any) -> None:
    p = TerminalPrompter()
    typed("", "-", "  Ann Lee  ")
    assert p.text("Your name", "help", "Ann", at="x") == "Ann"
    assert p.text("Your name", "help", "Ann", at="x") == ""
    assert p.text("Your name", "help", "Ann", at="x") == "Ann Lee"
    assert "Your name [Ann]:" in capsys.readouterr().out


def test_text_too_long_or_with_a_control_character_is_asked_again(typed: Any, capsys: Any) -> None:
    typed("x" * 11, "bell\x07", "fine")
    assert TerminalPrompter().text("Name", "help", max_length=10, at="x") == "fine"
    out = capsys.readouterr().out
    assert "Sorry: that is 11 characters; please keep it under 10." in out
    assert "Sorry: that has a control character (U+0007) that cannot be printed" in out


@pytest.mark.parametrize(
    ("typed_text", "said"),
    [
        ("Ann\x7fLee", "a control character (U+007F)"),  # DEL
        ("Ann\x85Lee", "a control character (U+0085)"),  # NEL, a C1 control
        ("\u0344" * 150, "that is 300 characters"),  # 150 typed, 300 once normalised
        ("Ann \uffff", "characters the documents cannot print (U+FFFF)"),
    ],
    ids=["DEL", "U+0085", "grows under NFC", "font lacks it"],
)
def test_an_answer_the_profile_would_refuse_is_asked_again(
    typed: Any, capsys: Any, typed_text: str, said: str
) -> None:
    # Found by red-team (#15 item 3): the wizard took these, then its final check
    # refused them and the whole interview was lost.
    typed(typed_text, "Ann Lee")
    assert TerminalPrompter().text("Name", "help", max_length=200, at="x") == "Ann Lee"
    assert said in capsys.readouterr().out


def test_required_text_is_asked_until_answered(typed: Any, capsys: Any) -> None:
    typed("", "Ann")
    assert TerminalPrompter().text("Name", "help", required=True, at="x") == "Ann"
    assert "This one is needed" in capsys.readouterr().out


def test_a_wrong_date_is_explained_and_asked_again(typed: Any, capsys: Any) -> None:
    typed("1980-02-30", "29/02/1980", "1980-02-29")
    assert TerminalPrompter().date("Date of birth", "help", None, at="x") == dt.date(1980, 2, 29)
    out = capsys.readouterr().out
    assert "Sorry: there is no day 1980-02-30; check the month and the day." in out
    assert "Sorry: write the date as year-month-day, for example 2026-12-03." in out


def test_a_number_out_of_range_or_not_a_number_is_asked_again(typed: Any, capsys: Any) -> None:
    typed("12", "six", "6")
    assert TerminalPrompter().number("How bad", "help", None, minimum=0, maximum=10, at="x") == 6
    out = capsys.readouterr().out
    assert "Sorry: 12 is outside 0 to 10." in out
    assert "Sorry: please type a whole number from 0 to 10." in out


def test_digits_int_refuses_or_too_many_are_asked_again_not_a_crash(
    typed: Any, capsys: Any
) -> None:
    # Found by red-team (#15): "²" passed str.isdigit() and crashed int() (exit 1,
    # everything typed lost); so did a 5,000-digit number.
    typed("²", "٣", "9" * 5000, "3")
    assert TerminalPrompter().number("How bad", "help", None, minimum=0, maximum=10, at="x") == 3
    assert capsys.readouterr().out.count("Sorry: please type a whole number from 0 to 10.") == 3
    with pytest.raises(ValueError, match="is not a number"):
        parse_selection("1,²", 5)


def test_yes_no_and_confirm(typed: Any, capsys: Any) -> None:
    p = TerminalPrompter()
    typed("maybe", "Y", "", "no", "", "y", "", "yes")
    assert p.yes_no("Carry epinephrine", "help", None, at="x") is True
    assert p.yes_no("Carry epinephrine", "help", False, at="x") is False
    assert p.confirm("Keep it?", at="x") is False
    assert p.confirm("Keep it?", default=False, at="x") is False
    assert p.confirm("Keep it?", default=False, at="x") is True
    assert p.confirm("Keep it?", at="x") is True
    assert p.confirm("Keep it?", default=False, at="x") is True
    out = capsys.readouterr().out
    assert "Sorry: please answer y (yes) or n (no)." in out
    assert "Carry epinephrine (y/n) [n]:" in out


def test_yes_and_no_are_the_words_a_profile_file_takes(typed: Any) -> None:
    """One vocabulary: what the reader takes as yes or no in a file, the prompts take too."""
    from prepkit.profile.convert import NO, YES

    p = TerminalPrompter()
    words = sorted(YES) + sorted(NO)
    typed(*words, *words)
    assert [p.yes_no("Carry epinephrine", "help", None, at="x") for _ in words] == [
        word in YES for word in words
    ]
    assert [p.confirm("Keep it?", at="x") for _ in words] == [word in YES for word in words]


def test_choice_shows_numbered_options_and_returns_an_index(typed: Any, capsys: Any) -> None:
    typed("3", "2")
    assert TerminalPrompter().choice("Mode", "help", ["In person", "Virtual"], 0, at="x") == 1
    out = capsys.readouterr().out
    assert "   1. In person" in out and "   2. Virtual" in out and "Mode [1]:" in out
    assert "Sorry: 3 is outside 1 to 2." in out


def test_selection_explains_each_kind_of_mistake(typed: Any, capsys: Any) -> None:
    typed("0", "7-3", "2,x", "3,99", "2026-03", "2,3,5-7")
    assert TerminalPrompter().selection("Which", "help", 12, [], at="x") == [1, 2, 4, 5, 6]
    out = capsys.readouterr().out
    # Found by a new user: a date typed here "ran backwards; write it as 3-2026".
    assert "Sorry: 2026 is not on the list (choose from 1 to 12)." in out and "3-2026" not in out
    assert "Sorry: 0 is not on the list (choose from 1 to 12)." in out
    assert "Sorry: '7-3' runs backwards; write it as 3-7." in out
    assert "Sorry: 'x' is not a number or a range like 5-7." in out
    assert "Sorry: 99 is not on the list" in out


def test_question_mark_shows_more_help_then_asks_again(typed: Any, capsys: Any) -> None:
    typed("?", "7")
    picked = TerminalPrompter().choice(
        "Diagnosis", "Pick a number.", [str(n) for n in range(8)], None, more_help="Pick 7.", at="x"
    )
    assert picked == 6
    out = capsys.readouterr().out
    assert "  Pick 7.\n" in out and "Enter keeps the answer in [brackets]" in out


@pytest.mark.parametrize(
    ("raised", "becomes"), [(EOFError, InputEnded), (KeyboardInterrupt, Interrupted)]
)
def test_end_of_input_and_ctrl_c_become_the_wizards_own_signals(
    typed: Any, raised: type[BaseException], becomes: type[Exception]
) -> None:
    typed(raised)
    with pytest.raises(becomes):
        TerminalPrompter().text("Name", "help", at="x")


def test_selection_round_trips_through_its_written_form() -> None:
    assert parse_selection(format_selection([4, 0, 2]), 5) == [4, 0, 2]
    assert parse_selection("1 3,3", 5) == [0, 2]


@pytest.mark.skipif(sys.platform == "win32", reason="signals and pipes as on POSIX")
def test_a_ctrl_c_that_lands_before_the_read_starts_still_stops_the_question(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stop signal noted just before the read began used to wait for the next Enter.

    The signal is sent to another thread (the main one blocks it), so it cannot
    interrupt the read: exactly the case of a Ctrl-C that lands between the
    prompt and the read. A line arrives after 5 s so that a reader that missed
    the signal does not hang the tests: it is released by that line, too late.
    """
    sent: list[bool] = []
    finished: list[bool] = []

    # Plain sleeping threads, not threading.Timer: a Timer waits on a condition that
    # never wakes under a faked clock (faketime), and the suite must pass on any date.
    def after(seconds: float, action: Callable[[], object]) -> threading.Thread:
        def run() -> None:
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline and not finished:
                time.sleep(0.05)
            if not finished:
                action()

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        return thread

    def send_a_line() -> None:
        sent.append(True)
        os.write(write_end, b"late answer\n")

    def interrupt(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    read_end, write_end = os.pipe()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.FileIO(read_end, closefd=False)))
    previous = signal.signal(signal.SIGUSR1, interrupt)
    stop = after(0.2, lambda: os.kill(os.getpid(), signal.SIGUSR1))
    rescue = after(5, send_a_line)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
    try:
        with pytest.raises(Interrupted):
            TerminalPrompter().text("Name", "help", at="x")
        assert not sent, "the Ctrl-C waited for the next line"
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
        finished.append(True)
        stop.join()
        rescue.join()
        signal.signal(signal.SIGUSR1, previous)
        os.close(read_end)
        os.close(write_end)


@pytest.mark.skipif(sys.platform == "win32", reason="pipes as on POSIX")
def test_lines_typed_ahead_arrive_one_by_one_and_the_end_is_an_end() -> None:
    """Several lines in one read (a paste, a pipe) are kept for the next questions."""
    from prepkit.cli.line_input import LineReader

    read_end, write_end = os.pipe()
    try:
        os.write(write_end, "Ann Lee\r\nK\xf6hler\n".encode() + b"bad \xff byte\nno line end")
        os.close(write_end)
        reader = LineReader(read_end, "utf-8")
        shown = io.StringIO()
        lines = [reader.read_line(f"Q{n}: ", out=shown) for n in range(4)]
        assert lines == ["Ann Lee", "Köhler", "bad \udcff byte", "no line end"]
        assert shown.getvalue() == "Q0: Q1: Q2: Q3: "
        with pytest.raises(EOFError):
            reader.read_line("Q4: ", out=shown)
    finally:
        os.close(read_end)
