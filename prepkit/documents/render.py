"""The pipeline: profile -> content (templates) -> layout (flowables) -> PDF bytes.

Nothing here reads from the user or writes files; the CLI does that, so a test
can render a profile in memory and open the result.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from prepkit.core.errors import CardDoesNotFit, UserError
from prepkit.core.today import today
from prepkit.documents.options import CARD_LAYOUTS, PAPERS
from prepkit.profile.convert import profile_data
from prepkit.profile.schema import Profile

if TYPE_CHECKING:
    from prepkit.layout.card_flow import CardTooFull


def prepared_date() -> dt.date:
    """The date the documents say they were prepared: today, unless pinned."""
    return today()


def document_mark(profile: Profile, source: str) -> str:
    """What a PDF records of its making (core/mark.py): the profile's file name, a hash
    of its contents, and the date."""
    import hashlib

    import msgspec

    from prepkit.core.mark import make_mark

    digest = hashlib.sha256(msgspec.json.encode(profile)).hexdigest()[:16]
    return make_mark(source, digest, prepared_date())


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            yield from _strings(item, f"{path}[{index}]")


def check_printable(profile: Profile, source: str) -> None:
    """Refuse a character the bundled fonts lack, rather than print an empty box."""
    from prepkit.layout.fonts import missing_glyphs

    for path, text in _strings(profile_data(profile), ""):
        missing = missing_glyphs(text)
        if missing:
            shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in missing[:3])
            raise UserError(
                f"has characters the bundled font cannot print: {shown}",
                file=source,
                field=path,
                line=_line_with(source, missing[0]),
            )


def _line_with(source: str, character: str) -> int | None:
    """The first line of the profile file holding ``character`` (an error names its line)."""
    try:
        if not os.path.isfile(source):
            return None
        # The character itself, or written as an escape in quotes ("\uFFFF").
        escapes = (f"\\u{ord(character):04x}", f"\\U{ord(character):08x}".casefold())
        with open(source, encoding="utf-8") as text:
            for number, line in enumerate(text, start=1):
                if character in line or any(form in line.casefold() for form in escapes):
                    return number
        return None
    except (OSError, UnicodeDecodeError):
        return None


def render_worksheet(
    profile: Profile,
    *,
    paper: str = "letter",
    source: str = "profile",
    large_print: bool = False,
    previous: Profile | None = None,
    previous_date: dt.date | None = None,
    check_only: bool = False,
) -> bytes:
    """The visit worksheet for ``profile`` as PDF bytes (in large print if asked).

    With ``previous`` (the profile kept for the last visit) it says what changed since.
    With ``check_only`` the pages are laid out (everything that can refuse a profile)
    but no file is made, and the bytes are empty: what ``prepkit validate`` needs.
    """
    from prepkit.content.catalog import load_catalog
    from prepkit.content.environment import make_environment
    from prepkit.content.worksheet import worksheet_context
    from prepkit.layout.blocks import BlockBuilder, inner_markup, parse_blocks
    from prepkit.layout.document import build_pdf
    from prepkit.layout.fonts import register_fonts
    from prepkit.layout.styles import load_styles

    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    check_printable(profile, source)
    register_fonts()
    sheet = load_styles(large_print)
    catalog = load_catalog()
    prepared = prepared_date()
    env = make_environment()
    context = worksheet_context(
        profile, catalog, prepared=prepared, previous=previous, previous_date=previous_date
    )
    root = parse_blocks(env.get_template("worksheet/worksheet.xml.j2").render(context))

    # The footer is rendered once, with stand-ins for the page numbers: rendering and
    # parsing it for each of 2,000 pages was a tenth of the largest worksheet's time.
    page_mark, pages_mark = "\ue010", "\ue011"  # private use: never in escaped text
    footer = parse_blocks(
        env.get_template("worksheet/footer.xml.j2").render(
            page=page_mark,
            pages=pages_mark,
            prepared=prepared,
            name=profile.patient.name,
            attribution=catalog.attribution,
        )
    )
    footer_lines = [inner_markup(p) for p in footer.findall("p")]

    def footer_text(page: int, pages: int) -> list[str]:
        return [
            line.replace(page_mark, str(page)).replace(pages_mark, str(pages))
            for line in footer_lines
        ]

    from reportlab.platypus.doctemplate import LayoutError

    # A row split across pages keeps 3 lines together on each side; a row that cannot
    # be split that way (just over a page tall) is laid out again letting it split
    # anywhere, rather than refused.
    for keep_lines in (3, 0):
        builder = BlockBuilder(sheet, sheet.text_width(paper), keep_lines=keep_lines)
        try:
            return build_pdf(
                builder.build(root),
                sheet=sheet,
                paper=paper,
                title=root.get("title", "prepkit"),
                subject=root.get("subject", ""),
                footer_text=footer_text,
                footer_style=builder.style("footer"),
                keywords=document_mark(profile, source),
                check_only=check_only,
            )
        except LayoutError:
            continue
    # Should not happen within the schema's limits; if it does, say so plainly.
    raise UserError(
        "an entry is too long to fit on a page; shorten the longest notes or names",
        file=source,
    )


class RenderedCard(NamedTuple):
    """The wallet card's PDF, the layout it needed, and what the command says it wrote."""

    pdf: bytes
    layout: str
    wrote: str


