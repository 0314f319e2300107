"""Write files so that a failed or interrupted run never leaves half a file.

Each file is written to a temporary name in the same folder and renamed over
the old one, which is atomic: the previous version survives until the new one
is complete. Everything prepkit writes holds health data, so it is private to
the user (mode 0600).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from prepkit.errors import UserError

if TYPE_CHECKING:
    from prepkit.profile.schema import Profile

PRIVATE = 0o600
WORKSHEET = "worksheet.pdf"
WALLET_CARD = "wallet-card.pdf"


def ensure_folder(folder: Path) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
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
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
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


def write_documents(
    profile: Profile,
    output_dir: Path,
    *,
    paper: str,
    source: str,
    card_layout: str | None,
    large_print: bool = False,
) -> list[Path]:
    """Render the worksheet (and the card, unless ``card_layout`` is None), then write them.

    Everything is rendered before anything is written, so a card that does not fit
    leaves the previous worksheet and card exactly as they were.
    """
    from prepkit.render import render_card, render_worksheet

    ensure_folder(output_dir)
    documents = {
        WORKSHEET: render_worksheet(
            profile, paper=paper.lower(), source=source, large_print=large_print
        )
    }
    if card_layout is not None:
        documents[WALLET_CARD] = render_card(
            profile, paper=paper.lower(), layout=card_layout.lower(), source=source
        )
    return [write_private(output_dir / name, pdf) for name, pdf in documents.items()]
