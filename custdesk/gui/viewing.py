"""Where a document opened in another program is written while it is viewed.

Documents are stored encrypted in the database; a program outside custdesk can only open
a file. Each run of custdesk writes them into a folder of its own (mode 0700, files 0600)
under one root, preferably in ``$XDG_RUNTIME_DIR`` (memory, emptied at logout) or else in
the per-user data folder. The run holds a lock file in its folder (QLockFile: it names
the process); at exit the folder is removed, and at the next start ``sweep`` removes
what a run that crashed (or was killed, or lost power) left behind. Folders of runs that
are still going (another database's window) are left alone.

Images and PDFs are shown from memory instead (``editor.document_viewer``) and never
reach the disk.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
from pathlib import Path

from PySide6.QtCore import QLockFile

from .. import paths

FOLDER = "custdesk-viewing"
LOCK = ".lock"


def _usable_runtime_dir() -> Path | None:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return None
    try:
        info = os.lstat(runtime)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & 0o077:
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return None
    return Path(runtime)


def root() -> Path:
    """The folder that holds one sub-folder per running custdesk."""
    return (_usable_runtime_dir() or paths.data_dir()) / FOLDER


def private_folder(folder: Path) -> Path:
    """``folder`` created if missing, refused if it is a link or someone else's, and made
    private (0700) if it was not."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise OSError(f"{folder} is not a folder")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise OSError(f"{folder} belongs to someone else")
    if os.name == "posix" and info.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def _safe_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name.strip().lstrip(".")
    base = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*')
    return base[:120] or "document"


class ViewingFolder:
    """This run's folder: made on first use, locked while the program runs."""

    def __init__(self, base: Path | None = None):
        self.base = base
        self.folder: Path | None = None
        self._lock: QLockFile | None = None

    def path(self) -> Path:
        if self.folder is None:
            base = private_folder(self.base or root())
            folder = base / f"{os.getpid()}-{secrets.token_hex(4)}"
            folder.mkdir(mode=0o700)
            lock = QLockFile(str(folder / LOCK))
            # Held for the whole run: stale only when the process that wrote it is gone.
            lock.setStaleLockTime(0)
            lock.tryLock(0)
            self.folder, self._lock = folder, lock
        return self.folder

    def write(self, name: str, content: bytes) -> Path:
        """``content`` as a new file named like ``name`` (0600; never over another file)."""
        folder = self.path()
        base = _safe_name(name)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | \
            getattr(os, "O_BINARY", 0)
        for n in range(1, 1000):
            target = folder / (base if n == 1 else f"{Path(base).stem} ({n}){Path(base).suffix}")
            try:
                fd = os.open(target, flags, 0o600)
            except FileExistsError:
                continue
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(content)
            except BaseException:
                target.unlink(missing_ok=True)
                raise
            return target
        raise OSError(f"too many copies of {base}")

    def remove(self) -> None:
        """Delete the folder and everything in it (at exit)."""
        folder, lock = self.folder, self._lock
        self.folder = self._lock = None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
        if lock is not None:
            lock.unlock()


def discard(files) -> None:
    """Delete files written for viewing (their editor closed). A file still open in a viewer
    on Windows cannot be deleted: it goes at exit or at the next start."""
    for path in list(files):
        try:
            Path(path).unlink(missing_ok=True)
        except OSError:
            pass


def sweep(base: Path | None = None) -> list[Path]:
    """Remove what runs that are gone left in the viewing root; returns what was removed."""
    base = base or root()
    removed: list[Path] = []
    try:
        entries = list(base.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry.is_dir() and not entry.is_symlink():
            lock = QLockFile(str(entry / LOCK))
            lock.setStaleLockTime(0)
            # tryLock takes over a lock whose process is gone; a live run keeps its own.
            if not lock.tryLock(0):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            lock.unlock()
        else:
            try:
                entry.unlink()
            except OSError:
                continue
        removed.append(entry)
    return removed


_session: ViewingFolder | None = None


def session() -> ViewingFolder:
    """The viewing folder of this run."""
    global _session
    if _session is None:
        _session = ViewingFolder()
    return _session


def end_session() -> None:
    """At exit: this run's folder goes."""
    global _session
    if _session is not None:
        _session.remove()
        _session = None