def render_card(
    profile: Profile,
    *,
    paper: str = "letter",
    layout: str = "sheet",
    source: str = "profile",
    large_print: bool = False,
) -> RenderedCard:
    """The wallet card for ``profile``, or a :class:`CardDoesNotFit` if even the largest cannot.

    ``large_print`` enlarges the words on the sheet, not the card, which keeps
    its size and its own minimum print.
    """
    from prepkit.content.card import card_context
    from prepkit.content.catalog import load_catalog
    from prepkit.content.environment import make_environment
    from prepkit.layout.blocks import BlockBuilder, parse_blocks
    from prepkit.layout.card import card_pages_pdf, card_sheet_pdf
    from prepkit.layout.card_fit import fit_card
    from prepkit.layout.card_flow import CardTooFull
    from prepkit.layout.card_spec import ID1_CARD
    from prepkit.layout.fonts import register_fonts
    from prepkit.layout.styles import load_styles

    if layout not in CARD_LAYOUTS:
        raise ValueError(f"unknown card layout {layout!r}")
    check_printable(profile, source)
    sheet = register_fonts()
    env = make_environment()
    context = card_context(profile, load_catalog(), prepared=prepared_date())
    front = parse_blocks(env.get_template("card/front.xml.j2").render(context))
    flow = parse_blocks(env.get_template("card/flow.xml.j2").render(context))
    try:
        card = fit_card(front, flow, sheet, ID1_CARD, cards=layout == "page")
    except CardTooFull as full:
        raise CardDoesNotFit(
            card_too_full_message(full, ID1_CARD.min_font_pt), file=source, field="wallet card"
        ) from None
    sheet_root = parse_blocks(
        env.get_template("card/sheet.xml.j2").render(context, layout=card.layout)
    )
    title, subject = sheet_root.get("title", ""), sheet_root.get("subject", "")
    keywords = document_mark(profile, source)
    if layout == "page":
        pdf = card_pages_pdf(card, ID1_CARD, title, subject, sheet, keywords)
    else:
        words = load_styles(large_print)
        pdf = card_sheet_pdf(
            card,
            sheet_root,
            BlockBuilder(words, words.text_width(paper)),
            sheet.page_size_pt(paper),
            ID1_CARD,
            keywords,
        )
    return RenderedCard(pdf, card.layout.name, card.layout.wrote)


def card_too_full_message(full: CardTooFull, min_font_pt: float) -> str:
    """Say what does not fit and how to make it fit, in one line."""
    if any(part.section == "front" for part in full.left_over):
        problem = (
            "the front (name, condition and epinephrine) does not fit even at the "
            f"smallest print ({min_font_pt:g} pt). Shorten the name or the diagnosis"
        )
    else:
        # What cannot be shortened (the contact's two lines, the fixed sentence, the
        # date and signature) was only pushed out: name it only if it is all.
        fixed = ("emergency contact", "what to do", "signature")
        parts = [p for p in full.left_over if p.section not in fixed] or full.left_over
        left = ", ".join(
            f"{part.section} ({part.left} of {part.total} entries)"
            if part.total > 1
            else part.section
            for part in parts
        )
        problem = (
            f"does not fit even on the largest card ({full.layout.name}) at the smallest "
            f"print ({min_font_pt:g} pt): left over: {left}. Shorten names and reactions, "
            "or set 'on_card: no' on medications the card can leave out"
        )
    return (
        f"{problem}, or print only the worksheet (it always lists everything) with "
        "'prepkit build --no-card' or 'prepkit wizard --no-card'"
    )


def blank_profile() -> Profile:
    """A profile with nothing filled in: every section prints as a form for a pen."""
    return Profile(schema_version=1)
