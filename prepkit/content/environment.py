"""The one Jinja environment prepkit renders with.

Templates produce a small XML document of blocks (sections, paragraphs, tables,
checklists, ruled lines) whose paragraph text is ReportLab markup. Autoescaping
is on for every template, so each value a patient typed is escaped exactly once
on its way in: a ``<b>`` or ``&`` they typed prints as typed, and template
authors cannot forget it. ``StrictUndefined`` turns a misspelt variable into an
error instead of a silently empty line on a medical document.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment
    from markupsafe import Markup

from prepkit.resources import resource_dir


def multiline(text: str) -> Markup:
    """Escape text and keep the patient's line breaks as ReportLab ``<br/>``."""
    from markupsafe import Markup, escape

    return Markup("<br/>").join(escape(line) for line in text.split("\n"))


def long_date(value: dt.date | None) -> str:
    """A date no reader can misread across countries: ``3 December 2026``."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def nobreak(text: str) -> str:
    """Keep a phone number or dose on one line: a number split across lines is misdialled."""
    return text.replace(" ", "\u00a0")


def box(checked: bool) -> str:
    """A tick box that still reads as ticked or empty when printed in grey."""
    return "\u2612" if checked else "\u2610"


def template_cache_dir() -> Path | None:
    """Where compiled templates are kept between runs, or None if there is nowhere to keep them.

    Compiling the templates costs more than laying out the example's pages, so
    each is compiled once per installation, not once per run. The folder holds
    only compiled templates, never a patient's answers; Jinja checks each entry
    against its template's text and recompiles when the template changes.
    """
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif os.environ.get("XDG_CACHE_HOME"):
        base = Path(os.environ["XDG_CACHE_HOME"])
    else:
        try:
            home = Path.home()
        except (RuntimeError, KeyError):
            return None
        base = home / ("Library/Caches" if sys.platform == "darwin" else ".cache")
    folder = base / "prepkit" / "templates"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None


def _bytecode_cache() -> BytecodeCache | None:
    from jinja2 import FileSystemBytecodeCache
    from jinja2.bccache import Bucket

    class QuietCache(FileSystemBytecodeCache):
        """A cache entry that cannot be read or written is a cache miss, never an error."""

        def load_bytecode(self, bucket: Bucket) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged entry: compile afresh
                bucket.reset()

        def dump_bytecode(self, bucket: Bucket) -> None:
            with contextlib.suppress(OSError):  # read-only or full disk: compile next time
                super().dump_bytecode(bucket)

    folder = template_cache_dir()
    return QuietCache(str(folder)) if folder is not None else None


@cache
def make_environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(resource_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["multiline"] = multiline
    env.filters["long_date"] = long_date
    env.filters["nobreak"] = nobreak
    env.globals["box"] = box
    return env
