"""Measure every wallet card layout as printed: faces, folds, marks, margins, words.

Each layout (fold-over, 4-panel and 6-panel fold-outs) is made by a patient whose
lists need it, on both papers, in standard and large print, and opened with
pdfplumber and pikepdf: nothing here trusts prepkit's own numbers.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path
from typing import Any

import pdfplumber
import pikepdf
import pytest
from click.testing import CliRunner

from prepkit.cli import main
from prepkit.content.rules import to_profile
from prepkit.core.errors import CardDoesNotFit
from prepkit.documents.render import render_card
from prepkit.layout import card_spec
from prepkit.wizard.profile_files import save_profile
from tests.pdf_tools import MM, fold, page_texts
from tests.realistic import card_patient

CARD_W, CARD_H = 85.6, 53.98
LAYOUTS = {2: "fold-over, 2 faces", 4: "fold-out, 4 panels", 6: "fold-out, 6 panels"}
CASES = [(faces, paper) for faces in LAYOUTS for paper in ("letter", "a4")]
_made: dict[tuple[int, str, bool, str], bytes] = {}


def card(faces: int, paper: str = "letter", large: bool = False, layout: str = "sheet") -> bytes:
    key = (faces, paper, large, layout)
    if key not in _made:
        made = render_card(
            to_profile(card_patient(faces)), paper=paper, large_print=large, layout=layout
        )
        assert made.layout == LAYOUTS[faces]  # the patient still needs this layout
        _made[key] = made.pdf
    return _made[key]


_opened: dict[bytes, Any] = {}


def page_of(pdf: bytes) -> Any:
    """The sheet's one page, opened once: pdfplumber keeps what it has parsed."""
    if pdf not in _opened:
        [_opened[pdf]] = pdfplumber.open(io.BytesIO(pdf)).pages
    return _opened[pdf]


def faces_on(page: Any) -> list[dict[str, Any]]:
    """The card-sized rectangles, left column top to bottom, then the right column."""
    rects = [
        r
        for r in page.rects
        if abs(r["width"] / MM - CARD_W) <= 0.1 and abs(r["height"] / MM - CARD_H) <= 0.1
    ]
    return sorted(rects, key=lambda r: (round(r["x0"]), r["top"]))


def grid_box(faces: list[dict[str, Any]]) -> tuple[float, float, float, float]:
    return (
        min(f["x0"] for f in faces),
        min(f["top"] for f in faces),
        max(f["x1"] for f in faces),
        max(f["bottom"] for f in faces),
    )


def inside(obj: dict[str, Any], box: tuple[float, float, float, float], slack: float) -> bool:
    x0, top, x1, bottom = box
    return bool(
        obj["x0"] >= x0 - slack
        and obj["x1"] <= x1 + slack
        and obj["top"] >= top - slack
        and obj["bottom"] <= bottom + slack
    )


@pytest.mark.parametrize(("faces", "paper"), CASES)
def test_each_face_is_exactly_a_bank_card_and_the_faces_tile_two_columns(
    faces: int, paper: str
) -> None:
    page = page_of(card(faces, paper))
    found = faces_on(page)
    assert len(found) == faces
    rows = faces // 2
    left, right = found[:rows], found[rows:]
    for column in (left, right):
        for upper, lower in itertools.pairwise(column):
            assert lower["top"] == pytest.approx(upper["bottom"], abs=0.01)  # rows meet
    for a, b in zip(left, right, strict=True):
        assert a["x1"] == pytest.approx(b["x0"], abs=0.01)  # the columns share the long fold
        assert a["top"] == pytest.approx(b["top"], abs=0.01)
    x0, top, x1, bottom = grid_box(found)
    assert x0 > 0 and x1 < page.width and top > 0 and bottom < page.height


