"""Property: whatever a person types, and wherever they stop, the wizard keeps every answer.

Random answers (the first run's real ones, any printable Unicode, control and
invisible characters, digits Python reads oddly, answers thousands of characters
long, Enter, ``-`` and ``?``) go through the real command and the real prompts;
then input ends, or Ctrl-C is pressed. Whatever happened: no traceback, exit 0, 2
or 130, and every answer a prompt accepted is in the saved profile or draft.
Runs 300 examples in a full run (CI) and 15 in a default local run.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from prepkit.cli import main
from prepkit.cli import terminal as prompts
from prepkit.profile.loader import parse_yaml
from tests.conftest import FULL_RUN, PINNED_EPOCH
from tests.test_property import ANY, NASTY, TYPED
from tests.test_wizard import FIRST_RUN

EXAMPLES = int(os.environ.get("PREPKIT_EXAMPLES") or (300 if FULL_RUN else 15))

ODD = st.sampled_from(
    [
        "",
        "-",
        "?",
        "²",
        "٣",
        "9" * 5000,
        "1e9",
        "0x1F",
        "1-3,5",
        "99999999999999999999",
        "\x7f name",
        "name\u0085",
        "\u0344" * 150,
        "\udcff",
        "\x1b]0;title\x07",
        "y" * 300,
    ]
)
TYPED_TEXT = st.lists(st.one_of(TYPED, ANY, NASTY), max_size=30).map("".join)
LONG = st.integers(1, 2100).map(lambda n: ("word " * n)[:n])


RANDOM = st.one_of(TYPED_TEXT, ODD, LONG)


@st.composite
def sessions(draw: st.DrawFn) -> tuple[list[str], str]:
    """Answers in prompt order, then a stop (input ends, or Ctrl-C).

    Either a first run with random answers mixed in (which throw later answers out
    of step, as a confused person would), or a first run typed correctly up to a
    point and then anything: so every question, the review and the printing are
    reached, and stopped at.
    """
    if draw(st.booleans()):
        count = draw(st.integers(0, len(FIRST_RUN) + 10))
        real = [*FIRST_RUN, *[""] * 10][:count]
        answers = [draw(st.one_of(*[st.just(a)] * 8, RANDOM)) for a in real]
    else:
        answers = FIRST_RUN[: draw(st.integers(0, len(FIRST_RUN)))]
        answers += draw(st.lists(st.one_of(RANDOM, st.just("")), max_size=8))
    return answers, draw(st.sampled_from(["input ends", "ctrl-c"]))


@contextmanager
def typed(answers: list[str], stop: str) -> Iterator[list[tuple[str, Any]]]:
    """The terminal: each prompt reads the next answer; every accepted answer is recorded."""
    queue = list(answers)
    accepted: list[tuple[str, Any]] = []

    def read(prompt: str = "") -> str:
        if not queue:
            raise KeyboardInterrupt if stop == "ctrl-c" else EOFError
        return queue.pop(0)

    original_ask = prompts.TerminalPrompter._ask

    def ask(self: prompts.TerminalPrompter, label: str, *args: Any, **kwargs: Any) -> Any:
        value = original_ask(self, label, *args, **kwargs)
        accepted.append((label, value))
        return value

    with (
        mock.patch("builtins.input", read),
        mock.patch.object(prompts.TerminalPrompter, "_ask", ask),
    ):
        yield accepted


def strings_in(value: Any) -> Iterator[str]:
    """Every piece of text in ``value``, however deep (a profile's data)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=FULL_RUN,
)
@given(sessions())
def test_no_typed_answer_is_lost_and_nothing_fails(session: tuple[list[str], str]) -> None:
    answers, stop = session
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        with typed(answers, stop) as accepted:
            result = CliRunner().invoke(
                main,
                ["wizard", str(work / "p.yaml"), "-o", str(work / "out")],
                env={"SOURCE_DATE_EPOCH": PINNED_EPOCH, "NO_COLOR": "1"},
            )
        assert result.exit_code in (0, 2, 130), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert "Traceback" not in result.output
        if result.exit_code == 0:
            saved = work / "p.yaml"
        else:
            saved = work / "p.draft.yaml"
            assert f"saved in {saved}" in result.output or not accepted, result.output
        event(f"exit {result.exit_code}, {len(accepted) // 10 * 10}+ answers accepted")
        kept: set[str] = set()
        if saved.exists():  # read as prepkit reads it: every value as text
            kept = set(strings_in(parse_yaml(saved.read_text("utf-8"), str(saved))[0]))
        for label, value in accepted:
            if isinstance(value, str) and value:
                assert value in kept, f"{label!r}: {value[:60]!r} was accepted but not saved"
