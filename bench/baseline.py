"""The floor for `prepkit example`: the same text and tables with bare ReportLab calls.

No templates, no schema, no catalog lookups: the example profile is read with
PyYAML and drawn directly. prepkit's own cost is whatever it adds on top of this.

    python bench/baseline.py OUTPUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "fonts"


def main(out: Path) -> None:
    profile = yaml.safe_load((ROOT / "prepkit/content/example-profile.yaml").read_text())
    catalog = yaml.safe_load((ROOT / "prepkit/content/catalog.yaml").read_text())
    for name, file in [
        ("B", "DejaVuSans.ttf"),
        ("B-b", "DejaVuSans-Bold.ttf"),
        ("B-i", "DejaVuSans-Oblique.ttf"),
        ("B-bi", "DejaVuSans-BoldOblique.ttf"),
    ]:
        pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    pdfmetrics.registerFontFamily("B", normal="B", bold="B-b", italic="B-i", boldItalic="B-bi")
    body = ParagraphStyle("b", fontName="B", fontSize=10.5, leading=14)
    head = ParagraphStyle("h", fontName="B-b", fontSize=13.5, leading=17, spaceBefore=12)
    cell = ParagraphStyle("c", fontName="B", fontSize=9.5, leading=12)
    grid = TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )

    def table(rows: list[list[str]]) -> Table:
        t = Table([[Paragraph(str(c), cell) for c in row] for row in rows], repeatRows=1)
        t.setStyle(grid)
        return t

    p, v = profile["patient"], profile["visit"]
    story = [
        Paragraph(f"Visit preparation worksheet: {p['name']}", head),
        table(
            [
                ["Name", p["name"]],
                ["Visit date", str(v["date"])],
                ["Provider", v["provider"]],
                ["Clinic", v["clinic"]],
                ["Reason", v["reason"]],
            ]
        ),
        Paragraph("My symptoms", head),
        table(
            [["Symptom", "First noticed", "How often", "How bad", "Worse with", "Notes"]]
            + [
                [
                    s.get("catalog") or s.get("own"),
                    str(s.get("first_noticed", "")),
                    s.get("how_often", ""),
                    str(s.get("severity", "")),
                    s.get("worse_with", ""),
                    s.get("notes", ""),
                ]
                for s in profile["symptoms"]
            ]
        ),
        Paragraph("Daily life", head),
        Paragraph(profile["daily_life"], body),
        Paragraph("Attacks", head),
        table([[k, str(val)] for k, val in profile["attacks"].items()]),
        Paragraph("Triggers", head),
        table(
            [
                [t["name"], "x" if t["id"] in profile["triggers"]["catalog"] else ""]
                for t in catalog["triggers"]
            ]
        ),
        Paragraph("Medications", head),
        table(
            [["Medication", "Dose", "How often", "What for"]]
            + [
                [m["name"], m["dose"], m["how_often"], m["what_for"]]
                for m in profile["medications"]
            ]
        ),
        Paragraph("Avoid", head),
        table([["Name", "Reaction"]] + [[a["name"], a["reaction"]] for a in profile["avoid"]]),
        Paragraph("Tests", head),
        table([[t["name"], "", "", "", "", "", ""] for t in catalog["tests"]]),
        Paragraph("Care team", head),
        table([[c["name"], c["role"], c["phone"]] for c in profile["care_team"]]),
        PageBreak(),
        Paragraph("Questions", head),
    ]
    story += [Paragraph(str(q.get("own") or q.get("catalog")), body) for q in profile["questions"]]
    story += [PageBreak(), Paragraph("Notes", head), Paragraph(profile["notes"], body)]
    SimpleDocTemplate(str(out / "worksheet.pdf"), pagesize=letter).build(story)

    canvas = Canvas(str(out / "wallet-card.pdf"), pagesize=letter)
    for x in (30 * mm, 30 * mm + 85.6 * mm):
        canvas.rect(x, 180 * mm, 85.6 * mm, 53.98 * mm)
    text = canvas.beginText(33 * mm, 228 * mm)
    text.setFont("B", 8.5)
    for line in [
        "Suspected systemic mastocytosis",
        p["name"],
        "RISK OF ANAPHYLAXIS",
        *[a["name"] + ": " + a["reaction"] for a in profile["avoid"]],
    ]:
        text.textLine(line)
    canvas.drawText(text)
    canvas.save()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