@pytest.mark.parametrize(("faces", "paper"), CASES)
def test_fold_lines_run_exactly_where_the_faces_meet(faces: int, paper: str) -> None:
    page = page_of(card(faces, paper))
    found = faces_on(page)
    x0, top, x1, bottom = grid_box(found)
    dashed = [line for line in page.lines if line.get("dash") and line["dash"][0]]
    middle = found[0]["x1"]
    folds = [line for line in dashed if inside(line, (x0, top, x1, bottom), 0.01)]
    vertical = [line for line in folds if line["x0"] == line["x1"]]
    horizontal = [line for line in folds if line["top"] == line["bottom"]]
    assert len(vertical) == 1 and len(horizontal) == faces // 2 - 1
    # Outside the cut, each fold's ends are marked by dashed ticks labelled "fold",
    # never by solid ticks a print shop could take for crop marks and cut along.
    ticks = [line for line in dashed if line not in folds]
    assert len(ticks) == 2 * (1 + faces // 2 - 1)
    words = fold(" ".join(w["text"] for w in page.extract_words()))
    assert words.count("fold") - words.count("Fold") >= len(ticks)
    assert vertical[0]["x0"] == pytest.approx(middle, abs=0.01)
    assert vertical[0]["top"] == pytest.approx(top, abs=0.01)
    assert vertical[0]["bottom"] == pytest.approx(bottom, abs=0.01)
    meets = sorted(f["bottom"] for f in found[: faces // 2 - 1])
    for line, y in zip(sorted(horizontal, key=lambda line: line["top"]), meets, strict=True):
        assert line["top"] == pytest.approx(y, abs=0.01)
        assert line["x0"] == pytest.approx(x0, abs=0.01)
        assert line["x1"] == pytest.approx(x1, abs=0.01)


@pytest.mark.parametrize(("faces", "paper"), CASES)
def test_calibration_bar_is_fifty_millimetres(faces: int, paper: str) -> None:
    page = page_of(card(faces, paper))
    bars = [r for r in page.rects if r["height"] < 3 * MM and r["width"] > 30 * MM]
    assert len(bars) == 1
    assert bars[0]["width"] / MM == pytest.approx(50.0, abs=0.1)
    assert bars[0]["top"] > grid_box(faces_on(page))[3]  # below the card, not on it


# Large print on the tallest layout, where the bigger words leave the least room.
@pytest.mark.parametrize(
    ("faces", "paper", "large"),
    [(f, p, False) for f, p in CASES] + [(6, "letter", True)],
)
def test_nothing_is_drawn_outside_the_faces_but_marks_and_words(
    faces: int, paper: str, large: bool
) -> None:
    page = page_of(card(faces, paper, large))
    grid = grid_box(faces_on(page))
    mark_reach = 6.5 * MM
    for line in page.lines:
        if not inside(line, grid, 0.01):
            length = max(line["x1"] - line["x0"], line["bottom"] - line["top"])
            assert length <= 5 * MM + 0.01, line  # crop and fold marks, bar ticks
    for rect in page.rects:
        if not inside(rect, grid, 0.01):
            assert rect["width"] / MM == pytest.approx(50, abs=0.1)  # the calibration bar
    assert all(inside(curve, grid, 0.01) for curve in page.curves)  # borders only inside
    outside = [c for c in page.chars if not inside(c, grid, 0.01)]
    words_above = [c for c in outside if c["bottom"] < grid[1] - mark_reach]
    label_below = [c for c in outside if c["top"] > grid[3] + mark_reach]
    beside = [c for c in outside if c not in words_above and c not in label_below]
    assert "".join(c["text"] for c in label_below) == "50 mm"
    beside_text = "".join(c["text"] for c in sorted(beside, key=lambda c: (c["top"], c["x0"])))
    assert set(beside_text.replace("fold", "")) <= set("0123456789")  # panel numbers, "fold"
    assert fold(" ".join(c["text"] for c in words_above))  # the instructions


@pytest.mark.parametrize(("faces", "paper"), CASES)
def test_text_keeps_the_safe_margin_and_the_border_sits_inside_the_cut(
    faces: int, paper: str
) -> None:
    """One border round the whole piece, just inside its cut: a frame round each panel
    was read by a new user as lines to cut the panels apart along."""
    page = page_of(card(faces, paper))
    found = faces_on(page)
    for face in found:
        box = (face["x0"], face["top"], face["x1"], face["bottom"])
        shrunk = tuple(v + d * 3 * MM for v, d in zip(box, (1, 1, -1, -1), strict=True))
        on_face = [c for c in page.chars if inside(c, box, 0)]
        assert on_face, "an empty face"
        assert all(inside(c, shrunk, 0.05) for c in on_face)  # 3 mm safe margin
        assert not [c for c in page.curves if inside(c, box, 0)]  # no frame round one panel
    grid = grid_box(found)
    borders = [c for c in page.curves if inside(c, grid, 0)]
    assert len(borders) == 1
    border = borders[0]
    for edge, cut in zip(
        (border["x0"], border["top"], border["x1"], border["bottom"]), grid, strict=True
    ):
        assert 1 * MM <= abs(edge - cut) <= 2 * MM  # inside the cut, outside the text


@pytest.mark.parametrize("faces", [4, 6])
def test_panels_are_numbered_in_reading_order_beside_their_faces(faces: int) -> None:
    page = page_of(card(faces))
    found = faces_on(page)
    grid = grid_box(found)
    numbers = page.extract_words()
    for number, face in enumerate(found, start=1):
        middle = (face["top"] + face["bottom"]) / 2
        side = [
            w
            for w in numbers
            if w["text"] == str(number)
            and abs((w["top"] + w["bottom"]) / 2 - middle) < 3 * MM
            and (w["x1"] < grid[0] if face["x0"] == grid[0] else w["x0"] > grid[2])
        ]
        assert len(side) == 1, f"panel {number}"
    words = fold(page.extract_text())
    assert (
        f"panels 1 to {faces // 2} on one side, {faces // 2 + 1} to {faces} on the other" in words
    )


@pytest.mark.parametrize("faces", list(LAYOUTS))
def test_page_layout_is_one_card_sized_page_per_face_in_reading_order(faces: int) -> None:
    pdf = card(faces, layout="page")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert len(document.pages) == faces
        for page in document.pages:
            media = [float(v) for v in page.MediaBox]
            assert [float(v) for v in page.TrimBox] == media
            assert (media[2] - media[0]) / MM == pytest.approx(CARD_W, abs=0.1)
            assert (media[3] - media[1]) / MM == pytest.approx(CARD_H, abs=0.1)
    # Two-sided cards for a print shop: each page says which card and side it is,
    # and the cards hold every entry the folded sheet holds.
    texts = [fold(text) for text in page_texts(pdf)]
    if faces > 2:
        for number, text in enumerate(texts):
            side = "back" if number % 2 else "front"
            assert text.endswith(f"Card {number // 2 + 1} of {faces // 2}, {side}"), text
    joined = " ".join(texts)
    for item in card_patient(faces)["avoid"]:
        assert f"{item['name']}: {item['reaction']}" in joined


def test_large_print_enlarges_the_sheet_words_but_not_the_card() -> None:
    standard, large = page_of(card(6)), page_of(card(6, large=True))

    def split(page: Any) -> tuple[list[float], list[tuple[str, float]]]:
        grid = grid_box(faces_on(page))
        words = [c["size"] for c in page.chars if c["bottom"] < grid[1]]
        on_card = [(c["text"], round(c["size"], 2)) for c in page.chars if inside(c, grid, 0)]
        return words, on_card

    (standard_words, standard_card), (large_words, large_card) = split(standard), split(large)
    assert min(standard_words) < 14 <= min(large_words)
    assert large_card == standard_card


def test_a_fold_over_card_never_says_to_unfold() -> None:
    for pdf in (
        card(2, layout="page"),
        render_card(to_profile(card_patient(2) | {"avoid": []})).pdf,
    ):
        assert "nfold" not in " ".join(page_texts(pdf))


def test_the_front_holds_the_drugs_not_to_give_first_and_says_where_the_list_goes_on() -> None:
    # 12 drugs not to give: six of them on the front. 26, each reaction two lines long
    # even at the smallest print: as many as the front holds (four), in the patient's order.
    for faces, least, where in (
        (4, 6, "6 more on the back (12 in all)"),
        (6, 4, "22 more on the back and the next cards (26 in all)"),
    ):
        avoid = card_patient(faces)["avoid"]
        front, *rest = [fold(text) for text in page_texts(card(faces, layout="page"))]
        for needed in (
            "RISK OF ANAPHYLAXIS",
            "Name: Ruth Adeyemi",
            "I carry self-injecting epinephrine, which treats severe allergic reactions.",
            f"DO NOT GIVE (drug: my reaction) • {avoid[0]['name']}: {avoid[0]['reaction']}",
            where,
        ):
            assert needed in front, (needed, front)
        shown = [item for item in avoid if f"• {item['name']}: {item['reaction']}" in front]
        assert shown == avoid[: len(shown)] and len(shown) >= least, (len(shown), front)
        # The patient's list comes before any fixed sentence or the contact's lines.
        assert "Emergency contact" not in front.split("DO NOT GIVE")[0]
        for face in rest:
            assert "RISK OF ANAPHYLAXIS" not in face
            assert face.startswith(
                (
                    "DO NOT GIVE (continued)",
                    "Emergency number",
                    "My triggers",
                    "I take",
                    "My care team's plan",
                    "Updated",
                )
            ), face


def test_the_smallest_layout_that_holds_everything_is_chosen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = to_profile(card_patient(6))
    assert render_card(profile).layout == LAYOUTS[6]
    smaller = card_spec.CardSpec(rows_tried=(1, 2))
    monkeypatch.setattr(card_spec, "ID1_CARD", smaller)
    with pytest.raises(CardDoesNotFit, match=r"largest card \(fold-out, 4 panels\)"):
        render_card(profile)


def test_the_command_says_which_layout_it_wrote(tmp_path: Path) -> None:
    profile = save_profile(tmp_path / "profile.yaml", card_patient(4))
    result = CliRunner().invoke(main, ["build", str(profile), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {tmp_path / 'wallet-card.pdf'} (fold-out, 4 panels)" in result.output


def test_a_fold_out_whose_front_holds_the_whole_list_still_points_to_the_rest() -> None:
    data = card_patient(2)
    data["avoid"] = [{"name": "Aspirin", "reaction": "hives"}]
    data["triggers"]["own"] = [f"Strong smell number {i}" for i in range(70)]
    made = render_card(to_profile(data), layout="page")
    assert made.layout == LAYOUTS[4]
    front, *rest = [fold(text) for text in page_texts(made.pdf)]
    assert "DO NOT GIVE (drug: my reaction) • Aspirin: hives" in front
    # As separate two-sided cards (--card-layout page) nothing unfolds; on the sheet,
    # the fold-out's front says to unfold it.
    assert "More on the back and on the next cards" in front and "nfold" not in front
    sheet = fold(" ".join(page_texts(render_card(to_profile(data)).pdf)))
    assert "Fold-out card: unfold for all 4 panels" in sheet
    assert "Strong smell number 69" in " ".join(rest)


def test_every_line_of_the_sheet_is_drawn_as_the_card_specification_says() -> None:
    """Sizes and colours live in CardSpec (pylabels' habit), not in the drawing code."""
    spec = card_spec.ID1_CARD
    page = page_of(card(4))
    borders = [c for c in page.curves if c["stroking_color"] is not None]
    assert borders and all(c["linewidth"] == pytest.approx(spec.border_width_pt) for c in borders)
    ink = 1 - int(spec.border_colour[1:3], 16) / 255  # a grey is that share of black ink
    assert all(
        tuple(c["stroking_color"]) == pytest.approx((0, 0, 0, ink), abs=0.01) for c in borders
    )
    (bar,) = [r for r in page.rects if r["width"] / MM == pytest.approx(spec.calibration_length)]
    assert bar["height"] / MM == pytest.approx(spec.calibration_thickness)
    dashed = [line for line in page.lines if line.get("dash") and line["dash"][0]]
    assert dashed and all(line["linewidth"] == pytest.approx(spec.fold_width_pt) for line in dashed)
    grid = grid_box(faces_on(page))
    folds = [line for line in dashed if inside(line, grid, 0.01)]
    ticks = [line for line in dashed if line not in folds]
    assert folds and all(tuple(line["dash"][0]) == spec.fold_dash_pt for line in folds)
    assert ticks and all(tuple(line["dash"][0]) == spec.fold_tick_dash_pt for line in ticks)


def test_a_card_specification_that_contradicts_itself_is_refused() -> None:
    with pytest.raises(card_spec.CardSpecError, match="corners"):
        card_spec.CardSpec(corner_radius=4.0)
    with pytest.raises(card_spec.CardSpecError, match="positive width"):
        card_spec.CardSpec(fold_width_pt=0)
