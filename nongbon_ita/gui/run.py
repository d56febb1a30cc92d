"""Start the GUI: font, error handler, first-run wizard, login, main window; logout loops back.

Heavy libraries (reportlab, pythainlp, openpyxl) stay off this path: they are imported inside
the functions that need them. So are the pages not on the first screen (settings, reports, the
backups tab): issue 14's start-up target counts every module the first screen imports.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from nongbon_ita.domain.errors import NotFoundError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.change_password_dialog import ChangePasswordDialog
from nongbon_ita.gui.errors import install_error_handler, report_error
from nongbon_ita.gui.fonts import load_screen_font
from nongbon_ita.gui.login_dialog import LoginDialog
from nongbon_ita.gui.main_window import MainWindow
from nongbon_ita.gui.pages.dashboard_page import DashboardPage
from nongbon_ita.gui.preferences import apply_saved_language
from nongbon_ita.gui.qt_strings import install_qt_strings
from nongbon_ita.gui.widgets.background import BackgroundTask
from nongbon_ita.i18n.digits import set_screen_digits
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services

if TYPE_CHECKING:  # imported when the GUI runs: it is not needed to build a window
    from nongbon_ita.gui.database_watch import DatabaseWatch
    from nongbon_ita.gui.pages.reports_page import Render

__all__ = ["GuiSession", "LoginDialog", "build_main_window", "run_gui"]

log = logging.getLogger("nongbon_ita.gui")


def office_name(services: Services) -> str:
    try:
        return services.office.profile().name
    except NotFoundError:
        return ""


def build_main_window(
    services: Services, user: CurrentUser, render_report: Render | None = None
) -> MainWindow:
    """The main window with every area. Only the dashboard is built now; each other area is
    built the first time it is shown (MainWindow.add_page with a builder)."""
    name = office_name(services)
    set_screen_digits(services.office.digit_style())  # the office's choice, on every screen
    window = MainWindow(user, name)
    dashboard = DashboardPage(user, name)
    window.add_page("dashboard", _("Dashboard"), dashboard)
    window.add_page("assets", _("Assets and loans"), lambda: _assets_area(services, user))
    window.add_page("complaints", _("Complaints"), lambda: _complaints_area(services, user))
    window.add_page("ita", _("ITA measures"), lambda: _ita_area(services, user))
    window.add_page("reports", _("Reports"), lambda: _reports_area(services, user, render_report))
    window.add_page("settings", _("Settings"), lambda: _settings_area(services, user))
    from nongbon_ita.gui.complaints.area import add_complaint_sections
    from nongbon_ita.gui.ita.due_widget import MeasuresDueWidget
    from nongbon_ita.gui.loans.area import add_loan_sections

    add_loan_sections(dashboard, services, user)  # overdue loans, requests to approve
    add_complaint_sections(dashboard, services, user)
    dashboard.add_section("ita", _("ITA measures due"), MeasuresDueWidget(services, user))
    from nongbon_ita.gui.pages.expiring_certificates import add_signing_section

    add_signing_section(dashboard, services, user)  # admin: certificates near their end
    window.show_page("dashboard")
    return window


def _assets_area(services: Services, user: CurrentUser) -> QWidget:
    """The asset register, loans and the loan register share one area, one tab each."""
    from nongbon_ita.gui.assets.register_page import AssetRegisterPage
    from nongbon_ita.gui.loans.area import add_loan_tabs

    area = QTabWidget()
    area.setDocumentMode(True)
    area.addTab(AssetRegisterPage(services, user), _("Asset register"))
    add_loan_tabs(area, services, user)  # Loans, Loan register
    return area


def _complaints_area(services: Services, user: CurrentUser) -> QWidget:
    from nongbon_ita.gui.complaints.area import complaints_page

    return complaints_page(services, user)


def _ita_area(services: Services, user: CurrentUser) -> QWidget:
    from nongbon_ita.gui.ita.page import ItaPage

    return ItaPage(services, user)


def _settings_area(services: Services, user: CurrentUser) -> QWidget:
    from nongbon_ita.gui.pages.settings_page import SettingsPage

    return SettingsPage(services, user)


def _reports_area(services: Services, user: CurrentUser, render_report: Render | None) -> QWidget:
    from nongbon_ita.gui.complaints.area import add_complaint_reports
    from nongbon_ita.gui.pages.reports_page import ReportsPage

    reports = ReportsPage(render_report or services.documents.measures_report_pdf)
    ita_docs = services.ita.documents
    reports.add_document(_("Measures plan: the integrity measures"), ita_docs.measures_plan_pdf,
                         "measures-plan")  # fmt: skip
    reports.add_document(_("ITA measures: 6-month progress"),
                         lambda year: ita_docs.progress_pdf(year, 1), "ITA-progress-6m")  # fmt: skip
    reports.add_document(_("ITA measures: 12-month progress"),
                         lambda year: ita_docs.progress_pdf(year, 2), "ITA-progress-12m")  # fmt: skip
    add_complaint_reports(reports, services, user)
    return reports


def show_backup_note(window: QWidget, note: str) -> None:
    """The daily backup's warning in the window's status bar; its module (a heavy import: the
    backup services, cryptography) is imported only when there is one."""
    if note:
        from nongbon_ita.gui.daily_backup import show_backup_note as show

        show(window, note)


def ensure_own_password(
    services: Services, user: CurrentUser, parent: QWidget | None = None
) -> bool:
    """A user with a temporary password must choose their own before going on."""
    if not user.must_change_password:
        return True
    dialog = ChangePasswordDialog(user, services.auth.change_own_password, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


class GuiSession(QObject):
    """Login → main window; logout closes the window and shows the login dialog again."""

    def __init__(self, services: Services, render_report: Render | None = None) -> None:
        super().__init__()
        self.services, self.render_report = services, render_report
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self.last_username = ""
        self.backup_note = ""
        self.backup_task: BackgroundTask | None = None
        self.ended = False
        self.watch: DatabaseWatch | None = None
        self.prepared: MainWindow | None = None  # built while the password is checked

    def start_daily_backup(self) -> None:
        """The daily backup, once the first window is on screen and off the GUI thread: the
        office starts working at once; a warning lands in the status bar when it is done."""
        if self.ended:  # the event loop ended before the timer fired: the database may be gone
            return
        from nongbon_ita.gui.daily_backup import take_daily_backup

        task = BackgroundTask(lambda: take_daily_backup(self.services.ctx), self)
        task.finished.connect(self._backup_done)
        self.backup_task = task
        task.start()

    def _backup_done(self, note: object) -> None:
        self.backup_note = str(note or "")
        if self.window is not None:
            show_backup_note(self.window, self.backup_note)

    def bring_to_front(self) -> None:
        """Another copy was started: show this one's window (or its login dialog) instead."""
        shown = self.window if self.window is not None else self.login
        if shown is not None:
            shown.showNormal()
            shown.raise_()
            shown.activateWindow()

    def wait_for_backup(self) -> None:
        if self.backup_task is not None:
            self.backup_task.wait()

    def end(self) -> None:
        """After the event loop: nothing of this session may run later (a pending timer, the
        file watch) against a database that is about to be closed."""
        self.ended = True
        if self.watch is not None:
            self.watch.stopped = True
            self.watch.timer.stop()
        self.wait_for_backup()

    def show_login(self) -> LoginDialog:
        self.login = LoginDialog(self.services.auth, office_name(self.services),
                                 username=self.last_username, prepare=self.prepare_window)  # fmt: skip
        self.login.accepted.connect(self._logged_in)
        self.login.rejected.connect(self._login_cancelled)
        self.login.failed.connect(self.drop_prepared)
        self.login.show()
        return self.login

    def prepare_window(self, candidate: CurrentUser) -> None:
        """The main window of the user logging in, built (not shown) while argon2 checks the
        password on another thread: issue 14's start-up. Shown only once the login succeeded."""
        self.drop_prepared()
        self.prepared = build_main_window(self.services, candidate, self.render_report)

    def drop_prepared(self) -> None:
        if self.prepared is not None:
            self.prepared.deleteLater()
            self.prepared = None

    def main_window_for(self, user: CurrentUser) -> MainWindow:
        """The window prepared during the login if it is this user's, else one built now."""
        window, self.prepared = self.prepared, None
        if window is not None and window.user == user:
            return window
        if window is not None:
            window.deleteLater()
        return build_main_window(self.services, user, self.render_report)

    def _login_cancelled(self) -> None:
        self.drop_prepared()
        if self.window is None:
            QApplication.quit()

    def _logged_in(self) -> None:
        assert self.login is not None and self.login.user is not None
        user = self.login.user
        self.last_username = user.username
        self.login.deleteLater()
        self.login = None
        if not ensure_own_password(self.services, user):
            self.show_login()
            return
        self.window = self.main_window_for(user)
        self.window.logout_requested.connect(self.logout)
        show_backup_note(self.window, self.backup_note)
        self.window.show()
        from nongbon_ita.reports.warm import warm_up_in_background

        # the first print then costs what any print does (once per process; off this thread)
        QTimer.singleShot(0, warm_up_in_background)

    def logout(self) -> None:
        self.show_login()  # shown first, so closing the window does not quit the app
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None


