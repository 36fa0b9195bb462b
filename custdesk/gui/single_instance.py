"""One running window per database file.

A lock file in the system temporary folder, named after a hash of the
database's absolute path (an office database's address and the PC's account), says that a window has the database open. QLockFile
writes the holder's process id into it, so a lock left by a crashed program is
recognised as stale and taken over. The holder also listens on a local socket
of the same name: a second start tells it to come to the front, then gives up.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QLockFile, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox

PREFIX = "custdesk-"
ACTIVATE = b"activate\n"
CONNECT_MS = 1000


def instance_key(db_path: Path | str) -> str:
    """A short name for the database: the same file always gives the same key. An office
    database is named by its address (host, port, name) and this PC's account: each person
    on a shared PC may have it open in a window of their own."""
    from ..core import office
    if office.is_url(db_path):
        import getpass
        from ..core.office.session import where
        name = f"{where(db_path)}|{getpass.getuser()}"
    else:
        name = os.path.normcase(os.path.abspath(os.fspath(db_path)))
    return PREFIX + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    """``acquire()`` is True for the first instance on a database file, False for others.

    The first emits ``activate_requested`` when a later one starts (raise the window).
    """

    activate_requested = Signal()

    def __init__(self, db_path: Path | str, parent: QObject | None = None):
        super().__init__(parent)
        self.key = instance_key(db_path)
        self.lock_path = str(Path(QDir.tempPath()) / (self.key + ".lock"))
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []
        self.held = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)

    def acquire(self) -> bool:
        if self.held:
            return True
        lock = QLockFile(self.lock_path)
        # The lock is held for the whole session: never call it stale by age, only when
        # the process that wrote it is gone (QLockFile checks the process id).
        lock.setStaleLockTime(0)
        if lock.tryLock(0):
            self._lock = lock
            self.held = True
            self._listen()
            return True
        if lock.error() == QLockFile.LockError.LockFailedError:
            self._ask_holder_to_activate()
            return False
        # The temporary folder is unusable (permissions, full disk): this guard is only a
        # convenience, the database copes with two writers, so let the program run.
        self.held = True
        return True

    def release(self) -> None:
        for socket in self._clients:
            # Quietly: a socket torn down with its server must not call back into us.
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.abort()
            socket.deleteLater()
        self._clients.clear()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self.held = False

    # -- the local socket ---------------------------------------------------------------
    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket of this name was left by a crashed holder.
        QLocalServer.removeServer(self.key)
        if not server.listen(self.key):
            server.deleteLater()
            return      # activation requests will not arrive; locking still works
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._clients.append(socket)
            socket.readyRead.connect(self._on_message)
            socket.disconnected.connect(self._on_disconnected)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_message(self) -> None:
        socket = self.sender()
        if socket in self._clients:
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if ACTIVATE.strip() in bytes(socket.readAll().data()):
            self.activate_requested.emit()

    def _on_disconnected(self) -> None:
        socket = self.sender()
        if socket in self._clients:
            self._clients.remove(socket)
            socket.readyRead.disconnect()
            socket.disconnected.disconnect()
            socket.deleteLater()

    def _ask_holder_to_activate(self) -> None:
        socket = QLocalSocket(self)
        socket.connectToServer(self.key)
        if socket.waitForConnected(CONNECT_MS):
            socket.write(ACTIVATE)
            socket.waitForBytesWritten(CONNECT_MS)
            socket.disconnectFromServer()
        socket.deleteLater()


def already_open_box(text: str) -> QMessageBox:
    """The second start's note that the database is open elsewhere, kept above the other
    window: that window comes to the front as asked, after this note opened, and hid it."""
    box = QMessageBox(QMessageBox.Icon.Information, "custdesk", text)
    box.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    return box
