"""重建评分卡…: fit a new scorecard version on outcomes and save it for a second manager.

The outcomes are the firm's own (``evidence.firm_history``: the recorded inputs of graded
files whose outcome is known) or a history file. Core fits the version, measures it out of
sample (cross-validation, and a later period when the rows are dated) and saves it; it
grades no one until a second manager approves it on the approvals page or in Settings ›
Scorecards. The dialog shows the new version's figures beside the version in use on the
same rows (champion and challenger), each characteristic with its information value and
bins, and the columns left out with the reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea, QTableWidget,
                               QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ...core import i18n
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...core.grading import evidence
from ...core.grading import history as histories
from ...core.grading.metrics import METRICS
from ..editor.jobs import list_table, message_label, show_message
from ..reports.common import BusyBar, make_report
from .history_file import HistoryFileBox
from .scorecard_decision import never_grades, not_held
from .validation_results import NOTE_STYLE, RIGHT, fitted_height

SAVED_STYLE = ("background: #fff4e0; border: 1px solid #e8a33d; border-radius: 4px; "
               "padding: 6px; color: #5a3b00;")


def number(value, places: int = 3) -> str:
    return "—" if value is None else f"{value:.{places}f}"



def tree_height(tree: QTreeWidget) -> int:
    """The height that shows every row of ``tree`` (all of them expanded) without its own
    scroll bar."""
    rows = tree.topLevelItemCount() + sum(tree.topLevelItem(i).childCount()
                                         for i in range(tree.topLevelItemCount()))
    row = tree.rowHeight(tree.model().index(0, 0)) if rows else 0   # uniform row heights
    return tree.header().sizeHint().height() + rows * row + 2 * tree.frameWidth() + 2

class RefitDialog(QDialog):
    """Source, name and kind; Fit and save; then the new version's figures."""

    #: a version was saved: its ``name@version``
    built = Signal(str)
    #: a fit ended, saved or refused (tests wait on it)
    finished_fit = Signal()

    def __init__(self, runner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("refit_dialog")
        self.setWindowTitle(self.tr("Re-fit scorecard"))
        self.runner = runner
        self.result: dict | None = None
        self._running = False

        self.firm = QRadioButton(self.tr("The firm's grades and outcomes"), self)
        self.firm.setObjectName("refit_firm")
        self.file = QRadioButton(self.tr("History file"), self)
        self.file.setObjectName("refit_file")
        self.firm.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.firm)
        group.addButton(self.file)
        self.firm.toggled.connect(self._source_changed)
        self.history = HistoryFileBox(runner, dates=True, parent=self)
        self.history.failed.connect(lambda text: show_message(self.message, text))
        self.history.changed.connect(self._update_buttons)
        self.firm_note = firm_note = QLabel(self.tr("Each graded file whose outcome is known, with the inputs it "
                                   "was graded on."), self)
        firm_note.setStyleSheet(NOTE_STYLE)
        firm_note.setWordWrap(True)

        self.name = QLineEdit(self)
        self.name.setObjectName("refit_name")
        self.name.setPlaceholderText(self.tr("A new name, or the name of your own scorecard"))
        self.name.textChanged.connect(self._update_buttons)
        self.kind = QComboBox(self)
        self.kind.setObjectName("refit_kind")
        for kind in ("individual", "enterprise"):
            text = core_text(f"grading.kind.{kind}")
            self.kind.addItem(text[:1].upper() + text[1:], kind)
        self.fit_button = QPushButton(self.tr("Fit and save"), self)
        self.fit_button.setObjectName("refit_fit")
        self.fit_button.clicked.connect(self.fit)
        # Enter in the name (or anywhere but on another button) fits: not the file's
        # Choose… button, which would otherwise stay the default after the file was chosen.
        self.fit_button.setDefault(True)
        self.busy = BusyBar(self)
        note = QLabel(self.tr("The new version is saved at once and grades no one until "
                              "a second manager approves it."), self)
        note.setStyleSheet(NOTE_STYLE)
        note.setWordWrap(True)

        box = QGroupBox(self.tr("Fit on"), self)
        form = QFormLayout(box)
        sources = QHBoxLayout()
        sources.addWidget(self.firm)
        sources.addWidget(self.file)
        sources.addStretch(1)
        form.addRow(self.tr("Outcomes"), sources)
        form.addRow("", firm_note)
        form.addRow("", self.history)
        names = QHBoxLayout()
        names.addWidget(self.name, 2)
        names.addSpacing(12)
        names.addWidget(QLabel(self.tr("Customer kind"), self))
        names.addWidget(self.kind)
        names.addStretch(1)
        form.addRow(self.tr("Name"), names)
        actions = QHBoxLayout()
        actions.addWidget(self.fit_button)
        actions.addWidget(self.busy)
        actions.addWidget(note, 1)
        form.addRow("", actions)

        self.message = message_label(self, "refit_message")
        self.results = self._results_pane()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen else None
        self.resize(min(1060, room.width() - 40) if room else 1060,
                    min(700, room.height() - 60) if room else 700)
        self._source_changed()

    def _results_pane(self) -> QScrollArea:
        inner = QWidget(self)
        self.saved = QLabel(inner)
        self.saved.setObjectName("refit_saved")
        self.saved.setWordWrap(True)
        self.saved.setStyleSheet(SAVED_STYLE)
        self.compare = list_table(QTableWidget(0, 4, inner))
        self.compare.setObjectName("refit_compare")
        self.compare.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_note = QLabel(inner)
        self.compare_note.setObjectName("refit_compare_note")
        self.compare_note.setWordWrap(True)
        self.compare_note.setStyleSheet(NOTE_STYLE)
        self.characteristics = QTreeWidget(inner)
        self.characteristics.setObjectName("refit_characteristics")
        self.characteristics.setColumnCount(7)
        self.characteristics.setHeaderLabels([
            self.tr("Characteristic · bin"), self.tr("IV"), self.tr("Rows"), self.tr("Bad"),
            self.tr("Bad rate"), self.tr("WoE"), self.tr("Points")])
        # Every bin in view, the dialog's own scroll bar the only one: a tree that scrolled
        # inside the scrolling results hid bins between two scroll bars. The label column
        # takes the free width, the figures sit at its right.
        self.characteristics.setUniformRowHeights(True)
        self.characteristics.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.characteristics.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.characteristics.setAlternatingRowColors(True)
        self.left_out = list_table(QTableWidget(0, 2, inner))
        self.left_out.setObjectName("refit_left_out")
        self.left_out.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Why it was left out")])
        self.left_out.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.compare_box = QGroupBox(self.tr("The new version beside the version in use"), inner)
        compare_layout = QVBoxLayout(self.compare_box)
        compare_layout.addWidget(self.compare)
        compare_layout.addWidget(self.compare_note)
        self.characteristics_box = QGroupBox(self.tr("Characteristics, strongest first"), inner)
        QVBoxLayout(self.characteristics_box).addWidget(self.characteristics)
        self.left_out_box = QGroupBox(self.tr("Left out"), inner)
        QVBoxLayout(self.left_out_box).addWidget(self.left_out)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.saved)
        layout.addWidget(self.compare_box)
        layout.addWidget(self.characteristics_box)
        layout.addWidget(self.left_out_box)
        layout.addStretch(1)
        area = QScrollArea(self)
        area.setObjectName("refit_results")
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(inner)
        for widget in (self.saved, self.compare_box, self.characteristics_box, self.left_out_box):
            widget.hide()
        return area

    # -- choosing -----------------------------------------------------------------------
    def _source_changed(self) -> None:
        self.firm_note.setVisible(self.firm.isChecked())
        self.history.setVisible(not self.firm.isChecked())
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = bool(self.name.text().strip()) and (self.firm.isChecked() or self.history.ready())
        self.fit_button.setEnabled(ready and not self._running)
        self.close_button.setEnabled(not self._running)

    # A fit under way saves its version whatever happens to the dialog: closed then, the
    # version would wait for approval unseen, and no page would list it until read again.
    def reject(self) -> None:
        if not self._running:
            super().reject()

    def closeEvent(self, event) -> None:
        if self._running:
            event.ignore()
        else:
            super().closeEvent(event)

    # -- fitting ------------------------------------------------------------------------
    def fit(self) -> None:
        name, kind = self.name.text().strip(), self.kind.currentData()
        if not name:
            return
        show_message(self.message, "")
        if self.firm.isChecked():
            def job(desk):
                data = evidence.firm_history(desk, kind)
                out = evidence.build(desk, data, name=name, kind=kind,
                                     labels=evidence.metric_labels())
                out["labels"] = evidence.metric_labels()
                return out
        else:
            unclear = self.history.unclear_bad()
            if unclear:
                show_message(self.message, unclear)
                self.history.bad.setFocus()
                self.finished_fit.emit()
                return
            make_history = self.history.history_job()
            # A column named as one of custdesk's own measures of this kind of customer
            # (housing, debt_to_income, ...) is that measure: the card names it as the
            # window does, and reading what custdesk holds, it can grade.
            labels = {key: text for key, text in evidence.metric_labels().items()
                      if kind in METRICS[key].kinds}

            def job(desk):
                out = evidence.build(desk, make_history(desk), name=name, kind=kind,
                                     labels=labels)
                out["labels"] = labels
                return out
        self._running = True
        self._update_buttons()
        # The figures of an earlier fit go: under this fit's message they would read as its.
        self.result = None
        for widget in (self.saved, self.compare_box, self.characteristics_box, self.left_out_box):
            widget.hide()

        def end() -> None:
            self._running = False
            self._update_buttons()
            self.finished_fit.emit()

        firm = self.firm.isChecked()

        def failed(error) -> None:
            text = str(error)
            if firm and isinstance(error, histories.HistoryError):
                # Too few of the firm's graded customers have a known outcome yet: what
                # the manager can do is fit on a file of past customers.
                text += "\n" + self.tr("The firm's own outcomes are too few to fit on yet: "
                                       "choose History file and a file of past customers.")
            show_message(self.message, text)

        def fit_and_check(desk):
            out = job(desk)
            # What approving it will mean: a card reading a history file's own columns
            # never grades a customer.
            out["not_held"] = not_held(desk, f"{out['name']}@{out['version']}")
            return out
        make_report(self, self.runner, fit_and_check, self.busy, self.show_result, failed,
                    on_end=end)

    def show_result(self, out: dict) -> None:
        self.result = out
        ref = f"{out['name']}@{out['version']}"
        unusable = never_grades(ref, out.get("not_held"))
        if unusable:
            # Approved or not, it will never grade: saying it waits to grade would mislead.
            text = self.tr("Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It waits "
                           "for a second manager's approval on the Approvals page or in "
                           "Settings › Scorecards.")
        else:
            text = self.tr(
                "Saved %1 version %2, fitted on %3 rows (%4 bad) of %5. It now waits for a second "
                "manager: it grades no one until another manager approves it on the Approvals "
                "page or in Settings › Scorecards.")
        self.saved.setText(
            text.replace("%1", out["name"]).replace("%2", str(out["version"]))
            .replace("%3", f"{out['rows']:,}").replace("%4", f"{out['bad']:,}")
            .replace("%5", out.get("source") or "") + ("\n" + unusable if unusable else ""))
        self._fill_compare(out)
        self._fill_characteristics(out)
        self._fill_left_out(out.get("left_out") or {})
        for widget in (self.saved, self.compare_box, self.characteristics_box):
            widget.show()
        self.left_out_box.setVisible(bool(out.get("left_out")))
        self.built.emit(ref)

    def _fill_compare(self, out: dict) -> None:
        cv, later, champion = out["cross_validation"], out.get("later_period"), out["champion"]
        table = self.compare
        table.setHorizontalHeaderLabels([
            "", self.tr("New %1: cross-validation (%2 folds)").replace(
                "%1", f"{out['name']}@{out['version']}").replace("%2", str(cv["folds"])),
            self.tr("New: later period") if later is None else
            self.tr("New: later period %1 – %2").replace("%1", later["from"]).replace("%2", later["to"]),
            self.tr("In use: %1 (same rows)").replace("%1", champion["scorecard"])])
        later_gini = None if later is None else 2 * later["auc"] - 1
        rows = [("AUC", f"{number(cv['auc'])} ± {number(cv['auc_sd'])}",
                 number(later and later["auc"]), number(champion.get("auc"))),
                (self.tr("Gini"), number(cv["gini"]), number(later_gini),
                 number(champion.get("gini"))),
                ("KS", number(cv["ks"]), number(later and later["ks"]),
                 number(champion.get("ks")))]
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(RIGHT)
                table.setItem(row, column, item)
        table.setFixedHeight(fitted_height(table))
        notes = []
        if later is None:
            notes.append(self.tr("No later period: the rows are not dated, or the latest fifth "
                                 "holds too few bads."))
        else:
            notes.append(self.tr("Later period: fitted on the earlier rows, measured on the "
                                 "latest %1 rows (%2 bad).").replace("%1", f"{later['rows']:,}")
                         .replace("%2", f"{later['bad']:,}"))
        if champion.get("error"):
            notes.append(self.tr("The version in use could not score these rows: %1").replace(
                "%1", champion["error"]))
        elif champion.get("inputs_missing"):
            notes.append(self.tr("The version in use reads %1, which these rows lack: scored as "
                                 "missing, its figures understate it.").replace(
                "%1", ", ".join(champion["inputs_missing"])))
        if champion.get("in_sample"):
            notes.append(self.tr("The version in use was fitted on outcomes: if on these same "
                                 "rows, its figures are in-sample and flatter it."))
        self.compare_note.setText("\n".join(notes))

    def _label(self, out: dict, key: str) -> str:
        labels = out.get("labels") or {}
        if key in labels:
            zh, en = labels[key]
            return zh if i18n.language() == "zh" else en
        return key

    def _fill_characteristics(self, out: dict) -> None:
        tree = self.characteristics
        tree.clear()
        for c in out.get("characteristics") or []:
            rows = sum(b["n"] for b in c["bins"])
            top = QTreeWidgetItem([self._label(out, c["key"]), number(c["iv"]), f"{rows:,}",
                                   "", "", "", ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for column in range(1, 7):
                top.setTextAlignment(column, RIGHT)
            for b in c["bins"]:
                label = self.tr("(missing)") if b["label"] == "missing" else b["label"]
                child = QTreeWidgetItem([label, "", f"{b['n']:,}", f"{b['bad']:,}",
                                         f"{b['bad_rate']:.1%}", number(b["woe"]),
                                         f"{b['points']:g}"])
                for column in range(1, 7):
                    child.setTextAlignment(column, RIGHT)
                top.addChild(child)
            tree.addTopLevelItem(top)
            top.setExpanded(True)
        tree.setFixedHeight(tree_height(tree))

    def _fill_left_out(self, left_out: dict) -> None:
        table = self.left_out
        table.setRowCount(len(left_out))
        for row, (column, why) in enumerate(left_out.items()):
            table.setItem(row, 0, QTableWidgetItem(column))
            table.setItem(row, 1, QTableWidgetItem(why))
        table.setFixedHeight(fitted_height(table))