def run_gui(services: Services, argv: list[str], render_report: Render | None = None) -> int:
    """The GUI's entry point; returns the process exit code."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setOrganizationName("nongbon-ita")
    app.setApplicationName("nongbon-ita")
    load_screen_font(app)
    install_error_handler()
    apply_saved_language()
    install_qt_strings(app)
    try:
        from nongbon_ita.gui.server_dialog import first_run

        set_up = first_run(services)  # the wizard; or the office's server, chosen in it
        if set_up is None:
            return 0
        services = set_up
        from nongbon_ita.gui.bench_autologin import bench_autologin
        from nongbon_ita.gui.database_watch import DatabaseWatch
        from nongbon_ita.gui.single_instance import FirstCopy, ask_first_copy, instance_key

        key = instance_key(services.ctx.database.location.url)
        if ask_first_copy(key):  # a second double-click: the first copy comes to the front
            return 0
        session = GuiSession(services, render_report)
        session.watch = DatabaseWatch(services.ctx.identity.check, session).start()
        first = FirstCopy(key, session.bring_to_front, session)
        if not bench_autologin(session):  # a benchmark hook, inert unless its variable is set
            session.show_login()
        QTimer.singleShot(0, session.start_daily_backup)  # once the window is on screen
        code = app.exec()
        first.close()
        session.end()
        return code
    except Exception as err:  # start-up failure: shown plainly, logged, exit code 1
        report_error(err)
        return 1


def show_startup_error(message: str, argv: list[str]) -> None:
    """The database could not be opened: say why in a window (the windowed app has no console)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    load_screen_font(app)
    apply_saved_language()
    install_qt_strings(app)
    messages.error(None, message)
