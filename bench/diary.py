"""The attack diary's rows of the benchmark: a 2,000-entry diary, and `prepkit log`'s start-up.

A diary is counted in entries (years of daily logging), so its growth is
measured from 200 to 2,000 entries, all inside the twelve months the worksheet
lists, the most it can print. `prepkit log` should cost what `prepkit --help`
costs plus reading and writing the profile, nothing more (no PDF code loaded).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

_READ_AND_WRITE = """
import sys
from pathlib import Path
from prepkit.content.rules import read_profile
from prepkit.profile.convert import profile_data
from prepkit.wizard.profile_files import save_profile
path = Path(sys.argv[1])
save_profile(path, profile_data(read_profile(path)))
"""


def in_process(entries: int, runs: int) -> float:
    from prepkit.content.rules import to_profile
    from prepkit.documents.render import render_worksheet
    from tests.realistic import diary_profile

    profile = to_profile(diary_profile(entries))
    render_worksheet(profile)  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_worksheet(profile)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def diary_rows(
    prepkit: list[str], work: Path, runs: int, compared: Any, help_wall: float
) -> list[tuple[str, str, str]]:
    """The rows: growth 200 -> 2,000 entries, the 2,000-entry build, and `prepkit log`."""
    from prepkit.wizard.profile_files import save_profile
    from tests.realistic import diary_profile

    rows = []
    small, large = in_process(200, max(3, runs // 3)), in_process(2000, max(3, runs // 3))
    rows.append(("in-process build, diary of 200", f"{small * 1000:.0f} ms", ""))
    rows.append(("in-process build, diary of 2,000", f"{large * 1000:.0f} ms", ""))
    rows.append(("growth 200 -> 2,000 entries", f"{large / small:.1f}x", "target <= 12x"))

    big = save_profile(work / "diary.yaml", diary_profile(2000))
    (build,) = compared(
        [[*prepkit, "build", str(big), "-o", str(work / "diary"), "--no-card"]],
        max(3, runs // 3),
        work,
    )
    pages = (work / "diary" / "worksheet.pdf").read_bytes().count(b"/Type /Page\n")
    rows.append(
        (
            "prepkit build, diary of 2,000 (whole process)",
            f"{build.wall * 1000:.0f} ms",
            f"peak {build.peak / 1024:.0f} MB, {pages} pages (grows linearly: the row above)",
        )
    )

    rows += limits_diary_rows(prepkit, work)

    small_profile = save_profile(work / "log.yaml", diary_profile(20))
    bare, read_write, log = compared(
        [
            [sys.executable, "-c", "pass"],
            [sys.executable, "-c", _READ_AND_WRITE, str(small_profile)],
            [*prepkit, "log", str(small_profile), "--date", "2026-11-01", "--severity", "3"],
        ],
        runs,
        work,
    )
    budget = help_wall + read_write.wall - bare.wall
    rows.append(
        (
            "prepkit log (options, 20-entry diary)",
            f"{log.wall * 1000:.0f} ms",
            f"{log.wall / budget:.2f}x (--help {help_wall * 1000:.0f} ms + read and write "
            f"{(read_write.wall - bare.wall) * 1000:.0f} ms; target <= 1.1x)",
        )
    )
    return rows


def limits_diary(pattern: str = "<") -> dict[str, Any]:
    """The largest diary within the limits: every other list and text at its limit, and
    2,000 entries, each holding as much of ``pattern`` as the 4 MB file cap allows."""
    from prepkit.profile.writer import profile_text
    from tests.limits import maxed_profile

    data = maxed_profile(pattern)
    full = data["attack_diary"][0]

    def entry(number: int, items: int) -> dict[str, Any]:
        one = dict(full)
        for field in ("symptoms", "triggers", "took"):
            kept = full[field][: items if field == "symptoms" else 1]
            one[field] = [text[: -len(str(n))] + str(n) for n, text in enumerate(kept)]
        # Within the twelve months before the maxed profile's visit (2026-01-01).
        return {**one, "date": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}"}

    for items in range(10, 0, -1):
        data["attack_diary"] = sorted(
            (entry(n, items) for n in range(2000)), key=lambda e: (e["date"], e["time"])
        )
        if len(profile_text(data, "diary.yaml").encode()) < 3_990_000:
            return data
    raise AssertionError("no diary of 2,000 entries fits the file cap")


def limits_diary_rows(prepkit: list[str], work: Path) -> list[tuple[str, str, str]]:
    """``build`` and ``validate`` of :func:`limits_diary`: the slowest diary there is (#28)."""
    import os
    import subprocess

    from prepkit.wizard.profile_files import save_profile

    profile = save_profile(work / "limits-diary.yaml", limits_diary())
    size = profile.stat().st_size
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01, the visit's day
    rows = []
    for label, args in (
        ("build", ["build", str(profile), "-o", str(work / "ld"), "--no-card"]),
        (
            "build, large print",
            ["build", str(profile), "-o", str(work / "ld"), "--no-card", "--large-print"],
        ),
        ("validate", ["validate", str(profile)]),
    ):
        start = time.perf_counter()
        process = subprocess.Popen(
            [*prepkit, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        pages = ""
        if label.startswith("build"):
            assert os.waitstatus_to_exitcode(status) == 0, args
            count = (work / "ld" / "worksheet.pdf").read_bytes().count(b"/Type /Page\n")
            pages = f", {count} pages"
        rows.append(
            (
                f"diary of 2,000 at the limits ({size / 1e6:.1f} MB), {label}",
                f"{wall:.1f} s",
                f"peak {usage.ru_maxrss / 1024:.0f} MB{pages} (targets < 10 s, < 300 MB)",
            )
        )
    return rows
