"""The first-run wizard's "ใช้เซิร์ฟเวอร์ของสำนักงาน": an address, a connection test that says
plainly when the server cannot be reached, and — once connected — this workstation keeps using
the server (saved for next time), with the office set up there only once: the program goes on
there at once, to the server office's login, without a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from nongbon_ita.app import open_services
from nongbon_ita.db.location import resolve_location
from nongbon_ita.db.workstation import saved_server
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.gui.first_run_wizard import FirstRunWizard
from nongbon_ita.gui.main_window import MainWindow
from nongbon_ita.gui.run import GuiSession
from nongbon_ita.gui.server_dialog import (
    ServerDialog,
    first_run,
    switch_to_server,
    with_password,
)
from nongbon_ita.services.registry import Services
from tests.backends import PgTestDatabase, backends
from tests.gui.conftest import ADMIN_PASSWORD

ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # the saved server's home


def test_the_wizard_offers_the_office_server(qtbot, blank_services: Services) -> None:  # type: ignore[no-untyped-def]
    wizard = FirstRunWizard(blank_services.setup)
    qtbot.addWidget(wizard)
    assert wizard.office_page.server_button.text() == "Use the office's server…"


def test_an_unreachable_server_is_told_and_cannot_be_chosen(qtbot, shot) -> None:  # type: ignore[no-untyped-def]
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.url_edit.setText("postgresql://nongbon@127.0.0.1:9/nongbon")
    assert not dialog.test_connection()
    assert "Cannot reach the database server" in dialog.error_label.text()
    assert not dialog.use_button.isEnabled() and dialog.location is None
    shot(dialog, "server-dialog-unreachable")
    dialog.url_edit.setText("D:/office.sqlite3")
    assert not dialog.test_connection()  # a file is not a server
    assert "postgresql://" in dialog.error_label.text()


def test_the_password_field_goes_into_the_address() -> None:
    assert (with_password("postgresql://nongbon@server/nongbon", "p@ss:1")
            == "postgresql://nongbon:p%40ss%3A1@server/nongbon")  # fmt: skip
    assert with_password("postgresql://nongbon@server/nongbon", "") == (
        "postgresql://nongbon@server/nongbon"
    )


@pytest.mark.parametrize("backend", ON_PG)
def test_a_reachable_server_becomes_this_workstations_database(
    backend: str,
    qtbot,
    blank_services: Services,
    pg_database: PgTestDatabase,
    shot,  # type: ignore[no-untyped-def]
) -> None:
    pg_database.empty()
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.url_edit.setText(pg_database.url)
    assert dialog.test_connection() and dialog.use_button.isEnabled()
    assert dialog.location is not None
    shot(dialog, "server-dialog-connected")
    on_server = switch_to_server(blank_services, dialog.location)
    try:
        assert on_server.ctx.database.location.is_server
        assert saved_server() == dialog.location.url
        assert resolve_location(None, environ={}) == dialog.location  # next start: the server
        assert not on_server.setup.is_initialised()  # the first workstation sets the office up
    finally:
        on_server.ctx.database.dispose()


def _when_shown(kind: type, act) -> None:  # type: ignore[no-untyped-def]
    """Run `act` on the modal dialog of `kind` once it is on screen (exec() blocks the test)."""

    def poll() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, kind):
            act(shown)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


@pytest.mark.parametrize("backend", ON_PG)
def test_after_choosing_the_server_the_program_goes_on_there_without_a_restart(
    backend: str,
    qtbot,
    blank_services: Services,
    pg_database: PgTestDatabase,
    shot,  # type: ignore[no-untyped-def]
) -> None:
    pg_database.empty()
    server_office = OfficeProfile("องค์การบริหารส่วนตำบลโนนสูง", "อบต.โนนสูง", "เมือง", "มหาสารคาม")
    first_pc = open_services(pg_database.location)  # the first workstation set the office up
    first_pc.setup.initialise(server_office, "admin", "ผู้ดูแลระบบ", ADMIN_PASSWORD)
    first_pc.ctx.database.dispose()

    def fill_server(dialog: ServerDialog) -> None:
        dialog.url_edit.setText(pg_database.url)
        assert dialog.test_connection()
        dialog.use_button.click()

    def choose_server(wizard: FirstRunWizard) -> None:
        shot(wizard, "first-run-wizard-server-choice")
        _when_shown(ServerDialog, fill_server)
        wizard.office_page.server_button.click()  # the server dialog's own loop runs in here

    _when_shown(FirstRunWizard, choose_server)
    services = first_run(blank_services)  # as run_gui does, before the login
    assert services is not None and services is not blank_services
    try:
        assert services.ctx.database.location.is_server
        assert saved_server() == pg_database.location.url  # and the next start opens it too
        session = GuiSession(services)
        login = session.show_login()
        qtbot.addWidget(login)
        assert login.title_label.text() == server_office.name  # the server's office, not blank
        shot(login, "login-on-the-server")
        login.username_edit.setText("admin")
        login.password_edit.setText(ADMIN_PASSWORD)
        login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert isinstance(session.window, MainWindow)  # logged in on the server's database
        qtbot.addWidget(session.window)
        assert session.window.user.username == "admin"
    finally:
        services.ctx.database.dispose()


def test_giving_up_in_the_wizard_ends_the_program(qtbot, blank_services: Services) -> None:  # type: ignore[no-untyped-def]
    _when_shown(FirstRunWizard, lambda wizard: wizard.reject())
    assert first_run(blank_services) is None
    assert saved_server() is None
