from __future__ import annotations

import os
from pathlib import Path

import pytest

from prepkit.core.resources import resource_dir
from prepkit.layout.styles import load_styles


def test_templates_and_every_font_role_are_found() -> None:
    assert (resource_dir("templates") / "worksheet" / "worksheet.xml.j2").is_file()
    sheet = load_styles()
    for role in sheet.font_files:
        assert sheet.font_path(role).is_file(), role
    assert (resource_dir("fonts") / "LICENSE-DejaVu.txt").is_file()


def test_cli_section_names_match_the_wizard_sections() -> None:
    from prepkit.cli.options import SECTION_NAMES
    from prepkit.wizard.sections import SECTION_NAMES as FLOW_NAMES

    assert SECTION_NAMES == FLOW_NAMES


def test_bundled_fonts_cover_latin_greek_cyrillic_and_the_symbols_we_print() -> None:
    from prepkit.layout.fonts import missing_glyphs

    sample = (
        "Köhler Łódź Ærøskøbing ąčęėįšųūž őű ğışç ß ñ ﬁ Ωμέγα Ἀλέξανδρος Привет Ђорђе "
        "☐☒• € № ≤ ≥ µg ½ \u2013 \u2014 \u201c\u201d \u2018\u2019 …"
    )
    assert missing_glyphs(sample) == []
    assert missing_glyphs("中文") == ["中", "文"]


def test_markup_asking_for_bold_italic_prints_in_bold() -> None:
    """No document uses bold italic, so no face is loaded for it; asking must not fail."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from prepkit.layout.fonts import register_fonts

    sheet = register_fonts()
    style = ParagraphStyle("hint", fontName=sheet.font_name("italic"), fontSize=9, leading=12)
    paragraph = Paragraph("plain <b>bold</b>", style)
    paragraph.wrap(200, 100)
    fonts = {frag.fontName for line in paragraph.blPara.lines for frag in line.words}
    assert fonts == {sheet.font_name("italic"), sheet.font_name("bold")}


# --- a damaged install (#28) -------------------------------------------------------------


@pytest.mark.parametrize("damage", ["empty", "truncated", "fifo", "link to /dev/zero", "gone"])
def test_a_damaged_font_is_one_line_saying_to_reinstall_not_a_traceback_or_a_hang(
    damage: str, tmp_path: Path
) -> None:
    """Found by #28: a truncated or empty font was a traceback; a FIFO or a link to
    /dev/zero in its place hung the run."""
    from prepkit.core.errors import PrepkitError
    from prepkit.core.resources import resource_dir
    from prepkit.layout.fonts import _font

    real = resource_dir("fonts") / "DejaVuSans.ttf"
    font = tmp_path / "DejaVuSans.ttf"
    if damage == "empty":
        font.write_bytes(b"")
    elif damage == "truncated":
        font.write_bytes(real.read_bytes()[:200_000])
    elif damage == "fifo":
        os.mkfifo(font)
    elif damage == "link to /dev/zero":
        font.symlink_to("/dev/zero")
    with pytest.raises(PrepkitError) as caught:
        _font("Damaged", font)
    message = caught.value.format_message()
    assert message == (
        f"prepkit's font {font} is missing or damaged; reinstall prepkit "
        "(pip install --force-reinstall prepkit)"
    )
