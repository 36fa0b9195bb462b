"""The charts of a validation: the bad rate of each grade (a bar, its 95 % interval as a
whisker, the expected rate as a diamond; a grade out of order in orange), and the ROC or
KS curve from the cumulative shares of bads and goods by score."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...core.grading.scale import GRADES
from ...reports.validation import nice_top
from .history_chart import AXIS_COLOUR, GRID_COLOUR, LINE_COLOUR

FLAG_COLOUR = QColor("#ef6c00")
EXPECTED_COLOUR = QColor("#7b1fa2")
BAD_COLOUR = QColor("#d32f2f")
GOOD_COLOUR = QColor("#2e7d32")
INK = QColor("#1d2733")


def _percent(value: float, step: float) -> str:
    return f"{value:.0%}" if step >= 0.01 else f"{value:.1%}"


class BadRateChart(QWidget):
    """``set_grades(bad_rate_by_grade, out_of_order)``; empty, it says so."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bad_rate_chart")
        self.bars: list[tuple] = []       # grade, n, rate, low, high, expected, flagged
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(520, 270)

    def set_grades(self, grades: dict, flagged: list[str]) -> None:
        self.bars = [(g, grades[g]["n"], grades[g]["rate"], grades[g]["ci_low"],
                      grades[g]["ci_high"], grades[g].get("expected"), g in flagged)
                     for g in GRADES if g in grades]
        self.setToolTip("\n".join(
            f"{g}: {rate:.1%} ({low:.1%}–{high:.1%})"
            + ("" if expected is None else f" · {expected:.1%}") + f" · n={n:,}"
            for g, n, rate, low, high, expected, _f in self.bars))
        self.update()

    def legend(self) -> list[tuple[QColor, str, str]]:
        items = [(LINE_COLOUR, self.tr("Observed bad rate"), "box"),
                 (INK, self.tr("95% interval"), "whisker")]
        if any(bar[5] is not None for bar in self.bars):
            items.append((EXPECTED_COLOUR, self.tr("Expected"), "diamond"))
        if any(bar[6] for bar in self.bars):
            items.append((FLAG_COLOUR, self.tr("Out of order"), "box"))
        return items

    def plot_rect(self, metrics) -> QRectF:
        left = metrics.horizontalAdvance("100%") + 12
        top = metrics.height() + 10                     # the legend's line
        bottom = 2 * metrics.height() + 8               # grade and count under each bar
        return QRectF(left, top, max(40, self.width() - left - 8),
                      max(40, self.height() - top - bottom))

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (widget coordinates)."""
        plot = self.plot_rect(self.fontMetrics())
        top, _step = self._scale()
        slot = plot.width() / max(1, len(self.bars))
        width = min(44.0, slot * 0.5)
        out = []
        for i, bar in enumerate(self.bars):
            centre = plot.left() + slot * (i + 0.5)
            height = plot.height() * min(bar[2], top) / top
            out.append(QRectF(centre - width / 2, plot.bottom() - height, width, height))
        return out

    def _scale(self) -> tuple[float, float]:
        return nice_top(max([bar[4] for bar in self.bars]
                            + [bar[5] for bar in self.bars if bar[5] is not None] + [0.01]))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        plot = self.plot_rect(metrics)
        if not self.bars:
            painter.setPen(AXIS_COLOUR)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No figures yet."))
            painter.end()
            return
        top, step = self._scale()

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * min(value, top) / top

        tick = 0.0
        while tick <= top + 1e-9:
            y = y_of(tick)
            painter.setPen(QPen(GRID_COLOUR if tick else AXIS_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             _percent(tick, step))
            tick += step
        for rect, (grade, n, _rate, low, high, expected, flagged) in zip(self.bar_rects(),
                                                                         self.bars):
            painter.fillRect(rect, FLAG_COLOUR if flagged else LINE_COLOUR)
            centre = rect.center().x()
            painter.setPen(QPen(INK, 1.4))
            painter.drawLine(QPointF(centre, y_of(low)), QPointF(centre, y_of(high)))
            for y in (y_of(low), y_of(high)):
                painter.drawLine(QPointF(centre - 6, y), QPointF(centre + 6, y))
            if expected is not None:
                x, y = rect.right() + 8, y_of(expected)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(EXPECTED_COLOUR)
                painter.drawPolygon(QPolygonF([QPointF(x - 5, y), QPointF(x, y - 5),
                                               QPointF(x + 5, y), QPointF(x, y + 5)]))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            label = QRectF(rect.center().x() - 60, plot.bottom() + 3, 120, metrics.height())
            painter.setPen(FLAG_COLOUR if flagged else INK)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, grade)
            painter.setPen(AXIS_COLOUR)
            painter.drawText(label.translated(0, metrics.height()), Qt.AlignmentFlag.AlignCenter,
                             f"n={n:,}")
        self._paint_legend(painter, metrics, plot)
        painter.end()

    def _paint_legend(self, painter: QPainter, metrics, plot: QRectF) -> None:
        x, y = plot.left(), 4.0
        box = metrics.ascent() - 2
        for colour, text, shape in self.legend():
            mid = y + metrics.height() / 2
            if shape == "box":
                painter.fillRect(QRectF(x, mid - box / 2, box, box), colour)
            elif shape == "whisker":
                painter.setPen(QPen(colour, 1.4))
                painter.drawLine(QPointF(x + box / 2, mid - box / 2), QPointF(x + box / 2, mid + box / 2))
                painter.drawLine(QPointF(x + 1, mid - box / 2), QPointF(x + box - 1, mid - box / 2))
                painter.drawLine(QPointF(x + 1, mid + box / 2), QPointF(x + box - 1, mid + box / 2))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawPolygon(QPolygonF([QPointF(x, mid), QPointF(x + box / 2, mid - box / 2),
                                               QPointF(x + box, mid), QPointF(x + box / 2, mid + box / 2)]))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QPointF(x + box + 5, y + metrics.ascent()), text)
            x += box + 5 + metrics.horizontalAdvance(text) + 16


class CurveChart(QWidget):
    """The ROC curve (share of bads against share of goods, from the lowest score up) or the
    KS curve (both shares against the score, the widest gap marked): ``set_mode``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("curve_chart")
        self.points: list[dict] = []
        self.auc: float | None = None
        self.ks: float | None = None
        self.mode = "roc"
        self.setMinimumSize(260, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 270)

    def set_curve(self, points: list[dict], auc: float | None, ks: float | None) -> None:
        self.points, self.auc, self.ks = list(points), auc, ks
        self.update()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.update()

    def title(self) -> str:
        if self.mode == "roc":
            return self.tr("ROC curve · AUC %1").replace("%1", "" if self.auc is None
                                                          else f"{self.auc:.3f}")
        return self.tr("KS curve · KS %1").replace("%1", "" if self.ks is None else f"{self.ks:.3f}")

    def _frame(self, metrics) -> QRectF:
        left = metrics.horizontalAdvance("100%") + 10
        top = metrics.height() + 8
        bottom = 3 * metrics.height() + 10       # the axis, then a caption of two lines
        return QRectF(left, top, max(40, self.width() - left - 12),
                      max(40, self.height() - top - bottom))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        plot = self._frame(metrics)
        if self.mode == "roc":      # a square: the diagonal is chance at 45 degrees
            side = min(plot.width(), plot.height())
            plot = QRectF(plot.left(), plot.top(), side, side)
        painter.setPen(INK)
        painter.drawText(QRectF(plot.left(), 0, max(plot.width(), 200), metrics.height() + 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title())
        painter.setPen(QPen(GRID_COLOUR, 1))
        painter.drawRect(plot)
        for v in (0.0, 0.5, 1.0):
            y = plot.bottom() - plot.height() * v
            painter.setPen(QPen(GRID_COLOUR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 5, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{v:.0%}")
        if not self.points:
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No figures yet."))
            painter.end()
            return
        if self.mode == "roc":
            self._paint_roc(painter, metrics, plot)
        else:
            self._paint_ks(painter, metrics, plot)
        painter.end()

    def _paint_roc(self, painter: QPainter, metrics, plot: QRectF) -> None:
        painter.setPen(QPen(AXIS_COLOUR, 1, Qt.PenStyle.DashLine))
        painter.drawLine(plot.bottomLeft(), plot.topRight())
        path = QPainterPath()
        for i, p in enumerate(self.points):
            at = QPointF(plot.left() + plot.width() * p["good"],
                         plot.bottom() - plot.height() * p["bad"])
            path.moveTo(at) if i == 0 else path.lineTo(at)
        painter.setPen(QPen(LINE_COLOUR, 2))
        painter.drawPath(path)
        painter.setPen(AXIS_COLOUR)
        for v in (0.0, 0.5, 1.0):
            x = plot.left() + plot.width() * v
            painter.drawText(QRectF(x - 30, plot.bottom() + 2, 60, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, f"{v:.0%}")
        painter.drawText(QRectF(plot.left(), plot.bottom() + metrics.height() + 4,
                                self.width() - plot.left() - 4, 2 * metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         self.tr("Across: share of goods; up: share of bads (lowest scores first)"))

    def _paint_ks(self, painter: QPainter, metrics, plot: QRectF) -> None:
        scored = [p for p in self.points if p.get("score") is not None]
        if not scored:
            return
        low, high = scored[0]["score"], scored[-1]["score"]
        span = (high - low) or 1.0

        def at(score: float, share: float) -> QPointF:
            return QPointF(plot.left() + plot.width() * (score - low) / span,
                           plot.bottom() - plot.height() * share)

        for key, colour in (("bad", BAD_COLOUR), ("good", GOOD_COLOUR)):
            path = QPainterPath(QPointF(plot.left(), plot.bottom()))
            for p in scored:
                path.lineTo(at(p["score"], p[key]))
            painter.setPen(QPen(colour, 2))
            painter.drawPath(path)
        best = max(scored, key=lambda p: p["bad"] - p["good"])
        painter.setPen(QPen(INK, 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(at(best["score"], best["good"]), at(best["score"], best["bad"]))
        painter.setPen(INK)
        painter.drawText(at(best["score"], (best["bad"] + best["good"]) / 2) + QPointF(5, 0),
                         self.tr("score %1").replace("%1", f"{best['score']:g}"))
        painter.setPen(AXIS_COLOUR)
        painter.drawText(QRectF(plot.left(), plot.bottom() + 2, 80, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, f"{low:g}")
        painter.drawText(QRectF(plot.right() - 80, plot.bottom() + 2, 80, metrics.height()),
                         Qt.AlignmentFlag.AlignRight, f"{high:g}")
        y = plot.bottom() + metrics.height() + 4
        x = plot.left()
        for colour, text in ((BAD_COLOUR, self.tr("Bads below the score")),
                             (GOOD_COLOUR, self.tr("Goods below the score"))):
            painter.setPen(QPen(colour, 2))
            painter.drawLine(QPointF(x, y + metrics.height() / 2), QPointF(x + 14, y + metrics.height() / 2))
            painter.setPen(AXIS_COLOUR)
            painter.drawText(QPointF(x + 18, y + metrics.ascent()), text)
            x += 18 + metrics.horizontalAdvance(text) + 16
