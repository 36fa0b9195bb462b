"""Qt's own dialogs speak the chosen language: its translations, ours where Qt's lack a word, and
a system time format on a machine that has none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from custdesk.gui import translation

ROOT = Path(__file__).resolve().parents[2]


def test_qt_file_dialog_words_are_chinese(qapp, speaking):
    from PySide6.QtWidgets import QFileDialog, QLabel
    speaking("zh_CN")
    assert translation.qt_own_strings() == ("查找范围(&L)：", "文件类型(&T)：", "文件夹")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
    assert not [text for text in labels if text.replace("&", "").isascii()], labels
    speaking("en")
    assert translation.qt_own_strings()[0] == "&Look in:"


_PROBE = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication
from custdesk.gui import translation
translation.settle_system_locale({language!r})
app = QApplication([])
print(QLocale.system().toString(QDate(2026, 12, 4), QLocale.FormatType.ShortFormat))
"""


@pytest.mark.parametrize("language, remembered, shown", [
    ("zh_CN", None, "2026/12/4"),      # as asked on the command line
    (None, "en", "12/4/26"),           # as remembered in the settings
    (None, None, "2026/12/4"),         # the default, Chinese
])
def test_a_machine_without_a_locale_gets_the_chosen_languages_dates(tmp_path, language,
                                                                    remembered, shown):
    if not sys.platform.startswith("linux"):
        pytest.skip("the system locale is read from the environment on Linux")
    if remembered:
        (tmp_path / "custdesk").mkdir()
        (tmp_path / "custdesk" / "custdesk.conf").write_text(
            f"[General]\nlanguage={remembered}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="C.UTF-8", XDG_CONFIG_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _PROBE.format(root=str(ROOT), language=language)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == shown


def test_a_locale_the_user_set_is_left_alone(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="de_DE.UTF-8", XDG_CONFIG_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _PROBE.format(root=str(ROOT), language="zh_CN")],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "04.12.26"
