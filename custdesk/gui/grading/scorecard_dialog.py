"""A scorecard's TOML text: read it, or edit a copy and save it as a new scorecard or version.

The text is the scorecard (``resources/scorecards/*.toml`` explain the format in their
comments). Check reads it as core will; Save stores it through the runner. Both list
every problem core finds, in the user's language, and leave the text as it is, so
nothing typed is lost to a mistake. Closing with unsaved text asks first.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextOption
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from ...core.errors import CustdeskError
from ...core.grading.scorecard import ScorecardError, parse
from ..editor.jobs import run_for

ERROR_STYLE = "color: #d32f2f;"
OK_STYLE = "color: #2e7d32;"


class ScorecardDialog(QDialog):
    """``ScorecardDialog(runner, source, title)`` edits; ``read_only=True`` only shows.

    ``saved(name, version)`` after core has stored the text.
    """

    saved = Signal(str, int)

    def __init__(self, runner, source: str, title: str, read_only: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scorecard_dialog")
        self.setWindowTitle(title)
        self._runner = runner
        self._read_only = read_only
        self._saving = False
        self.is_saved = False

        hint = QLabel(self.tr("Read-only: copy a scorecard to change it.") if read_only else self.tr(
            "Edit the copy, then Check and Save. The comments in the text explain each part; "
            "name and version at the top say what is saved: a new name starts at version 1, a "
            "new version of your own scorecard takes the next number."), self)
        hint.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("scorecard_text")
        # Monospace, so the aligned comments and tables of the TOML line up.
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(max(mono.pointSize(), self.font().pointSize()))
        self.editor.setFont(mono)
        self.editor.setWordWrapMode(QTextOption.WrapMode.NoWrap)
        self.editor.setPlainText(source)
        self.editor.setReadOnly(read_only)
        self.editor.document().setModified(False)
        self.status = QLabel(self)
        self.status.setObjectName("scorecard_status")
        self.status.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("scorecard_problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setMaximumHeight(120)
        self.problems.hide()

        buttons = QDialogButtonBox(self)
        bottom = QHBoxLayout()
        if read_only:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            # Check sits apart, on the left: it only reads; Save and Cancel close the dialog.
            self.check_button = QPushButton(self.tr("Check"), self)
            self.check_button.setObjectName("scorecard_check")
            self.check_button.setAutoDefault(False)
            self.check_button.clicked.connect(self.check)
            bottom.addWidget(self.check_button)
            self.save_button = buttons.addButton(QDialogButtonBox.StandardButton.Save)
            self.save_button.setObjectName("scorecard_save")
            self.save_button.clicked.connect(self.save)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        bottom.addStretch(1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.problems)
        layout.addLayout(bottom)
        self.resize(820, 640)

    def text(self) -> str:
        return self.editor.toPlainText()

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

    # -- checking and saving --------------------------------------------------------------
    def check(self) -> bool:
        """Read the text as core reads it (no database needed); True when it is usable.

        Whether the name and version may be saved is the library's to say, on Save.
        """
        try:
            card = parse(self.text())
        except ScorecardError as error:
            self._show_problems(error.problems)
            return False
        self._show_problems([])
        self._set_status(self.tr("No problems found in %1 version %2.")
                         .replace("%1", card.name).replace("%2", str(card.version)), OK_STYLE)
        return True

    def save(self) -> None:
        if self._saving or self._read_only:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self._set_status(self.tr("Saving…"), "")
        text = self.text()
        # The job returns core's Changes, so the window hears of the new scorecard.
        run_for(self, self._runner, lambda desk: desk.grading.library.save(text),
                lambda _changes: self._saved(text), self._refused)

    def _saved(self, text: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.is_saved = True
        self.editor.document().setModified(False)
        self._show_problems([])
        card = parse(text)   # stored as is, so it reads
        self.saved.emit(card.name, card.version)
        self.accept()

    def _refused(self, error: CustdeskError) -> None:
        # Every problem stays on screen next to the untouched text, to be fixed in place.
        self._saving = False
        self.save_button.setEnabled(True)
        problems = error.problems if isinstance(error, ScorecardError) else [str(error)]
        self._show_problems(problems)

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.clear()
        self.problems.addItems(problems)
        self.problems.setVisible(bool(problems))
        if problems:
            self._set_status(self.tr("%1 problem(s): the scorecard was not saved.")
                             .replace("%1", str(len(problems))), ERROR_STYLE)
        else:
            self._set_status("", "")

    def _set_status(self, text: str, style: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)

    # -- closing --------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel or Esc: unsaved edits are only dropped when the user says so."""
        if not self._read_only and not self.is_saved and self.editor.document().isModified():
            if not self.confirm_discard():
                return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard changes"),
            self.tr("The scorecard text has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
