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
