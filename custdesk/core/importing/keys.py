"""Checks and search keys (name key, pinyin, phone tail) for many new files at once.

Checking 100,000 rows and the pinyin of their names are several seconds each of pure
Python. When the machine has a second core, a helper process (``python -m
custdesk.core.importing.keys``) reads one chunk of rows (``run.read_rows``: the cells
normalised, ``archive.clean_file``, the form's own check) and works out its keys while
this process reads the next chunk from the file and writes the one before. The helper
runs the same functions the archive runs (its keys are ``_search_keys``'s; its phone part
is ``disclosure.phone_tail``). Whatever goes wrong with the helper, the work is done here
instead.
"""

from __future__ import annotations

import functools
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path

_HEADER = struct.Struct("<Q")


@functools.lru_cache(maxsize=50_000)
def _one(name: str, kind: str) -> tuple:
    from ..customers.archive import CustomerArchive
    keys = CustomerArchive._search_keys(name, None, kind)
    return keys["name_norm"], keys["pinyin_initials"], keys["pinyin_full"], keys["sort_key"]


def keys_for(items: list[tuple[str, str | None, str]]) -> list[tuple]:
    """(name_norm, initials, full pinyin, sort key, phone_rev) of (name, phone, kind) items, in
    order (a name that repeats is worked out once)."""
    from ..disclosure import phone_tail
    return [(*_one(name, kind), phone_tail(phone)) for name, phone, kind in items]


def _read_rows(payload) -> list[tuple]:
    from .run import read_rows
    return read_rows(payload)


#: the work a helper does, by name
JOBS = {"keys": keys_for, "read": _read_rows}


def _write_frame(stream, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _read_frame(stream):
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


class KeyMaker:
    """Batches of keys, made in a helper process when ``parallel`` (and the machine has
    more than one core, and this is not a frozen build), else here when asked for."""

    def __init__(self, parallel: bool):
        self._items: list[list] = []
        self._results: dict[int, list] = {}
        self._done = threading.Condition()
        self._alive = False
        self._proc = None
        self._outbox: queue.Queue = queue.Queue()
        self._parallel = parallel and (os.cpu_count() or 1) > 1 and not getattr(sys, "frozen", False)

    def _start(self) -> None:
        root = str(Path(__file__).resolve().parents[3])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "custdesk.core.importing.keys"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        except OSError:
            return
        self._alive = True
        threading.Thread(target=self._send, daemon=True).start()
        threading.Thread(target=self._receive, daemon=True).start()

    def _send(self) -> None:
        try:
            while (items := self._outbox.get()) is not None:
                _write_frame(self._proc.stdin, items)
            self._proc.stdin.close()
        except (OSError, ValueError):
            pass

    def _receive(self) -> None:
        index = 0
        try:
            while (keys := _read_frame(self._proc.stdout)) is not None:
                with self._done:
                    self._results[index] = keys
                    self._done.notify_all()
                index += 1
        except Exception:
            pass
        with self._done:
            self._alive = False
            self._done.notify_all()

    def submit(self, items: list[tuple[str, str | None, str]], last: bool = False) -> None:
        """Queue a batch of keys to work out (``submit_job("keys", items)``)."""
        self.submit_job("keys", items, last)

    def submit_job(self, name: str, payload, last: bool = False) -> None:
        """Queue a job (``JOBS``); the helper starts with the first job that is not the
        ``last`` (a small file's only batch is not worth a process)."""
        self._items.append((name, payload))
        if self._parallel and self._proc is None and not last:
            self._start()
        if self._alive:
            self._outbox.put((name, payload))

    def batch(self, index: int):
        """The result of the ``index``-th submitted job (worked out here if the helper is
        not running or has failed)."""
        with self._done:
            while index not in self._results and self._alive:
                self._done.wait()
            result = self._results.pop(index, None)
        if result is None:
            name, payload = self._items[index]
            result = JOBS[name](payload)
        self._items[index] = None             # done: its payload is not kept
        return result

    def close(self) -> None:
        if self._proc is not None:
            self._outbox.put(None)
            try:
                self._proc.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            for stream in (self._proc.stdout,):
                stream.close()
            self._proc = None


def main() -> int:
    """The helper: jobs in on stdin, their results out on stdout, until stdin closes."""
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while (job := _read_frame(source)) is not None:
        name, payload = job
        _write_frame(sink, JOBS[name](payload))
    return 0


if __name__ == "__main__":
    sys.exit(main())
