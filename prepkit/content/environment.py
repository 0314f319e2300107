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
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BaseLoader, Environment
    from markupsafe import Markup

from prepkit.core.resources import resource_dir


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


# The templates compiled to Python when prepkit is released (compiling them at each
# start cost about 15% of ``prepkit example``), imported like the rest of
# prepkit's code. Never compiled into a cache folder: nothing a writable folder
# holds can run as code or change printed text. ``STAMP`` records the templates
# and the Jinja version they were compiled from; if either differs (a template
# edited in a checkout, another Jinja), the templates are compiled in memory.
COMPILED = Path(__file__).with_name("compiled_templates")


def template_stamp(templates: Path) -> str:
    """What the compiled templates must have been compiled from, as one checksum."""
    import hashlib

    from jinja2 import __version__

    digest = hashlib.sha256(f"jinja2 {__version__}\0".encode())
    for path in sorted(templates.rglob("*.j2")):
        name = path.relative_to(templates).as_posix().encode()
        data = path.read_bytes()
        digest.update(len(name).to_bytes(8, "little") + name)
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def _configured(loader: BaseLoader) -> Environment:
    from jinja2 import Environment, StrictUndefined

    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
    )
    env.filters["multiline"] = multiline
    env.filters["long_date"] = long_date
    env.filters["nobreak"] = nobreak
    env.globals["box"] = box
    return env


def compile_templates(target: Path) -> None:
    """Compile every template into ``target`` (``tests/test_compiled_templates.py``)."""
    from jinja2 import FileSystemLoader

    templates = resource_dir("templates")
    _configured(FileSystemLoader(str(templates))).compile_templates(
        str(target), zip=None, ignore_errors=False
    )
    (target / "STAMP").write_text(template_stamp(templates) + "\n", encoding="utf-8")


@cache
def make_environment() -> Environment:
    from jinja2 import FileSystemLoader, ModuleLoader

    templates = resource_dir("templates")
    try:
        current = (COMPILED / "STAMP").read_text(encoding="utf-8").strip()
    except OSError:
        current = ""
    if current == template_stamp(templates):
        return _configured(ModuleLoader(str(COMPILED)))
    return _configured(FileSystemLoader(str(templates)))
