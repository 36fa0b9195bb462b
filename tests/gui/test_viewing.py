"""Documents opened for viewing: scans and PDFs from memory; other files in a private folder
(0700, files 0600) that goes at exit, and after a crash at the next start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from custdesk.gui import viewing
from custdesk.gui.editor import CustomerEditor
from custdesk.gui.editor.document_viewer import DocumentViewer
from tests.gui.conftest import call

T = 10_000
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def runtime_dir(tmp_path, monkeypatch) -> Path:
    """A private runtime folder of our own, and no session left over between tests."""
    folder = tmp_path / "run"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    viewing.end_session()
    yield folder
    viewing.end_session()


@pytest.fixture
def opened(monkeypatch) -> list:
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    return urls


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def png_bytes() -> bytes:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#1565c0"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def documents_tab(runner, qtbot, monkeypatch, files: list[Path]):
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "张伟"})).code
    editor = CustomerEditor(runner, code)
    qtbot.addWidget(editor)
    tab = editor.documents
    qtbot.waitUntil(lambda: tab.code == code, timeout=T)
    for path in files:
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *a, p=path, **k: (str(p), "")))
        dialog = tab.add_document()
        dialog.set_value("kind", "other")
        count = tab.table.rowCount() + 1
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.table.rowCount() == count, timeout=T)
    return editor, tab


def test_a_scan_is_shown_from_memory_and_never_written(runner, qtbot, monkeypatch, tmp_path,
                                                       runtime_dir, opened):
    scan = tmp_path / "身份证.png"
    scan.write_bytes(png_bytes())
    _editor, tab = documents_tab(runner, qtbot, monkeypatch, [scan])
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.viewed, timeout=T) as blocker:
        tab.open_selected()
    viewer: DocumentViewer = blocker.args[0]
    assert viewer.isVisible() and viewer.kind == "image" and viewer.windowTitle() == "身份证.png"
    assert viewer.pixmap.width() == 40 and not viewer.image_label.pixmap().isNull()
    assert not opened and not (runtime_dir / viewing.FOLDER).exists()    # nothing on disk
    # On request, the system's program gets a private copy.
    with qtbot.waitSignal(tab.opened, timeout=T) as written:
        viewer.outside_button.click()
    path = Path(written.args[0])
    assert path.read_bytes() == scan.read_bytes() and mode(path) == 0o600
    viewer.close()


def test_other_files_go_to_a_private_folder_that_goes_with_the_editor_and_at_exit(
        runner, qtbot, monkeypatch, tmp_path, runtime_dir, opened):
    letter = tmp_path / "担保函.txt"
    letter.write_text("担保人：李四", encoding="utf-8")
    editor, tab = documents_tab(runner, qtbot, monkeypatch, [letter])
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.opened, timeout=T) as blocker:
        tab.open_selected()
    path = Path(blocker.args[0])
    assert path.read_text(encoding="utf-8") == "担保人：李四"
    assert opened[0].toLocalFile() == str(path) and path.name == "担保函.txt"
    folder, root = path.parent, runtime_dir / viewing.FOLDER
    assert folder.parent == root
    assert mode(root) == 0o700 and mode(folder) == 0o700 and mode(path) == 0o600
    # Opened again: a second copy beside it, never written over the first.
    with qtbot.waitSignal(tab.opened, timeout=T) as again:
        tab.open_selected()
    second = Path(again.args[0])
    assert second != path and second.parent == folder and mode(second) == 0o600
    # The editor closes: its copies go; at exit, the folder.
    editor.close()
    editor.deleteLater()
    qtbot.waitUntil(lambda: not path.exists() and not second.exists(), timeout=T)
    assert folder.exists()
    viewing.end_session()
    assert not folder.exists()


def test_what_a_crashed_run_left_is_removed_at_the_next_start(runtime_dir):
    # A run that dies without cleaning up: its process is gone, its folder and lock stay.
    script = textwrap.dedent("""
        import os, sys
        from custdesk.gui import viewing
        print(viewing.session().write("流水.xlsx", b"secret"))
        sys.stdout.flush()
        os._exit(0)
    """)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime_dir), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    left = Path(done.stdout.strip())
    assert left.read_bytes() == b"secret" and (left.parent / viewing.LOCK).exists()
    # This run's own folder is in use and stays.
    mine = viewing.session().write("合同.docx", b"ours")
    stray = runtime_dir / viewing.FOLDER / "stray.pdf"
    stray.write_bytes(b"left loose")

    removed = viewing.sweep()
    assert sorted(removed) == sorted([left.parent, stray])
    assert not left.parent.exists() and not stray.exists()
    assert mine.read_bytes() == b"ours"


def test_a_viewing_root_that_is_a_link_is_refused(tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    base = tmp_path / "base"
    base.mkdir(mode=0o700)
    (base / viewing.FOLDER).symlink_to(elsewhere)
    with pytest.raises(OSError):
        viewing.ViewingFolder(base / viewing.FOLDER).write("x.txt", b"x")
    assert list(elsewhere.iterdir()) == []


def test_a_pdf_is_shown_from_memory(qtbot):
    from custdesk.gui.editor.document_viewer import HAVE_QTPDF, memory_kind
    if not HAVE_QTPDF:
        pytest.skip("Qt without its PDF module")
    from PySide6.QtGui import QPageSize, QPdfWriter, QPainter
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.drawText(100, 100, "statement")
    painter.end()
    content = bytes(buffer.data())
    assert memory_kind(content) == "pdf"
    viewer = DocumentViewer("statement.pdf", content, "pdf")
    qtbot.addWidget(viewer)
    assert viewer.document.pageCount() == 1
    assert QByteArray(content).startsWith(b"%PDF-")


def test_a_document_on_screen_is_hidden_while_the_window_is_locked(runner, db_path, qtbot,
                                                                   monkeypatch, tmp_path):
    from custdesk.gui.main_window import MainWindow
    scan = tmp_path / "身份证.png"
    scan.write_bytes(png_bytes())
    code = call(runner, qtbot, lambda d: d.customers.add(
        {"kind": "individual", "name": "张伟"})).code
    call(runner, qtbot, lambda d: d.documents.add_file(code, str(scan), "id_card"))
    window = MainWindow(runner, call(runner, qtbot, lambda d: d.user), db_path)
    qtbot.addWidget(window)
    window.show()
    window.open_customer(code)
    tab = window.editors()[-1].documents
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=T)
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.viewed, timeout=T) as blocker:
        tab.open_selected()
    viewer = blocker.args[0]
    assert viewer.isVisible()
    window.set_locked(True)
    assert not viewer.isVisible()
    window.set_locked(False)
    assert viewer.isVisible()
    viewer.close()
