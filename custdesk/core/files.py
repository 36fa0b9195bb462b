"""Writing a file the user asked for so that a crash leaves the old file or the whole new one."""

from __future__ import annotations

import errno
import os
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
})

_OS_ERRORS = {errno.ENOENT: "os.not_found", errno.EISDIR: "os.is_directory",
              errno.EACCES: "os.denied", errno.EPERM: "os.denied", errno.ENOSPC: "os.no_space",
              errno.EROFS: "os.read_only"}


def os_error_text(error: OSError) -> str:
    """Why a file could not be read or written, in the user's language where the reason is
    a common one (the system's own text, which is English, otherwise)."""
    key = _OS_ERRORS.get(error.errno)
    return i18n.tr(key) if key else (error.strerror or str(error))


def write_atomic_bytes(path: Path | str, content: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write ``content`` (bytes, or a function writing to the open file) to ``path`` through a
    temporary name in the same folder, fsync and rename. Raises OSError."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
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
    return path
