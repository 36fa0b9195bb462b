"""A validation on view: the key figures, what they say, the bad rate of each grade (chart
and table, the grades out of order highlighted and explained), the ROC or KS curve and, on
the firm's own outcomes, the 12-month grade migration matrix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QButtonGroup, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QRadioButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ...core.grading import backtest
from ...core.grading.scale import GRADES
from ...core.outcomes import column_label
from ...reports import validation as report
from ..editor.jobs import list_table
from .validation_charts import BadRateChart, CurveChart

FLAG_BACKGROUND = QColor("#fde3cc")
FLAG_TEXT = "#b34d00"
DIAGONAL = QColor("#dbe7f3")
NOTE_STYLE = "color: #5b6b7c;"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def fitted_height(table: QTableWidget) -> int:
    """The height that shows every row of ``table`` without its own scroll bar."""
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    for row in range(table.rowCount()):
        height += table.rowHeight(row)
    return height + 2


class Figure(QFrame):
    """One key figure: its name above, its value large, a word under it."""

    def __init__(self, name: str, key: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"figure_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"QFrame#figure_{key} {{ background: #ffffff; border: 1px solid #d5dde8;"
                           " border-radius: 4px; }")
        self.name = QLabel(name, self)
        self.name.setStyleSheet(NOTE_STYLE)
        self.value = QLabel("—", self)
        self.value.setObjectName(f"value_{key}")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        self.note = QLabel("", self)
        self.note.setStyleSheet(NOTE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.note)

    def show_value(self, value: str, note: str = "", tip: str = "") -> None:
        self.value.setText(value)
        self.note.setText(note)
        self.setToolTip(tip)


class ValidationView(QWidget):
    """``show_result(result, compare_name)`` fills it; ``clear()`` empties it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.result: dict | None = None
        self.figures = {
            "n": Figure(self.tr("Rows"), "n", self),
            "bad": Figure(self.tr("Bad"), "bad", self),
            "auc": Figure("AUC", "auc", self),
            "gini": Figure(self.tr("Gini"), "gini", self),
            "ks": Figure("KS", "ks", self),
            "psi": Figure("PSI", "psi", self),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for tile in self.figures.values():
            tiles.addWidget(tile, 1)
        self.reading = QLabel(self)
        self.reading.setObjectName("validation_reading")
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.TextFormat.RichText)

        self.chart = BadRateChart(self)
        self.grades = list_table(QTableWidget(0, 7, self))
        self.grades.setObjectName("validation_grades")
        self.grades.setHorizontalHeaderLabels([
            self.tr("Grade"), self.tr("Rows"), self.tr("Bad"), self.tr("Bad rate"),
            self.tr("95% interval"), self.tr("Expected"), self.tr("Remark")])
        self.grades.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.grades.setWordWrap(False)
        self.flag_note = QLabel(self)
        self.flag_note.setObjectName("validation_flag_note")
        self.flag_note.setWordWrap(True)
        self.flag_note.setStyleSheet(f"color: {FLAG_TEXT};")
        self.flag_note.hide()
        grade_box = QGroupBox(self.tr("Bad rate by grade"), self)
        grade_layout = QGridLayout(grade_box)
        grade_layout.addWidget(self.chart, 0, 0, 2, 1)
        grade_layout.addWidget(self.grades, 0, 1)
        grade_layout.addWidget(self.flag_note, 1, 1)
        grade_layout.setColumnStretch(0, 5)
        grade_layout.setColumnStretch(1, 6)
        grade_layout.setRowStretch(1, 1)

        self.curve = CurveChart(self)
        self.roc = QRadioButton("ROC", self)
        self.roc.setObjectName("curve_roc")
        self.ks_button = QRadioButton("KS", self)
        self.ks_button.setObjectName("curve_ks")
        self.roc.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.roc)
        modes.addButton(self.ks_button)
        self.roc.toggled.connect(lambda on: self.curve.set_mode("roc" if on else "ks"))
        curve_box = QGroupBox(self.tr("Ranking curve"), self)
        curve_layout = QVBoxLayout(curve_box)
        switch = QHBoxLayout()
        switch.addWidget(self.roc)
        switch.addWidget(self.ks_button)
        switch.addStretch(1)
        curve_layout.addLayout(switch)
        curve_layout.addWidget(self.curve, 1)

        self.migration = list_table(QTableWidget(0, 0, self))
        self.migration.setObjectName("validation_migration")
        self.migration.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.migration.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.migration.horizontalHeader().setStretchLastSection(False)
        self.migration_note = QLabel(self)
        self.migration_note.setObjectName("validation_migration_note")
        self.migration_note.setWordWrap(True)
        self.migration_note.setStyleSheet(NOTE_STYLE)
        self.migration_box = QGroupBox(self.tr("Grade migration over 12 months"), self)
        migration_layout = QVBoxLayout(self.migration_box)
        migration_layout.addWidget(self.migration)
        migration_layout.addWidget(self.migration_note)
        migration_layout.addStretch(1)

        self.terms = QLabel(self)
        self.terms.setObjectName("validation_terms")
        self.terms.setWordWrap(True)
        self.terms.setStyleSheet(NOTE_STYLE)
        self.terms.setText("\n".join(report.terms()))
        terms_box = QGroupBox(self.tr("What the figures mean"), self)
        QVBoxLayout(terms_box).addWidget(self.terms)

        right = QVBoxLayout()
        right.addWidget(self.migration_box)
        right.addWidget(terms_box)
        right.addStretch(1)
        lower = QHBoxLayout()
        lower.addWidget(curve_box, 4)
        lower.addLayout(right, 7)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tiles)
        layout.addWidget(self.reading)
        layout.addWidget(grade_box)
        layout.addLayout(lower)
        layout.addStretch(1)
        self.chart.setMinimumHeight(250)
        self.curve.setMinimumHeight(260)
        self.clear()

    # -- filling ------------------------------------------------------------------------
    def clear(self) -> None:
        self.result = None
        for tile in self.figures.values():
            tile.show_value("—")
        self.reading.setText(self.tr("Choose a scorecard version and the outcomes to validate "
                                     "it on, then Validate."))
        self.chart.set_grades({}, [])
        self.grades.setRowCount(0)
        self.grades.setFixedHeight(fitted_height(self.grades))
        self.flag_note.hide()
        self.curve.set_curve([], None, None)
        self.migration_box.hide()

    def show_result(self, result: dict, compare_name: str | None = None) -> None:
        self.result = result
        n, bad = result["n"], result["bad"]
        self.figures["n"].show_value(f"{n:,}", self.tr("%1 not scored").replace(
            "%1", f"{result.get('refused', 0):,}") if result.get("refused") else "")
        self.figures["bad"].show_value(f"{bad:,}", self.tr("bad rate %1").replace(
            "%1", report.percent(result["bad_rate"])))
        self.figures["auc"].show_value(report.figure(result["auc"]), report.verdict(result["auc"]),
                                       self.tr("The chance that a good customer scores above a "
                                               "bad one: 0.5 is chance, 1 a perfect split."))
        self.figures["gini"].show_value(report.figure(result["gini"]), "2 × AUC − 1")
        self.figures["ks"].show_value(report.figure(result["ks"]), "",
                                      self.tr("The widest gap between the score distributions "
                                              "of goods and bads."))
        psi = result.get("psi")
        if psi is None:
            self.figures["psi"].show_value(
                "—", self.tr("not measured"),
                self.tr("Choose a comparison file to measure how far the population moved.")
                if "window_months" not in result else
                self.tr("The grades of the last 24 months do not cover both periods."))
        else:
            self.figures["psi"].show_value(report.figure(psi), backtest.psi_label(psi),
                                           report.psi_between(result, compare_name))
        self.reading.setText("".join(f"<p style='margin: 2px 0'>• {self._escaped(s)}</p>"
                                     for s in report.reading(result, compare_name)))
        grades = result.get("bad_rate_by_grade") or {}
        flagged = list(result.get("out_of_order") or [])
        self.chart.set_grades(grades, flagged)
        self._fill_grades(grades, flagged, report.worse_than(result))
        self.curve.set_curve(result.get("curve") or [], result.get("auc"), result.get("ks"))
        migration = result.get("migration")
        if migration and "window_months" in result:
            self._fill_migration(migration)
            self.migration_box.show()
        else:
            self.migration_box.hide()

    @staticmethod
    def _escaped(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def _fill_grades(self, grades: dict, flagged: list[str], above: dict) -> None:
        table = self.grades
        shown = [g for g in GRADES if g in grades]
        table.setRowCount(len(shown))
        for row, grade in enumerate(shown):
            item = grades[grade]
            out_of_order = grade in flagged
            remark = ""
            if out_of_order:
                remark = self.tr("Out of order")
                if grade in above:
                    remark = self.tr("Out of order: below %1 (%2)").replace("%1", above[grade]).replace(
                        "%2", report.percent(grades[above[grade]]["rate"]))
            cells = [grade, f"{item['n']:,}", f"{item['bad']:,}", report.percent(item["rate"]),
                     f"{report.percent(item['ci_low'])}–{report.percent(item['ci_high'])}",
                     report.percent(item.get("expected")), remark]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if 0 < column < 6:
                    cell.setTextAlignment(RIGHT)
                if out_of_order:
                    cell.setBackground(QBrush(FLAG_BACKGROUND))
                    cell.setToolTip(self.tr("A better grade has a higher bad rate: the scorecard "
                                            "does not order risk here."))
                table.setItem(row, column, cell)
        table.setFixedHeight(fitted_height(table))
        if flagged:
            self.flag_note.setText(self.tr(
                "Highlighted: grades whose bad rate is below that of a better grade (grades with "
                "at least %1 rows are compared). There the scorecard does not order risk; check "
                "those grades' cut-offs and the characteristics behind them.").replace(
                    "%1", str(backtest.MIN_GRADE_ROWS)))
            self.flag_note.show()
        else:
            self.flag_note.hide()

    def _fill_migration(self, migration: dict) -> None:
        columns = migration["columns"]
        rows = [(g, migration["rows"].get(g, {})) for g in migration["grades"]]
        rows = [(g, counts) for g, counts in rows if sum(counts.values())]
        table = self.migration
        table.clear()
        table.setColumnCount(len(columns) + 2)
        table.setHorizontalHeaderLabels([self.tr("Then \\ now")] + [column_label(c) for c in columns]
                                        + [self.tr("Total")])
        table.setRowCount(len(rows))
        for row, (grade, counts) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(grade))
            for at, column in enumerate(columns, start=1):
                value = counts.get(column, 0)
                cell = QTableWidgetItem(f"{value:,}" if value else "·")
                cell.setTextAlignment(RIGHT)
                if column == grade:
                    cell.setBackground(QBrush(DIAGONAL))
                table.setItem(row, at, cell)
            total = QTableWidgetItem(f"{sum(counts.values()):,}")
            total.setTextAlignment(RIGHT)
            table.setItem(row, len(columns) + 1, total)
        table.setFixedHeight(fitted_height(table))
        left = migration.get("left_out", {})
        self.migration_note.setText(self.tr(
            "Each customer holding a grade on %1, by the grade held on %2: %3 customers. "
            "Left out: %4 already bad, %5 closed before the start.")
            .replace("%1", str(migration["start"])).replace("%2", str(migration["end"]))
            .replace("%3", f"{migration['total']:,}")
            .replace("%4", str(left.get("already_bad", 0)))
            .replace("%5", str(left.get("closed_before", 0))))
