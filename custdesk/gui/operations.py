"""Database work off the UI thread.

One worker thread owns the open desk and runs jobs one at a time; a job's
result (or error) comes back to the UI thread through a Qt signal. Job
functions receive the desk and never touch widgets.
"""

from __future__ import annotations

import traceback
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from ..core.changes import Changes
from ..core.errors import CustdeskError


@dataclass
class _Job:
    fn: Callable
    on_done: Callable | None
    on_error: Callable | None
    result: Any = None
    error: BaseException | None = None
    trace: str = ""


class DeskRunner(QObject):
    """Owns the desk; ``run(fn)`` calls ``fn(desk)`` on the database thread."""

    #: a mutation finished: its Changes (the window refreshes only those areas)
    changed = Signal(object)
    #: any job finished (tests wait on this)
    finished = Signal()
    #: an unexpected exception: (exception, traceback text)
    crashed = Signal(object, str)
    _deliver = Signal(object)
    # Another PC changed the office database (heard on the link's own thread).
    _heard = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="custdesk-db")
        self.desk = None
        self.pending = 0
        self._deliver.connect(self._on_deliver)
        self._heard.connect(self._take_office_changes)
        self._taking = False
        self._closed = False

    def run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[CustdeskError], None] | None = None) -> Future:
        """Run ``fn(desk)`` on the database thread; ``on_done(result)`` on the UI thread.

        A ``Changes`` result is also announced with ``changed``. A CustdeskError
        goes to ``on_error`` (or ``crashed`` when there is none); anything else
        to ``crashed``.
        """
        if self._closed:
            # The session has ended (the window is closing): a page that was still loading
            # asks for its next step; there is no desk to run it on, and nothing to show.
            dropped: Future = Future()
            dropped.cancel()
            return dropped
        job = _Job(fn, on_done, on_error)
        self.pending += 1
        return self._pool.submit(self._work, job)

    def _work(self, job: _Job) -> None:
        try:
            job.result = job.fn(self.desk)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI thread
            job.error = exc
            job.trace = traceback.format_exc()
        self._deliver.emit(job)

    @Slot(object)
    def _on_deliver(self, job: _Job) -> None:
        self.pending -= 1
        try:
            if job.error is None:
                if isinstance(job.result, Changes) and job.result.areas:
                    self.changed.emit(job.result)
                if job.on_done:
                    job.on_done(job.result)
            elif isinstance(job.error, CustdeskError) and job.on_error:
                job.on_error(job.error)
            else:
                self.crashed.emit(job.error, job.trace)
        finally:
            self.finished.emit()

    def set_desk(self, desk) -> None:
        """Called on the database thread by the job that opened the desk."""
        self.desk = desk
        link = getattr(getattr(desk, "db", None), "office", None)
        if link is not None:
            # Signals cross threads queued: the UI thread hears it and asks the database
            # thread for what changed, which then reaches every page as its own changes do.
            link.listeners.append(self._heard.emit)

    @Slot()
    def _take_office_changes(self) -> None:
        if self._taking or self.desk is None:
            return
        self._taking = True

        def take(desk):
            link = desk.db.office
            if link.stale:
                link.refresh(desk.db)
            return link.take_changes()

        def announce(changes) -> None:
            self._taking = False
            for item in changes or ():
                self.changed.emit(item)

        def failed(_error) -> None:
            self._taking = False      # the server is away: the next change heard tries again
        self.run(take, announce, failed)

    def close(self, wait: bool = True) -> None:
        if self._closed:             # closed already (the window, then its test's clean-up)
            return

        def _close(desk):
            if desk is not None:
                desk.close()
            self.desk = None
        self._closed = True
        self._pool.submit(lambda: _close(self.desk))
        self._pool.shutdown(wait=wait)
