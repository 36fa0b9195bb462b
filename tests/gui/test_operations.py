"""The database runner: jobs on one worker thread, results by signal, errors routed."""

from __future__ import annotations

import threading

import pytest

from custdesk.core.errors import NotFound
from tests.gui.conftest import call


def test_jobs_run_off_the_ui_thread_one_at_a_time(runner, qtbot):
    ui = threading.get_ident()
    threads = [call(runner, qtbot, lambda desk: threading.get_ident()) for _ in range(3)]
    assert len(set(threads)) == 1 and threads[0] != ui


def test_mutation_announces_its_changes(runner, qtbot):
    with qtbot.waitSignal(runner.changed, timeout=10_000) as blocker:
        runner.run(lambda desk: desk.customers.add({"kind": "individual", "name": "王芳"}))
    assert "customers" in blocker.args[0] and blocker.args[0].code.startswith("C")


def test_expected_errors_go_to_on_error_unexpected_to_crashed(runner, qtbot):
    with pytest.raises(NotFound):
        call(runner, qtbot, lambda desk: desk.customers.get("C999999"))
    with qtbot.waitSignal(runner.crashed, timeout=10_000) as blocker:
        runner.run(lambda desk: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError) and "ZeroDivisionError" in blocker.args[1]


def test_a_job_asked_for_after_the_session_ended_is_dropped(make_runner, qtbot):
    """A page still loading when the window closes asks for its next step from its last
    result: nothing runs, nothing is raised, nothing waits."""
    runner = make_runner("boss")
    ran = []

    def next_step(_result) -> None:
        future = runner.run(lambda desk: ran.append(desk))
        assert future.cancelled()

    runner.run(lambda desk: 1, next_step)
    runner.close()                         # the result is delivered after the close
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    qtbot.wait(50)
    assert ran == [] and runner.pending == 0
