"""``python -m benchmarks`` works from a checkout: every figure with its floor and ratio.

Run on a small firm with ``--quick`` (fewer repetitions): this proves the command, not
the figures (those are in the README, measured at 100,000 customers).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_benchmark_command_prints_every_figure_with_its_floor(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "xdg")}
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--customers", "300", "--quick",
                           "--keep", str(tmp_path / "firm")], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    assert result["customers"] == 300 and result["machine"]["cpu_count"]
    expected = {"database_open", "search_p50", "search_p95", "list_model_fill",
                "startup_to_first_paint", "one_customer_report", "report_batch_100", "import",
                "due_reviews_and_warnings", "peak_memory_list_open"}
    assert expected <= set(result["figures"])
    for name, figure in result["figures"].items():
        assert figure["value"] is not None and figure["value"] >= 0, name
        assert figure["floor"] and figure["floor"] > 0, name
        assert figure["ratio"] == round(figure["value"] / figure["floor"], 2), name
        assert figure["floor_what"], name
    targets = {name for name, figure in result["figures"].items() if "target" in figure}
    assert {"search_p95", "startup_to_first_paint", "one_customer_report", "import",
            "due_reviews_and_warnings", "peak_memory_list_open"} <= targets
    assert result["details"]["import"]["import"]["imported"] == 300
    assert result["details"]["reports"]["batch"]["failed"] == 0
