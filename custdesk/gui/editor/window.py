"""The customer file editor: one file's basic information and every sub-record, in tabs.

A plain QWidget, so the main window may show it as a tab or on its own. All
database work runs on the DeskRunner; the editor only shows answers. Saving
marks bad fields inline and writes nothing until the whole form is accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QMessageBox,
                               QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)

from ...core.errors import Conflict, CustdeskError, ValidationError
from ...core.exports import kind_label
from ...core.fields import LEVELS, RECORD_KINDS, customer_field, level_label
from ...reports import export as reports
from ..grading.standing import hold_texts
# Modules, not names: the report widgets use this package's helpers (editor.jobs), so either
# side may be imported first.
from ..reports import common as report_common
from ..reports import options as report_options
from ..reports import preview as report_preview
from .documents_tab import DocumentsTab, LicencesTab
from .fieldwidgets import error_lines, label_for
from .financials_tab import FinancialsTab
from .form import BasicForm
from .grading_tab import GradingTab
from .history_tab import HistoryTab
from .jobs import message_label, run_for, show_message
from .privacy_actions import PrivacyButton
from .records_tab import RecordsTab
from .reviews_tab import ReviewsTab
from .reveal import RevealDialog
from .transactions_tab import TransactionsTab
from ..scrolling import scrolled


class CustomerEditor(QWidget):
    #: a save succeeded (and the form shows what was stored): the file's code
    saved = Signal(str)
    #: the title ("*" first when there are unsaved changes) changed
    title_changed = Signal(str)
    #: the file's values arrived from the database
    loaded = Signal()
    _save_done = Signal(bool)

    def __init__(self, runner, code: str | None = None, kind: str = "individual",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.code = code.strip().upper() if code else None
        self.kind = kind
        self.data: dict = {}
        self.reveal_dialog: RevealDialog | None = None
        self.report_dialog: report_options.ReportOptionsDialog | None = None
        self.report_preview: report_preview.ReportPreview | None = None
        self._reporting = False
        self._saving = False
        self._title = ""
        self._tabs_ready = False

        self.message = message_label(self, "editor_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form = BasicForm(self)
        self.form.edited.connect(self._on_edited)
        self.form.reveal_requested.connect(self.request_reveal)
        self.contacts = RecordsTab(runner, "contacts")
        self.financials = FinancialsTab(runner)
        self.financials.edited.connect(self._on_edited)
        self.credit_records = RecordsTab(runner, "credit_records")
        self.litigation = RecordsTab(runner, "litigation")
        self.transactions = TransactionsTab(runner)
        self.collateral = RecordsTab(runner, "collateral")
        self.outcomes = RecordsTab(runner, "outcomes")
        self.communications = RecordsTab(runner, "communications")
        self.complaints = RecordsTab(runner, "complaints")
        self.licences = LicencesTab(runner)
        self.documents = DocumentsTab(runner)
        self.history = HistoryTab(runner)
        self.grading = GradingTab(runner)
        self.reviews = ReviewsTab(runner)
        self.record_tabs = (self.contacts, self.financials, self.credit_records, self.litigation,
                            self.outcomes, self.transactions, self.collateral,
                            self.communications, self.complaints, self.licences)

        # What the customer's record says, one page: credit records, litigation and the bad
        # outcomes entered by hand, each list named beside its buttons. Bad outcomes are few:
        # their list starts smaller.
        credit_page = QSplitter(Qt.Orientation.Vertical)
        credit_page.setObjectName("credit_page")
        for part, share in ((self.credit_records, 3), (self.litigation, 3), (self.outcomes, 2)):
            part.show_caption()
            credit_page.addWidget(part)
            credit_page.setStretchFactor(credit_page.count() - 1, share)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editor_tabs")
        self.tabs.addTab(self.form, self.tr("Basic information"))
        for page, title in (
                (self.contacts, label_for(RECORD_KINDS["contacts"])),
                (self.financials, label_for(RECORD_KINDS["financials"])),
                (credit_page, self.tr("Credit, litigation, outcomes")),
                (self.transactions, label_for(RECORD_KINDS["transactions"])),
                # Beside the grading tab, whose standing shows the secured part of the limit.
                (self.collateral, self.tr("Collateral")),
                # Tall pages scroll: at 1366×768 the window must not outgrow the screen.
                (scrolled(self.grading), self.tr("Credit grading")),
                (scrolled(self.reviews), self.tr("Reviews and warnings")),
                (self.communications, label_for(RECORD_KINDS["communications"])),
                (self.complaints, label_for(RECORD_KINDS["complaints"])),
                (self.licences, label_for(RECORD_KINDS["licences"])),
                (self.documents, self.tr("Documents")),
                (self.history, self.tr("History"))):
            self.tabs.addTab(page, title)
        # 授信冻结 beside the file's tabs, whichever tab is open: the grading tab reports
        # the standing when the file opens and after every change to it.
        self.hold_marker = QLabel(self)
        self.hold_marker.setObjectName("hold_marker")
        self.hold_marker.setStyleSheet("background: #d32f2f; color: white; font-weight: bold; "
                                       "border-radius: 3px; padding: 1px 6px; margin: 2px;")
        self.hold_marker.hide()
        self.tabs.setCornerWidget(self.hold_marker, Qt.Corner.TopRightCorner)
        self.grading.credit_changed.connect(self._show_hold)

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setToolTip(self.tr("Undo every unsaved change (Esc)"))
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(self.revert)
        self.save_action = self._action(self.tr("Save"), QKeySequence.StandardKey.Save, self.save)
        self.revert_action = self._action(self.tr("Revert"), QKeySequence(Qt.Key.Key_Escape),
                                          self.revert)
        # 报告: the file's credit audit report, as this user may see it (a registered export).
        self.report_button = QPushButton(self.tr("Report…"), self)
        self.report_button.setObjectName("editor_report")
        self.report_button.setToolTip(self.tr("Make this file's credit audit report to preview, "
                                              "save or print (Ctrl+Shift+R)"))
        self.report_button.clicked.connect(lambda: self.make_report())
        self.report_action = self._action(self.tr("Report"), QKeySequence("Ctrl+Shift+R"),
                                          self.make_report)
        self.report_busy = report_common.BusyBar(self)
        self.privacy_button = PrivacyButton(runner, self)
        self.privacy_button.message.connect(
            lambda text, error: show_message(self.message, text, error=error))
        # The message line sits in the button bar, beside Save: shown or hidden, it never
        # moves the form (a line above the tabs pushed every field down under the pointer).
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.report_busy)
        buttons.addWidget(self.privacy_button)
        buttons.addWidget(self.message, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        runner.changed.connect(self._on_changed)
        if self.code:
            self.reload()
        else:
            self.form.load_new(kind)
            self.financials.set_kind(kind)
        self._set_tabs_enabled(self.code is not None)
        self._on_edited()
        self._update_report()

    def _action(self, text: str, keys, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: slot())
        self.addAction(action)
        return action

    def show_part(self, part: str, warning_id: int | None = None) -> None:
        """Bring forward the tab of what brought the user to the file: "reviews" (a review
        due), "warning" (that warning selected in the reviews tab) or "grading" (an approval)."""
        page = self.grading if part == "grading" else self.reviews
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if tab is page or tab.isAncestorOf(page):
                self.tabs.setCurrentIndex(index)
                if part == "warning" and isinstance(tab, QScrollArea):
                    tab.ensureWidgetVisible(self.reviews.warnings_box)
                break
        if part == "warning" and warning_id is not None:
            self.reviews.select_warning(int(warning_id))

    def _set_tabs_enabled(self, enabled: bool) -> None:
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, enabled)

    # -- loading ------------------------------------------------------------------------
    def reload(self) -> None:
        code = self.code
        run_for(self, self.runner, lambda desk: desk.customers.get(code), self._loaded,
                lambda error: show_message(self.message, str(error)))

    def _loaded(self, data: dict) -> None:
        self.data = data
        self.kind = data["kind"]
        self.financials.set_kind(self.kind)
        self.form.load(data)
        if not self._tabs_ready:
            self._tabs_ready = True
            self._set_tabs_enabled(True)
            for tab in (*self.record_tabs, self.documents, self.history, self.grading,
                        self.reviews):
                tab.set_code(self.code)
        self._on_edited()
        self._update_report()
        self.privacy_button.set_file(self.code, data)
        self.loaded.emit()

    def _on_changed(self, changes) -> None:
        """Another view (or a tab here) changed this file: refresh what it touched."""
        if self.code is None or changes.code != self.code:
            return
        if "customers" in changes and not self._saving and not self.form.is_dirty():
            self.reload()
        if "records" in changes:
            for tab in self.record_tabs:
                tab.refresh(external=True)
        if "documents" in changes:
            self.documents.refresh(external=True)
        if "audit" in changes and self.history.isVisible():
            self.history.refresh()

    def _show_hold(self, credit: dict) -> None:
        label, reasons = hold_texts(credit)
        self.hold_marker.setText(label)
        self.hold_marker.setToolTip(reasons)
        self.hold_marker.setVisible(bool(credit.get("hold")))

    # -- state --------------------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.form.is_dirty() or self.financials.is_dirty()

    def title(self) -> str:
        if self.code:
            name = self.data.get("name") or ""
            base = f"{name} ({self.code})" if name else self.code
        else:
            base = self.form.value("name").strip() if self.form.editors else ""
            base = base or (self.tr("New individual") if self.kind == "individual"
                            else self.tr("New enterprise"))
        return ("*" if self.has_unsaved_changes() else "") + base

    def _on_edited(self) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled((dirty or self.code is None) and not self._saving)
        self.revert_button.setEnabled(dirty and not self._saving)
        title = self.title()
        if title != self._title:
            self._title = title
            self.setWindowTitle(title)
            self.title_changed.emit(title)

    # -- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        """Start saving what changed; False when there is nothing to save or a save runs."""
        if self._saving:
            return False
        values = self.form.all_values() if self.code is None else self.form.changed_values()
        if self.code is not None and not values:
            if not self.financials.is_dirty():
                return False
            self._begin()
            self._save_financials()
            return True
        self._begin()
        self._run_save(values, {})
        return True

    def _begin(self) -> None:
        self._saving = True
        self.form.clear_errors()
        show_message(self.message, "")
        self._on_edited()

    def _run_save(self, values: dict, overrides: dict) -> None:
        code = self.code
        if code is None:
            job = lambda desk: desk.customers.add(values, overrides)  # noqa: E731
        else:
            # Saved only if nobody saved the file since it was loaded here (another PC of an
            # office database, another window): else refused with who and when.
            seen = (self.data or {}).get("updated_at")
            job = lambda desk: desk.customers.edit(code, values, overrides,  # noqa: E731
                                                   expected=seen)
        run_for(self, self.runner, job, self._form_saved,
                lambda error: self._form_refused(error, values, overrides))

    def _form_saved(self, changes) -> None:
        if self.code is None:
            self.code = changes.code
        code = self.code

        def shown(data):
            self._loaded(data)
            show_message(self.message, self.tr("Saved."), error=False)
            self.saved.emit(code)
            if self.financials.is_dirty():
                self._save_financials()
            else:
                self._finish(True)

        def unreadable(error):
            show_message(self.message, str(error))
            self._finish(True)
        run_for(self, self.runner, lambda desk: desk.customers.get(code), shown, unreadable)

    def _form_refused(self, error: CustdeskError, values: dict, overrides: dict) -> None:
        if isinstance(error, ValidationError):
            left = self.form.show_errors(error.errors)
            self.tabs.setCurrentWidget(self.form)
            if error.only_warnings:
                reasons = self._ask_override(error)
                if reasons:
                    self.form.clear_errors()
                    self._run_save(values, {**overrides, **reasons})
                    return
            show_message(self.message, error_lines(left) if left
                         else self.tr("Nothing was saved: please correct the fields marked in red."))
        elif isinstance(error, Conflict):
            show_message(self.message, str(error))
            self._finish(False)
            self._offer_reload(str(error))
            return
        else:
            show_message(self.message, str(error))
        self._finish(False)

    def _offer_reload(self, text: str) -> None:
        """Someone else saved this file first: reload it (what was typed here is shown
        once more, to be typed again) or keep it on screen to copy from."""
        answer = QMessageBox.question(
            self, self.tr("Changed by someone else"),
            self.tr("{message}\n\nReload the file now? What you typed here is not kept: "
                    "note it first if you need it.").format(message=text),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            self.form.clear_errors()
            show_message(self.message, "")
            self.reload()

    def _ask_override(self, error: ValidationError) -> dict[str, str] | None:
        """Values that only draw warnings (a check character, a region code, a phone range)
        may be kept with a recorded reason; None when the user declines."""
        reason, ok = QInputDialog.getText(
            self, self.tr("Keep this value?"),
            self.tr("{problems}\n\nIf you have checked it and it is right (the original document "
                    "or the customer says so), give a reason to keep it (recorded with the file "
                    "and in the audit log):")
            .format(problems=error_lines(error.errors)))
        if not ok or not reason.strip():
            return None
        return {e.field: reason.strip() for e in error.errors}

    def _save_financials(self) -> None:
        def done(ok: bool) -> None:
            if not ok:
                self.tabs.setCurrentWidget(self.financials)
            self._finish(ok)
        self.financials.save_finished.connect(done, Qt.ConnectionType.SingleShotConnection)
        if not self.financials.save():
            self.financials.save_finished.disconnect(done)
            self._finish(True)

    def _finish(self, ok: bool) -> None:
        self._saving = False
        self._on_edited()
        self._save_done.emit(ok)

    def revert(self) -> None:
        """Undo every unsaved change (Esc)."""
        if self._saving:
            return
        self.form.revert()
        self.financials.revert()
        show_message(self.message, "")

    # -- closing ------------------------------------------------------------------------
    def maybe_close(self) -> bool:
        """Whether the editor may close: asks Save / Discard / Cancel when there are changes."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("{title} has unsaved changes. Save them before closing?")
            .format(title=self.title().lstrip("*")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        if answer == QMessageBox.StandardButton.Save:
            return self._save_and_wait()
        return False

    def _save_and_wait(self) -> bool:
        """Save, waiting (with events flowing) for the answer, as a modal dialog would."""
        loop, result = QEventLoop(), {}

        def done(ok: bool) -> None:
            result["ok"] = ok
            loop.quit()
        self._save_done.connect(done)
        try:
            if not self.save():
                return not self.has_unsaved_changes()
            if "ok" not in result:
                loop.exec()
        finally:
            self._save_done.disconnect(done)
        return result["ok"] and not self.has_unsaved_changes()

    def closeEvent(self, event) -> None:
        if self.maybe_close():
            event.accept()
        else:
            event.ignore()

    # -- the report -----------------------------------------------------------------------
    def _update_report(self) -> None:
        may = self.code is not None and bool(self.data) and not self._reporting
        self.report_button.setEnabled(may)
        self.report_action.setEnabled(may)

    def make_report(self) -> report_options.ReportOptionsDialog | None:
        """Ask for the report's language (and, for a confidential or secret file, an optional
        password); then make it on the database thread and open the preview."""
        if self.code is None or not self.data or self._reporting:
            return None
        level = self.data.get("level")
        dialog = report_options.ReportOptionsDialog(
            f"{kind_label('customer')} — {self.code}", level in report_options.PROTECTED_LEVELS,
            self, level=level_label(LEVELS.index(level)) if level in LEVELS else "")
        dialog.accepted.connect(lambda: self.run_report(dialog.chosen_language(),
                                                        dialog.chosen_password()))
        dialog.finished.connect(dialog.deleteLater)
        self.report_dialog = dialog
        dialog.open()
        return dialog

    def run_report(self, lang: str | None, password: str | None = None) -> None:
        code = self.code
        self._reporting = True
        self._update_report()
        if self.has_unsaved_changes():
            show_message(self.message, self.tr("The report shows the file as saved: unsaved "
                                               "changes are not in it."), error=False)

        def end() -> None:
            self._reporting = False
            self._update_report()

        report_common.make_report(
            self, self.runner,
            lambda desk: reports.customer(desk, code, lang=lang, password=password),
            self.report_busy, lambda made: self.show_report(made, password),
            lambda error: show_message(self.message, str(error)), on_end=end)

    def show_report(self, made: reports.Export,
                    password: str | None = None) -> report_preview.ReportPreview:
        if self.history.isVisible():       # the export is in the file's history now
            self.history.refresh()
        if self.report_preview is not None:
            self.report_preview.close()
        preview = report_preview.ReportPreview(made, password, self)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(lambda _o=None, p=preview: self._forget_preview(p))
        self.report_preview = preview
        preview.show()
        return preview

    def _forget_preview(self, preview) -> None:
        if self.report_preview is preview:
            self.report_preview = None

    # -- revealing ----------------------------------------------------------------------
    def request_reveal(self, key: str) -> RevealDialog:
        dialog = RevealDialog(label_for(customer_field(key)), self)
        dialog.accepted.connect(lambda: self.reveal(key, dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        self.reveal_dialog = dialog
        dialog.open()
        return dialog

    def reveal(self, key: str, reason: str) -> None:
        """Show a masked field in full, in this view only; core checks clearance and logs it."""
        code = self.code

        def shown(data: dict) -> None:
            self.form.apply_reveal(data)
            show_message(self.message, "")
            if self.history.isVisible():
                self.history.refresh()
        run_for(self, self.runner,
                lambda desk: desk.customers.get(code, reveal=[key], reason=reason), shown,
                lambda error: show_message(self.message, str(error)))
