"""Writing a file the user asked for so that a crash leaves the old file or the whole new one."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable

from . import i18n

i18n.register({
    "os.not_found": ("文件不存在", "no such file"),
    "os.is_directory": ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    "os.denied": ("没有权限", "permission denied"),
    "os.no_space": ("磁盘空间不足", "the disk is full"),
    "os.read_only": ("磁盘或文件夹为只读", "the disk or folder is read-only"),
    "file.not_regular": ("只能读取普通文件（这是文件夹、设备或管道）",
                         "only ordinary files can be read (this is a folder, a device or a pipe)"),
    "file.too_big": ("文件过大（超过 {limit} MB）", "the file is too large (over {limit} MB)"),
})


class NotRegularFile(ValueError):
    """A folder, a device (/dev/zero) or a pipe where a file was expected."""

    def __init__(self):
        super().__init__(i18n.tr("file.not_regular"))


class FileTooBig(ValueError):
    def __init__(self, size: int, limit: int):
        self.size, self.limit = size, limit
        super().__init__(i18n.tr("file.too_big", limit=f"{limit / 1048576:g}"))


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of an ordinary file a user named, at most ``limit`` of them whatever ``stat``
    says of its size (/proc files say 0; a file may grow while read). A folder, a device
    or a pipe is refused before a byte is read (a pipe without a writer does not make this
    wait). Raises NotRegularFile, FileTooBig or OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile()
        if info.st_size > limit:
            raise FileTooBig(info.st_size, limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise FileTooBig(total, limit)
        return b"".join(chunks)
    finally:
        os.close(fd)

_OS_ERRORS = {errno.ENOENT: "os.not_found", errno.EISDIR: "os.is_directory",
              errno.EACCES: "os.denied", errno.EPERM: "os.denied", errno.ENOSPC: "os.no_space",
              errno.EROFS: "os.read_only"}


def os_error_text(error: OSError) -> str:
    """Why a file could not be read or written, in the user's language where the reason is
    a common one (the system's own text, which is English, otherwise)."""
    key = _OS_ERRORS.get(error.errno)
    return i18n.tr(key) if key else (error.strerror or str(error))


# Every file custdesk writes holds customer data or keys: readable by its owner only
# (0600), in folders only its owner can list (0700) when custdesk makes them. The
# program also sets its umask to 077 at start, for what libraries create on their own.
FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path | str) -> Path:
    """Make ``path`` (and missing parents) with mode 0700; an existing folder is left as is."""
    path = Path(path)
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        with _ignore_unsupported():
            os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path | str) -> int:
    """Open (creating with mode 0600) ``path`` for reading and writing; return the descriptor."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    with _ignore_unsupported():
        os.fchmod(fd, FILE_MODE)
    return fd


def touch_private(path: Path | str) -> None:
    """Create ``path`` empty with mode 0600 unless it exists (a database before SQLite opens it:
    SQLite gives its -wal and -shm files the mode of the database file)."""
    path = Path(path)
    if not path.exists():
        private_dir(path.parent)
        os.close(private_file(path))


class _ignore_unsupported:
    # Windows keeps no Unix modes: its per-user folders already keep other accounts out.
    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        return kind is not None and issubclass(kind, (NotImplementedError, AttributeError))


def tighten(db_path: Path) -> None:
    """Make a database's files readable by their owner alone (files an older custdesk made
    with the default mode, 0644). Best effort: a file another account owns is left alone."""
    for suffix in ("", "-wal", "-shm", ".keys", ".audit-head", ".keys.lock"):
        path = Path(str(db_path) + suffix)
        try:
            if path.exists() and path.stat().st_mode & 0o077:
                os.chmod(path, FILE_MODE)
        except (OSError, NotImplementedError):
            continue


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a directory; its rename is durable enough
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic_bytes(path: Path | str, content: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write ``content`` (bytes, or a function writing to the open file) to ``path`` through a
    temporary name in the same folder, fsync and rename. The file is 0600. Raises OSError."""
    path = Path(path)
    if not path.parent.is_dir():
        private_dir(path.parent)
    # mkstemp creates the file 0600 whatever the umask. The writer's pid in the name lets
    # ``remove_stale_temps`` tell a killed writer's leftover from a live writer's file.
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part",
                                    dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            if callable(content):
                content(out)
            else:
                out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:             # someone else's process: alive
        return True
    return True


def remove_stale_temps(path: Path | str) -> list[Path]:
    """Remove what writers of ``path`` killed part-way left beside it: ``write_atomic_bytes``'s
    ``.<name>.<pid>.*.part`` and older custdesk's ``<name>.<pid>.*.tmp``, when that pid is no
    longer running (a live writer's file is left alone). Returns the files removed."""
    path = Path(path)
    if os.name == "nt":         # no signal-0 probe there; leftovers are only clutter
        return []
    removed = []
    try:
        entries = list(path.parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        name = entry.name
        if name.startswith(f".{path.name}.") and name.endswith(".part"):
            rest = name[len(path.name) + 2:]
        elif name.startswith(f"{path.name}.") and name.endswith(".tmp"):
            rest = name[len(path.name) + 1:]
        else:
            continue
        pid = rest.split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
            continue
        try:
            entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def write_atomic(path: Path | str, text: str) -> Path:
    """``write_atomic_bytes`` for UTF-8 text (the small JSON files beside the database)."""
    return write_atomic_bytes(path, text.encode("utf-8"))
