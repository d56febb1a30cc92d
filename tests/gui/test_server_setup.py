"""The first-run wizard's "ใช้เซิร์ฟเวอร์ของสำนักงาน": an address, a connection test that says
plainly when the server cannot be reached, and — once connected — this workstation keeps using
the server (saved for next time), with the office set up there only once."""

from __future__ import annotations

from pathlib import Path

import pytest

from nongbon_ita.db.location import resolve_location
from nongbon_ita.db.workstation import saved_server
from nongbon_ita.gui.first_run_wizard import FirstRunWizard
from nongbon_ita.gui.server_dialog import ServerDialog, switch_to_server, with_password
from nongbon_ita.services.registry import Services
from tests.backends import PgTestDatabase, backends

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
