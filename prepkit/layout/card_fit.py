"""Choose how many faces the wallet card needs, and how large its print can be.

The smallest layout that holds everything at the card's minimum print wins, at
the largest print it allows without leaving fewer drugs not to give on the front.
If even the largest layout cannot hold it, :class:`CardTooFull` says what is
left over so the patient can shorten it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from prepkit.layout.card_flow import (
    CardTooFull,
    FittedCard,
    PrintScale,
    Shortfall,
    lay_out,
)
from prepkit.layout.card_spec import CardLayout, CardSpec
from prepkit.layout.styles import StyleSheet


def fit_card(
    front_root: ET.Element,
    flow_root: ET.Element,
    sheet: StyleSheet,
    spec: CardSpec,
    *,
    cards: bool = False,
) -> FittedCard:
    """The smallest layout that holds everything, at the largest print it allows.

    With ``cards`` a fold-out is laid out as separate two-sided cards (see
    :class:`CardLayout`): the front then points to the back and the next cards.
    """
    layouts = [CardLayout(layout.rows, cards=cards) for layout in spec.layouts]
    largest = max(
        sheet.paragraphs[element.get("style", "card_body")].size_pt
        for root in (front_root, flow_root)
        for element in root.iter()
        if element.get("style")
    )
    # Below this scale every style is at the minimum size already: nothing to gain.
    floor = spec.min_font_pt / largest
    steps = int((spec.max_scale - floor) / spec.scale_step)
    scales = [floor] + [spec.max_scale - i * spec.scale_step for i in range(steps, -1, -1)]
    prints: dict[float, PrintScale] = {}
    shortfalls: list[Shortfall] = []

    def attempt(layout: CardLayout, scale: float) -> FittedCard | None:
        if scale not in prints:
            prints[scale] = PrintScale(sheet, spec, scale)
        try:
            return lay_out(front_root, flow_root, spec, layout, prints[scale])
        except Shortfall as short:
            shortfalls.append(short)
            return None

    for layout in layouts:
        best = attempt(layout, floor)
        if best is None:
            if shortfalls[-1].left_over[0].section == "front":
                break  # a bigger layout does not give the front more room
            continue
        # Bigger print is not worth splitting a DO NOT GIVE list that the front can
        # hold whole, nor leaving fewer than spec.front_list of a longer one there.
        whole = best.front_entries == best.list_length
        wanted = best.front_entries if whole else min(best.front_entries, spec.front_list)

        # Fitting gets no easier as the print grows, and most cards fit at or near
        # full size: step down from it in growing strides, then halve the gap
        # between the last miss and the first fit.
        missed, index, stride = len(scales), len(scales) - 1, 1
        while index > 0:
            card = attempt(layout, scales[index])
            if card is not None and card.front_entries >= wanted:
                best = card
                break
            missed, index, stride = index, max(index - stride, 0), stride * 2
        low, high = index, missed - 1  # scales[low] is good (or the floor); missed is not
        while low < high:
            middle = (low + high + 1) // 2
            card = attempt(layout, scales[middle])
            if card is not None and card.front_entries >= wanted:
                best, low = card, middle
            else:
                high = middle - 1
        return best
    shortfall = shortfalls[-1]
    raise CardTooFull(layouts[-1], shortfall.left_over)
