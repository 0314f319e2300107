"""The profile's files: the profile, its draft, the copies kept for each visit, and the
checks before a wizard's first question.

The CLI gives these to the wizard (:class:`ProfileFiles` is its
:class:`~prepkit.wizard.session.ProfileKeeper`), so that only the CLI and the
build step write files. Every write is atomic and private (``output.py``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prepkit.core.errors import UserError
from prepkit.core.locks import profile_lock
from prepkit.core.output import real_path, remove_leftovers, signals_held, write_private
from prepkit.profile.writer import DRAFT_HEADER, profile_text, saved_text
from prepkit.wizard.session import draft_path

if TYPE_CHECKING:
    from prepkit.wizard.places import Place


class ProfileFiles:
    """The profile at ``profile`` and its draft beside it, kept as files."""

    def __init__(self, profile: Path) -> None:
        self.profile = profile
        self.draft = draft_path(profile)

    def prepare(self) -> None:
        check_can_save(self.profile)
        # The draft is written at every stop: its link and name must work too. (A folder
        # or pipe in its place is set aside when the wizard starts, and said.)
        _check_link_and_name(self.draft)
        # A run killed while saving left a hidden copy of the answers; a minute old,
        # no run is still writing it.
        remove_leftovers(self.profile.parent, [self.profile.name, self.draft.name], older_than=60)

    def keep_draft(self, data: dict[str, Any], place: Place | None = None) -> None:
        # A second Ctrl-C (or the terminal closing) while the draft is written would
        # lose it: those signals wait until it is safely in place.
        with signals_held():
            save_profile(
                self.draft,
                data,
                draft_for=self.profile,
                note="" if place is None else place.comment(),
            )

    def set_aside_draft(self) -> Path:
        return set_aside(self.draft)

    def discard_draft(self) -> None:
        self.draft.unlink(missing_ok=True)

    def save(self, data: dict[str, Any]) -> None:
        # Under the profile's lock: an attack logged while the wizard ran (or while
        # this save is written) is read back in, never overwritten.
        with profile_lock(self.profile):
            try:
                save_profile(self.profile, {**data, "attack_diary": self._diary_now(data)})
            except UserError as refused:
                self.keep_draft(data)
                raise UserError(
                    f"{refused.problem}; your answers are kept in {self.draft}: move the "
                    "profile aside and run the wizard again to save them",
                    file=str(self.profile),
                ) from None
        self.discard_draft()

    def _diary_now(self, data: dict[str, Any]) -> Any:
        """The diary as the profile holds it now: attacks logged while a wizard (or its
        draft) was open are kept, not replaced by the diary as the wizard first read it."""
        from prepkit.profile.convert import profile_data
        from prepkit.profile.loader import read_profile

        try:
            return profile_data(read_profile(self.profile)).get("attack_diary", [])
        except UserError:
            return data.get("attack_diary", [])


def save_profile(
    path: Path, data: dict[str, Any], *, draft_for: Path | None = None, note: str = ""
) -> Path:
    """Write ``data`` to ``path`` atomically, readable by the user only.

    A profile that is a symbolic link (kept in a synced folder, say) is written
    through to the file it points to: replacing the link would leave the real
    file behind, never updated.
    """
    target = real_path(path)
    if draft_for is None:  # the patient's own file: their comments and order are kept
        text = saved_text(data, path.name, _current_text(target))
    else:
        text = profile_text(data, draft_for.name, header=DRAFT_HEADER, note=note)
    write_private(path, text.encode("utf-8"))
    return path


def _current_text(path: Path) -> str | None:
    """The file as it is now, if it is a profile prepkit can read; else None."""
    from prepkit.profile.loader import read_profile_text

    if not path.exists():
        return None
    try:
        return read_profile_text(path)
    except UserError:
        return None


def set_aside(draft: Path) -> Path:
    """Move ``draft`` to a free name beside it (``...draft-kept-1.yaml``) and return it.

    A draft prepkit cannot use, or one the patient chose not to resume, is never
    deleted behind their back: it stays, under a name the next run will not reuse.
    """
    number = 1
    while True:
        kept = draft.with_name(f"{draft.stem}-kept-{number}{draft.suffix}")
        if not kept.exists() and not kept.is_symlink():
            break
        number += 1
    try:
        os.replace(draft, kept)
    except OSError as error:
        raise UserError(f"cannot be set aside ({error.strerror})", file=str(draft)) from None
    return kept


def check_can_save(profile: Path) -> None:
    """Refuse before the first question if the answers could not be saved at the end."""
    import tempfile

    from prepkit.core.output import ensure_folder

    if profile.is_dir():
        raise UserError("is a folder; give the profile a file name", file=str(profile))
    target = _check_link_and_name(profile)
    folder = ensure_folder(target.parent)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise UserError(
            f"cannot save answers in this folder ({error.strerror}); "
            "choose another place for the profile",
            file=str(folder),
        ) from None


def _check_link_and_name(path: Path) -> Path:
    """Where ``path`` is written (through a link), refused now if that cannot work.

    A link into a missing folder, or a name too long for the hidden temporary file
    every save goes through (``.NAME.xxxxxxxx.tmp``), would fail only at the end,
    after the whole interview.
    """
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if path.is_symlink() and not target.parent.is_dir():
        raise UserError(f"is a link to {target}, in a folder that does not exist", file=str(path))
    try:
        longest = os.pathconf(target.parent if target.parent.is_dir() else ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        longest = 255
    if len(os.fsencode(target.name)) + len(".._xxxxxxxx.tmp") > longest:
        raise UserError("has a name too long to save safely; choose a shorter name", file=str(path))
    return target
