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
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from prepkit.core.errors import StoppedAfter, UserError, printable

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


def real_path(path: Path) -> Path:
    """Where writing ``path`` lands: through a symbolic link, the file it points to.

    prepkit's one rule for links (profiles and PDFs alike): a link is followed, the
    file behind it is replaced or removed, and the link itself is left as it is. A
    profile or a card kept in a synced folder and linked from elsewhere is the file
    that gets updated; replacing the link would leave the real, older one behind.
    """
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _writable_target(path: Path) -> Path:
    """The file to replace for ``path``; its folder made, unless it is a link's."""
    target = real_path(path)
    if target is path:
        ensure_folder(path.parent)
    elif not target.parent.is_dir():
        # Never create folders for a link's target: the link may be stale, or planted.
        raise UserError(f"is a link to {target}, in a folder that does not exist", file=str(path))
    return target


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait until the block is done, then act as usual.

    For the few steps that must not be cut in two: renaming a pair of documents
    into place, or writing the draft that keeps the patient's answers.
    """
    import signal

    stopping = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    try:
        # The mask as it is, read apart from blocking: a handler that runs as the
        # block takes effect raises inside the try below, which restores it.
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    except (AttributeError, OSError, ValueError):  # no signal masks here (Windows)
        yield
        return
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, stopping)
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _stage(path: Path, data: bytes) -> str:
    """``data`` in a private temporary file beside ``path``, on disk: its name.

    A full disk or a folder that cannot be written stops here, before any file
    the user has is touched.
    """
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
    except OSError as error:
        _discard([temporary])
        raise UserError(f"cannot be written ({error.strerror})", file=str(path)) from None
    except BaseException:
        _discard([temporary])
        raise
    return temporary


def _discard(temporaries: Iterable[str]) -> None:
    for temporary in temporaries:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` survive a power cut (where the system allows it)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def write_private(path: Path, data: bytes, *, through_links: bool = True) -> Path:
    """Atomically replace ``path`` (through a link, its file) with ``data``, private to the user.

    ``through_links=False`` is for prepkit's own bookkeeping (the visit history),
    which the user never links: a link found there is replaced, not followed.
    """
    target = _writable_target(path) if through_links else ensure_folder(path.parent) / path.name
    temporary = ""
    try:
        temporary = _stage(target, data)
        os.replace(temporary, target)
    except OSError as error:
        _discard([temporary] if temporary else [])
        raise UserError(f"cannot be written ({error.strerror})", file=str(path)) from None
    except BaseException:
        _discard([temporary] if temporary else [])
        raise
    _sync_folder(target.parent)
    return path


class PairWritten(NamedTuple):
    """What :func:`replace_together` did: written files, and removed ones."""

    written: list[Path]
    removed: list[Path]


def replace_together(
    files: list[tuple[Path, bytes]], *, remove_first: Iterable[Path] = ()
) -> PairWritten:
    """Replace ``files`` as one step as far as anyone reading the folder can tell.

    Renames cannot be made atomic together, so the order does the work: every new
    file is on disk first (a full disk stops here, nothing touched); then, with
    Ctrl-C and the terminal's signals held, the files in ``remove_first`` (the
    older card) are moved aside, the new files are renamed in in the order given
    (the worksheet before the card), and what was set aside is deleted. A stop
    or failure part way leaves the old pair, the new pair, or the new worksheet
    without a card: never an old card beside a newer worksheet. It says which.
    """
    targets = [(path, _writable_target(path), data) for path, data in files]
    staged: list[str] = []
    try:
        for _, target, data in targets:
            staged.append(_stage(target, data))
    except BaseException:
        _discard(staged)
        raise
    done = PairWritten([], [])
    try:
        _put_in_place(targets, staged, list(remove_first), done)
    except BaseException as stop:
        _discard(staged[len(done.written) :])  # a stop just before the renames began
        if not isinstance(stop, KeyboardInterrupt):
            raise
        shown = " and ".join(str(path) for path in done.written) or "nothing"
        raise StoppedAfter(f"Stopped after writing {printable(shown)}.") from None
    return done


def _put_in_place(
    targets: list[tuple[Path, Path, bytes]],
    staged: list[str],
    remove_first: list[Path],
    done: PairWritten,
) -> None:
    """The renames, with the stopping signals held; a failure puts back what it can.

    The older files are first moved aside (not deleted), so that a failure before
    any new file is in place puts them back: the old pair, whole.
    """
    aside: list[tuple[Path, Path, str]] = []  # (as the user named it, real file, aside)
    with signals_held():
        try:
            for old in remove_first:
                target = real_path(old)
                if not target.exists():
                    continue
                hidden = str(target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp"))
                try:
                    os.rename(target, hidden)
                except OSError as error:
                    raise UserError(
                        f"cannot be replaced ({error.strerror}); nothing was changed",
                        file=str(old),
                    ) from None
                aside.append((old, target, hidden))
            for (path, target, _), temporary in zip(targets, staged, strict=True):
                try:
                    os.replace(temporary, target)
                except OSError as error:
                    if not done.written:
                        for _, back, hidden in aside:
                            with contextlib.suppress(OSError):
                                os.rename(hidden, back)
                        aside.clear()
                        raise UserError(
                            f"cannot be written ({error.strerror}); nothing was changed",
                            file=str(path),
                        ) from None
                    written = ", ".join(str(p) for p in done.written)
                    gone = ", ".join(str(old) for old, _, _ in aside)
                    raise UserError(
                        f"cannot be written ({error.strerror}); {written} was written"
                        + (f", and {gone} removed so it is not printed beside it" if gone else ""),
                        file=str(path),
                    ) from None
                done.written.append(path)
        finally:
            _discard(staged[len(done.written) :])
            _discard(hidden for _, _, hidden in aside)
            done.removed.extend(old for old, _, _ in aside)
            for folder in {target.parent for _, target, _ in targets}:
                _sync_folder(folder)


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
