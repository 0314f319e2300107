"""Small charts drawn with ReportLab's own graphics: a test's results over time (a line)
and counts per month from the attack diary (bars).

Every label is in the table cells' size, so large print keeps its 14 pt here too.

Black on white with each value written beside its point, so it reads the same in
greyscale, on a poor copier and in large print; the axes are labelled (the date
as the patient wrote it, the unit from the results). The value axis starts at
zero, so a small change does not look like a large one.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker

from prepkit.layout.ink import BLACK, grey
from prepkit.layout.styles import ChartSpec
from prepkit.layout.units import MM


def _nice_top(highest: float) -> float:
    """A round number just above ``highest`` for the top of the value axis."""
    if highest <= 0:
        return 1.0
    step = 10 ** (len(str(int(highest))) - 1)
    return float((int(highest / step) + 1) * step)


def results_chart(
    title: str,
    unit: str,
    points: Sequence[tuple[int, float, str]],
    *,
    width: float,
    spec: ChartSpec,
    font: str,
    size: float,
) -> Drawing:
    """``points`` are (day number, value, date as written), oldest first."""
    height = spec.height_pt(size) + size * 3
    drawing = Drawing(width, height)
    drawing.add(
        String(0, height - size, f"{title}, results over time", fontName=font, fontSize=size)
    )
    plot = LinePlot()
    plot.x, plot.y = size * 5, size * 2.6
    plot.width = width - plot.x - size * 3
    plot.height = height - plot.y - size * 3.2
    plot.data = [[(day, value) for day, value, _ in points]]
    line = plot.lines[0]
    line.strokeColor = BLACK
    line.strokeWidth = spec.line_pt
    line.symbol = makeMarker("FilledCircle", size=spec.marker * MM)
    plot.lineLabelFormat = "%g"
    plot.lineLabels.fontName, plot.lineLabels.fontSize = font, size
    plot.lineLabels.dy = size * 0.6

    first, last = points[0][0], points[-1][0]
    pad = max(10, (last - first) // 10)
    written = {day: label for day, _, label in points}
    x_axis = plot.xValueAxis
    x_axis.valueMin, x_axis.valueMax = first - pad, last + pad
    x_axis.valueSteps = list(written)
    x_axis.labelTextFormat = lambda day: written.get(int(day), "")
    x_axis.labels.fontName, x_axis.labels.fontSize = font, size
    y_axis = plot.yValueAxis
    y_axis.valueMin, y_axis.valueMax = 0, _nice_top(max(v for _, v, _ in points) * 1.1)
    y_axis.labels.fontName, y_axis.labels.fontSize = font, size
    y_axis.gridStrokeColor = grey(spec.grid_colour)
    y_axis.gridStrokeWidth = spec.grid_pt
    y_axis.visibleGrid = True
    drawing.add(plot)
    drawing.add(String(0, plot.y + plot.height + size * 0.4, unit, fontName=font, fontSize=size))
    drawing.add(
        String(
            plot.x + plot.width / 2,
            0,
            "Date of the result",
            fontName=font,
            fontSize=size,
            textAnchor="middle",
        )
    )
    return drawing


def count_chart(
    title: str,
    axis: str,
    bars: Sequence[tuple[str, int | None]],
    *,
    width: float,
    spec: ChartSpec,
    font: str,
    size: float,
) -> Drawing:
    """``bars`` are (label, count), left to right: solid black bars, each count written above;
    a count of None (a month not kept) has neither bar nor number.

    The value axis counts in whole steps from zero, so a month with one attack
    never looks like a month with none.
    """
    height = spec.height_pt(size) + size * 3
    drawing = Drawing(width, height)
    drawing.add(String(0, height - size, title, fontName=font, fontSize=size))
    chart = VerticalBarChart()
    chart.x, chart.y = size * 3.5, size * 2.6
    chart.width = width - chart.x - size
    chart.height = height - chart.y - size * 3.2
    chart.data = [[count for _, count in bars]]
    chart.bars[0].fillColor = BLACK
    chart.bars[0].strokeColor = BLACK
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName, chart.barLabels.fontSize = font, size
    chart.barLabels.nudge = size * 0.5
    chart.categoryAxis.categoryNames = [label for label, _ in bars]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.dy = -size * 0.2
    highest = max((count for _, count in bars if count is not None), default=0)
    step = max(1, -(-highest // 4))
    values = chart.valueAxis
    values.valueMin, values.valueMax, values.valueStep = 0, step * (-(-highest // step) + 1), step
    values.labels.fontName, values.labels.fontSize = font, size
    values.labelTextFormat = "%d"
    values.gridStrokeColor = grey(spec.grid_colour)
    values.gridStrokeWidth = spec.grid_pt
    values.visibleGrid = True
    drawing.add(chart)
    drawing.add(
        String(
            chart.x + chart.width / 2,
            0,
            axis,
            fontName=font,
            fontSize=size,
            textAnchor="middle",
        )
    )
    return drawing
