""" "ใช้เซิร์ฟเวอร์ของสำนักงาน": point this workstation at the office's PostgreSQL server — its
address, an optional password, a connection test — from the first-run wizard; the program then
goes on on the server (login there), without a restart."""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation, location_of_text
from nongbon_ita.db.server import check_server
from nongbon_ita.db.workstation import save_server
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.gui.widgets.error_label import ErrorLabel
from nongbon_ita.gui.widgets.password_form import password_edit
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.registry import Services

EXAMPLE = "postgresql://nongbon@SERVER/nongbon"


def with_password(url: str, password: str) -> str:
    """The URL with `password` put in (the URL's own one, if any, when the field is empty)."""
    if not password:
        return url
    parts = urlsplit(url)
    user = parts.username or ""
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{user}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


class ServerDialog(QDialog):
    """Accepted only after a successful connection test; `location` is then the server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Use the office's server"))
        self.location: DatabaseLocation | None = None
        intro = QLabel(_("Give the address of the office's PostgreSQL server, as set up in the "
                         "README (for example {example}), then test the connection.").format(
                             example=EXAMPLE), self)  # fmt: skip
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText(EXAMPLE)
        self.password_edit = password_edit(self)
        self.test_button = QPushButton(_("Test the connection"), self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.error_label = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.use_button = self.buttons.addButton(
            _("Use this server"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.use_button.setEnabled(False)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(_("Server address"), self.url_edit)
        form.addRow(_("Password (if not saved on this PC)"), self.password_edit)
        form.addRow(self.test_button)
        form.addRow(self.result_label)
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        self.test_button.clicked.connect(self.test_connection)
        self.url_edit.textChanged.connect(self._changed)
        self.password_edit.textChanged.connect(self._changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(560)

    def _changed(self) -> None:
        self.location = None  # a changed address must be tested again
        self.use_button.setEnabled(False)
        self.result_label.clear()

    def test_connection(self) -> bool:
        self._changed()
        self.error_label.clear_message()
        url = with_password(self.url_edit.text().strip(), self.password_edit.text())
        try:
            location = location_of_text(url)
            if not location.is_server:
                self.error_label.show_message(
                    _("Give a server address starting with postgresql://")
                )
                return False
            check_server(location)
        except DomainError as error:
            self.error_label.show_message(domain_message(error))
            return False
        self.location = location
        self.result_label.setText(_("Connected to {server}.").format(server=location.shown))
        self.use_button.setEnabled(True)
        return True


def switch_to_server(services: Services, location: DatabaseLocation) -> Services:
    """Services on the server (saved as this workstation's database); the old ones on failure,
    after saying why."""
    try:
        database = open_database(location)
    except DomainError as error:
        messages.error(None, domain_message(error))
        return services
    save_server(location.url)
    services.ctx.database.dispose()
    return Services.over(ServiceContext(database, hashing=services.ctx.hashing))


def first_run(services: Services) -> Services | None:
    """The first-run wizard until the database is set up: the services to go on with (on the
    office's server, if it was chosen there), or None when the user gave up."""
    from nongbon_ita.gui.first_run_wizard import FirstRunWizard

    while not services.setup.is_initialised():
        wizard = FirstRunWizard(services.setup)
        result = wizard.exec()
        chosen = wizard.server_location
        wizard.deleteLater()
        if result == FirstRunWizard.SERVER_CHOSEN and chosen is not None:
            on_server = switch_to_server(services, chosen)
            if on_server is services:
                return None  # it could not be opened: switch_to_server said why
            services = on_server  # set up already (login), or the office is set up there now
        elif result != QDialog.DialogCode.Accepted:
            return None
    return services
