"""The one Jinja environment prepkit renders with.

Templates produce a small XML document of blocks (sections, paragraphs, tables,
checklists, ruled lines) whose paragraph text is ReportLab markup. Autoescaping
is on for every template, so each value a patient typed is escaped exactly once
on its way in: a ``<b>`` or ``&`` they typed prints as typed, and template
authors cannot forget it. ``StrictUndefined`` turns a misspelt variable into an
error instead of a silently empty line on a medical document.
"""

from __future__ import annotations

import datetime as dt
import marshal
import sys
import types
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment
    from markupsafe import Markup

from prepkit.cache import entry_key, read_entry, write_entry
from prepkit.resources import resource_dir


def multiline(text: str) -> Markup:
    """Escape text and keep the patient's line breaks as ReportLab ``<br/>``."""
    from markupsafe import Markup, escape

    # A space before each break keeps the lines separate words for ReportLab: without
    # it, a note of many one-character lines was one long word, split letter by letter.
    return Markup(" <br/>").join(escape(line) for line in text.split("\n"))


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


def _bytecode_cache() -> BytecodeCache:
    from jinja2 import BytecodeCache, __version__
    from jinja2.bccache import Bucket

    # Compiling the templates costs more than laying out the example's pages, so
    # each is compiled once per installation. Jinja checks each entry against its
    # template's text and recompiles when the template changes.
    version = entry_key(__version__, sys.version)

    class CheckedCache(BytecodeCache):
        """Compiled templates in prepkit's private cache folder, without pickle.

        Jinja's own file cache reads each entry's header with pickle, and would
        run a compiled template a failing disk had changed. Here an entry is only
        the marshalled code, keyed by the template's own checksum and checked
        like every cache entry; anything else is compiled afresh.
        """

        def load_bytecode(self, bucket: Bucket) -> None:
            kept = read_entry("templates", bucket.key, entry_key(version, bucket.checksum))
            if kept is None:
                return
            try:
                code = marshal.loads(kept)
            except (EOFError, ValueError, TypeError):
                return
            if isinstance(code, types.CodeType):
                bucket.code = code

        def dump_bytecode(self, bucket: Bucket) -> None:
            if bucket.code is not None:
                data = marshal.dumps(bucket.code)
                write_entry("templates", bucket.key, entry_key(version, bucket.checksum), data)

    return CheckedCache()


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
