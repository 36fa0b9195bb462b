"""模型验证: how well a scorecard version ranked what happened (回测), and re-fitting one.

Any version may be validated, drafts and rejected ones too: that is how a manager judges a
version before approving it. The outcomes are the firm's own (approved grades whose
outcome window has passed, ``evidence.validate_firm``) or a history file of past
customers (``evidence.validate_file``), with an optional second file to measure how far
the population moved (PSI). Every database and file job runs on the runner with the busy
bar moving; the page is for managers, administrators and auditors (``audit.read`` or
``settings.manage``), and re-fitting (``RefitDialog``) for those who manage settings.

The figures export as the owner's PDF report (``reports.validation``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QScrollArea, QVBoxLayout, QWidget)

from ...core.changes import Changes
from ...core.i18n import tr as core_text   # named apart from tr(): lupdate reads only Qt strings
from ...core.grading import evidence
from ...core.grading import history as histories
from ...reports import validation as report
from ..editor.jobs import message_label, run_for, show_message
from ..reports.common import SAVE_FOLDER, BusyBar, language_combo, last_folder, make_report, \
    remember_folder
from .history_file import HistoryFileBox, choose_file, read_file
from .refit_dialog import RefitDialog
from .scorecard_decision import status_label
from .validation_results import NOTE_STYLE, ValidationView


def load_versions(desk) -> dict:
    """Every version of every scorecard with its status, and the firm's outcome window."""
    desk.refresh()
    library = desk.grading.library
    versions = []
    for card in library.list():
        for version in reversed(library.versions(card["name"])):
            item = library.get(f"{card['name']}@{version}")
            versions.append({"ref": f"{card['name']}@{version}", "name": card["name"],
                             "version": version, "kind": item.kind, "title": item.title,
                             "status": library.status(card["name"], version),
                             "in_use": card["in_use"] == version})
    window = definition = ""
    outcomes = getattr(desk, "outcomes", None)
    if outcomes is not None:
        from ...core.outcomes import definition as bad_definition
        rule = outcomes.window()
        window, definition = rule.text(), bad_definition(rule.overdue_days)
    return {"versions": versions, "window": window, "definition": definition}


def version_text(item: dict) -> str:
    """"retail@2 · retail (fitted) · individual · awaiting approval"."""
    parts = [item["ref"], item["title"], core_text(f"grading.kind.{item['kind']}"),
             status_label(item["status"])]
    return " · ".join(p for p in parts if p)


