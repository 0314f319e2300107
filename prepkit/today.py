"""Today's date, as every part of prepkit sees it.

``SOURCE_DATE_EPOCH`` pins it, so a rebuild of the same profile is byte-identical
and the checks that depend on the date (a birth date in the future, a visit
already past) give the same answer in a test on any day.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
