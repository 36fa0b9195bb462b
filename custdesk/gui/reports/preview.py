"""The report preview: the registered PDF on screen, Save As and Print.

The dialog holds the bytes of one registered export and never renders the report
again: Save As writes exactly those bytes (``export.write``: a file that passes
verification), Print draws the pages of those bytes. Without Qt's PDF module the
dialog still offers Save As and says that the preview is not available.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (QBuffer, QByteArray, QEvent, QIODevice, QMargins, QPointF, QRect,
                            QSize, Qt, Signal)
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QToolButton, QVBoxLayout, QWidget)

from ...core.errors import CustdeskError
from ...core.exports import kind_label
from ...reports import export as reports
from ..editor.jobs import message_label, show_message
from .common import SAVE_FOLDER, last_folder, remember_folder

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    HAVE_QTPDF = True
except ImportError:  # a Qt build without the PDF module: Save As still works
    QPdfDocument = QPdfView = None
    HAVE_QTPDF = False

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 6.0
#: pages are printed at the printer's resolution, but not finer than this (memory: an A4 page
#: at 1200 dpi would be a 550 MB image)
PRINT_DPI_MAX = 600
SHORT_HASH = 16


class ReportPreview(QDialog):
    """One export on screen: pages, zoom, Save As (Ctrl+S) and Print (Ctrl+P)."""

    #: the report was written to this path
    saved = Signal(str)

    def __init__(self, export: reports.Export, password: str | None = None,
                 parent: QWidget | None = None, *, preview: bool = True):
        super().__init__(parent)
        self.setObjectName("report_preview")
        self.export = export
        self.saved_path: Path | None = None
        title = kind_label(export.kind)
        self.setWindowTitle(f"{title} {export.number}"
                            + (f" — {export.code}" if export.code else ""))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(980, 860)

        self.info = QLabel(self)
        self.info.setObjectName("report_info")
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setText(self._info_text())
        self.info.setToolTip(self.tr("SHA-256 of the PDF: %1").replace("%1", export.sha256))
        self.message = message_label(self, "report_message")

        self.save_button = QPushButton(self.tr("Save As…"), self)
        self.save_button.setObjectName("report_save")
        self.save_button.setToolTip(self.tr("Save the report as a PDF file (Ctrl+S)"))
        self.save_button.clicked.connect(lambda: self.save_as())
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("report_print")
        self.print_button.setToolTip(self.tr("Print the report (Ctrl+P)"))
        self.print_button.clicked.connect(lambda: self.print_report())
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        self._shortcut(QKeySequence.StandardKey.Save, self.save_as)
        self._shortcut(QKeySequence.StandardKey.Print, self.print_report)

        self.document = None
        self.view = None
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("report_page")
        self.page_box.setKeyboardTracking(False)
        self.page_count_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(48)
        self._buffer: QBuffer | None = None
        self._bytes: QByteArray | None = None
        error = self._load(password) if preview and HAVE_QTPDF else None

        bar = QHBoxLayout()
        if self.view is not None:
            bar.addWidget(QLabel(self.tr("Page"), self))
            bar.addWidget(self.page_box)
            bar.addWidget(self.page_count_label)
            bar.addSpacing(16)
            for text, tip, keys, slot in (
                    ("−", self.tr("Zoom out (Ctrl+-)"), QKeySequence.StandardKey.ZoomOut,
                     lambda: self.zoom_by(1 / ZOOM_STEP)),
                    ("+", self.tr("Zoom in (Ctrl++)"), QKeySequence.StandardKey.ZoomIn,
                     lambda: self.zoom_by(ZOOM_STEP))):
                button = QToolButton(self)
                button.setText(text)
                button.setToolTip(tip)
                button.setAutoRaise(False)
                button.clicked.connect(slot)
                self._shortcut(keys, slot)
                bar.addWidget(button)
            bar.addWidget(self.zoom_label)
            fit = QPushButton(self.tr("Fit width"), self)
            fit.setObjectName("report_fit_width")
            fit.setToolTip(self.tr("Fit the page to the window's width (Ctrl+0)"))
            fit.clicked.connect(self.fit_width)
            self._shortcut(QKeySequence("Ctrl+0"), self.fit_width)
            bar.addWidget(fit)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        if self.view is not None:
            layout.addWidget(self.view, 1)
        else:
            unavailable = QLabel(self)
            unavailable.setObjectName("report_unavailable")
            unavailable.setAlignment(Qt.AlignmentFlag.AlignCenter)
            unavailable.setWordWrap(True)
            unavailable.setStyleSheet("color: #5b6b7c; font-size: 12pt; padding: 40px;")
            unavailable.setText(error or self.tr(
                "The preview is not available on this computer (Qt's PDF module is missing). "
                "Save the report and open it with a PDF reader."))
            layout.addWidget(unavailable, 1)
            self.print_button.setEnabled(False)
            self.print_button.setToolTip(self.tr("Printing needs the preview: save the report "
                                                 "and print it from a PDF reader."))
            self.resize(640, 320)
        self.save_button.setDefault(True)

    # -- building -----------------------------------------------------------------------
    def _shortcut(self, keys, slot) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: slot())
        self.addAction(action)
        return action

    def _info_text(self) -> str:
        export = self.export
        parts = [self.tr("Report No. %1").replace("%1", export.number),
                 self.tr("%n page(s)", "", export.pages),
                 self.tr("SHA-256 %1…").replace("%1", export.sha256[:SHORT_HASH])]
        if export.encrypted:
            parts.append(self.tr("encrypted"))
        return "  ·  ".join(parts)

    def _load(self, password: str | None) -> str | None:
        """Open the bytes in a QPdfDocument and a view; the reason when it cannot be shown."""
        document = QPdfDocument(self)
        if password:
            document.setPassword(password)
        self._bytes = QByteArray(self.export.data)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(self._buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
            return (self.tr("The preview cannot open this PDF (it is encrypted: open the saved "
                            "file with its password).")
                    if document.error() == QPdfDocument.Error.IncorrectPassword
                    else self.tr("The preview cannot open this PDF. Save it and open it with a "
                                 "PDF reader."))
        self.document = document
        view = QPdfView(self)
        view.setObjectName("report_view")
        view.setDocument(document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setPageSpacing(12)
        view.setDocumentMargins(QMargins(12, 12, 12, 12))
        view.setStyleSheet("QPdfView { background: #6b7785; }")
        self.view = view
        pages = document.pageCount()
        self.page_box.setRange(1, pages)
        self.page_count_label.setText(self.tr("of %1").replace("%1", str(pages)))
        self.page_box.valueChanged.connect(self.go_to_page)
        navigator = view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_changed)
        view.zoomFactorChanged.connect(lambda _f: self._show_zoom())
        view.zoomModeChanged.connect(lambda _m: self._show_zoom())
        view.viewport().installEventFilter(self)
        self._show_zoom()
        return None

    # -- pages and zoom -----------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def current_page(self) -> int:
        """The page on screen, counted from 1 (0 without a preview)."""
        if self.view is None:
            return 0
        return self.view.pageNavigator().currentPage() + 1

    def go_to_page(self, page: int) -> None:
        if self.view is None or not 1 <= page <= self.page_count():
            return
        if page != self.current_page():
            self.view.pageNavigator().jump(page - 1, QPointF(), self.view.pageNavigator()
                                           .currentZoom())

    def _page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)

    def effective_zoom(self) -> float:
        """The zoom on screen, also while the page is fitted to the width."""
        view = self.view
        if view.zoomMode() != QPdfView.ZoomMode.FitToWidth:
            return view.zoomFactor()
        page = self.document.pagePointSize(max(0, self.current_page() - 1))
        margins = view.documentMargins()
        width = view.viewport().width() - margins.left() - margins.right()
        pixels = page.width() * view.logicalDpiX() / 72.0
        return max(ZOOM_MIN, min(ZOOM_MAX, width / pixels)) if pixels > 0 else 1.0

    def zoom_by(self, factor: float) -> None:
        if self.view is None:
            return
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, self.effective_zoom() * factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)
        self._show_zoom()

    def fit_width(self) -> None:
        if self.view is not None:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._show_zoom()

    def _show_zoom(self) -> None:
        if self.view is not None:
            self.zoom_label.setText(f"{round(self.effective_zoom() * 100)}%")

    def eventFilter(self, watched, event) -> bool:
        # "Fit width" changes the zoom whenever the view's width changes.
        if self.view is not None and watched is self.view.viewport() \
                and event.type() == QEvent.Type.Resize:
            self._show_zoom()
        return super().eventFilter(watched, event)

    # -- saving ---------------------------------------------------------------------------
    def save_as(self) -> Path | None:
        """Ask where, then write the export's bytes there (atomically); the path written."""
        default = last_folder(SAVE_FOLDER) / self.export.file_name
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save report"), str(default),
                                                    self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
        try:
            written = reports.write(self.export, target)
        except CustdeskError as error:
            show_message(self.message, str(error))
            return None
        remember_folder(SAVE_FOLDER, written.parent)
        self.saved_path = written
        show_message(self.message, self.tr("Saved to %1").replace("%1", str(written)),
                     error=False)
        self.saved.emit(str(written))
        return written

    # -- printing -------------------------------------------------------------------------
    def print_report(self) -> bool:
        """The print dialog (page range allowed), then the pages it chose."""
        if self.document is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.export.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print report"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """Page indexes (from 0) in the order to print: the range chosen ("2-3" or "1,3-4"),
        last page first when asked, and the copies the printer does not make itself."""
        count = self.page_count()
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            ranges = printer.pageRanges()
            if not ranges.isEmpty():
                pages = [page - 1 for page in range(1, count + 1) if ranges.contains(page)]
            else:
                first, last = printer.fromPage() or 1, printer.toPage() or count
                pages = list(range(max(1, first) - 1, min(count, last)))
        elif printer.printRange() == QPrinter.PrintRange.CurrentPage:
            pages = [max(0, self.current_page() - 1)] if count else []
        else:
            pages = list(range(count))
        if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
            pages.reverse()
        copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
        if printer.collateCopies():
            return pages * copies
        return [page for page in pages for _copy in range(copies)]

    def print_to(self, printer: QPrinter) -> bool:
        """Draw each chosen page, rendered at the printer's resolution, on its own sheet."""
        pages = self.pages_to_print(printer)
        if not pages:
            show_message(self.message, self.tr("The chosen pages are not in this report."))
            return False
        painter = QPainter()
        if not painter.begin(printer):
            show_message(self.message, self.tr("The printer could not be started."))
            return False
        try:
            dpi = min(printer.resolution(), PRINT_DPI_MAX)
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                area = painter.viewport()           # the printable area, in device pixels
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                width, height = round(points.width() * scale), round(points.height() * scale)
                render = min(1.0, dpi / printer.resolution())
                image = self.document.render(page, QSize(max(1, round(width * render)),
                                                         max(1, round(height * render))))
                left = (area.width() - width) // 2
                painter.drawImage(QRect(left, 0, width, height), image)
        finally:
            painter.end()
        show_message(self.message, self.tr("Sent %n page(s) to the printer.", "", len(pages)),
                     error=False)
        return True

