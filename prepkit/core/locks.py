"""Locks, so that the writers of one profile or one output folder take turns.

A lock is a small private file (0600) beside what it guards, never the folder
itself: another account that can read a shared folder could hold a lock on it
and make every run wait forever. A run waits a bounded time and then says which
run holds the lock.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from prepkit.core.errors import UserError, printable
from prepkit.core.output import PRIVATE, real_path, remove_leftovers

# How long a run waits for another to finish with a profile or an output folder.
# The slowest writer within the limits (a build of the largest profile) takes
# about 10 s; a run still holding the lock after this is stuck, or not prepkit's.
LOCK_WAIT_SECONDS = 60.0
LOCK_SUFFIX = ".lock"


@contextlib.contextmanager
def private_lock(lock: Path, what: str) -> Iterator[None]:
    """Hold the lock file ``lock`` (made private, 0600) while writing ``what``.

    Every writer of a profile (the wizard's save, ``prepkit log``, the visit
    copy) and of an output folder takes one, so their reads and writes take turns
    and nothing one of them saved is overwritten by another. The file is the
    user's own and readable by no one else, so another account cannot hold it.
    A run that cannot have it within :data:`LOCK_WAIT_SECONDS` stops with a line
    naming the run that holds it. The file is removed when the lock is let go.
    """
    import fcntl

    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    said = False
    while True:
        try:
            handle = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, PRIVATE)
        except OSError as error:
            raise UserError(
                f"cannot be locked ({error.strerror}); is it a link, or not yours?", file=str(lock)
            ) from None
        info = os.fstat(handle)
        if info.st_uid != os.geteuid() or not stat.S_ISREG(info.st_mode):
            os.close(handle)
            raise UserError(
                "is a lock file prepkit did not make (another account's); remove it", file=str(lock)
            )
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if not isinstance(error, BlockingIOError):  # no locks on this disk (NFS, FUSE)
                os.close(handle)
                raise UserError(f"cannot be locked ({error.strerror})", file=str(lock)) from None
            holder = _holder(handle)
            os.close(handle)
            if time.monotonic() >= deadline:
                raise UserError(
                    f"another prepkit run ({holder}) has been writing {what} for over "
                    f"{LOCK_WAIT_SECONDS:.0f} s; try again when it has finished",
                    file=str(lock.parent),
                ) from None
            if not said:
                print(
                    f"Waiting for another prepkit run ({holder}) writing {printable(what)}...",
                    file=sys.stderr,
                )
                said = True
            time.sleep(0.05)
            continue
        try:
            current = os.stat(lock, follow_symlinks=False)
        except FileNotFoundError:
            current = None
        if current is None or (current.st_dev, current.st_ino) != (info.st_dev, info.st_ino):
            os.close(handle)  # the holder before us removed it as we opened it: again
            continue
        break
    try:
        with contextlib.suppress(OSError):  # who holds it is a courtesy (a full disk)
            os.ftruncate(handle, 0)
            os.write(handle, f"{os.getpid()} {_command()}".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)
        os.close(handle)


def _command() -> str:
    words = [os.path.basename(sys.argv[0]) or "prepkit", *sys.argv[1:2]]
    return " ".join("prepkit" if word in ("__main__.py", "-m") else word for word in words)


def _holder(handle: int) -> str:
    """Who holds a lock, as its file says: "prepkit log, process 4242"."""
    with contextlib.suppress(OSError, ValueError):
        pid, _, command = os.pread(handle, 200, 0).decode("utf-8", "replace").partition(" ")
        if pid.isdigit():
            return f"{printable(command) or 'prepkit'}, process {pid}"
    return "prepkit"


@contextlib.contextmanager
def profile_lock(profile: Path) -> Iterator[None]:
    """The lock of the profile at ``profile``: beside the real file behind any link.

    Whoever holds it is the only writer of the profile, so a temporary copy of it
    left there (by a run killed while saving: the whole profile, health data) is
    removed at once.
    """
    target = real_path(profile)
    with private_lock(target.with_name(f".{target.name}{LOCK_SUFFIX}"), target.name):
        remove_leftovers(target.parent, [target.name])
        yield


def folder_lock(folder: Path) -> contextlib.AbstractContextManager[None]:
    """The lock of an output folder: two runs into one folder write their pairs in turn."""
    return private_lock(folder / f".prepkit{LOCK_SUFFIX}", f"in {os.path.abspath(folder)}")
