"""A canvas whose pages each name only the fonts they use.

ReportLab gives every page one shared font dictionary, so a page lists every
font of the document (and a font set but never drawn with) whether or not it
uses it; print shops' preflight checks flag such fonts. Each page here gets a
font dictionary of its own, built from the fonts its content stream selects.
"""

from __future__ import annotations

import re
import time
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObjectReference, PDFPage

from prepkit.core.today import pinned_epoch
from prepkit.layout.ink import BlackInkCanvas

# "/F2+0 10 Tf": the operator that selects a font in a content stream.
_SELECTS_FONT = re.compile(r"/(\S+)\s+[-\d.]+\s+Tf\b")


class PageFontsCanvas(BlackInkCanvas):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The PDF's dates in UTC, as with SOURCE_DATE_EPOCH: ReportLab would use
        # local time (and drop the minutes of a half-hour zone).
        if pinned_epoch() is None:
            stamp = self._doc._timeStamp
            stamp.lt = time.gmtime(stamp.t)
            stamp.YMDhms = tuple(stamp.lt)[:6]
            stamp.dhh = stamp.dmm = 0
            stamp.tzname = "UTC"

    def showPage(self) -> None:
        super().showPage()
        _own_fonts(self._doc.Pages.pages[-1])


def _own_fonts(page: PDFPage) -> None:
    used = sorted(set(_SELECTS_FONT.findall(page.stream)))
    build_resources = page.check_format

    def check_format(document: Any) -> None:
        build_resources(document)  # the usual resources, with the shared font dictionary
        page.Resources.Font = PDFDictionary({name: PDFObjectReference(name) for name in used})

    page.check_format = check_format
