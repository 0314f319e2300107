"""The floor for `prepkit example`: the same text and tables with bare ReportLab calls.

No templates, no schema, no catalog checks, no fitting: the example profile and
the catalog are read with PyYAML (its C parser where libyaml is there, as prepkit
reads them) and drawn directly, with the words, fonts,
sizes and page furniture prepkit prints (the footer's "page N of M", the blank
rows and writing lines, the wallet card's two sides, fold and crop marks). What
prepkit spends beyond this script is its own overhead. `bench/run.py` checks
that both print the same words, so the floor cannot quietly become easier.

    python bench/baseline.py OUTPUT_DIR
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import yaml
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "fonts"
WIDTH = letter[0] - 34 * mm
ON, OFF = "\u2612", "\u2610"


def style(name: str, font: str, size: float, leading: float, before: float = 0, after: float = 0):
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=leading, spaceBefore=before, spaceAfter=after
    )


TITLE = style("title", "B-b", 19, 23, after=2)
SUBTITLE = style("subtitle", "B", 10.5, 14, after=6)
HEADING = style("heading", "B-b", 13.5, 17, 12, 5)
BODY = style("body", "B", 10.5, 14, after=4)
HINT = style("hint", "B-i", 9, 12, after=4)
CELL = style("cell", "B", 9.5, 12)
CELL_HEAD = style("cell_head", "B-b", 9.5, 12)
LABEL = style("label", "B-b", 10, 13)
QUESTION = style("question", "B-b", 10.5, 14, before=6)
FOOTER = style("footer", "B", 7.5, 9.5)


class Lines(Flowable):  # type: ignore[misc]
    def __init__(self, count: int | None) -> None:
        super().__init__()
        self.count = count

    def wrap(self, width: float, height: float) -> tuple[float, float]:
        self.n = self.count or max(int(height // (8.5 * mm)), 1)
        self.width, self.height = width, self.n * 8.5 * mm
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#6b6b6b"))
        self.canv.setLineWidth(0.5)
        for i in range(self.n):
            self.canv.line(
                0, self.height - (i + 1) * 8.5 * mm, self.width, self.height - (i + 1) * 8.5 * mm
            )


def esc(text: Any) -> str:
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", "<br/>")
    )


def when(value: Any) -> str:
    if not value:
        return ""
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return f"{day.day} {day:%B %Y}"


def table(shares: list[float], head: list[str] | None, rows: list[list[str]], blank: int) -> Table:
    data = [[Paragraph(c, CELL_HEAD) for c in head]] if head else []
    data += [[Paragraph(esc(c), CELL) for c in row] for row in rows]
    data += [[""] * len(shares) for _ in range(blank)]
    heights = [None] * (len(data) - blank) + [8 * mm] * blank
    t = Table(
        data, colWidths=[s * WIDTH for s in shares], rowHeights=heights, repeatRows=1 if head else 0
    )
    commands = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e4e4")))
    t.setStyle(TableStyle(commands))
    return t


def fields(pairs: list[tuple[str, str]]) -> Table:
    # An empty answer is a line to write on, one ruled line tall (as prepkit draws it).
    t = Table(
        [
            [Paragraph(label, LABEL), Paragraph(value, BODY) if value else Spacer(1, 8.5 * mm)]
            for label, value in pairs
        ],
        colWidths=[0.3 * WIDTH, 0.7 * WIDTH],
    )
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def yes_no(value: Any) -> str:
    return {True: "Yes", False: "No"}.get(value, "")


def reminders(p: dict[str, Any], cat: dict[str, Any]) -> Table:
    """The framed box of what the references say to keep in mind."""
    items = cat["emergency"] + (
        cat["for_suspected"] if p["diagnosis"].get("type") == "suspected" else []
    )
    rows = [[Paragraph("What the references say to keep in mind", CELL_HEAD)]]
    rows += [[Paragraph(f"• {esc(item['text'])}", BODY)] for item in items]
    t = Table(rows, colWidths=[WIDTH])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black)]))
    return t


def treatments(cat: dict[str, Any]) -> list[Flowable]:
    names = [f"{OFF} {esc(t['name'])}" for t in cat["treatments"]]
    half = (len(names) + 1) // 2
    grid = Table(
        [
            [Paragraph(a, BODY), Paragraph(b, BODY)]
            for a, b in zip(names[:half], names[half:], strict=True)
        ],
        colWidths=[WIDTH / 2] * 2,
    )
    label = "Treatments the references describe: tick any you want to ask about"
    return [Paragraph(label, LABEL), grid]


def section(title: str) -> list[Flowable]:
    return [CondPageBreak(55 * mm), Paragraph(title, HEADING)]


def worksheet(p: dict[str, Any], cat: dict[str, Any], out: Path, prepared: dt.date) -> None:
    names = {
        g: {i["id"]: i for i in cat[g]} for g in ("symptoms", "triggers", "tests", "questions")
    }
    explain = {i["id"]: i["text"] for i in cat["explanations"]}
    areas = {a["id"]: a["name"] for a in cat["body_areas"]}
    dx = {i["id"]: i for i in cat["sm_types"] + cat["diagnosis_status"]}[p["diagnosis"]["type"]]
    patient, visit, attacks, contact = (
        p["patient"],
        p["visit"],
        p["attacks"],
        p["emergency_contact"],
    )
    picked = set(p["triggers"]["catalog"])
    triggers = [(t["id"] in picked, t["name"]) for t in cat["triggers"]]
    triggers += [(True, own) for own in p["triggers"]["own"]]
    triggers += [(False, "Other: ____________________")] * 2
    half = (len(triggers) + 1) // 2
    right = triggers[half:] + [(False, "")] * (len(triggers) % 2)
    status = {t["test"]: t for t in p["tests"]}
    story: list[Flowable] = [
        Paragraph(f"Visit preparation worksheet: {esc(patient['name'])}", TITLE),
        Paragraph(
            "For a visit about systemic mastocytosis (SM). Bring this to the appointment, hand "
            "it over or read from it, and write the answers down as you go.",
            SUBTITLE,
        ),
        fields(
            [
                ("Name", esc(patient["name"])),
                ("Visit date", when(visit["date"])),
                ("Provider", esc(visit["provider"])),
                ("Clinic", esc(visit["clinic"])),
                ("Type of visit", "In person"),
                ("Reason for the visit", esc(visit["reason"])),
            ]
        ),
        *section("About me and my diagnosis"),
        fields(
            [
                ("Date of birth", when(patient["date_of_birth"])),
                ("Diagnosis so far", f"<b>{dx['name']}</b><br/>{dx['summary']}"),
                ("When diagnosed", esc(p["diagnosis"]["diagnosed"])),
                ("I carry epinephrine", yes_no(p["carries_epinephrine"])),
            ]
        ),
        *section("My symptoms, in the order they started"),
        Paragraph("How bad: 0 = not at all, 10 = the worst I can imagine.", HINT),
        table(
            [0.25, 0.11, 0.12, 0.13, 0.08, 0.15, 0.16],
            [
                "Symptom",
                "Body area",
                "First noticed",
                "How often",
                "How bad",
                "Worse with",
                "Notes",
            ],
            [
                [
                    names["symptoms"][s["catalog"]]["name"] if s.get("catalog") else s["own"],
                    areas[names["symptoms"][s["catalog"]]["body_area"]] if s.get("catalog") else "",
                    s.get("first_noticed", ""),
                    s.get("how_often", ""),
                    s.get("severity", ""),
                    s.get("worse_with", ""),
                    s.get("notes", ""),
                ]
                for s in p["symptoms"]
            ],
            2,
        ),
        *section("How my symptoms affect daily life"),
        Paragraph(esc(p["daily_life"].strip()), BODY),
        *section("Attacks and emergencies"),
        Paragraph(esc(explain["attack"]), HINT),
        fields(
            [
                ("Attacks in the last year", esc(attacks["last_year"])),
                ("Last attack", esc(attacks["last_attack"])),
                ("Emergency room visits", esc(attacks["emergency_visits"])),
                ("Epinephrine ever used", yes_no(attacks["epinephrine_used"])),
                ("Anaphylaxis ever", yes_no(attacks["anaphylaxis_ever"])),
                ("Care team's steps in a severe reaction", esc(p.get("emergency_steps", ""))),
            ]
        ),
        Spacer(1, 4.25 * mm),
        reminders(p, cat),
        # A heading stays with its hint and its list, as prepkit keeps them.
        CondPageBreak(55 * mm),
        KeepTogether(
            [
                Paragraph("Triggers I have noticed", HEADING),
                Paragraph(
                    f"Triggers differ from person to person. {ON} = I have noticed this sets "
                    "off my symptoms.",
                    HINT,
                ),
                Table(
                    [
                        [Paragraph(f"{ON if c else OFF} {esc(n)}", BODY) for c, n in pair]
                        for pair in zip(triggers[:half], right, strict=True)
                    ],
                    colWidths=[WIDTH / 2] * 2,
                ),
            ]
        ),
        *section("Medications I take now"),
        table(
            [0.30, 0.17, 0.22, 0.31],
            ["Medication", "Dose", "How often", "What for"],
            [[m["name"], m["dose"], m["how_often"], m["what_for"]] for m in p["medications"]],
            2,
        ),
        *section("Medications and substances I avoid"),
        Paragraph("Each with what happened, in your words. " + esc(explain["what-to-avoid"]), HINT),
        table(
            [0.45, 0.55],
            ["Medication or substance", "Reaction"],
            [[a["name"], a["reaction"]] for a in p["avoid"]],
            1,
        ),
        *section("Tests and records"),
        Paragraph(
            "Tests a first SM visit may involve. Tick what applies; bring copies of results you "
            "have.",
            HINT,
        ),
        table(
            [0.31, 0.09, 0.09, 0.09, 0.09, 0.14, 0.19],
            ["Test", "Have result", "Will bring", "Not done", "Don't know", "Date", "Value"],
            [
                [t["name"]]
                + [
                    ON
                    if t["id"] in status and status[t["id"]].get("status", "dont-know") == s
                    else OFF
                    for s in ("have-result", "will-bring", "not-done", "dont-know")
                ]
                + [
                    status.get(t["id"], {}).get("date", ""),
                    status.get(t["id"], {}).get("value", ""),
                ]
                for t in cat["tests"]
            ],
            1,
        ),
        *section("My care team and emergency contact"),
        table(
            [0.38, 0.30, 0.32],
            ["Name", "Role", "Phone"],
            [[c["name"], c["role"], c["phone"]] for c in p["care_team"]],
            1,
        ),
        fields(
            [
                ("Emergency contact", esc(contact["name"])),
                ("Relation to me", esc(contact["relation"])),
                ("Phone", esc(contact["phone"])),
                ("Emergency number", esc(p.get("emergency_number") or "911")),
            ]
        ),
        PageBreak(),
        Paragraph("My questions for the provider", HEADING),
        *treatments(cat),
        Paragraph(
            "In the order I most want them answered. Write the answers in the lines below each "
            "one.",
            HINT,
        ),
    ]
    for number, q in enumerate(p["questions"], start=1):
        text = names["questions"][q["catalog"]]["text"] if q.get("catalog") else q["own"]
        story.append(KeepTogether([Paragraph(f"{number}. {esc(text)}", QUESTION), Lines(4)]))
    story += [
        PageBreak(),
        Paragraph("Notes", HEADING),
        Paragraph(esc(p["notes"].strip()), BODY),
        Paragraph(
            "During the visit: next steps, new tests, medicine changes, when to come back.", HINT
        ),
        Lines(None),
    ]

    footer = [
        "<b>Page {page} of {pages}</b>   ·   "
        + esc(patient["name"])
        + f"   ·   Prepared {when(prepared)} with prepkit",
        "A preparation aid for your visit, not medical advice. Ask your care team about anything "
        "here. " + esc(cat["attribution"]),
    ]

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """The usual ReportLab recipe for "page N of M": keep pages, number them on save."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self.pages, start=1):
                self.__dict__.update(state)
                y = 8 * mm
                for line in reversed(footer):
                    para = Paragraph(line.format(page=number, pages=len(self.pages)), FOOTER)
                    y += para.wrap(WIDTH, 14 * mm)[1]
                    para.drawOn(self, 17 * mm, y - para.height)
                super().showPage()
            super().save()

    doc = BaseDocTemplate(
        str(out / "example-worksheet.pdf"),
        pagesize=letter,
        leftMargin=17 * mm,
        rightMargin=17 * mm,
        topMargin=16 * mm,
        bottomMargin=24 * mm,
        pageCompression=1,
    )
    frame = Frame(17 * mm, 24 * mm, WIDTH, doc.height, 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate(frames=[frame])])
    doc.build(story, canvasmaker=NumberedCanvas)


