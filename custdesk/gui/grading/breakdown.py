"""One assessment read by a person: its summary, the points of each factor and a bar
chart of the five dimension subtotals.

``AssessmentView.show_assessment(item)`` takes an item from ``desk.grading.get``
(already in the user's language: factor labels, inputs as text, traces). It does
no database work, so the customer file and the approval queue both use it.
"""

from __future__ import annotations


from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSizePolicy,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ...core import clock
from ...core.grading.assessments import status_label
from ...core.grading.scale import DIMENSIONS, dimension_label, risk_label
from ...core.validation import format_money
from .. import people

DASH = "—"
# The colour of a grade, by its risk level (the same colours as the hold badge's red).
RISK_COLOURS = {"low": "#2e7d32", "medium": "#ef6c00", "high": "#d32f2f"}
WARNING_COLOUR = "#ef6c00"
TRACK_COLOUR = QColor("#e3e8ef")
TEXT_COLOUR = QColor("#1d2733")
FACTOR_COLUMNS = 5                       # dimension, factor, input, points, rule
BASE_RULE = "base"      # a fitted card's first row: where its score starts (no input, no top)


def number(value) -> str:
    """6.0 -> '6', 6.5 -> '6.5': points read without trailing zeros."""
    if value is None:
        return DASH
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


local_day = clock.local_day


def money(fen) -> str:
    return format_money(fen) if isinstance(fen, int) and not isinstance(fen, bool) else DASH


def share_colour(points: float, weight: float) -> QColor:
    """Green for a dimension mostly earned, amber for half, red below."""
    share = points / weight if weight else 0.0
    return QColor("#43a047" if share >= 0.7 else "#fb8c00" if share >= 0.4 else "#e53935")


class DimensionBars(QWidget):
    """Horizontal bars, one per dimension: the track is the dimension's weight (so a
    heavier dimension has a longer track) and the fill is the points it earned."""

    ROW = 24

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dimension_bars")
        self.rows: list[tuple[str, float, float]] = []      # label, points, weight
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_dimensions(self, dimensions: dict) -> None:
        """``dimensions``: {key: {"points", "weight"}}, shown in the scale's order."""
        order = [k for k in DIMENSIONS if k in dimensions] + \
                [k for k in dimensions if k not in DIMENSIONS]
        self.rows = [(dimension_label(k), float(dimensions[k]["points"]),
                      float(dimensions[k]["weight"])) for k in order]
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.rows)) * self.ROW + 8)

    def paintEvent(self, event) -> None:
        if not self.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = max(metrics.horizontalAdvance(label) for label, _p, _w in self.rows) + 10
        value_width = max(metrics.horizontalAdvance(f"{number(p)} / {number(w)}")
                          for _l, p, w in self.rows) + 10
        span = max(40, self.width() - label_width - value_width - 8)
        heaviest = max((w for _l, _p, w in self.rows), default=0) or 1
        for row, (label, points, weight) in enumerate(self.rows):
            top = 4 + row * self.ROW
            bar_top, bar_height = top + 5, self.ROW - 10
            painter.setPen(TEXT_COLOUR)
            painter.drawText(QRectF(0, top, label_width - 8, self.ROW),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            track = span * weight / heaviest
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK_COLOUR)
            painter.drawRoundedRect(QRectF(label_width, bar_top, track, bar_height), 3, 3)
            filled = track * max(0.0, min(points, weight)) / weight if weight else 0.0
            if filled > 0:
                painter.setBrush(share_colour(points, weight))
                painter.drawRoundedRect(QRectF(label_width, bar_top, filled, bar_height), 3, 3)
            painter.setPen(QPen(TEXT_COLOUR))
            painter.drawText(QRectF(label_width + track + 6, top, value_width, self.ROW),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             f"{number(points)} / {number(weight)}")
        painter.end()


