"""Whether the window can open here, asked before Qt is: on Linux without an X or Wayland
display Qt aborts the process (a core dump after a message about platform plugins that
names no cause a clerk could act on)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from ..core import i18n

i18n.register({
    "app.no_display": (
        "找不到图形显示（DISPLAY 和 WAYLAND_DISPLAY 都未设置），窗口无法打开：请在桌面中运行，"
        "或在没有显示器的机器上用虚拟显示运行：xvfb-run -a {command}",
        "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot "
        "open: run it on a desktop, or on a machine without a screen under a virtual display: "
        "xvfb-run -a {command}"),
})


def this_command() -> str:
    """The command line that started this process, as one could type it again (a launcher
    such as ``tools/dev.sh`` names itself in CUSTDESK_STARTED_AS)."""
    if os.environ.get("CUSTDESK_STARTED_AS"):
        return os.environ["CUSTDESK_STARTED_AS"]
    argv = list(sys.argv) or ["custdesk"]
    if Path(argv[0]).name == "__main__.py":          # python -m custdesk
        argv[:1] = [sys.executable, "-m", "custdesk"]
    return shlex.join(argv)


def missing_display(language: str | None = None) -> str | None:
    """One line saying that no display was found and how to run the window anyway, in
    ``language`` ("zh" or "en"; default: the language the window would use), or None when
    Qt can be left to find its display (not Linux, a display named, or a Qt platform
    chosen by hand, such as ``offscreen``)."""
    if not sys.platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or \
            os.environ.get("QT_QPA_PLATFORM"):
        return None
    if language is None:
        # The language remembered from the last session (read without starting Qt).
        from .translation import _remembered_language_from_file
        language = "en" if _remembered_language_from_file() == "en" else "zh"
    # A core message (Qt is not loaded yet), fetched under another name so that the Qt
    # translation tools do not take it for one of the window's own tr() calls.
    core_message = i18n.tr
    with i18n.using(language):
        return core_message("app.no_display", command=this_command())
