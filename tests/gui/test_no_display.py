"""Without a display the window is not attempted: one line says so and how to run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def start(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """``python -m custdesk ARGS`` on a Linux machine without a display."""
    clean = {k: v for k, v in os.environ.items()
             if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CUSTDESK_STARTED_AS")}
    clean.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
                 PYTHONPATH=str(ROOT), **env)
    return subprocess.run([sys.executable, "-m", "custdesk", *args], env=clean, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)


pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the X/Wayland display is a Linux matter")


def test_no_display_is_said_in_one_line_with_the_way_to_run_it(tmp_path):
    result = start(tmp_path, "--demo")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr                    # no Qt message, no core dump
    assert "找不到图形显示" in lines[0]
    assert lines[0].endswith(f"xvfb-run -a {sys.executable} -m custdesk --demo")
    assert not (tmp_path / "data" / "custdesk").exists()     # nothing made for a window


def test_in_the_language_asked_for_or_remembered(tmp_path):
    english = start(tmp_path, "--lang", "en")
    assert english.returncode == 2
    assert english.stderr.startswith("No display found") and "找" not in english.stderr
    # The language chosen in the window last time (kept where Qt's settings keep it).
    (tmp_path / "config" / "custdesk").mkdir(parents=True)
    (tmp_path / "config" / "custdesk" / "custdesk.conf").write_text(
        "[General]\nlanguage=en\n", encoding="utf-8")
    assert start(tmp_path).stderr.startswith("No display found")
    assert start(tmp_path, "--lang", "zh").stderr.startswith("找不到图形显示")


def test_a_launcher_names_itself(tmp_path):
    result = start(tmp_path, CUSTDESK_STARTED_AS="bash tools/dev.sh run")
    assert result.stderr.rstrip("\n").endswith("xvfb-run -a bash tools/dev.sh run")


def test_a_display_or_a_chosen_platform_is_left_to_qt(monkeypatch):
    from custdesk.gui.display import missing_display
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert missing_display("en").startswith("No display found")
    for name, value in (("DISPLAY", ":0"), ("WAYLAND_DISPLAY", "wayland-0"),
                        ("QT_QPA_PLATFORM", "offscreen")):
        monkeypatch.setenv(name, value)
        assert missing_display("en") is None
        monkeypatch.delenv(name)


def test_the_command_line_needs_no_display(tmp_path):
    result = start(tmp_path, "--version")
    assert result.returncode == 0 and "xvfb" not in result.stderr + result.stdout