class ValidationPage(QWidget):
    """Version, source, Validate; the figures below (scrolling); PDF and re-fit above."""

    #: the versions on offer were read (tests wait on it)
    loaded = Signal()
    #: a validation ended: shown, or its error shown
    validated = Signal()
    #: the PDF was written: its path
    exported = Signal(str)

    def __init__(self, runner, can_refit: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.can_refit = can_refit
        self.versions: list[dict] = []
        self.context: dict = {}             # what the result on view was made from
        self.compare_path = ""
        self.refit_dialog: RefitDialog | None = None
        self._busy_jobs = 0
        self._pending_select: str | None = None

        title = QLabel(self.tr("Scorecard validation"), self)
        title.setProperty("role", "title")
        intro = QLabel(self.tr("How well a scorecard version ranked what happened: on the "
                               "firm's own outcomes or on a history file of past customers."),
                       self)
        intro.setStyleSheet(NOTE_STYLE)
        intro.setWordWrap(True)
        self.refit_button = QPushButton(self.tr("Re-fit scorecard…"), self)
        self.refit_button.setObjectName("refit_button")
        self.refit_button.clicked.connect(self.open_refit)
        self.refit_button.setVisible(can_refit)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(intro, 1)

        self.version = QComboBox(self)
        self.version.setObjectName("validation_version")
        self.version.setMinimumContentsLength(30)
        self.version.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.version.currentIndexChanged.connect(
            lambda _i: self.version.setToolTip(self.version.currentText()))
        self.firm = QRadioButton(self.tr("The firm's outcomes"), self)
        self.firm.setObjectName("source_firm")
        self.file = QRadioButton(self.tr("History file"), self)
        self.file.setObjectName("source_file")
        self.firm.setChecked(True)
        sources = QButtonGroup(self)
        sources.addButton(self.firm)
        sources.addButton(self.file)
        self.firm.toggled.connect(self._source_changed)

        self.window_label = QLabel(self)
        self.window_label.setObjectName("outcome_window")
        self.window_label.setWordWrap(True)
        self.history = HistoryFileBox(runner, parent=self)
        self.history.failed.connect(lambda text: show_message(self.message, text))
        self.history.changed.connect(self._update_buttons)
        self.compare = QLineEdit(self)
        self.compare.setObjectName("compare_path")
        self.compare.setReadOnly(True)
        self.compare.setPlaceholderText(self.tr("Optional: a second file of the same columns, "
                                                "for the population stability (PSI)"))
        compare_browse = QPushButton(self.tr("Choose…"), self)
        compare_browse.setObjectName("compare_browse")
        compare_browse.clicked.connect(self.browse_compare)
        compare_clear = QPushButton(self.tr("Clear"), self)
        compare_clear.clicked.connect(lambda: self.set_compare(""))
        self.compare_row = QWidget(self)
        compare_layout = QHBoxLayout(self.compare_row)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        compare_layout.addWidget(QLabel(self.tr("Compare with"), self))
        compare_layout.addWidget(self.compare, 1)
        compare_layout.addWidget(compare_browse)
        compare_layout.addWidget(compare_clear)

        self.run_button = QPushButton(self.tr("Validate"), self)
        self.run_button.setObjectName("validate_button")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.validate)
        self.busy = BusyBar(self)
        self.busy.setObjectName("validation_busy")
        self.language = language_combo(self)
        self.language.setObjectName("report_language")
        self.export_button = QPushButton(self.tr("Export PDF…"), self)
        self.export_button.setObjectName("export_pdf")
        # clicked(bool) would arrive as the path
        self.export_button.clicked.connect(lambda: self.export_pdf())

        # The page's own actions beside its title: the report, and re-fitting.
        top.addWidget(QLabel(self.tr("Report language"), self))
        top.addWidget(self.language)
        top.addWidget(self.export_button)
        top.addSpacing(8)
        top.addWidget(self.refit_button)

        box = QGroupBox(self.tr("What to validate"), self)
        rows = QVBoxLayout(box)
        rows.setSpacing(6)
        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Scorecard version"), box))
        first.addWidget(self.version, 2)
        first.addSpacing(12)
        first.addWidget(QLabel(self.tr("Outcomes"), box))
        first.addWidget(self.firm)
        first.addWidget(self.file)
        # The version takes the row's room: its text (name · title · kind · status) is long
        # in English, and cut short it hides whether the version is in use.
        first.addSpacing(12)
        first.addWidget(self.busy)
        first.addWidget(self.run_button)
        rows.addLayout(first)
        rows.addWidget(self.window_label)
        rows.addWidget(self.history)
        rows.addWidget(self.compare_row)

        self.message = message_label(self, "validation_message")
        self.view = ValidationView(self)
        self.results = QScrollArea(self)
        self.results.setObjectName("validation_results")
        self.results.setWidgetResizable(True)
        self.results.setFrameShape(QScrollArea.Shape.NoFrame)
        self.results.setWidget(self.view)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)

        runner.changed.connect(self._on_changed)
        self._source_changed()
        self.refresh()

    # -- versions -----------------------------------------------------------------------
    def refresh(self) -> None:
        run_for(self, self.runner, load_versions, self._fill_versions,
                lambda error: show_message(self.message, str(error)))

    def _fill_versions(self, data: dict) -> None:
        chosen = self._pending_select or self.version.currentData()
        self._pending_select = None
        self.versions = data["versions"]
        self.version.clear()
        for item in self.versions:
            text = version_text(item)
            if item["in_use"]:
                text = self.tr("%1 (in use)").replace("%1", text)
            self.version.addItem(text, item["ref"])
        at = self.version.findData(chosen) if chosen else -1
        self.version.setCurrentIndex(max(0, at))
        self.window_label.setText(data["window"] or self.tr("The firm's outcomes are not "
                                                             "available in this database."))
        self.window_label.setToolTip(data["definition"])
        self._update_buttons()
        self.loaded.emit()

    def _on_changed(self, changes: Changes) -> None:
        if "settings" in changes or "grading" in changes:
            self.refresh()

    def select_version(self, ref: str) -> None:
        self.version.setCurrentIndex(max(0, self.version.findData(ref)))

    # -- the source ---------------------------------------------------------------------
    def _source_changed(self) -> None:
        firm = self.firm.isChecked()
        self.window_label.setVisible(firm)
        self.history.setVisible(not firm)
        self.compare_row.setVisible(not firm)
        self._update_buttons()

    def browse_compare(self) -> None:
        name = choose_file(self, self.tr("Population to compare with"))
        if name:
            self.set_compare(name)

    def set_compare(self, path: str) -> None:
        self.compare_path = path
        self.compare.setText(path)

    def _update_buttons(self) -> None:
        running = self._busy_jobs > 0
        ready = self.version.count() > 0 and (self.firm.isChecked() or self.history.ready())
        self.run_button.setEnabled(ready and not running)
        self.export_button.setEnabled(self.view.result is not None and not running)
        self.refit_button.setEnabled(not running)

    # -- validating ---------------------------------------------------------------------
    def _run(self, job, on_done, on_error) -> None:
        self._busy_jobs += 1
        self._update_buttons()

        def end() -> None:
            self._busy_jobs -= 1
            self._update_buttons()
        make_report(self, self.runner, job, self.busy, on_done, on_error, on_end=end)

    def validate(self) -> None:
        """Run the validation the choices describe; the figures or the reason they cannot."""
        ref = self.version.currentData()
        if not ref:
            return
        show_message(self.message, "")
        if self.firm.isChecked():
            context = {"ref": ref, "outcome": None, "bad": None, "compare_name": None}

            def job(desk):
                return evidence.validate_firm(desk, ref)
        else:
            if not self.history.ready():
                show_message(self.message, self.tr("Choose the file and its outcome column."))
                return
            unclear = self.history.unclear_bad()
            if unclear:
                self._clear_result()
                show_message(self.message, unclear)
                self.history.bad.setFocus()
                self.validated.emit()
                return
            make_history = self.history.history_job()
            outcome, bad = self.history.outcome_column(), self.history.bad_value()
            compare_path = self.compare_path
            context = {"ref": ref, "outcome": outcome, "bad": bad,
                       "compare_name": Path(compare_path).name if compare_path else None}

            def job(desk):
                data = make_history(desk)
                compare = None
                if compare_path:
                    headers, rows = read_file(compare_path)(desk)
                    compare = histories.from_table(headers, rows, outcome, bad,
                                                   source=Path(compare_path).name)
                return evidence.validate_file(desk, ref, data, compare)

        def done(result: dict) -> None:
            self.context = context
            self.view.show_result(result, context["compare_name"])
            self.results.verticalScrollBar().setValue(0)
            self._update_buttons()
            self.validated.emit()

        def failed(error) -> None:
            self._clear_result()
            show_message(self.message, str(error))
            self.validated.emit()
        self._run(job, done, failed)

    def _clear_result(self) -> None:
        """No figures under a validation that could not run: those of an earlier one
        would read as the answer to the choices now on the page (and export as such)."""
        self.view.clear()
        self.context = {}
        self._update_buttons()

    # -- the report ---------------------------------------------------------------------
    def default_file_name(self) -> str:
        ref = (self.view.result or {}).get("scorecard", "scorecard").replace("@", "-v")
        return self.tr("Scorecard validation %1.pdf").replace("%1", ref)

    def export_pdf(self, path: str | None = None) -> None:
        """The owner's report of the figures on view, to a PDF the user names."""
        result = self.view.result
        if result is None:
            return
        if path is None:
            folder = last_folder(SAVE_FOLDER)
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export PDF"), str(folder / self.default_file_name()),
                self.tr("PDF files (*.pdf)"))
            if not path:
                return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        lang = self.language.currentData()
        context = dict(self.context)

        def job(desk):
            return str(report.write_pdf(desk, result, path, lang=lang,
                                        outcome=context.get("outcome"), bad=context.get("bad"),
                                        compare_name=context.get("compare_name")))

        def done(written: str) -> None:
            # The folder is offered next time once a report was written there (as the
            # report preview does): not a folder the save failed in.
            remember_folder(SAVE_FOLDER, Path(written).parent)
            show_message(self.message, self.tr("Saved %1").replace("%1", written), error=False)
            self.exported.emit(written)
        self._run(job, done, lambda error: show_message(self.message, str(error)))

    # -- re-fitting ---------------------------------------------------------------------
    def open_refit(self) -> RefitDialog:
        dialog = RefitDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.built.connect(self._built)
        self.refit_dialog = dialog
        dialog.destroyed.connect(lambda _o=None: setattr(self, "refit_dialog", None))
        dialog.open()
        return dialog

    def _built(self, ref: str) -> None:
        """A new version was saved: list it (and tell the pages that list versions)."""
        self._pending_select = ref
        self.runner.changed.emit(Changes.of("settings", "grading"))
