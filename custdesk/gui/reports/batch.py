"""Batch export: one customer report per file into a folder, with progress and Cancel.

Used by the 报告 page (codes typed, or every file the user can see) and by the customer
list (the selected rows). The batch runs as one job on the database thread; its
progress callback sends each step to the UI thread through a signal and reads the
cancel flag that the progress dialog's Cancel button sets, so Cancel stops the batch
before the next file (the files already written stay).
"""

from __future__ import annotations

import html
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from ...reports import export as reports
from .common import BATCH_FOLDER, SAVE_FOLDER, last_folder, remember_folder
from .options import ReportOptionsDialog

#: failures listed one by one in the summary; the rest are counted
SUMMARY_FAILURES = 20


def batch_job(codes: list[str], all_visible: bool, out_dir: Path, lang: str | None,
              password: str | None, progress):
    """The database job: the codes (plus every visible file's when asked) into ``out_dir``."""
    def job(desk) -> reports.BatchResult:
        wanted = list(codes)
        if all_visible:
            wanted += [row["code"] for row in desk.customers.list() if row["code"] not in wanted]
        return reports.batch(desk, wanted, out_dir, lang=lang, password=password,
                             progress=progress)
    return job


class BatchExport(QObject):
    """One batch: options, folder, progress dialog with Cancel, summary at the end.

    ``start(codes, all_visible)`` asks for the options and the folder; ``run(...)``
    starts straight away (what ``start`` ends with). ``done`` carries the BatchResult.
    """

    #: (done, total, code): emitted on the database thread, delivered on the UI thread
    progressed = Signal(int, int, str)
    #: the batch ended (a BatchResult), or could not start (None; ``error`` says why)
    done = Signal(object)

    def __init__(self, parent: QWidget, runner):
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.options_dialog: ReportOptionsDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.summary_box: QMessageBox | None = None
        self.result: reports.BatchResult | None = None
        self.error: str | None = None
        self.out_dir: Path | None = None
        self.running = False
        self._cancel = threading.Event()
        self.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)

    # -- asking ---------------------------------------------------------------------------
    def start(self, codes: list[str], all_visible: bool = False) -> ReportOptionsDialog | None:
        """Ask for language and password (a dialog), then the folder, then run."""
        if self.running or (not codes and not all_visible):
            return None
        dialog = ReportOptionsDialog(self.tr("Export customer reports"), True,
                                     self.parent_widget, batch=True)
        dialog.accepted.connect(lambda: self._choose_folder(
            codes, all_visible, dialog.chosen_language(), dialog.chosen_password()))
        dialog.finished.connect(dialog.deleteLater)
        self.options_dialog = dialog
        dialog.open()
        return dialog

    def _choose_folder(self, codes, all_visible, lang, password) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget, self.tr("Folder for the reports"),
            str(last_folder(BATCH_FOLDER, SAVE_FOLDER)))
        if not folder:
            return
        remember_folder(BATCH_FOLDER, Path(folder))
        self.run(codes, all_visible, Path(folder), lang, password)

    # -- running --------------------------------------------------------------------------
    def run(self, codes: list[str], all_visible: bool, out_dir: Path, lang: str | None = None,
            password: str | None = None) -> None:
        self.running = True
        self.result, self.error, self.out_dir = None, None, Path(out_dir)
        self._cancel.clear()
        total = len(codes)
        progress = QProgressDialog(self.tr("Preparing the reports…"), self.tr("Cancel"),
                                   0, 0 if all_visible else max(1, total), self.parent_widget)
        progress.setObjectName("batch_progress")
        progress.setWindowTitle(self.tr("Export customer reports"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumWidth(420)
        progress.canceled.connect(self.cancel)
        progress.setValue(0)
        progress.show()
        self.progress_dialog = progress

        def step(done: int, total: int, code: str) -> bool:     # on the database thread
            self.progressed.emit(done, total, code)
            return not self._cancel.is_set()

        self.runner.run(batch_job(codes, all_visible, self.out_dir, lang, password, step),
                        self._finished, self._failed)

    def cancel(self) -> None:
        """The Cancel button: the batch stops before its next file."""
        if not self.running:
            return
        self._cancel.set()
        if self.progress_dialog is not None and isValid(self.progress_dialog):
            self.progress_dialog.setLabelText(self.tr("Cancelling after the current file…"))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _show_progress(self, done: int, total: int, code: str) -> None:
        progress = self.progress_dialog
        if not self.running or progress is None or not isValid(progress) or self._cancel.is_set():
            return
        progress.setMaximum(max(1, total))
        progress.setValue(done)
        if code:
            progress.setLabelText(self.tr("Exporting %1 (%2 of %3)…").replace("%1", code)
                                  .replace("%2", str(done + 1)).replace("%3", str(total)))

    def _close_progress(self) -> None:
        self.running = False
        progress = self.progress_dialog
        if progress is not None and isValid(progress):
            progress.canceled.disconnect(self.cancel)   # closing it must not count as Cancel
            progress.close()
            progress.deleteLater()
        self.progress_dialog = None

    def _finished(self, result: reports.BatchResult) -> None:
        self._close_progress()
        self.result = result
        self._summary(self.summary_text(result),
                      QMessageBox.Icon.Warning if result.failed else QMessageBox.Icon.Information)
        self.done.emit(result)

    def _failed(self, error: Exception) -> None:
        self._close_progress()
        self.error = str(error)
        self._summary(html.escape(self.error), QMessageBox.Icon.Warning)
        self.done.emit(None)

    # -- the summary ----------------------------------------------------------------------
    def summary_text(self, result: reports.BatchResult) -> str:
        """Written, failed (with reasons) and cancelled, as rich text."""
        lines = [self.tr("%n report(s) written to %1.", "", len(result.written))
                 .replace("%1", html.escape(str(self.out_dir)))]
        if result.cancelled:
            lines.append(self.tr("Cancelled: the remaining files were not exported."))
        if result.failed:
            lines.append(self.tr("%n file(s) could not be exported:", "", len(result.failed)))
            shown = result.failed[:SUMMARY_FAILURES]
            lines.append("<br>".join(f"{html.escape(code)}: {html.escape(message)}"
                                     for code, message in shown))
            if len(result.failed) > len(shown):
                lines.append(self.tr("… and %1 more.").replace(
                    "%1", str(len(result.failed) - len(shown))))
        return "<br><br>".join(lines)

    def _summary(self, text: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, self.tr("Export customer reports"), text,
                          QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("batch_summary")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.finished.connect(box.deleteLater)
        self.summary_box = box
        box.open()
