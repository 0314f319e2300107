"""prepkit's speed and size, against the floor Python and ReportLab set.

    python bench/run.py [--runs N]

Prints one table: medians of whole-process runs (start-up and `example` against
their baselines), in-process build time as the profile grows (1x, 10x, 100x the
example's symptoms, medications and questions), the worst case the limits allow
(every text at its limit, all `<`), a 2,000-entry attack diary and `prepkit log`'s
start-up (bench/diary.py), output sizes and peak memory.
Targets (issue #6) are printed beside each number; nothing here is a unit test.
"""

from __future__ import annotations

import argparse
import compileall
import copy
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


class Timing(NamedTuple):
    wall: float  # seconds, median
    cpu: float  # seconds of user + system time, median
    peak: int  # KiB, the largest of the runs


def whole_process(args: list[str], runs: int, cwd: Path) -> Timing:
    """Median wall and CPU time and the largest peak memory of ``runs`` runs."""
    (timing,) = compared([args], runs, cwd)
    return timing


def compared(commands: list[list[str]], runs: int, cwd: Path) -> list[Timing]:
    """Like :func:`whole_process` for several commands, run in turn.

    Taking turns (A, B, A, B...) rather than all of A then all of B means a
    machine that slows down or speeds up during the benchmark shifts both
    sides of a comparison alike, so the ratio stays honest. CPU time is
    reported beside wall time because it hardly moves when a shared machine
    is busy with something else.
    """
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    peaks: list[list[int]] = [[] for _ in commands]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795219200"}
    for _ in range(runs):
        for index, args in enumerate(commands):
            start = time.perf_counter()
            process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(process.pid, 0)
            walls[index].append(time.perf_counter() - start)
            assert os.waitstatus_to_exitcode(status) == 0, args
            cpus[index].append(usage.ru_utime + usage.ru_stime)
            peaks[index].append(usage.ru_maxrss)
    return [
        Timing(statistics.median(w), statistics.median(c), max(p))
        for w, c, p in zip(walls, cpus, peaks, strict=True)
    ]


def words(folder: Path) -> Counter[str]:
    """Every word printed in the worksheet and card in ``folder``, with how often."""
    from pypdf import PdfReader

    found: Counter[str] = Counter()
    for name in ("example-worksheet.pdf", "example-wallet-card.pdf"):
        for page in PdfReader(folder / name).pages:
            found.update(page.extract_text().split())
    return found


def same_words(baseline: Path, prepkit: Path) -> str:
    """Check that the baseline prints what prepkit prints: a floor that skips work is no floor."""
    try:
        ours, theirs = words(prepkit), words(baseline)
    except ImportError:
        return "not checked (pip install pypdf)"
    differ = sum(((ours - theirs) + (theirs - ours)).values())
    return f"same {sum(ours.values())} words" if not differ else f"{differ} words differ!"


def prepkit_command() -> list[str]:
    """prepkit as a patient runs it: the installed ``prepkit`` command, byte-compiled.

    pip byte-compiles a package when it installs it, so an installed prepkit
    never compiles its own source at start-up. A source checkout may not have
    been (PYTHONDONTWRITEBYTECODE, a fresh clone), so compile it here first,
    as pip would; otherwise the benchmark would time Python's compiler.
    """
    compileall.compile_dir(str(ROOT / "prepkit"), quiet=1)
    script = Path(PYTHON).with_name("prepkit")
    return [str(script)] if script.exists() else [PYTHON, "-m", "prepkit"]


def baseline_command(*, collector_off: bool = False) -> list[str]:
    """The baseline, byte-compiled like prepkit, so neither side pays for Python's compiler.

    Run as a script, Python would compile baseline.py on every run (scripts are
    never cached) while prepkit's modules come compiled: a few milliseconds of
    handicap on the floor's side. With ``collector_off`` it also handles Python's
    garbage collector as ``prepkit`` does (off, frozen at exit), for the reference
    row: how much of prepkit's margin that setting, rather than its own code, buys.
    """
    compileall.compile_file(str(ROOT / "bench/baseline.py"), quiet=1)
    launch = (
        f"import runpy, sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); "
        "runpy.run_module('baseline', run_name='__main__', alter_sys=True)"
    )
    if collector_off:
        launch = f"import gc; gc.disable(); {launch}; gc.freeze()"
    return [PYTHON, "-c", launch]


