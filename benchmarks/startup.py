"""Start-up to the first painted window, and peak memory with the customer list open.

    python -m benchmarks.startup [--customers N] [--runs 5] [--keep DIR]

Each run is a new process started as a user starts the program (``custdesk --db PATH``,
the window, offscreen): the figure spans **process launch → interpreter and imports →
the login dialog shown → user name and password entered at once (no typing time) →
login done (key slots unlocked, database opened) → main window built → its first paint
event**. It is measured from just before the process is launched to the first Paint
event of the main window, by wall clock. The run then waits until the window's first
reads are in (the customer list, the home page), opens the customer list, types five
searches into it and reads the process's peak resident memory.

Floor: a bare PySide6 window in a new process (interpreter, PySide6, a ``QMainWindow``
of the same size with a label, shown, first paint) and its peak memory. Medians of
``--runs`` runs of each, alternated. Targets at 100,000 customers: start-up under 2 s,
memory under 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import peak_rss_mib

ROOT = Path(__file__).resolve().parents[1]
TARGET_MS, TARGET_MIB = 2000, 400
SEARCHES = ("张", "张伟", "zw", "C0012", "5678")


# -- the children --------------------------------------------------------------------------------
def _say(**values) -> None:
    sys.stdout.write(json.dumps(values) + "\n")
    sys.stdout.flush()


def _child_app(db: str, launch: float, user: str, password: str) -> int:
    marks: dict[str, float] = {}

    def mark(name: str) -> None:
        marks.setdefault(name, round((time.time() - launch) * 1000, 1))

    mark("interpreter")
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(["custdesk"])
    from custdesk.core import desk as desk_module
    real_open = desk_module.Desk.open.__func__

    def timed_open(cls, *args, **kwargs):
        mark("login_start")
        opened = real_open(cls, *args, **kwargs)
        mark("login_done")
        return opened

    desk_module.Desk.open = classmethod(timed_open)
    from custdesk.gui.login import LoginDialog
    from custdesk.gui.main_window import MainWindow
    mark("imports")
    state: dict = {}

    def list_phase(window) -> None:
        """After the first paint: wait for the first reads, open the list, type searches."""
        page = window.customer_list
        texts = list(SEARCHES) + [""]
        waiting = {"text": None}
        page.loaded.connect(lambda: waiting.update(text=None))

        def step():
            if window.runner.pending or waiting["text"] is not None:
                return
            if "first_reads" not in marks:
                mark("first_reads")
                window.show_area("customers")
            if texts:
                waiting["text"] = texts.pop(0)
                page.search_box.setText(waiting["text"])     # as typed: the list's timer runs
                return
            timer.stop()
            _say(marks=marks, rows_on_screen=page.model.rowCount(), peak_rss_mib=peak_rss_mib())
            window.close()

        timer = QTimer(window)
        timer.setInterval(20)
        timer.timeout.connect(step)
        timer.start()
        state["timer"] = timer

    class Spy(QObject):
        def eventFilter(self, obj, event):
            kind = event.type()
            if kind == QEvent.Type.Show and isinstance(obj, LoginDialog) and "login_shown" not in marks:
                mark("login_shown")

                def fill(dialog=obj):
                    dialog.user.setCurrentText(user)
                    dialog.password.setText(password)
                    dialog.submit()
                QTimer.singleShot(0, fill)
            elif kind == QEvent.Type.Paint and "painted" not in marks and hasattr(obj, "window"):
                window = obj.window()
                if isinstance(window, MainWindow):
                    mark("painted")
                    _say(painted_ms=marks["painted"])
                    QTimer.singleShot(0, lambda: list_phase(window))
            return False

    spy = Spy()
    app.installEventFilter(spy)
    from custdesk.__main__ import main
    status = main(["--db", db])
    return status


def _child_bare(launch: float) -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication(["bare"])
    window = QMainWindow()
    window.setCentralWidget(QLabel("custdesk"))
    window.resize(1280, 800)

    class Spy(QObject):
        done = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.done and hasattr(obj, "window") \
                    and obj.window() is window:
                self.done = True
                _say(painted_ms=round((time.time() - launch) * 1000, 1), peak_rss_mib=peak_rss_mib())
                QTimer.singleShot(0, app.quit)
            return False

    spy = Spy()
    app.installEventFilter(spy)
    window.show()
    return app.exec()


# -- the parent ----------------------------------------------------------------------------------
def _launch(args: list[str], env: dict, timeout: float = 300) -> list[dict]:
    launch = time.time()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.startup", "--child", *args,
                           repr(launch)], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=timeout)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode or not lines:
        raise SystemExit(f"start-up run failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return lines


def prepare(path: Path, folder: Path) -> None:
    """Make the day's backup now (so that no run makes one in the background) and switch
    off the backup on exit (each run would otherwise copy the whole firm as it quits)."""
    from custdesk.core import backup
    from benchmarks import firm
    from custdesk.core.desk import Desk
    with Desk.open(path, firm.ADMIN, firm.PASSWORD, daily_check=False) as desk:
        backup.configure(desk, folder=folder, on_exit=False)
        if backup.daily_due(desk):
            backup.make_backup(desk, folder, "daily")


def measure(path: Path, runs: int) -> dict:
    from benchmarks import firm
    scratch = Path(tempfile.mkdtemp(prefix="custdesk-bench-startup-"))
    prepare(path, scratch / "backups")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(scratch),
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH"))
                                         if p)}
    env.pop("CUSTDESK_PASSWORD", None)
    # An installed program starts from compiled bytecode: the children may write theirs
    # (in the scratch folder, not beside the sources), and a first, uncounted run of
    # each writes it. That run is reported apart, as the start after an installation.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    app_runs, bare_runs = [], []
    try:
        cold = _launch(["app", str(path), firm.ADMIN, firm.PASSWORD], env)[0]["painted_ms"]
        _launch(["bare"], env)
        for _ in range(runs):
            bare_runs.append(_launch(["bare"], env)[0])
            lines = _launch(["app", str(path), firm.ADMIN, firm.PASSWORD], env)
            app_runs.append({**lines[0], **lines[-1]})
    finally:
        import shutil
        shutil.rmtree(scratch, ignore_errors=True)

    def med(values):
        return round(statistics.median(values), 1)

    painted = med([r["painted_ms"] for r in app_runs])
    bare = med([r["painted_ms"] for r in bare_runs])
    stages = {name: med([r["marks"][name] for r in app_runs])
              for name in ("interpreter", "imports", "login_shown", "login_start", "login_done",
                           "painted", "first_reads")}
    rss = med([r["peak_rss_mib"] for r in app_runs])
    bare_rss = med([r["peak_rss_mib"] for r in bare_runs])
    return {
        "runs": runs,
        "startup": {"median_ms": painted, "floor_bare_window_ms": bare,
                    "ratio": round(painted / bare, 2) if bare else None,
                    "all_ms": [r["painted_ms"] for r in app_runs],
                    "first_run_ms": cold,
                    "stages_median_ms": stages, "target_ms": TARGET_MS,
                    "meets_target": painted < TARGET_MS,
                    "spans": "process launch -> imports -> login dialog shown -> user and "
                             "password entered at once -> login done -> main window built -> "
                             "first paint (wall clock, offscreen)"},
        "memory": {"peak_rss_mib": rss, "floor_bare_window_mib": bare_rss,
                   "ratio": round(rss / bare_rss, 2) if bare_rss else None,
                   "rows_on_screen": app_runs[-1]["rows_on_screen"], "target_mib": TARGET_MIB,
                   "meets_target": rss < TARGET_MIB,
                   "spans": "peak RSS of the window process: first reads in, the customer list "
                            "open, five searches typed"},
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        if argv[1] == "app":
            return _child_app(argv[2], float(argv[5]), argv[3], argv[4])
        return _child_bare(float(argv[2]))
    from benchmarks import firm
    from benchmarks.common import machine
    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=firm.SEED)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the firm in this folder")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="custdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    made = firm.ensure(folder, args.customers, args.seed)
    result = {"customers": args.customers, **measure(made.path, args.runs), "machine": machine()}
    if not args.keep:
        import shutil
        shutil.rmtree(folder, ignore_errors=True)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
