"""The single error handler: log every unexpected error, show the user a plain message.

A DomainError (a refusal the user can act on) is shown as its translated message only; anything
else is logged with its traceback and shown as a short apology. The user never sees a traceback.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from nongbon_ita.db.locks import DatabaseBusy, is_busy
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.gui import messages
from nongbon_ita.i18n.translate import _, translate_message
from nongbon_ita.services.presence import DatabaseReplaced

log = logging.getLogger("nongbon_ita.gui")


def domain_message(err: DomainError) -> str:
    return translate_message(err.message_id, err.params)


def stop_for_replaced_database(err: DatabaseReplaced, parent: QWidget | None = None) -> None:
    """Say why, then end the program (exit code 2): every later save would be lost."""
    log.warning("database replaced: %s", err)
    messages.warn(parent or QApplication.activeWindow(), domain_message(err))
    QApplication.exit(2)


def report_error(err: BaseException, parent: QWidget | None = None) -> None:
    """Show `err` to the user; log it with its traceback unless it is a DomainError."""
    if parent is None:
        parent = QApplication.activeWindow()
    if is_busy(err):  # the write lock held past the busy timeout outside a transaction
        err = DatabaseBusy()
    if isinstance(err, DatabaseReplaced):  # a save found the file restored under it
        stop_for_replaced_database(err, parent)
        return
    if isinstance(err, DomainError):
        log.info("refused: %s", err)
        messages.warn(parent, domain_message(err))
        return
    if isinstance(err, OSError) and err.strerror:  # a full disk, a locked or missing file
        log.warning("file error: %s", err)
        where = f" ({err.filename})" if err.filename else ""
        messages.warn(parent, _("The file could not be read or written: {reason}").format(
            reason=err.strerror + where))  # fmt: skip
        return
    log.error("unexpected error", exc_info=(type(err), err, err.__traceback__))
    messages.error(
        parent,
        _("Something went wrong and the action was not completed. "
          "The details were written to the log file; your saved work is safe."),
        detail=_("Technical detail: {name}").format(name=type(err).__name__),
    )  # fmt: skip


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    if value.__traceback__ is None and tb is not None:
        value = value.with_traceback(tb)
    try:
        report_error(value)
    except Exception:  # never let the handler itself raise into Qt
        log.exception("the error handler failed")


def install_error_handler() -> None:
    """Route uncaught exceptions (including those raised in Qt slots) to report_error."""
    sys.excepthook = _excepthook