def wallet_card(p: dict[str, Any], cat: dict[str, Any], out: Path, prepared: dt.date) -> None:
    scale = 0.9  # the size prepkit's fitting settles on for the example's card
    card = style("card", "B", 8.5 * scale, 10 * scale, after=1.5 * scale)
    small = style("small", "B", 7 * scale, 8.5 * scale, before=1 * scale)
    bold = style("card_bold", "B-b", 9 * scale, 10.5 * scale, after=2.5 * scale)
    title = style("card_title", "B-b", 11 * scale, 12.5 * scale, after=1 * scale)
    trig = {t["id"]: t["name"] for t in cat["triggers"]}
    says = {item["id"]: item["text"] for item in cat["card"]}
    contact, care = p["emergency_contact"], p["care_team"][0]
    phone = contact["phone"].replace(" ", "\u00a0")
    tryptase = [t for t in p["tests"] if t.get("test") == "tryptase" and t.get("value")][-1]
    front = [
        Paragraph("Suspected systemic mastocytosis", title),
        Paragraph(esc(says["risk-in-sm"]), bold),
        Paragraph(f"<b>Name:</b> {esc(p['patient']['name'])}", card),
        Paragraph(f"<b>{esc(says['carry-epinephrine'])}</b>", card),
        Paragraph("DO NOT GIVE (drug: my reaction)", bold),
    ]
    front += [
        Paragraph(f"• <b>{esc(a['name'])}</b>: {esc(a['reaction'])}", card) for a in p["avoid"]
    ]
    front += [
        Paragraph(f"<b>Emergency number:</b> <b>{esc(p.get('emergency_number', ''))}</b>", card),
        Paragraph(
            f"<b>Emergency contact:</b> {esc(contact['name'])} "
            f"({esc(contact['relation'])}) {phone}",
            card,
        ),
    ]
    # What prepkit's smaller print keeps on the front goes on the back here (same words).
    back = [
        Paragraph(
            f"<b>Latest tryptase:</b> {esc(tryptase['value'])} ({esc(tryptase['date'])})", card
        ),
        Paragraph(f"<b>{esc(says['emergency-room'])}</b>", card),
    ]
    triggers = [trig[t] for t in p["triggers"]["catalog"]] + p["triggers"]["own"]
    back.append(Paragraph("<b>My triggers:</b> " + esc("; ".join(triggers)), card))
    meds = "; ".join(
        f"{m['name']} {m['dose'].replace(' ', chr(0xA0))}"
        for m in p["medications"]
        if m.get("on_card") is not False
    )
    back.append(Paragraph("<b>I take:</b> " + esc(meds), card))
    back.append(
        Paragraph(f"<b>{esc(care['role'])}:</b> {esc(care['name'])} {esc(care['phone'])}", card)
    )
    back.append(
        Paragraph(
            f"Updated {when(prepared)} with prepkit, a preparation aid, not medical advice. "
            f"{esc(cat['card_attribution'])} "
            "Checked by clinician: ____________ Date:\u00a0________",
            small,
        )
    )

    canvas = Canvas(str(out / "example-wallet-card.pdf"), pagesize=letter, pageCompression=1)
    y = letter[1] - 25 * mm
    for text, para_style in [
        ("Your wallet card", style("sheet_head", "B-b", 14, 18, after=4)),
        (
            'Print at 100% (actual size), not "fit to page". '
            "The bar below must measure exactly 50 mm.",
            style("sheet", "B", 10, 13, after=3),
        ),
        (
            "Cut along the outer corner marks, fold on the dashed line with the printed sides "
            "outward, and glue or laminate. To read the back, turn the card over from side to "
            "side, like a page.",
            style("sheet", "B", 10, 13, after=3),
        ),
        (
            "A preparation aid, not medical advice: ask a clinician to check and sign it.",
            style("sheet", "B", 10, 13, after=3),
        ),
    ]:
        para = Paragraph(text, para_style)
        y -= para.wrap(WIDTH, 100 * mm)[1]
        para.drawOn(canvas, 17 * mm, y)
        y -= para_style.spaceAfter
    card_w, card_h = 85.6 * mm, 53.98 * mm
    left, bottom = (letter[0] - 2 * card_w) / 2, y - 10.5 * mm - card_h
    for x, side in ((left, front), (left + card_w, back)):
        canvas.setLineWidth(0.3)
        canvas.rect(x, bottom, card_w, card_h)
        Frame(
            x + 3 * mm, bottom + 3 * mm, card_w - 6 * mm, card_h - 6 * mm, 0, 0, 0, 0
        ).addFromList(side, canvas)
    canvas.setLineWidth(0.5)
    for x, dx in ((left, -1), (left + 2 * card_w, 1)):
        for yy, dy in ((bottom, -1), (bottom + card_h, 1)):
            canvas.line(x + dx * 1.5 * mm, yy, x + dx * 6.5 * mm, yy)
            canvas.line(x, yy + dy * 1.5 * mm, x, yy + dy * 6.5 * mm)
    canvas.setDash(3, 2)
    canvas.line(left + card_w, bottom, left + card_w, bottom + card_h)
    canvas.setDash()
    canvas.setFont("B", 10)
    canvas.drawString(left + card_w + 1 * mm, bottom + card_h + 3 * mm, "fold")
    canvas.drawString(left + card_w + 1 * mm, bottom - 6 * mm, "fold")
    bar_y = bottom - 16.5 * mm
    canvas.rect(17 * mm, bar_y, 50 * mm, 1.5 * mm, stroke=0, fill=1)
    canvas.setFont("B", 10)
    canvas.drawString(70 * mm, bar_y, "50 mm")
    canvas.showPage()
    canvas.save()


def main(out: Path) -> None:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    profile = yaml.load((ROOT / "prepkit/content/example-profile.yaml").read_text("utf-8"), loader)
    catalog = yaml.load((ROOT / "prepkit/content/catalog.yaml").read_text("utf-8"), loader)
    for name, file in [
        ("B", "DejaVuSans.ttf"),
        ("B-b", "DejaVuSans-Bold.ttf"),
        ("B-i", "DejaVuSans-Oblique.ttf"),
    ]:
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    pdfmetrics.registerFontFamily("B", normal="B", bold="B-b", italic="B-i", boldItalic="B-b")
    prepared = dt.date.fromtimestamp(
        int(os.environ.get("SOURCE_DATE_EPOCH", "0")) or dt.datetime.now().timestamp()
    )
    worksheet(profile, catalog, out, prepared)
    wallet_card(profile, catalog, out, prepared)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
