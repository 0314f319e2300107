"""Lay the wallet card's text out over the faces of one layout, at one print scale.

Nothing is ever dropped to make the card fit. The front holds the emergency
lines; then the card's sections flow face by face in the order the template
gives them (drugs not to give first), filling each face before the next and
never splitting an entry across a fold. Which layout and scale to use is
card_fit.py's choice; :class:`Shortfall` tells it what did not fit.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from msgspec import Struct
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from prepkit.layout.blocks import BlockBuilder, inner_markup
from prepkit.layout.card_spec import CardLayout, CardSpec
from prepkit.layout.paragraph import Paragraph
from prepkit.layout.styles import StyleSheet
from prepkit.layout.units import MM

_FUZZ = 1e-6  # ReportLab's own tolerance when a frame checks a fit


class LeftOver(Struct, frozen=True):
    """A section with entries that found no face: how many of how many."""

    section: str
    left: int
    total: int


class CardTooFull(Exception):
    """Even the largest layout cannot hold everything at the smallest print."""

    def __init__(self, layout: CardLayout, left_over: list[LeftOver]) -> None:
        self.layout = layout
        self.left_over = left_over
        super().__init__(f"{layout.name}: {left_over}")


class FittedCard(Struct, frozen=True):
    """The card laid out: each face's flowables in reading order, and the print scale."""

    layout: CardLayout
    faces: list[list[Flowable]]
    scale: float
    front_entries: int  # drugs not to give that start on the front
    list_length: int  # drugs not to give in all


class PrintScale:
    """Everything at one print scale, made once and reused by every attempt at it.

    Layout tries the same paragraphs many times (each layout, each retry); parsing
    and line-breaking them is most of the cost, so each is made and measured once.
    """

    def __init__(self, sheet: StyleSheet, spec: CardSpec, scale: float) -> None:
        self.scale = scale
        self.width = spec.content_width * MM
        self.builder = BlockBuilder(sheet, self.width, scale=scale, min_size_pt=spec.min_font_pt)
        self._paragraphs: dict[tuple[str, str], Paragraph] = {}
        self._heights: dict[int, float] = {}
        self._front: list[Flowable] | None = None

    def front(self, root: ET.Element) -> list[Flowable]:
        if self._front is None:
            self._front = self.builder.build(root)
        return self._front

    def paragraph(self, markup: str, role: str) -> Paragraph:
        key = (markup, role)
        if key not in self._paragraphs:
            self._paragraphs[key] = Paragraph(markup, self.builder.style(role))
        return self._paragraphs[key]

    def height(self, flowable: Flowable) -> float:
        key = id(flowable)
        if key not in self._heights:
            self._heights[key] = float(flowable.wrap(self.width, 10_000)[1])
        return self._heights[key]


@dataclass
class _Face:
    """One face being filled: how much of its height is used so far."""

    width: float
    height: float
    measure: PrintScale
    flowables: list[Flowable] = field(default_factory=list)
    used: float = 0.0

    def fits(self, group: list[Flowable]) -> bool:
        return self._after(group) is not None

    def add(self, group: list[Flowable]) -> bool:
        used = self._after(group)
        if used is None:
            return False
        self.flowables.extend(group)
        self.used = used
        return True

    def _after(self, group: list[Flowable]) -> float | None:
        """Where the next flowable would start, as a ReportLab frame counts it, or None."""
        used = self.used
        for flowable in group:
            at_top = not self.flowables and flowable is group[0]
            before = 0.0 if at_top else flowable.getSpaceBefore()
            height = self.measure.height(flowable)
            if used + before + height > self.height + _FUZZ:
                return None
            used += before + height + flowable.getSpaceAfter()
        return used


class Shortfall(Exception):
    """This layout at this scale cannot hold everything (card_fit.py tries another)."""

    def __init__(self, left_over: list[LeftOver]) -> None:
        self.left_over = left_over


