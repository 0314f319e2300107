"""The PDFs as a viewer, a screen reader's outline and a print shop's preflight see them.

Read with pypdf, pdfplumber and pikepdf, none of which this project wrote.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pdfplumber
import pikepdf
import pytest

from prepkit.documents.render import blank_profile, render_card, render_worksheet
from prepkit.profile.schema import Profile
from tests.pdf_tools import fold, page_texts, reader

WORKSHEETS = [(paper, large) for paper in ("letter", "a4") for large in (False, True)]
WORKSHEET_IDS = [f"{paper}{' large' if large else ''}" for paper, large in WORKSHEETS]


@pytest.mark.parametrize(("paper", "large"), WORKSHEETS, ids=WORKSHEET_IDS)
def test_each_bookmark_opens_the_page_and_place_of_its_heading(
    paper: str, large: bool, example_profile: Profile
) -> None:
    pdf = render_worksheet(example_profile, paper=paper, large_print=large)
    document = reader(pdf)
    texts = [fold(text) for text in page_texts(pdf)]
    outline: list[Any] = list(document.outline)
    assert outline
    pages_used: list[int] = []
    with pdfplumber.open(io.BytesIO(pdf)) as plumbed:
        for entry in outline:
            number = document.get_destination_page_number(entry)
            assert number is not None
            title = str(entry.title)
            # The first page, from the previous heading's on, whose text holds this heading.
            start = pages_used[-1] if pages_used else 0
            expected = next(i for i in range(start, len(texts)) if title in texts[i])
            assert number == expected, f"{title!r} opens page {number + 1}, not {expected + 1}"
            assert entry["/Type"] == "/XYZ", title
            # At the heading: its top edge is where the viewer scrolls to.
            page = plumbed.pages[number]
            top = page.height - float(entry["/Top"])
            found = page.search(re.escape(title))
            assert any(abs(match["top"] - top) < 6 for match in found), (
                f"{title!r}: destination at {top:.0f} pt from the top, "
                f"heading at {[round(m['top']) for m in found]}"
            )
            pages_used.append(number)
    assert len(set(pages_used)) > 1  # the outline spans the document, not only page 1
    root: Any = document.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"


DOCUMENT_KINDS: dict[str, Callable[[Profile], bytes]] = {
    "worksheet": lambda p: render_worksheet(p),
    "worksheet large a4": lambda p: render_worksheet(p, paper="a4", large_print=True),
    "blank worksheet": lambda p: render_worksheet(blank_profile()),
    "card sheet": lambda p: render_card(p).pdf,
    "card sheet a4": lambda p: render_card(p, paper="a4").pdf,
    "card pages": lambda p: render_card(p, layout="page").pdf,
}

# Which PDF version first defines each feature prepkit may use.
FEATURE_VERSIONS = {"/PrintScaling": "1.6", "/DisplayDocTitle": "1.4", "/Lang": "1.4"}


def _fonts_selected(page: pikepdf.Page) -> set[str]:
    """The fonts the page's content stream selects with Tf, parsed by qpdf."""
    return {
        str(instruction.operands[0])[1:] for instruction in pikepdf.parse_content_stream(page, "Tf")
    }


@pytest.mark.parametrize("kind", sorted(DOCUMENT_KINDS))
def test_version_fonts_and_syntax_hold_for_every_kind_of_document(
    kind: str, example_profile: Profile
) -> None:
    pdf = DOCUMENT_KINDS[kind](example_profile)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.check_pdf_syntax() == []
        root = document.Root
        preferences = root.get("/ViewerPreferences", pikepdf.Dictionary())
        used_features = [key for key in FEATURE_VERSIONS if key in preferences or key in root]
        for feature in used_features:
            needed = tuple(int(n) for n in FEATURE_VERSIONS[feature].split("."))
            declared = tuple(int(n) for n in document.pdf_version.split("."))
            assert declared >= needed, f"{feature} needs PDF {FEATURE_VERSIONS[feature]}"
        for number, page in enumerate(document.pages, start=1):
            fonts = page.Resources.get("/Font", pikepdf.Dictionary())
            named = {str(key)[1:] for key in fonts}
            selected = _fonts_selected(page)
            assert named == selected, f"page {number} names {named}, uses {selected}"
            for key, font in fonts.items():
                descriptor = font.get("/FontDescriptor")
                if font.get("/Subtype") == "/Type0":
                    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    f in descriptor for f in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                assert embedded, f"page {number}: {key} ({font.get('/BaseFont')}) not embedded"