class AssessmentView(QWidget):
    """Summary, factor table and dimension bars of one assessment."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("assessment_view")
        self.item: dict | None = None

        self.grade_label = QLabel(self)
        self.grade_label.setObjectName("assessment_grade")
        font = QFont(self.grade_label.font())
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.grade_label.setFont(font)
        self.grade_label.setMinimumWidth(70)
        self.grade_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("assessment_summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flags_label = QLabel(self)
        self.flags_label.setObjectName("assessment_flags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        head = QHBoxLayout()
        head.addWidget(self.grade_label, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.summary_label)
        text.addWidget(self.flags_label)
        head.addLayout(text, 1)

        self.table = QTableWidget(0, FACTOR_COLUMNS, self)
        self.table.setObjectName("table_factors")
        self.table.setHorizontalHeaderLabels([self.tr("Dimension"), self.tr("Factor"),
                                              self.tr("Input"), self.tr("Points"),
                                              self.tr("Rule")])
        # Set up here rather than with editor.jobs.list_table: the editor imports this
        # module (through its grading tab), so importing the editor back would be a cycle.
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Rows as tall as their wrapped text: a narrow rule column ("missing: scored as the
        # worst bin" beside long English factor names) shows its text whole, not elided.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.bars = DimensionBars(self)
        self.bars_title = QLabel(self.tr("Points by dimension (earned / weight)"), self)

        # Hidden whole when there are no dimensions (a fitted card's): the table takes it.
        self.bars_area = lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.bars_title)
        lower_layout.addWidget(self.bars)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        self.clear()

    # -- showing ----------------------------------------------------------------------
    def clear(self, text: str | None = None) -> None:
        """Show no assessment (``text`` says why; a default note otherwise)."""
        self.item = None
        self.grade_label.setText(DASH)
        self.grade_label.setStyleSheet("")
        self.summary_label.setText(text if text is not None else self.tr("No assessment to show."))
        self.summary_label.setToolTip("")
        self.flags_label.hide()
        self.table.setRowCount(0)
        self.bars.set_dimensions({})
        self.bars_title.hide()

    def show_assessment(self, item: dict | None) -> None:
        if not item:
            self.clear()
            return
        self.item = item
        detail = item.get("detail") or {}
        self.grade_label.setText(item["grade"])
        self.grade_label.setStyleSheet(f"color: {RISK_COLOURS.get(item['risk_level'], '')};")
        self.summary_label.setText("\n".join(self.summary_lines(item)))
        trace = detail.get("limit_trace") or ""
        self.summary_label.setToolTip(self.tr("Recommended limit: {trace}").format(trace=trace)
                                      if trace else "")
        flags = self.flag_lines(item)
        self.flags_label.setText("\n".join(flags))
        self.flags_label.setVisible(bool(flags))
        self._fill_factors(detail.get("factors", []))
        self.bars.set_dimensions(detail.get("dimensions", {}))
        self.bars_title.setVisible(bool(self.bars.rows))
        self.bars_area.setVisible(bool(self.bars.rows))

    def summary_lines(self, item: dict) -> list[str]:
        score = f"{item['score']:.1f}" if item.get("score") is not None else DASH
        lines = []
        if item["adjustment"]:
            lines.append(self.tr(
                "Score {score} · computed grade {computed} → final grade {grade} "
                "(adjusted {notches:+d} notches: {reason})").format(
                score=score, computed=item["computed_grade"], grade=item["grade"],
                notches=item["adjustment"], reason=item.get("adjustment_reason") or ""))
        else:
            lines.append(self.tr("Score {score} · grade {grade}").format(
                score=score, grade=item["grade"]))
        lines.append(self.tr("Risk: {risk} · recommended limit {recommended} · approved limit "
                             "{approved}").format(
            risk=risk_label(item["risk_level"]), recommended=money(item.get("recommended_limit")),
            approved=money(item.get("approved_limit"))))
        lines.append(self.tr("{scorecard} v{version} · as of {as_of}, statements {period}").format(
            scorecard=item.get("scorecard_title") or item.get("scorecard_name", ""),
            version=item.get("scorecard_version", ""), as_of=item.get("as_of") or DASH,
            period=item.get("period") or DASH))
        line = self.tr("#{id} {status} · assessor {assessor}").format(
            id=item["id"], status=status_label(item["status"]),
            assessor=people.shown(item.get("assessor")) or DASH)
        if item.get("decided_by"):
            line += " · " + self.tr("decided by {user} on {date}").format(
                user=people.shown(item["decided_by"]), date=local_day(item.get("decided_at")))
            if item.get("valid_until"):
                line += self.tr(", valid until {date}").format(date=item["valid_until"])
            if item.get("decision_reason"):
                line += self.tr(": {reason}").format(reason=item["decision_reason"])
        lines.append(line)
        # A fitted card's points (its base row among them) add up to the score, but a score
        # stays within 0–100: say so where the sum is beyond it, or the rows seem not to add up.
        factors = (item.get("detail") or {}).get("factors", [])
        if item.get("score") is not None and any(f.get("rule") == BASE_RULE for f in factors):
            total = round(sum(f["points"] for f in factors), 1)
            if abs(total - item["score"]) > 0.05:
                lines.append(self.tr("The points add up to {total}; a score is kept within "
                                     "0–100.").format(total=number(total)))
        # The model that applied, its formula and cut-offs: a fact, not a warning (not orange).
        if item.get("altman"):
            lines.append(self.tr("Altman model: {text}").format(text=item["altman"]))
        return lines

    def flag_lines(self, item: dict) -> list[str]:
        lines = []
        for missing in item.get("missing", []):
            lines.append(self.tr("⚠ Missing: {factor}: {why} ({scored})").format(
                factor=missing["label"], why=missing["why"], scored=missing.get("scored", "")))
        if item.get("missing_reason"):
            lines.append(self.tr("Assessor's reason for the missing inputs: {reason}").format(
                reason=item["missing_reason"]))
        if item.get("masked"):
            lines.append(self.tr("Inputs read from the file are masked (your clearance is below "
                                 "the file's statements or records)."))
        lines += [self.tr("⚠ Statements: {problem}").format(problem=p)
                  for p in (item.get("detail") or {}).get("problems", [])]
        return lines

    def _fill_factors(self, factors: list[dict]) -> None:
        self.table.setRowCount(len(factors))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, factor in enumerate(factors):
            shown = factor.get("shown")
            base = factor.get("rule") == BASE_RULE
            # The base row has no input and no best value: its points alone.
            texts = (dimension_label(factor["dimension"]), factor.get("label") or factor["key"],
                     "" if base else DASH if shown in (None, "") else str(shown),
                     number(factor["points"]) if base
                     else f"{number(factor['points'])}/{number(factor['max_points'])}",
                     factor.get("rule_shown") or factor.get("rule") or "")
            trace = factor.get("trace") or ""
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, factor["key"])
                if column in (2, 3):
                    cell.setTextAlignment(right)
                if trace:   # how the input was worked out, where a clerk looks for it
                    cell.setToolTip(trace)
                self.table.setItem(row, column, cell)

    # -- reading (tests, and whoever embeds the view) ---------------------------------
    def factor_row(self, key: str) -> list[str]:
        """The texts of a factor's row, by factor key."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == key:
                return [self.table.item(row, c).text() for c in range(FACTOR_COLUMNS)]
        raise KeyError(key)