class _Flow:
    """One attempt: a layout at a scale, with at most ``front_limit`` avoid entries in front."""

    def __init__(
        self,
        at: PrintScale,
        spec: CardSpec,
        layout: CardLayout,
        front_limit: int | None,
        pointers: list[ET.Element],
    ) -> None:
        self.at = at
        self.layout = layout
        width, height = spec.content_width * MM, spec.content_height * MM
        self.faces = [_Face(width, height, at) for _ in range(layout.faces)]
        self.current = 0
        self.front_limit = front_limit
        self.pointers = pointers
        # A fold-out's front always says where the rest is, so keep room for the
        # tallest thing it may say; a fold-over's only needs to when the list goes on.
        self.reserved = 0.0
        if layout.rows > 1:
            self.reserved = max(self.at.height(self.pointer(p, 99, 99)) for p in pointers)
            self.faces[0].height -= self.reserved
            # A fold-out's panels are numbered inside the cut (layout/card.py draws
            # the number at each face's foot), so the text stops above it.
            for face in self.faces:
                face.height -= spec.panel_label_room_pt
        self.left_over: list[LeftOver] = []
        # The DO NOT GIVE list: entries on the front, in all, and the last face it reaches.
        self.pointed: tuple[int, int, int] | None = None

    def pointer(self, element: ET.Element, more: int, total: int) -> Paragraph:
        values = {"more": more, "total": total, "faces": len(self.faces)}
        return self.paragraph(element, inner_markup(element).format(**values))

    def paragraph(self, element: ET.Element, markup: str | None = None) -> Paragraph:
        text = inner_markup(element) if markup is None else markup
        return self.at.paragraph(text, element.get("style", "card_body"))

    def overflow(self, section: str, left: int, total: int) -> None:
        """Note what found no face, for the message that says what to shorten."""
        self.left_over.append(LeftOver(section, left, total))

    def list_section(self, section: ET.Element) -> None:
        """Each entry a line of its own; the heading always goes with the first one."""
        name = section.get("name", "")
        lines = [self.paragraph(item) for item in section.findall("item")]
        heading, continued = section.find("heading"), section.find("continued")
        counted = int(section.get("count", "0")) > 0
        # An entry is what may not be split: one line, or all of them together.
        entries = [lines] if section.get("together") == "yes" else [[line] for line in lines]
        on_face: int | None = None
        on_front = 0
        for index, entry in enumerate(entries):
            if counted and self.current == 0 and index == self.front_limit:
                self.current = 1  # the rest of this list goes past the front
            while True:
                if self.current >= len(self.faces):
                    self.overflow(name, len(entries) - index, len(entries))
                    return
                face = self.faces[self.current]
                lead = heading if on_face is None else continued
                group = list(entry)
                if on_face != self.current and lead is not None:
                    group = [self.paragraph(lead), *entry]
                more = len(entries) - index - 1
                if counted and self.current == 0 and more and self.layout.rows == 1:
                    continues = _pointer(self.pointers, "back", "continues")
                    pointer = self.pointer(continues, more, len(entries))
                    if not face.fits([*group, pointer]):
                        self.current = 1  # no room for this entry and the pointer under it
                        continue
                if face.add(group):
                    on_face = self.current
                    on_front += self.current == 0
                    break
                if not face.flowables:  # too long for a whole face: no face will do
                    self.overflow(name, len(entries) - index, len(entries))
                    return
                self.current += 1
        if counted:
            self.pointed = (on_front, len(entries), on_face or 0)

    def run_in_section(self, section: ET.Element) -> None:
        """Entries run on after a lead, as many per face as fit; a new face restates the lead."""
        name = section.get("name", "")
        lead_element, continued = section.find("lead"), section.find("continued")
        if lead_element is None or continued is None:
            raise ValueError(f"card section {name!r} needs <lead> and <continued>")
        joiner = section.get("join", "; ")
        items = [inner_markup(item) for item in section.findall("item")]
        start = 0
        while start < len(items):
            lead = lead_element if start == 0 else continued
            if self.current >= len(self.faces):
                self.overflow(name, len(items) - start, len(items))
                return
            face = self.faces[self.current]
            end = self._most_that_fit(face, lead, items, start, joiner)
            following = self.current + 1
            if (
                start == 0
                and 0 < end < len(items)
                and following < len(self.faces)
                and not self.faces[following].flowables
                and self.faces[following].fits([self._chunk(lead, items, joiner)])
            ):
                # Split here, whole on the next face: whole it is (a list read in one place).
                self.current = following
                continue
            if end == start:
                # Nothing more fits here: go on to the next face (or, if even one
                # entry is too long for an empty face, to none).
                self.current = self.current + 1 if face.flowables else len(self.faces)
                continue
            face.add([self._chunk(lead, items[start:end], joiner)])
            start = end
            if start < len(items):
                self.current += 1

    def _most_that_fit(
        self, face: _Face, lead: ET.Element, items: list[str], start: int, joiner: str
    ) -> int:
        """The end of the longest run of entries from ``start`` that fits on ``face``.

        A longer run never takes less room, so halving finds it in a few tries;
        most often everything left fits, which takes one.
        """
        if face.fits([self._chunk(lead, items[start:], joiner)]):
            return len(items)
        low, high = start, len(items) - 1  # items[start:low] fits; items[start:high+1] does not
        while low < high:
            middle = (low + high + 1) // 2
            if face.fits([self._chunk(lead, items[start:middle], joiner)]):
                low = middle
            else:
                high = middle - 1
        return low

    def fill_spare_faces(self, root: ET.Element) -> None:
        """Give every face nothing else reached a label and lines to write on.

        A card with no plan (``<spare needed="yes">``) gets the labelled space even
        when every face has something on it, under the text of the inside face with
        room for a label, two lines and the signature line, the last such face (so it
        comes after everything a responder reads first).
        """
        label, line, end = root.find("spare"), root.find("spare-line"), root.find("spare-end")
        if label is None or line is None or end is None:
            raise ValueError("templates/card/flow.xml.j2 needs <spare>, <spare-line>, <spare-end>")
        ruled = self._ruled(line)
        spare = [face for face in self.faces[1:] if not face.flowables]
        for face in spare:
            self._space_to_write(face, label, ruled, end)
        if spare or label.get("needed") != "yes" or len(self.faces) < 2:
            return
        least = [self.paragraph(label), ruled, ruled, self.paragraph(end)]
        for face in reversed(self.faces[1:]):
            if face.fits(least):
                self._space_to_write(face, label, ruled, end)
                return

    def _space_to_write(
        self, face: _Face, label: ET.Element, ruled: Paragraph, end: ET.Element
    ) -> None:
        face.add([self.paragraph(label)])
        while face.add([ruled]):
            if not face.fits([ruled, self.paragraph(end)]):
                break
        face.add([self.paragraph(end)])

    def _ruled(self, line: ET.Element) -> Paragraph:
        """A line of underscores across the face, spaced for handwriting."""
        base = self.at.builder.style(line.get("style", "card_body"))
        style = ParagraphStyle(f"{base.name}-ruled", parent=base, leading=base.leading * 1.8)
        one = stringWidth("_", style.fontName, style.fontSize)
        return Paragraph("_" * int(self.at.width / one - 1), style)

    def _chunk(self, lead: ET.Element, items: list[str], joiner: str) -> Paragraph:
        return self.paragraph(lead, f"{inner_markup(lead)} {joiner.join(items)}")


