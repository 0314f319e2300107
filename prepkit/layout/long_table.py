"""A long table handed to ReportLab a page at a time, laid out exactly as one Table.

ReportLab splits a table at a page's foot by building a new Table of every row
that is left, and measures rows from the top each time: a diary of 2,000 long
entries built and styled a 2,000-row table once per page, most of its build
time. ReportLab only measures rows until it has passed the foot of the room it
is given (``longTableOptimize``, on by default), so a table of just those rows
has the same height, splits at the same row (or inside the same row) and leaves
the same remainder. :class:`PagedTable` gives ReportLab such a table and keeps
the rows after it for the next page: the same pages, in time that grows with the
rows rather than with rows times pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, Table

MakeTable = Callable[[list[list[Any]], list[float | None]], Table]

# Body rows in the first table tried, doubled until the table passes the foot of
# the room; after a page, what that page held and a little more.
_FIRST_ROWS = 4


class PagedTable(Flowable):  # type: ignore[misc]
    """``rows`` (the first ``header`` of them repeated on every page) as ``make`` builds
    them, measured only as far as the room asked for."""

    def __init__(
        self,
        make: MakeTable,
        rows: list[list[Any]],
        heights: list[float | None],
        header: int = 1,
        guess: int = _FIRST_ROWS,
    ) -> None:
        super().__init__()
        if len(rows) != len(heights):
            raise ValueError(f"{len(rows)} rows with {len(heights)} heights")
        self._make, self._rows, self._heights, self._header = make, rows, heights, header
        self._guess = max(1, guess)
        self._tried: tuple[float, float, Table, int] | None = None
        model = make(rows[: header + 1], heights[: header + 1])
        self.hAlign = model.hAlign
        self.spaceBefore = getattr(model, "spaceBefore", 0)
        self.spaceAfter = getattr(model, "spaceAfter", 0)

    def _table(self, width: float, height: float) -> tuple[Table, int]:
        """The first rows, as many as pass ``height`` (or all), and how many body rows."""
        if self._tried is not None and self._tried[:2] == (width, height):
            return self._tried[2], self._tried[3]
        body = len(self._rows) - self._header
        count = min(body, self._guess)
        canvas = getattr(self, "canv", None)
        while True:
            end = self._header + count
            table = self._make(self._rows[:end], self._heights[:end])
            _, tall = table.wrapOn(canvas, width, height) if canvas else table.wrap(width, height)
            if count >= body or tall > height:
                self._tried = (width, height, table, count)
                return table, count
            count = min(body, count * 2)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        table, _ = self._table(availWidth, availHeight)
        self.width, self.height = table._width, table._height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        table, count = self._table(availWidth, availHeight)
        canvas = getattr(self, "canv", None)
        parts: list[Flowable] = (
            table.splitOn(canvas, availWidth, availHeight)
            if canvas
            else table.split(availWidth, availHeight)
        )
        rest = self._header + count
        if len(parts) != 2:
            return parts
        first, remainder = parts
        # The remainder starts with the repeated header and, when a row was split, the
        # rest of that row with the height ReportLab gave it: both are kept as they are.
        return [
            first,
            PagedTable(
                self._make,
                [*remainder._cellvalues, *self._rows[rest:]],
                [*remainder._argH, *self._heights[rest:]],
                self._header,
                guess=len(first._cellvalues) - self._header + 2,
            ),
        ]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        # Drawn only when it fits, which is when every row is in the table tried (a
        # table drawn by ReportLab without splitting is drawn whole, all the same).
        tried = self._tried
        if tried is not None and self._header + tried[3] >= len(self._rows):
            table = tried[2]
        else:
            table = self._make(self._rows, self._heights)
            table.wrapOn(canvas, self.width, 1e9)
        table.drawOn(canvas, x, y, _sW)

    def identity(self, maxLen: int | None = None) -> str:
        return f"<PagedTable of {len(self._rows)} rows>"