def scaled_profile(factor: int) -> dict[str, Any]:
    """The example with its symptoms, medications and questions repeated ``factor`` times.

    Capped at the schema's list limit; extra medications stay off the wallet card
    (``on_card: no``) so the card fits as in the example.
    """
    from prepkit.profile.loader import parse_yaml
    from prepkit.profile.schema import MAX_ITEMS

    path = ROOT / "prepkit/content/example-profile.yaml"
    example, _ = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    data = copy.deepcopy(example)
    for key in ("symptoms", "medications", "questions"):
        items = [copy.deepcopy(item) for _ in range(factor) for item in example[key]][:MAX_ITEMS]
        for number, item in enumerate(items[len(example[key]) :], start=1):
            if key == "medications":
                item["on_card"] = "no"
                item["name"] = f"{item['name']} {number}"
        data[key] = items
    return data


def in_process_build(factor: int, runs: int) -> tuple[float, int]:
    from prepkit.content.rules import to_profile
    from prepkit.documents.render import render_card, render_worksheet

    profile = to_profile(scaled_profile(factor))
    render_worksheet(profile)  # warm: fonts registered and templates compiled once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_worksheet(profile)
        render_card(profile)
        times.append(time.perf_counter() - start)
    return statistics.median(times), len(profile.symptoms)


def largest_card_profile() -> dict[str, Any]:
    """Every list the card carries at the schema's limits, every value at its longest."""
    from prepkit.content.catalog import load_catalog
    from prepkit.profile.schema import MAX_ITEMS, SHORT_TEXT

    def text(label: str, number: int) -> str:
        return f"{label} {number} " + "x" * (SHORT_TEXT - len(label) - 6)

    return {
        "schema_version": 1,
        "patient": {"name": text("Name", 0)},
        "diagnosis": {"type": "indolent"},
        "carries_epinephrine": "yes",
        "avoid": [
            {"name": text("Drug", i), "reaction": text("Reaction", i)} for i in range(MAX_ITEMS)
        ],
        "medications": [
            {"name": text("Medicine", i), "dose": text("Dose", i)} for i in range(MAX_ITEMS)
        ],
        "triggers": {
            "catalog": [t.id for t in load_catalog().triggers],
            "own": [text("Trigger", i) for i in range(MAX_ITEMS)],
        },
    }


def card_fitting(runs: int) -> list[tuple[str, float, str]]:
    """In-process time to fit (or refuse) the wallet card, from small to the limits."""
    from prepkit.content.rules import read_profile, to_profile
    from prepkit.core.errors import CardDoesNotFit
    from prepkit.documents.render import render_card

    sys.path.insert(0, str(ROOT))
    from tests.realistic import card_patient

    profiles = {
        "the example": read_profile(ROOT / "prepkit/content/example-profile.yaml"),
        "a 6-panel patient": to_profile(card_patient(6)),
        "the largest the limits allow": to_profile(largest_card_profile()),
    }
    rows = []
    for name, profile in profiles.items():
        times, outcome = [], ""
        for _ in range(runs + 1):
            start = time.perf_counter()
            try:
                outcome = render_card(profile).layout
            except CardDoesNotFit:
                outcome = "refused: does not fit"
            times.append(time.perf_counter() - start)
        rows.append((name, statistics.median(times[1:]), outcome))
    return rows


