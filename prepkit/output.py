"""Write files so that a failed or interrupted run never leaves half a file.

Each file is written to a temporary name in the same folder and renamed over
the old one, which is atomic: the previous version survives until the new one
is complete. Everything prepkit writes holds health data, so it is private to
the user (mode 0600).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from prepkit.errors import UserError, printable

PRIVATE = 0o600
PRIVATE_FOLDER = 0o700
# A file being written is ".NAME.<random>.tmp" until it is renamed into place.
TEMPORARY_SUFFIX = ".tmp"


def ensure_folder(folder: Path) -> Path:
    """``folder``, created if missing: private to the user (0700), as are its new parents."""
    try:
        for missing in reversed([folder, *folder.parents]):
            if not missing.exists():
                missing.mkdir(mode=PRIVATE_FOLDER)
                os.chmod(missing, PRIVATE_FOLDER)  # mkdir's mode is cut by the umask
    except FileExistsError:
        raise UserError("is a file, not a folder", file=str(folder)) from None
    except OSError as error:
        raise UserError(f"cannot create this folder ({error.strerror})", file=str(folder)) from None
    if not folder.is_dir():
        raise UserError("is not a folder", file=str(folder))
    return folder


def write_private(path: Path, data: bytes) -> Path:
    """Atomically replace ``path`` with ``data``, readable by the user only."""
    ensure_folder(path.parent)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
        )
    except OSError as error:
        raise UserError(f"cannot write here ({error.strerror})", file=str(path.parent)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, PRIVATE)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise UserError(f"cannot be written ({error.strerror})", file=str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


class Mark(NamedTuple):
    """What a PDF made by prepkit says of its making (see ``render.document_mark``)."""

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


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold a lock on the folder itself: two runs into one folder write their pairs in turn.

    Without it, two builds at once could leave one profile's worksheet beside
    another's card. The lock is taken on the folder (no lock file is left in it)
    and goes with the run, even a killed one.
    """
    import fcntl

    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise UserError(f"cannot be opened ({error.strerror})", file=str(folder)) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            # Another run is writing here (or someone holds the folder): say why we wait.
            shown = printable(str(folder))
            print(f"Waiting for another prepkit run writing in {shown}...", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def remove_leftovers(folder: Path, names: Iterable[str], *, older_than: float = 0) -> None:
    """Remove the temporary files a killed run left beside ``names`` (each full of health data).

    ``older_than`` (seconds) spares a file another run may be writing right now,
    where no lock keeps runs apart (the wizard's profile and draft).
    """
    now = time.time()
    for name in names:
        # The name is the user's (a profile called "*" matched every hidden file): escaped.
        for leftover in folder.glob(f".{glob.escape(name)}.*{TEMPORARY_SUFFIX}"):
            with contextlib.suppress(OSError):
                if now - leftover.lstat().st_mtime >= older_than:
                    leftover.unlink()


def may_replace(path: Path, only_from: str | None = None) -> None:
    """Stop the run if ``path`` is a file prepkit did not make (from ``only_from``)."""
    if not path.exists() and not path.is_symlink():
        return
    mark = read_mark(path)
    if mark is None or (only_from is not None and mark.profile != only_from):
        maker = "prepkit" if only_from is None else f"prepkit from {only_from}"
        raise UserError(
            f"was not made by {maker}, so prepkit will not replace it; "
            "move it, or choose another folder with -o",
            file=str(path),
        )
