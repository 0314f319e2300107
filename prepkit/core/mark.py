"""The mark a PDF made by prepkit carries: which profile made it, and when.

Written into the PDF's keywords when it is rendered and read back before a
folder is written to, so prepkit replaces only its own files (and a card only
beside the worksheet of the same profile). Both halves live here, so the format
written is the format read.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote

from prepkit.core.errors import UserError


def make_mark(source: str, digest: str, made: dt.date) -> str:
    """The keywords of a PDF made from the profile file ``source`` (its name only, never
    its folder or the account) whose contents hash to ``digest``, on ``made``."""
    # The name's own bytes: a name that is not UTF-8 (a\xffb.yaml) is kept as it is.
    name = quote(os.fsencode(os.path.basename(source)), safe="")
    return f"prepkit; profile={name}; profile-sha256={digest}; made={made.isoformat()}"


class Mark(NamedTuple):
    """What a PDF made by prepkit says of its making (see :func:`make_mark`)."""

    profile: str
    made: str


_MARK = re.compile(rb"/Keywords \(prepkit; ([^)]*)\)")


def read_mark(path: Path) -> Mark | None:
    """The mark of a PDF prepkit made, or None for any other file (or none at all)."""
    try:
        # Only a regular file is opened: a pipe in its place would wait forever.
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open("rb") as stream:
            found = _MARK.search(stream.read(4_000_000))
    except OSError:
        return None
    if not found:
        return None
    fields = dict(part.partition("=")[::2] for part in found.group(1).decode("ascii").split("; "))
    profile = unquote(fields.get("profile", ""), errors="surrogateescape")  # as os.fsdecode
    return Mark(profile, fields.get("made", ""))


def may_replace(path: Path, only_from: str | None = None) -> None:
    """Stop the run if ``path`` is a file prepkit did not make (from ``only_from``).

    Through a link, the file behind it is the one asked about (``real_path``).
    """
    if not path.exists():  # nothing there, or a link to nothing yet
        return
    mark = read_mark(path)
    if mark is None or (only_from is not None and mark.profile != only_from):
        maker = "prepkit" if only_from is None else f"prepkit from {only_from}"
        raise UserError(
            f"was not made by {maker}, so prepkit will not replace it; "
            "move it, or choose another folder with -o",
            file=str(path),
        )
