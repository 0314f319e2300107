"""Today's date, as every part of prepkit sees it.

``SOURCE_DATE_EPOCH`` pins it, so a rebuild of the same profile is byte-identical
and the checks that depend on the date (a birth date in the future, a visit
already past) give the same answer in a test on any day. ReportLab reads the
same variable for the PDF's dates, so a value it cannot use is refused up front.
"""

from __future__ import annotations

import datetime as dt
import os

from prepkit.core.errors import UserError

# 9999-12-31 23:59:59 UTC: the last second a date can show.
_LAST_SECOND = 253_402_300_799


def pinned_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as whole seconds, None when unset, or a one-line error."""
    text = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not text:
        return None
    # Digits are counted before they are read: Python will not read over 4,300 of them.
    digits = text.lstrip("0") or "0"
    if not (text.isascii() and text.isdigit()) or len(digits) > 12 or int(digits) > _LAST_SECOND:
        shown = text if text.isprintable() and len(text) <= 30 else repr(text[:30])
        raise UserError(
            f"SOURCE_DATE_EPOCH is {shown}: it must be a whole number of seconds since "
            "1970-01-01 UTC, 0 to 253402300799 (or unset it to use today's date)"
        )
    return int(text)


def today() -> dt.date:
    epoch = pinned_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.UTC).date()
    return dt.date.today()


def now() -> dt.datetime:
    """The time of day as the patient's clock shows it (pinned like :func:`today`)."""
    epoch = pinned_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, tz=dt.UTC).replace(tzinfo=None)
    return dt.datetime.now()
