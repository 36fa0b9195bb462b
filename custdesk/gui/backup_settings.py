"""设置 › 备份: the list of backups (kind, who made it, when, size, label) with back up now,
verify, restore, delete and open folder for everyone who may back up; the backup folder, how
many to keep and the backup on exit for those who manage settings. Everything runs on the
DeskRunner."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QApplication, QCheckBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
                               QMessageBox, QProgressBar, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from ..core import backup
from ..core.access import allowed
from ..core.clock import local_text
from .editor.jobs import list_table
from .enter_saves import enter_saves
from .restoring import NEED_BACKUP_PASSWORD, ask_backup_password, opens_backup, restored_text

# the list's columns
MADE, KIND, BY, SIZE, LABEL, STATUS = range(6)


def listing(desk) -> tuple[Path, list[tuple[backup.BackupSet, bool]]]:
    """On the database thread: the folder, and each set with whether this user may delete it."""
    return (backup.config(desk).folder,
            [(found, backup.may_delete(desk, found)) for found in backup.sets_of(desk)])


def described(found: backup.BackupSet) -> str:
    """A set as a question names it: when it was made (local time) and its label."""
    when = local_text(found.manifest.get("created_at"))
    return f"{when} “{found.label}”" if found.label else when


class BackupBox(QGroupBox):
    def __init__(self, runner, user, parent=None):
        super().__init__(self.tr("Backups"), parent)
        self._runner = runner
        self._user = user
        self._sets: list[backup.BackupSet] = []
        self._deletable: set[Path] = set()
        self._folder: Path | None = None
        #: what the last restore did (``RestoreResult``)
        self.restored = None
        #: the backup folder, retention and the backup on exit: for those who manage settings
        self.manages = allowed(user.role, "settings.manage")
        layout = QVBoxLayout(self)
        if self.manages:
            layout.addLayout(self._settings_form())

        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.setEnabled(allowed(user.role, "backup.create"))
        self.backup_button.clicked.connect(lambda: self.backup_now())
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        now_row = QHBoxLayout()
        now_row.addWidget(self.backup_button)
        now_row.addWidget(self.progress, 1)
        # The button keeps its own width while the progress bar is hidden.
        now_row.addStretch(1)
        if self.manages:
            note = self.tr("Backups made by hand are kept until someone deletes them; automatic "
                           "ones follow the rule above.")
        else:
            note = self.tr("Backups made by hand are kept until someone deletes them; automatic "
                           "ones are thinned out by the rule a manager sets.")
        self.kept_note = QLabel(note)
        self.kept_note.setWordWrap(True)
        self.kept_note.setProperty("role", "hint")

        self.table = list_table(QTableWidget(0, 6))
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"),
                                              self.tr("Made by"), self.tr("Size"),
                                              self.tr("Label"), self.tr("Status")])
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        # Seven rows: a week of sets without scrolling.
        self.table.setMinimumHeight(240)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setVisible(allowed(user.role, "user.manage"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Only backups made by hand can be deleted: your "
                                              "own, or anyone's for a manager."))
        self.delete_button.clicked.connect(self.delete_selected)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.clicked.connect(self.open_folder)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for button in (self.verify_button, self.restore_button, self.delete_button,
                       self.open_button, refresh):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout.addLayout(now_row)
        layout.addWidget(self.kept_note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._selection_changed()
        if self.manages:
            self._runner.run(backup.config, self._show_config, self._error)
        else:
            self.refresh()

    # -- settings ---------------------------------------------------------------------------
    def _settings_form(self) -> QFormLayout:
        self.folder = QLineEdit()
        self.folder.setObjectName("backup_folder")
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.daily = QSpinBox()
        self.daily.setRange(1, backup.MAX_KEEP)
        self.weekly = QSpinBox()
        self.weekly.setRange(0, backup.MAX_KEEP)
        self.recent = QSpinBox()
        self.recent.setRange(0, backup.MAX_KEEP)
        self.on_exit = QCheckBox(self.tr("Back up when custdesk closes"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        enter_saves(self, self.save_button)
        form = QFormLayout()
        form.addRow(self.tr("Folder"), folder_row)
        form.addRow(self.tr("Daily backups kept"), self.daily)
        form.addRow(self.tr("Weekly backups kept"), self.weekly)
        form.addRow(self.tr("Today's automatic backups kept"), self.recent)
        form.addRow("", self.on_exit)
        form.addRow("", self.save_button)
        return form

    def _show_config(self, config: backup.BackupConfig) -> None:
        self.folder.setText(str(config.folder))
        self.daily.setValue(config.daily)
        self.weekly.setValue(config.weekly)
        self.recent.setValue(config.recent)
        self.on_exit.setChecked(config.on_exit)
        self.refresh()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def save(self) -> None:
        folder, daily, weekly = self.folder.text().strip(), self.daily.value(), self.weekly.value()
        recent, on_exit = self.recent.value(), self.on_exit.isChecked()
        self._runner.run(lambda desk: backup.configure(desk, folder=folder, daily=daily,
                                                       weekly=weekly, on_exit=on_exit,
                                                       recent=recent),
                         lambda _c: (self._say(self.tr("Saved.")), self.refresh()), self._error)

    # -- backing up ---------------------------------------------------------------------------
    def ask_label(self) -> str | None:
        """The label for a backup made now ("" for none), or None when cancelled."""
        text, ok = QInputDialog.getText(
            self, self.tr("Back up now"),
            self.tr("A note on this backup, to find it again (optional), e.g. “before trying "
                    "the new import”:"))
        return text.strip() if ok else None

    def backup_now(self, label: str | None = None) -> None:
        """Ask for a label (unless given), then back up on the database thread."""
        if label is None:
            label = self.ask_label()
            if label is None:
                return
        self.backup_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        # The progress callback runs on the database thread: hand values over with a queued call.
        from PySide6.QtCore import QMetaObject, Q_ARG

        def report(percent: int) -> None:
            QMetaObject.invokeMethod(self.progress, "setValue", Qt.ConnectionType.QueuedConnection,
                                     Q_ARG(int, percent))

        self._runner.run(lambda desk: backup.make_backup(desk, reason="manual", progress=report,
                                                         label=label),
                         self._backed_up, self._backup_failed)

    def _backed_up(self, made: backup.BackupSet) -> None:
        self.backup_button.setEnabled(True)
        self.progress.setValue(100)
        self.progress.hide()
        self._say(self.tr("Backed up to %1").replace("%1", str(made.database)))
        self.refresh()

    def _backup_failed(self, exc) -> None:
        self.backup_button.setEnabled(True)
        self.progress.hide()
        self._error(exc)

    # -- the list -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._runner.run(listing, self._fill, self._error)

    def _fill(self, listed: tuple[Path, list[tuple[backup.BackupSet, bool]]]) -> None:
        self._folder, pairs = listed
        self._sets = [found for found, _ in pairs]
        self._deletable = {found.database for found, may in pairs if may}
        self.table.setRowCount(len(self._sets))
        for row, found in enumerate(self._sets):
            if not found.ok:
                status = "; ".join(found.problems)
            elif found.trusted is False:
                status = self.tr("Its kind, maker or label was changed outside custdesk")
            else:
                status = self.tr("OK")
            values = {MADE: local_text(found.manifest.get("created_at")),
                      KIND: backup.kind_label(found.kind),
                      BY: found.made_by_display or found.made_by,
                      SIZE: backup.size_text(found.size), LABEL: found.label, STATUS: status}
            for col, value in values.items():
                item = QTableWidgetItem(value)
                item.setToolTip(found.name if col != STATUS else value)
                if col == SIZE:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        chosen = self._sets[row] if 0 <= row < len(self._sets) and \
            self.table.selectionModel().hasSelection() else None
        self.verify_button.setEnabled(chosen is not None)
        self.restore_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None and chosen.database in self._deletable)

    def selected(self) -> backup.BackupSet | None:
        row = self.table.currentRow()
        if 0 <= row < len(self._sets):
            return self._sets[row]
        self._say(self.tr("Select a backup first."))
        return None

    def open_folder(self) -> None:
        if self._folder is None:
            return
        self._folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def delete_selected(self) -> None:
        found = self.selected()
        if found is None or found.database not in self._deletable:
            return
        what = described(found)
        if QMessageBox.question(
                self, self.tr("Delete backup"),
                self.tr("Delete the backup made by hand %1 by %2? It cannot be undone.")
                .replace("%1", what).replace("%2", found.made_by_display or found.made_by)
        ) != QMessageBox.StandardButton.Yes:
            return
        name = found.name
        self._runner.run(lambda desk: backup.delete_set(desk, name),
                         lambda _c: (self._say(self.tr("Deleted %1.").replace("%1", what)),
                                     self.refresh()), self._error)

    def verify_selected(self) -> None:
        found = self.selected()
        if found is None:
            return

        def done(checked: backup.BackupSet) -> None:
            if checked.ok:
                self._say(self.tr("%1 is intact: checksum, pages, structure and audit chain.")
                          .replace("%1", checked.name))
            else:
                self._error("; ".join(checked.problems))

        self._runner.run(lambda desk: backup.verify_backup(found.database, desk.key), done,
                         self._error)

    def restore_selected(self) -> None:
        found = self.selected()
        if found is None:
            return
        if QMessageBox.question(
                self, self.tr("Restore backup"),
                self.tr("Replace the database with the backup made %1? The current database is "
                        "kept beside it under another name. Everyone else must close custdesk "
                        "first.").replace("%1", described(found))
        ) != QMessageBox.StandardButton.Yes:
            return
        password, ok = QInputDialog.getText(
            self, self.tr("Restore backup"), self.tr("Your current password:"),
            QLineEdit.EchoMode.Password)
        if ok and password:
            self.restore(found.database, password)

    def restore(self, database: Path, password: str, backup_password: str | None = None) -> None:
        """Close the desk, restore, open the restored database as the same user.

        ``password`` is the user's current one; ``backup_password`` the one as it was when
        the backup was made, asked for only when the current one does not open the backup.
        """
        runner, name = self._runner, self._user.name

        def job(desk):
            from ..core.desk import Desk
            from ..core.errors import AuthenticationFailed, CustdeskError
            from ..core.restore import restore
            path = desk.path
            # Both passwords are checked before anything is closed (a wrong current one
            # counts towards the login back-off and is logged).
            if not desk.verify_password(password, action="restore.confirm"):
                raise AuthenticationFailed()
            if backup_password is None and not opens_backup(database, name, password):
                return NEED_BACKUP_PASSWORD
            if backup_password is not None and not opens_backup(database, name, backup_password):
                raise AuthenticationFailed(QApplication.translate(
                    "restore", "That password does not open this backup either."))
            desk.close()
            runner.set_desk(None)
            try:
                result = restore(path, database, user=name, password=password,
                                 backup_password=backup_password)
            except BaseException:
                # The previous database is back in place: open it again with the password now.
                try:
                    runner.set_desk(Desk.open(path, name, password, daily_check=False))
                except CustdeskError:
                    pass
                raise
            # The key slots are the backup's now: the password as it was then opens them.
            runner.set_desk(Desk.open(path, name, backup_password or password,
                                      daily_check=False))
            return result

        def done(result) -> None:
            if result is NEED_BACKUP_PASSWORD:
                older = ask_backup_password(self)
                if older:
                    self.restore(database, password, older)
                else:
                    self._say(self.tr("Nothing was restored."))
                return
            self.restored = result
            text = restored_text(result, backup_password is not None)
            if result.disabled_again:
                self._error(text)
            else:
                self._say(text)
            # Every view shows the restored file now.
            self._runner.changed.emit(result.changes)
            self.refresh()

        self._runner.run(job, done, self._error)

    # -- messages -------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _error(self, exc) -> None:
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setText(str(exc))
