"""Find the bundled templates and fonts however prepkit was installed.

A wheel carries ``templates/`` and ``fonts/`` inside the package (``prepkit/_data``);
a source checkout or an editable install keeps them at the top of the project,
beside the package. One lookup serves both so no other module needs to care.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # prepkit/, above core/


@cache
def resource_dir(name: str) -> Path:
    """Return the folder of bundled resources called ``name`` (``templates`` or ``fonts``)."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"prepkit is incomplete: its {name!r} folder is missing; reinstall prepkit"
    )
