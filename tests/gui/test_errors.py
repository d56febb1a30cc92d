"""The single error handler: logs unexpected errors, shows a plain message, never a traceback."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from nongbon_ita.domain.errors import PermissionDenied, StaleEditError
from nongbon_ita.gui import errors


def test_unexpected_error_is_logged_and_shown_plainly(message_log, caplog, shot):
    message_log.grab_to = shot
    try:
        raise ZeroDivisionError("division by zero in some report")
    except ZeroDivisionError as err:
        with caplog.at_level(logging.ERROR, logger="nongbon_ita.gui"):
            errors.report_error(err)
    icon, text, detail = message_log.boxes[-1]
    assert icon == QMessageBox.Icon.Critical
    assert "Something went wrong" in text
    assert "Traceback" not in text + detail
    assert "ZeroDivisionError" in caplog.text and "Traceback" in caplog.text


def test_domain_error_shows_its_translated_message_only(message_log, caplog):
    with caplog.at_level(logging.ERROR, logger="nongbon_ita.gui"):
        errors.report_error(StaleEditError("Someone else saved this record after you opened it. "
                                           "Reload and try again."))  # fmt: skip
        errors.report_error(PermissionDenied("You are not allowed to {operation}.",
                                             operation="manage users"))  # fmt: skip
    assert message_log.texts() == [
        "Someone else saved this record after you opened it. Reload and try again.",
        "You are not allowed to manage users.",
    ]
    assert message_log.boxes[0][0] == QMessageBox.Icon.Warning
    assert caplog.text == ""  # refusals are not errors


def test_a_file_error_is_told_in_words_the_user_can_act_on(message_log, tmp_path):
    try:
        (tmp_path / "no-such-folder" / "measures-2567.xlsx").write_bytes(b"PK")
    except OSError as err:
        errors.report_error(err)
    icon, text, _detail = message_log.boxes[-1]
    assert icon == QMessageBox.Icon.Warning
    assert "could not be read or written" in text and "measures-2567.xlsx" in text
    assert "Something went wrong" not in text


def test_installed_hook_handles_uncaught_exceptions(monkeypatch, message_log, caplog):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    errors.install_error_handler()
    assert sys.excepthook is errors._excepthook
    try:
        raise KeyError("missing")
    except KeyError:
        kind, value, tb = sys.exc_info()
    sys.excepthook(kind, value, tb)
    assert "Something went wrong" in message_log.last()
    assert "KeyError" in caplog.text


def test_run_gui_first_run_cancelled_returns_0(qtbot, blank_services, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from nongbon_ita.gui import preferences, run
    from nongbon_ita.gui.first_run_wizard import FirstRunWizard

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(preferences, "saved_language", lambda: None)
    shown = []
    monkeypatch.setattr(
        FirstRunWizard, "exec", lambda self: shown.append(self) or QDialog.DialogCode.Rejected
    )
    assert run.run_gui(blank_services, ["nongbon-ita"]) == 0
    assert len(shown) == 1
    assert not blank_services.setup.is_initialised()


def test_run_gui_shows_login_dialog(qtbot, services, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from nongbon_ita.gui import preferences, run
    from nongbon_ita.gui.login_dialog import LoginDialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(preferences, "saved_language", lambda: None)
    seen = []

    def fake_exec() -> int:
        seen.extend(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, LoginDialog) and w.isVisible()
        )
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    assert run.run_gui(services, ["nongbon-ita"]) == 0
    assert len(seen) == 1
    login = seen[0]
    qtbot.addWidget(login)
    assert login.title_label.text() == "องค์การบริหารส่วนตำบลหนองบอน"


def test_a_busy_database_is_told_as_such_never_as_sql(message_log, caplog):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    busy = OperationalError(
        "UPDATE app_user SET x=?", (1,), sqlite3.OperationalError("database is locked")
    )
    with caplog.at_level(logging.ERROR, logger="nongbon_ita.gui"):
        errors.report_error(busy)
    assert message_log.texts() == [
        "The database is in use by someone else… Wait a moment and try again."
    ]
    assert caplog.text == ""
