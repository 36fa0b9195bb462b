"""A file's grade over time: the nine grades down the side (AAA at the top), a point at
the day each approved assessment was decided and a step line between them, since a
grade holds until the next decision replaces it."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core import clock
from ...core.grading.scale import GRADES
from .breakdown import RISK_COLOURS, local_day

GRID_COLOUR = QColor("#e3e8ef")
AXIS_COLOUR = QColor("#5b6b7c")
LINE_COLOUR = QColor("#2f6fa8")


class GradeHistoryChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("grade_history_chart")
        self.points: list[tuple[datetime.date, str, str | None]] = []   # day, grade, risk
        self.today = clock.today()
        self.setMinimumSize(280, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def set_history(self, events: list[dict]) -> None:
        """``events`` from ``desk.grading.history``: approved assessments become points."""
        self.points = [(datetime.date.fromisoformat(local_day(e["decided_at"])), e["grade"],
                        e.get("risk_level"))
                       for e in events
                       if e.get("type") == "assessment" and e.get("status") == "approved"
                       and e.get("grade") in GRADES and e.get("decided_at")]
        self.points.sort(key=lambda p: p[0])
        self.today = clock.today()
        self.setToolTip("\n".join(f"{day.isoformat()}  {grade}" for day, grade, _r in self.points))
        self.update()

    def empty_text(self) -> str:
        return self.tr("No approved grade yet.")

    # -- geometry (shared by painting and by whoever checks where a point is) ---------------
    def _frame(self, metrics) -> tuple[QRectF, float]:
        left = metrics.horizontalAdvance("AAA") + 14
        plot = QRectF(left, 8, max(40, self.width() - left - 16),
                      max(40, self.height() - metrics.height() - 20))
        return plot, plot.height() / (len(GRADES) - 1)

    def _days(self) -> tuple[datetime.date, int]:
        """The first day on the x axis and how many days it spans (up to today)."""
        first = self.points[0][0]
        last = max(self.points[-1][0], self.today)
        if (last - first).days < 30:     # one point, or all on close days: give them room
            first, last = first - datetime.timedelta(days=15), last + datetime.timedelta(days=15)
        return first, (last - first).days

    def _position(self, plot: QRectF, step: float, day: datetime.date, grade: str) -> QPointF:
        first, days = self._days()
        return QPointF(plot.left() + plot.width() * (day - first).days / days,
                       plot.top() + GRADES.index(grade) * step)

    def point_positions(self) -> list[QPointF]:
        """Where each point is drawn, in widget coordinates."""
        plot, step = self._frame(self.fontMetrics())
        return [self._position(plot, step, day, grade) for day, grade, _r in self.points]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        plot, step = self._frame(metrics)
        left = plot.left()
        for index, grade in enumerate(GRADES):
            y = plot.top() + index * step
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QRectF(0, y - step / 2, left - 8, step),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, grade)
        if not self.points:
            painter.setPen(AXIS_COLOUR)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text())
            painter.end()
            return

        def at(day: datetime.date, grade: str) -> QPointF:
            return self._position(plot, step, day, grade)

        # The step line: a grade stays level until the next decision, then moves.
        painter.setPen(QPen(LINE_COLOUR, 2))
        for (day, grade, _r), (next_day, next_grade, _n) in zip(self.points, self.points[1:]):
            painter.drawLine(at(day, grade), at(next_day, grade))
            painter.drawLine(at(next_day, grade), at(next_day, next_grade))
        latest_day, latest_grade, _r = self.points[-1]
        if self.today > latest_day:      # still in force today: dashed, as it is not a decision
            painter.setPen(QPen(LINE_COLOUR, 2, Qt.PenStyle.DashLine))
            painter.drawLine(at(latest_day, latest_grade), at(self.today, latest_grade))

        label_right = -1e9
        for day, grade, risk in self.points:
            centre = at(day, grade)
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(QColor(RISK_COLOURS.get(risk, LINE_COLOUR.name())))
            painter.drawEllipse(centre, 5, 5)
            text = day.isoformat()
            width = metrics.horizontalAdvance(text)
            x = min(max(centre.x() - width / 2, 0), self.width() - width)
            if x > label_right + 6:       # skip a date that would overlap the one before
                painter.setPen(AXIS_COLOUR)
                painter.drawText(QPointF(x, plot.bottom() + metrics.ascent() + 8), text)
                label_right = x + width
        painter.end()
