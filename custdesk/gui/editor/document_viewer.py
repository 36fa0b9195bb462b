"""A document shown from memory: scans (images) and PDFs never touch the disk.

Other kinds of file (Word, Excel…) are opened by the system's program from a private
folder (``gui.viewing``); so may these, on request ("Open in another program…", to print
them, say).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    HAVE_QTPDF = True
except ImportError:  # a Qt build without the PDF module: PDFs go to the system's viewer
    QPdfDocument = QPdfView = None
    HAVE_QTPDF = False


def memory_kind(content: bytes) -> str | None:
    """"image" or "pdf" when custdesk can show ``content`` itself, else None. Safe to call
    on the database thread (QImage, not QPixmap)."""
    if HAVE_QTPDF and content[:5] == b"%PDF-":
        return "pdf"
    image = QImage.fromData(content)
    return "image" if not image.isNull() else None


class DocumentViewer(QDialog):
    """One document's bytes on screen. ``open_outside`` asks for the system's program."""

    open_outside = Signal()

    def __init__(self, name: str, content: bytes, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("document_viewer")
        self.setWindowTitle(name)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.kind = kind
        self.pixmap: QPixmap | None = None
        self.document = None
        self._buffer: QBuffer | None = None
        if kind == "pdf" and HAVE_QTPDF:
            self.view = self._pdf_view(content)
        else:
            self.view = self._image_view(content)
        self.outside_button = QPushButton(self.tr("Open in another program…"))
        self.outside_button.setToolTip(self.tr(
            "Write a copy into custdesk's private folder and open it with the system's program "
            "(to print it, say). The copy is deleted when custdesk closes."))
        self.outside_button.clicked.connect(self.open_outside)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.outside_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(900, 700)

    def _image_view(self, content: bytes) -> QWidget:
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(content)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.image_label)
        self._fit()
        return scroll

    def _pdf_view(self, content: bytes) -> QWidget:
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(content))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(self.document)
        return view

    def _fit(self) -> None:
        if self.pixmap is None or self.pixmap.isNull():
            return
        area = self.image_label.parentWidget()
        size = area.size() if area is not None else self.size()
        if self.pixmap.width() > size.width() or self.pixmap.height() > size.height():
            shown = self.pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
        else:
            shown = self.pixmap
        self.image_label.setPixmap(shown)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.kind == "image":
            self._fit()

    def done(self, result: int) -> None:
        # The bytes go with the dialog.
        if self.document is not None:
            self.document.close()
        if self._buffer is not None:
            self._buffer.close()
        super().done(result)
