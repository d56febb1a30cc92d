"""The daily backup at start-up and the stale-backup warning in the status bar (gui/run.py).

Apart from the Settings › Backups tab so that starting the app does not build the tab's module.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QWidget

from nongbon_ita.i18n.translate import _, translate_message
from nongbon_ita.services import auto_backup
from nongbon_ita.services.context import ServiceContext


def take_daily_backup(ctx: ServiceContext) -> str:
    """Run the daily backup; return what the status bar should warn about ("" when all is well).

    Never raises: a failing backup must not keep the office from working.
    """
    try:
        result = auto_backup.run_daily_backup(ctx)
        stale = auto_backup.is_stale(ctx)
    except Exception:  # logged; the warning below still tells the user
        logging.getLogger("nongbon_ita.gui").exception("daily backup failed")
        return _("The daily backup failed; see the log file.")
    notes = []
    if result.status == "failed":
        notes.append(translate_message(result.message_id, dict(result.params)))
    if stale:
        notes.append(_("The last backup is older than 7 days (Settings → Backups)."))
    return " ".join(notes)


def show_backup_note(window: QWidget, note: str) -> None:
    """A red, permanent note in the main window's status bar (nothing when `note` is empty)."""
    if not note:
        return
    label = QLabel("⚠ " + note, window)
    label.setObjectName("backup-warning")
    label.setStyleSheet("color: #b3261e; font-weight: bold; padding: 0 8px;")
    window.statusBar().insertPermanentWidget(0, label)  # type: ignore[attr-defined]
