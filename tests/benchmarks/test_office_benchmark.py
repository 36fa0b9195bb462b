"""``python -m benchmarks office`` works from a checkout: office mode (PostgreSQL) beside
the single PC, every figure with its floor and its ratio to the single PC's.

A small firm, fewer repetitions and two writers: this proves the command, not the figures
(those are measured at 100,000 customers). Skipped where PostgreSQL is not installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pg_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_office_benchmark_measures_both_engines(tmp_path):
    if not pg_server.available():
        pytest.skip("PostgreSQL's initdb and pg_ctl are not installed (tools/dev.sh installs them)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "xdg")}
    done = subprocess.run([sys.executable, "-m", "benchmarks", "office", "--customers", "2000",
                           "--quick", "--writers", "2", "--pause", "0.05", "--import-rows", "500",
                           "--keep", str(tmp_path / "firm")], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["customers"] == 2000 and result["writers"] == 2
    measures = ("login", "login_peak_memory", "search_p95", "today_page", "one_report", "import",
                "search_p95_while_writing")
    for engine in ("single_pc", "office"):
        for name in measures:
            figure = result["figures"][f"{engine}_{name}"]
            assert figure["value"] is not None and figure["value"] >= 0, (engine, name)
            assert figure["floor"] and figure["floor"] > 0, (engine, name)
            assert figure["ratio"] == round(figure["value"] / figure["floor"], 2), (engine, name)
            assert figure["floor_what"], (engine, name)
    for name in measures:
        assert result["figures"][f"office_{name}"]["vs_single_pc"] is not None, name
    details = result["details"]
    # The office login built the whole working copy: every file the administrator sees.
    assert details["login"]["office"]["customers_in_copy"] == \
        details["login"]["single_pc"]["customers_in_copy"] >= 2000
    assert details["login"]["office"]["pieces_median_ms"]["working_copy_load_all"] > 0
    assert details["import"]["office"]["imported"] == 500
    assert details["import"]["single_pc"]["import"]["imported"] == 500
    for engine in ("single_pc", "office"):
        writers = details["contended"][engine]["writers"]
        assert len(writers) == 2 and all("done" in w for w in writers), writers
        assert details["contended"][engine]["saves"] > 0
