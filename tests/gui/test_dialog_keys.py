"""What a user meets with the keyboard and the buttons of the validation page, the re-fit
dialog, a record's dialog and the scorecard notes: Export PDF… asks for a file and writes
it, Enter in the re-fit dialog fits (not the file chooser again), a failed fit leaves no
earlier fit's figures under its message, a record's dialog opens with the cursor in its
first field and puts it on the field refused, and a reason typed without a full stop does
not run into the sentence after it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from custdesk.core import i18n
from custdesk.core.errors import FieldError, ValidationError
from custdesk.core.fields import RECORD_KINDS
from custdesk.gui.editor.record_dialog import RecordDialog
from custdesk.gui.grading import history_file
from custdesk.gui.settings_page import joined
from tests import histories

from .test_validation_page import page, use_file, validate  # noqa: F401 - page: the fixture
from .validation_data import PROBE, write_history

T = 20_000


def test_the_export_button_asks_for_a_file_and_writes_it(page, qtbot, tmp_path, monkeypatch):
    use_file(page, qtbot, write_history(tmp_path / "h.csv"))
    page.select_version(PROBE)
    validate(page, qtbot)
    target = tmp_path / "report"
    asked = []

    def save_name(*args, **kwargs):
        asked.append(args)
        return str(target), "PDF (*.pdf)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    # The button as a user clicks it: clicked(bool) must not arrive as the file name.
    with qtbot.waitSignal(page.exported, timeout=T) as written:
        QTest.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert written.args == [str(target) + ".pdf"]
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def refit_dialog(page, qtbot, tmp_path, monkeypatch, rows=300):
    """The re-fit dialog on a history file chosen with its Choose… button (the chooser
    answered for the user and counted)."""
    path = histories.write(tmp_path / "train.csv", rows, seed=2)
    chosen = []

    def choose(_parent, _title):
        chosen.append(path)
        return str(path)
    monkeypatch.setattr(history_file, "choose_file", choose)
    dialog = page.open_refit()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.file.setChecked(True)
    browse = dialog.history.findChild(type(page.refit_button), "history_browse")
    browse.setFocus()
    QTest.mouseClick(browse, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.history.ready(), timeout=T)
    assert len(chosen) == 1
    return dialog, chosen


def test_enter_in_the_name_fits_instead_of_choosing_the_file_again(page, qtbot, tmp_path,
                                                                   monkeypatch, speaking):
    speaking("zh_CN")
    from custdesk.core.grading import fitting

    def missing():
        raise fitting.FitError(i18n.tr("fit.needs_extra"))
    monkeypatch.setattr(fitting, "_sklearn", missing)      # the fit ends at once
    dialog, chosen = refit_dialog(page, qtbot, tmp_path, monkeypatch)
    dialog.name.setFocus()
    QTest.keyClicks(dialog.name, "retail")
    assert dialog.fit_button.isDefault()
    with qtbot.waitSignal(dialog.finished_fit, timeout=T):
        QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert len(chosen) == 1                                 # the chooser did not come back
    assert dialog.message.text() == i18n.tr("fit.needs_extra")
    # With no name the default button is off: Enter neither fits nor closes the dialog.
    dialog.name.clear()
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and len(chosen) == 1


def test_a_failed_fit_shows_no_earlier_fit_under_its_message(page, qtbot, tmp_path,
                                                            monkeypatch, speaking):
    pytest.importorskip("sklearn")
    speaking("zh_CN")
    dialog, _chosen = refit_dialog(page, qtbot, tmp_path, monkeypatch, rows=1500)
    dialog.name.setText("retail")
    with qtbot.waitSignal(dialog.finished_fit, timeout=60_000):
        dialog.fit()
    assert dialog.saved.isVisible() and dialog.compare_box.isVisible()
    from custdesk.core.grading import fitting

    def missing():
        raise fitting.FitError(i18n.tr("fit.needs_extra"))
    monkeypatch.setattr(fitting, "_sklearn", missing)
    dialog.name.setText("another")
    with qtbot.waitSignal(dialog.finished_fit, timeout=T):
        dialog.fit()
    assert dialog.message.isVisible() and dialog.message.text() == i18n.tr("fit.needs_extra")
    assert dialog.result is None
    for box in (dialog.saved, dialog.compare_box, dialog.characteristics_box,
                dialog.left_out_box):
        assert not box.isVisible()


def test_a_record_dialog_starts_in_its_first_field_and_goes_to_the_one_refused(qtbot,
                                                                              speaking):
    speaking("zh_CN")
    dialog = RecordDialog("不良结果", RECORD_KINDS["outcomes"].fields)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None)
    assert dialog.focusWidget() is dialog.editors["kind"].widget
    dialog.set_value("kind", "manager")
    dialog.set_value("occurred_on", "2026-12-01")
    dialog.editors["occurred_on"].widget.setFocus()
    dialog.show_error(ValidationError([FieldError("reason", "outcome.manager_reason")]))
    reason = dialog.editors["reason"]
    assert reason.error_label.isVisible()
    qtbot.waitUntil(lambda: dialog.focusWidget() is reason.widget)


@pytest.mark.parametrize("language, expected", [
    ("zh", "第 1 版已被驳回：数据太少。第 2 版用于评级。"),
    ("en", "Version 1 was rejected: too little data. Version 2 grades."),
])
def test_a_reason_without_a_full_stop_ends_before_the_next_sentence(language, expected):
    before = i18n.language()
    i18n.set_language(language)
    try:
        if language == "zh":
            assert joined("第 1 版已被驳回：数据太少", "第 2 版用于评级。") == expected
            assert joined("已批准。", "理由") == "已批准。理由"
        else:
            assert joined("Version 1 was rejected: too little data", "Version 2 grades.") \
                == expected
            assert joined("Approved.", "Reason") == "Approved. Reason"
    finally:
        i18n.set_language(before)


def test_a_failed_export_does_not_become_the_folder_offered_next(page, qtbot, tmp_path):
    from custdesk.gui.reports.common import SAVE_FOLDER, last_folder, remember_folder
    use_file(page, qtbot, write_history(tmp_path / "h.csv"))
    page.select_version(PROBE)
    validate(page, qtbot)
    good = tmp_path / "reports"
    good.mkdir()
    remember_folder(SAVE_FOLDER, good)
    page.export_pdf("/proc/custdesk-validation.pdf")        # a folder nothing is written in
    qtbot.waitUntil(lambda: page._busy_jobs == 0, timeout=T)
    assert page.message.isVisible() and "/proc/custdesk-validation.pdf" in page.message.text()
    assert last_folder(SAVE_FOLDER) == good
    with qtbot.waitSignal(page.exported, timeout=T):
        page.export_pdf(str(good / "sub" / "v.pdf"))
    assert last_folder(SAVE_FOLDER) == good / "sub"


def test_a_validation_that_cannot_run_leaves_no_earlier_figures(page, qtbot, tmp_path):
    path = write_history(tmp_path / "h.csv")
    use_file(page, qtbot, path)
    page.select_version(PROBE)
    validate(page, qtbot)
    assert page.view.result is not None and page.export_button.isEnabled()
    junk = tmp_path / "junk.csv"
    junk.write_text("garbage\n1\n", encoding="utf-8")
    page.set_compare(str(junk))                   # a comparison file without the outcome
    with qtbot.waitSignal(page.validated, timeout=T):
        page.validate()
    qtbot.waitUntil(lambda: page._busy_jobs == 0, timeout=T)
    assert page.message.isVisible()
    assert page.view.result is None and page.view.figures["n"].value.text() == "—"
    assert not page.export_button.isEnabled()


def test_the_refit_dialog_stays_open_while_its_fit_saves(page, qtbot, tmp_path, monkeypatch):
    import threading
    from custdesk.core.grading import evidence, fitting
    release = threading.Event()

    def slow_build(*_args, **_kwargs):
        release.wait(10)
        raise fitting.FitError(i18n.tr("fit.needs_extra"))
    monkeypatch.setattr(evidence, "build", slow_build)
    dialog, _chosen = refit_dialog(page, qtbot, tmp_path, monkeypatch)
    dialog.name.setText("retail")
    dialog.fit()
    assert not dialog.close_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible()                 # the fit saves whatever happens to the dialog
    with qtbot.waitSignal(dialog.finished_fit, timeout=T):
        release.set()
    assert dialog.close_button.isEnabled()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.refit_dialog is None or not page.refit_dialog.isVisible())
