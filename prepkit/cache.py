"""prepkit's private cache folder: its compiled templates.

Compiling the templates costs more at each start than reading the result back
(about 18% of ``prepkit example``), so it is done once per installation and kept
here. Measuring the fonts and reading the catalog and styles were cached too,
but each saved under 10%, so they are not. Nothing here is a patient's answers.
A cache that cannot be read or written is a miss, never an error: prepkit
then works everything out again, and prints the same bytes either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from pathlib import Path

#: Bumped when what prepkit keeps in an entry changes shape.
FORMAT = "2"
_CHECK = 16  # bytes of SHA-256 at the start of each entry
_BINARY = getattr(os, "O_BINARY", 0)  # Windows would otherwise translate line ends
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_ready: set[Path] = set()  # folders made and found writable in this process


def _base() -> Path | None:
    """The per-user cache base: %LOCALAPPDATA%, an absolute $XDG_CACHE_HOME, or ~/.cache."""
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"])
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative path is to be ignored
        return Path(xdg)
    try:
        home = Path.home()
    except (RuntimeError, KeyError):
        return None
    return home / ("Library/Caches" if sys.platform == "darwin" else ".cache")


def _private(folder: Path) -> bool:
    """Make ``folder`` if missing (0700), and say whether only this user can write it.

    Entries are compiled templates and parsed data that prepkit trusts as its
    own, so a folder anyone else could write (another owner, group or other
    write, a symbolic link) is not used at all: prepkit then runs without a cache.
    """
    try:
        folder.mkdir(mode=0o700)
        os.chmod(folder, 0o700)  # mkdir's mode is cut by the umask
    except FileExistsError:
        pass
    except OSError:
        return False
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def cache_folder(kind: str) -> Path | None:
    """The folder for one kind of entry (``templates``, ``fonts``, ``data``), if it is private.

    None when there is nowhere safe to keep it (no home folder, a read-only disk,
    a folder another user could write).
    """
    base = _base()
    if base is None:
        return None
    folder = base / "prepkit" / kind
    if folder in _ready:
        return folder
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    if not (_private(folder.parent) and _private(folder)):
        return None
    if not os.access(folder, os.W_OK | os.X_OK):
        return None
    _ready.add(folder)
    return folder


def entry_key(*parts: str | bytes) -> str:
    """A name for an entry that changes whenever anything it was worked out from changes.

    Callers pass the source file's bytes and the versions of the code that read
    it, so an upgrade or an edited file is a miss rather than a stale answer.
    """
    digest = hashlib.sha256(FORMAT.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:32]


def read_entry(kind: str, stem: str, key: str) -> bytes | None:
    """The entry ``stem`` kept under ``key``, or None if there is none, or it is damaged.

    Each entry starts with a checksum of the rest, so a file cut short or
    changed on disk is never mistaken for measurements or data.
    """
    folder = cache_folder(kind)
    if folder is None:
        return None
    try:
        handle = os.open(folder / f"{stem}.{key}", os.O_RDONLY | _NOFOLLOW | _BINARY)
        with os.fdopen(handle, "rb") as stream:
            kept = stream.read()
    except OSError:
        return None
    check, data = kept[:_CHECK], kept[_CHECK:]
    return data if _checksum(stem, key, data) == check else None


def _checksum(stem: str, key: str, data: bytes) -> bytes:
    """A checksum of the entry's name and contents: an entry copied under another
    name (another font's key, say) is a miss, not a wrong answer."""
    return hashlib.sha256(f"{stem}.{key}\0".encode() + data).digest()[:_CHECK]


def _token() -> str:
    """A temporary name nobody can guess and plant a link at."""
    return os.urandom(8).hex()


def write_entry(kind: str, stem: str, key: str, data: bytes) -> None:
    """Keep ``data`` as the entry ``stem`` under ``key``, replacing older entries of ``stem``.

    Written to a temporary name and renamed, so a reader never sees half an entry.
    """
    folder = cache_folder(kind)
    if folder is None:
        return
    target = folder / f"{stem}.{key}"
    temporary = folder / f".{stem}.{key}.{_token()}.tmp"
    try:
        # A new file, never one that is there already or a link planted in its place.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
        handle = os.open(temporary, flags, 0o600)
    except OSError:  # read-only or full disk, or something in the way: no entry this time
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_checksum(stem, key, data) + data)
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        return
    for old in folder.glob(f"{stem}.{'?' * len(key)}"):
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()
