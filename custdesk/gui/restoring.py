"""Restoring a backup from the window (设置 › 备份) or the login screen (a damaged database):
the passwords it needs and what to tell the user afterwards.

The user gives their CURRENT password (they must be an active administrator now). The
backup's key slots may hold an older one: only when the current password does not open
them is the password as it was then asked for. After a restore the key slots are the
backup's, so passwords are as they were when it was made.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QWidget

from ..core.store.keyslots import KeySlots

#: what a restore job returns when the backup needs the password as it was then
NEED_BACKUP_PASSWORD = object()


def opens_backup(backup: Path | str, name: str, password: str) -> bool:
    """On the database thread: whether ``password`` opens ``name``'s slot in a backup set."""
    try:
        return KeySlots.load(Path(backup)).unlock(name, password) is not None
    except (OSError, ValueError, KeyError):
        return False


def ask_backup_password(parent: QWidget) -> str | None:
    """The password as it was when the backup was made (it differs from the current one)."""
    text, ok = QInputDialog.getText(
        parent, QApplication.translate("restore", "Restore backup"),
        QApplication.translate("restore", "Your current password does not open this backup: "
                               "it was changed after the backup was made. Enter your password "
                               "as it was then:"), QLineEdit.EchoMode.Password)
    return text if ok and text else None


def restored_text(result, backup_password_differs: bool = False) -> str:
    """What a restore did (``RestoreResult``), for the person who asked for it."""
    lines = [QApplication.translate("restore", "The backup was restored.")]
    again = tuple(getattr(result, "disabled_again", ()) or ())
    if again:
        lines.append(QApplication.translate(
            "restore", "These users were active in the backup but had been disabled before "
            "the restore; they were disabled again (with new keys): %1").replace(
                "%1", ", ".join(again)))
    if backup_password_differs:
        lines.append(QApplication.translate(
            "restore", "Passwords are as they were when the backup was made: yours is the one "
            "you gave for the backup."))
    return "\n".join(lines)