def worst_case(prepkit: list[str], work: Path, runs: int) -> list[tuple[str, str, str]]:
    """``prepkit build`` of the largest profiles the limits allow: the slowest there are.

    All ``<``: the costliest character for ReportLab's markup (it is escaped) and
    among the widest. One-letter lines: every multi-line answer at its line limit,
    the most lines and pages. All ``‱``: the widest glyph, every text one word that
    must be split across lines. The card cannot hold 100 drugs of 200 characters, so
    each build ends with exit 2 after writing the worksheet, as for the patient.
    """
    from prepkit.wizard.profile_files import save_profile
    from tests.limits import maxed_profile

    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795219200"}
    rows = []
    cases = [
        (f"{kind}, {size}", pattern, options)
        for kind, pattern in (
            ("all '<'", "<"),
            ("one-letter lines", "x\n"),
            # One unbroken word per text, of the widest glyph: ReportLab splits each
            # word by measuring it a letter at a time (the slowest text found so far).
            ("all '\u2031'", "\u2031"),
        )
        for size, options in (("standard", []), ("large print", ["--large-print"]))
    ]
    for label, pattern, options in cases:
        profile = save_profile(work / "worst.yaml", maxed_profile(pattern))
        walls, peak = [], 0
        for _ in range(runs):
            args = [*prepkit, "build", str(profile), "-o", str(work / "worst"), *options]
            start = time.perf_counter()
            process = subprocess.Popen(
                args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            _, status, usage = os.wait4(process.pid, 0)
            walls.append(time.perf_counter() - start)
            assert os.waitstatus_to_exitcode(status) == 2, args  # the card does not fit
            peak = max(peak, usage.ru_maxrss)
        pages = (work / "worst" / "worksheet.pdf").read_bytes().count(b"/Type /Page\n")
        rows.append(
            (
                f"worst case: limits maxed, {label}",
                f"{statistics.median(walls):.1f} s",
                f"peak {peak / 1024:.0f} MB, {pages} pages (targets < 10 s, < 300 MB)",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    os.environ["SOURCE_DATE_EPOCH"] = "1795219200"
    prepkit = prepkit_command()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        click, help_ = compared([[PYTHON, "-c", "import click"], [*prepkit, "--help"]], runs, work)
        rows.append(("python -c 'import click'", f"{click.wall * 1000:.0f} ms", ""))
        rows.append(
            (
                "prepkit --help",
                f"{help_.wall * 1000:.0f} ms",
                f"{help_.wall / click.wall:.2f}x click (target <= 1.5x); "
                f"CPU time {help_.cpu / click.cpu:.2f}x",
            )
        )

        base, example, base_gc = compared(
            [
                [*baseline_command(), str(work)],
                [*prepkit, "example", "-o", str(work / "ex")],
                [*baseline_command(collector_off=True), str(work)],
            ],
            runs,
            work,
        )
        rows.append(
            (
                "bare ReportLab baseline",
                f"{base.wall * 1000:.0f} ms",
                f"peak {base.peak / 1024:.0f} MB; {same_words(work, work / 'ex')}",
            )
        )
        rows.append(
            (
                "prepkit example",
                f"{example.wall * 1000:.0f} ms",
                f"{example.wall / base.wall:.2f}x baseline (target <= 1.25x); "
                f"CPU time {example.cpu / base.cpu:.2f}x",
            )
        )
        rows.append(
            (
                "  for reference: baseline, GC as prepkit",
                f"{base_gc.wall * 1000:.0f} ms",
                f"prepkit example is {example.wall / base_gc.wall:.2f}x this "
                "(collector off, frozen at exit)",
            )
        )

        import yaml

        big = work / "big.yaml"
        big.write_text(yaml.safe_dump(scaled_profile(100), allow_unicode=True))
        big = whole_process(
            [*prepkit, "build", str(big), "-o", str(work / "big")], max(3, runs // 3), work
        )

        worst = worst_case(prepkit, work, max(1, runs // 7))

        from diary import diary_rows  # bench/diary.py, beside this script

        diary = diary_rows(prepkit, work, runs, compared, help_.wall)

        sizes = {
            name: (work / "ex" / name).stat().st_size
            for name in ("example-worksheet.pdf", "example-wallet-card.pdf")
        }
    builds = {factor: in_process_build(factor, max(3, runs // 2)) for factor in (1, 10, 100)}
    for factor, (seconds, symptoms) in builds.items():
        rows.append(
            (f"in-process build {factor}x ({symptoms} symptoms)", f"{seconds * 1000:.0f} ms", "")
        )
    for name, seconds, outcome in card_fitting(max(3, runs // 2)):
        note = outcome
        if name == "the example":
            share = seconds / example.wall
            note += f"; {share:.0%} of prepkit example (target: adds <= 10%)"
        rows.append((f"wallet card, {name}", f"{seconds * 1000:.0f} ms", note))
    growth = builds[100][0] / builds[10][0]
    rows.append(("growth 10x -> 100x", f"{growth:.1f}x", "target <= 12x"))
    rows.append(
        ("prepkit build 100x, whole process", f"{big.wall * 1000:.0f} ms", "target < 3000 ms")
    )
    rows += worst
    rows += diary
    total = sum(sizes.values())
    rows.append(
        (
            "worksheet.pdf + wallet-card.pdf",
            f"{total / 1024:.0f} KB",
            f"{sizes['example-worksheet.pdf'] / 1024:.0f} + "
            f"{sizes['example-wallet-card.pdf'] / 1024:.0f} KB"
            " (target < 120 KB)",
        )
    )
    rows.append(
        (
            "peak memory, prepkit example",
            f"{example.peak / 1024:.0f} MB",
            f"100x build: {big.peak / 1024:.0f} MB (target < 100 MB)",
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>9}  note")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 40}")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>9}  {note}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
