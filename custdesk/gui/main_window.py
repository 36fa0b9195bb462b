"""The main window: navigation column, area pages, menu, toolbar and status bar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QTabWidget, QWidget)

from ..core.access import allowed, role_label
from ..core.fields import level_label
from .about_dialog import AboutDialog
from .audit_page import AuditPage
from .customers.list_page import CustomerListPage
from .editor import CustomerEditor
from .export_dialog import ExportDialog
from .grading.approvals_page import ApprovalsPage
from .grading.validation_page import ValidationPage
from .home_page import HomePage
from .office_address import OfficeAddressDialog, is_office, short_name, shown
from .importing import ImportWizard
from .reports.reports_page import ReportsPage
from .settings_page import SettingsPage
from .startup_notice import StartupNotice
from .scrolling import PageStack, scrolled
from .style import icon
from . import wheel_guard


# the window's first size where the screen has room for it
DEFAULT_SIZE = QSize(1280, 800)
# kept free above the window for its title bar, which the available area does not count
TITLE_BAR = 40


def fitted_size(screen) -> QSize:
    """The default size, shrunk to the screen's free area (less the taskbar and the title bar):
    on a 1366×768 laptop a 1280×800 window would hide its status bar and bottom buttons."""
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry().size() - QSize(0, TITLE_BAR)
    return DEFAULT_SIZE.boundedTo(free)


class MainWindow(QMainWindow):
    #: the user asked to lock the window now
    lock_requested = Signal()
    #: the user asked to log out and let someone else log in (session.Sessions)
    switch_user_requested = Signal()
    #: the user gave an office database's address to log in to instead (session.Sessions)
    office_requested = Signal(str)

    def __init__(self, runner, user, db_path, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.user = user
        self.db_path = db_path
        self.setWindowTitle(self.tr("custdesk — Customer credit files")
                            + f" — {short_name(db_path)}")
        wheel_guard.install()

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(168)
        self.navigation.setIconSize(QSize(20, 20))
        self.pages = PageStack()

        self.home_page = HomePage(runner)
        self.home_page.open_customer.connect(self.open_customer)
        self.home_page.count_changed.connect(self._show_home_count)
        self._add_area("home", self.tr("Today"), "today", self.home_page)
        self.startup_notice = StartupNotice(self, self.home_page, lambda: self.show_area("home"))
        self.customer_tabs = QTabWidget()
        self.customer_tabs.setTabsClosable(True)
        self.customer_tabs.setDocumentMode(True)
        self.customer_tabs.tabCloseRequested.connect(self.close_tab)
        self.customer_list = CustomerListPage(runner)
        self.customer_list.open_customer.connect(self.open_customer)
        self.customer_tabs.addTab(self.customer_list, icon("customers"), self.tr("All customers"))
        self.customer_tabs.tabBar().setTabButton(0, self.customer_tabs.tabBar().ButtonPosition.RightSide,
                                                 None)
        self._add_area("customers", self.tr("Customer files"), "customers", self.customer_tabs)
        if allowed(user.role, "assessment.approve"):
            self.approvals_page = ApprovalsPage(runner)
            # An approval opens the file on its grading, where the assessment is.
            self.approvals_page.open_customer.connect(
                lambda code: self.open_customer(code, "grading"))
            # The app icon (a file with a tick) until the set has an approvals icon.
            self._add_area("approvals", self.tr("Approvals"), "app", self.approvals_page)
            self.approvals_page.count_changed.connect(self._show_approvals_count)
        self.reports_page = ReportsPage(runner, allowed(user.role, "audit.read"))
        self._add_area("reports", self.tr("Reports"), "reports", self.reports_page)
        if allowed(user.role, "audit.read"):
            self.audit_page = AuditPage(runner)
            self._add_area("audit", self.tr("Audit log"), "audit", self.audit_page)
        # After the reports and the log an auditor reads: the owner's look back at grades.
        if allowed(user.role, "audit.read") or allowed(user.role, "settings.manage"):
            self.validation_page = ValidationPage(runner, allowed(user.role, "settings.manage"))
            # "Validation" in the narrow navigation; the page's title says what of.
            self._add_area("validation", self.tr("Validation"), "validation",
                           self.validation_page)
        self.settings_page = SettingsPage(runner, user)
        self._add_area("settings", self.tr("Settings"), "settings", self.settings_page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        # The pages scroll as a last resort (a window smaller than the page shown needs),
        # instead of the window growing past the screen's edge by itself.
        layout.addWidget(scrolled(self.pages, "page_scroller"), 1)
        self.setCentralWidget(central)
        self._make_actions()
        self._make_status_bar()
        self.resize(fitted_size(QApplication.primaryScreen()))

    def _add_area(self, key: str, text: str, icon_name: str, page: QWidget) -> None:
        item = QListWidgetItem(icon(icon_name), text)
        item.setData(Qt.UserRole, key)
        self.navigation.addItem(item)
        self.pages.addWidget(page)

    def _show_approvals_count(self, waiting: int) -> None:
        """The navigation says how many items wait for this user's decision."""
        item = self.navigation.item(self.area_keys().index("approvals"))
        item.setText(self.tr("Approvals (%1)").replace("%1", str(waiting)) if waiting
                     else self.tr("Approvals"))

    def _show_home_count(self, count: int) -> None:
        """Overdue reviews plus red warnings, beside 今日."""
        item = self.navigation.item(self.area_keys().index("home"))
        item.setText(self.tr("Today (%1)").replace("%1", str(count)) if count else self.tr("Today"))

    def area_keys(self) -> list[str]:
        return [self.navigation.item(i).data(Qt.UserRole) for i in range(self.navigation.count())]

    def show_area(self, key: str) -> None:
        self.navigation.setCurrentRow(self.area_keys().index(key))

    # -- actions ------------------------------------------------------------------------
    def _make_actions(self) -> None:
        can_edit = allowed(self.user.role, "customer.edit")

        def action(text, icon_name, shortcut, slot, enabled=True):
            act = QAction(icon(icon_name) if icon_name else icon("app"), text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            act.setEnabled(enabled)
            return act

        self.new_individual = action(self.tr("New individual customer"), "new", "Ctrl+N",
                                     lambda: self.new_customer("individual"), can_edit)
        self.new_enterprise = action(self.tr("New enterprise customer"), "new", "Ctrl+Shift+N",
                                     lambda: self.new_customer("enterprise"), can_edit)
        self.find_action = action(self.tr("Find customer"), "search", QKeySequence.Find, self.find)
        self.save_action = action(self.tr("Save"), "save", None, self.save_current)
        self.import_action = action(self.tr("Import…"), "import", "Ctrl+I", self.import_files, can_edit)
        self.export_action = action(self.tr("Export customer data…"), "export", "Ctrl+E",
                                    self.export_customers,
                                    allowed(self.user.role, "report.export"))
        self.backup_action = action(self.tr("Back up now…"), "save", None, self.back_up_now,
                                    allowed(self.user.role, "backup.create"))
        self.lock_action = action(self.tr("Lock"), "lock", "Ctrl+L", self.lock_requested.emit)
        self.switch_user_action = action(self.tr("Switch user…"), "switch_user", "Ctrl+Shift+L",
                                         self.switch_user_requested.emit)
        self.connect_office_action = action(self.tr("Connect to office database…"), "switch_user",
                                            None, self.connect_office)
        self.quit_action = action(self.tr("Quit"), "quit", QKeySequence.Quit, self.close)
        about = action(self.tr("About custdesk"), None, None, self.about)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for act in (self.new_individual, self.new_enterprise, self.save_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.switch_user_action)
        file_menu.addAction(self.connect_office_action)
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.find_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(about)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        for act in (self.new_individual, self.new_enterprise, self.import_action, self.find_action,
                    self.lock_action):
            toolbar.addAction(act)

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        user = self.user
        # Whole phrases with %1 (not tr() inside f-strings, which lupdate cannot see).
        for text in (self.tr("User: %1").replace("%1", user.display),
                     self.tr("Role: %1").replace("%1", role_label(user.role)),
                     self.tr("Clearance: %1").replace("%1", level_label(user.clearance)),
                     self.tr("Database: %1").replace("%1", shown(self.db_path))):
            label = QLabel(text)
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def connect_office(self) -> OfficeAddressDialog:
        """文件 › 连接办公室数据库…: the address, then (``office_requested``) this session ends
        as on switching user and the login for that database comes."""
        dialog = OfficeAddressDialog(self.db_path if is_office(self.db_path) else "", self)
        dialog.setObjectName("office_dialog")
        dialog.accepted.connect(lambda: self.office_requested.emit(dialog.url))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- customers ------------------------------------------------------------------------
    def find(self) -> None:
        self.show_area("customers")
        self.customer_tabs.setCurrentIndex(0)
        self.customer_list.focus_search()

    def import_files(self) -> ImportWizard:
        wizard = ImportWizard(self.runner, self)
        wizard.finished.connect(wizard.deleteLater)
        wizard.open()
        return wizard

    def export_customers(self) -> ExportDialog:
        # The list's search, filters and selection: the dialog offers the files it shows.
        dialog = ExportDialog(self.runner, self, self.customer_list.export_scope())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def back_up_now(self) -> None:
        """文件 › 立即备份…: the list of backups in view, then a backup (it asks for a label)."""
        self.show_area("settings")
        self.settings_page.show_backups()
        self.settings_page.backups.backup_now()

    def editors(self) -> list[CustomerEditor]:
        return [self.customer_tabs.widget(i) for i in range(1, self.customer_tabs.count())]

    def open_customer(self, code: str, part: str | None = None, warning_id=None) -> None:
        """Open the file (or bring its tab forward) on ``part``, what brought the user: a
        review ("reviews"), one warning ("warning", with its id) or an approval ("grading")."""
        self.show_area("customers")
        for index, editor in enumerate(self.editors(), start=1):
            if editor.code == code:
                self.customer_tabs.setCurrentIndex(index)
                break
        else:
            editor = CustomerEditor(self.runner, code)
            self._add_editor(editor, code)
        if part:
            editor.show_part(part, warning_id)

    def new_customer(self, kind: str) -> None:
        self.show_area("customers")
        title = self.tr("New individual") if kind == "individual" else self.tr("New enterprise")
        self._add_editor(CustomerEditor(self.runner, None, kind), title)

    def _add_editor(self, editor: CustomerEditor, title: str) -> None:
        index = self.customer_tabs.addTab(editor, title)
        self.customer_tabs.setCurrentIndex(index)
        editor.title_changed.connect(
            lambda text, e=editor: self.customer_tabs.setTabText(self.customer_tabs.indexOf(e), text))

    def close_tab(self, index: int) -> None:
        if index == 0:
            return
        editor = self.customer_tabs.widget(index)
        if editor.maybe_close():
            self.customer_tabs.removeTab(index)
            editor.deleteLater()

    def save_current(self) -> None:
        editor = self.customer_tabs.currentWidget()
        if isinstance(editor, CustomerEditor):
            editor.save()

    def about(self) -> AboutDialog:
        """Version, database and schema version."""
        dialog = AboutDialog(self.runner, self.db_path, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def closeEvent(self, event) -> None:
        for editor in self.editors():
            self.customer_tabs.setCurrentWidget(editor)
            if not editor.maybe_close():
                event.ignore()
                return
        event.accept()

    def set_locked(self, locked: bool) -> None:
        """Hide every page's data while locked (the lock overlay sits on top), and the windows
        of their own that show a file's content (a document, a report preview)."""
        from shiboken6 import isValid
        from .editor.document_viewer import DocumentViewer
        from .reports.preview import ReportPreview
        if locked:
            self._hidden_viewers = [w for w in self.findChildren(QWidget)
                                    if isinstance(w, (DocumentViewer, ReportPreview))
                                    and w.isVisible()]
            for viewer in self._hidden_viewers:
                viewer.hide()
        else:
            for viewer in getattr(self, "_hidden_viewers", []):
                if isValid(viewer):
                    viewer.show()
            self._hidden_viewers = []
        self.pages.setVisible(not locked)
        self.navigation.setEnabled(not locked)
        for act in (self.new_individual, self.new_enterprise, self.find_action, self.save_action,
                    self.lock_action, self.connect_office_action):
            act.setEnabled(not locked and (act not in (self.new_individual, self.new_enterprise)
                                           or allowed(self.user.role, "customer.edit")))
        QApplication.processEvents()