def _pointer(pointers: list[ET.Element], where: str, when: str) -> ET.Element:
    for pointer in pointers:
        if pointer.get("where") == where and pointer.get("when") == when:
            return pointer
    raise ValueError(f"templates/card/flow.xml.j2 has no <pointer where={where} when={when}>")


def lay_out(
    front_root: ET.Element,
    flow_root: ET.Element,
    spec: CardSpec,
    layout: CardLayout,
    at: PrintScale,
) -> FittedCard:
    """Lay the card out in ``layout`` at ``at.scale``, or raise :class:`Shortfall`."""
    front_limit: int | None = None
    front = at.front(front_root)
    pointers = flow_root.findall("pointer")
    while True:
        flow = _Flow(at, spec, layout, front_limit, pointers)
        if not flow.faces[0].add(front):
            raise Shortfall([LeftOver("front", 1, 1)])
        for element in flow_root.findall("section"):
            if element.get("join"):
                flow.run_in_section(element)
            else:
                flow.list_section(element)
        if flow.left_over:
            raise Shortfall(flow.left_over)
        flow.faces[0].height += flow.reserved
        pointer = _front_pointer(flow)
        on_front, length, _ = flow.pointed or (0, 0, 0)
        if pointer is None or flow.faces[0].add([pointer]):
            flow.fill_spare_faces(flow_root)
            faces = [face.flowables for face in flow.faces]
            return FittedCard(layout, faces, at.scale, on_front, length)
        # No room under the list for the pointer: move one more entry off the front.
        if on_front == 0:
            raise Shortfall([LeftOver("front", 1, 1)])
        front_limit = on_front - 1


def _front_pointer(flow: _Flow) -> Paragraph | None:
    """What the front says about the rest of the card, or None if it need not say anything.

    "On the back" only when the rest of the DO NOT GIVE list is all on the face
    outside at the back when folded; otherwise the card must be unfolded. A
    fold-out's front says to unfold even when the whole list is on it: the
    triggers and medications are inside.
    """
    inside_used = any(face.flowables for face in flow.faces[1:])
    if flow.pointed is None or flow.pointed[0] == flow.pointed[1]:
        if flow.layout.rows == 1 or not inside_used:
            return None  # nothing inside to unfold to
        when, more, total = "all-here", 0, flow.pointed[1] if flow.pointed else 0
        last_face = 0
    else:
        on_front, total, last_face = flow.pointed
        when = "none-here" if on_front == 0 else "continues"
        more = total - on_front
    on_back = when != "all-here" and last_face == flow.layout.outer_back == 1
    where = "back" if on_back else "cards" if flow.layout.cards else "inside"
    if flow.layout.rows == 1:
        where = "back"
    return flow.pointer(_pointer(flow.pointers, where, when), more, total)
