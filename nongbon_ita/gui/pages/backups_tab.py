"""Settings → Backups (admins): where daily backups go, a backup now, restore with a preview,
and a check of the data."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.db.private_files import leaves_the_pc
from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message, report_error
from nongbon_ita.gui.pages.backup_key_group import BackupKeyGroup
from nongbon_ita.gui.pages.backup_questions import (
    PassphraseAsker,
    ask_passphrase,
    new_passphrase,
    restore_with_questions,
)
from nongbon_ita.gui.pages.check_group import CheckGroup
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.i18n.digits import on_screen, screen_thai
from nongbon_ita.i18n.thaiformat import format_datetime_short
from nongbon_ita.i18n.translate import _
from nongbon_ita.services import auto_backup, backup_preview
from nongbon_ita.services.context import ServiceContext

# Injected by tests: choose a folder / a backup file (None: cancelled), restart the app.
FolderChooser = Callable[[QWidget], str | None]
FileChooser = Callable[[QWidget], str | None]


def choose_folder(parent: QWidget) -> str | None:
    return QFileDialog.getExistingDirectory(parent, _("Backup folder")) or None


def choose_backup_file(parent: QWidget) -> str | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Choose a backup"),
        "",
        _("nongbon-ita backups (*.sqlite3 *.nbk);;All files (*)"),
    )
    return name or None


def restart_app() -> None:
    """Start a fresh copy of the app (same executable and arguments), then quit this one."""
    args = sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv
    QProcess.startDetached(sys.executable, args)
    QApplication.quit()


def when(moment: object) -> str:
    from datetime import datetime

    if not isinstance(moment, datetime):
        return _("never")
    return format_datetime_short(moment.astimezone(), screen_thai())  # the office's digits


class BackupsTab(QWidget):
    def __init__(
        self, ctx: ServiceContext, user: CurrentUser, parent: QWidget | None = None,
        pick_folder: FolderChooser = choose_folder, pick_file: FileChooser = choose_backup_file,
        restart: Callable[[], None] = restart_app, ask: PassphraseAsker = ask_passphrase,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.pick_folder, self.pick_file, self.restart = pick_folder, pick_file, restart
        self.ask = ask
        self.chosen: Path | None = None
        self._folder_choice: Path | None = None
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.choose_button = QPushButton(_("Choose…"), self)
        self.default_button = QPushButton(_("Beside the database"), self)
        self.days = DigitSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setSuffix(" " + _("days"))
        self.days.setMaximumWidth(160)
        self.save_button = QPushButton(_("Save"), self)
        self.backup_button = QPushButton(_("Back up now"), self)
        self.encrypt_box = QCheckBox(_("Encrypt with a passphrase"), self)
        self.folder_note = QLabel(self)
        self.folder_note.setWordWrap(True)
        self.folder_note.setStyleSheet("color: #8a5300;")
        self.backups = QListWidget(self)
        self.other_button = QPushButton(_("Another file…"), self)
        self.preview = QLabel(_("Choose a backup to see what it holds."), self)
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(_("Restore this backup…"), self)
        self.restore_button.setEnabled(False)
        self.key_group = BackupKeyGroup(ctx, user, ask, self, changed=self.reload)
        self._lay_out()
        self.choose_button.clicked.connect(self._choose_folder)
        self.default_button.clicked.connect(lambda: self._set_folder(None))
        self.save_button.clicked.connect(self._save_policy)
        self.backup_button.clicked.connect(self.back_up_now)
        self.backups.currentItemChanged.connect(self._selected)
        self.other_button.clicked.connect(self._other_file)
        self.restore_button.clicked.connect(self.restore)
        self.reload()

    def _lay_out(self) -> None:
        policy = QGroupBox(_("Daily backup (taken when the app starts)"), self)
        form = QFormLayout(policy)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)
        form.addRow(_("Folder (e.g. a USB drive)"), folder_row)
        form.addRow(self.folder_note)
        form.addRow(_("Keep backups for"), self.days)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.encrypt_box)
        buttons.addStretch(1)
        form.addRow(buttons)
        restore = QGroupBox(_("Restore"), self)
        restore_layout = QVBoxLayout(restore)
        restore_layout.addWidget(self.backups, 1)
        row = QHBoxLayout()
        row.addWidget(self.other_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        restore_layout.addWidget(self.preview)
        restore_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(policy)
        layout.addWidget(self.key_group)
        layout.addWidget(restore, 1)
        self.check_group = CheckGroup(self.ctx, self.user, self)
        layout.addWidget(self.check_group)

    # ---- state -------------------------------------------------------------------------------
    def reload(self) -> None:
        folder = auto_backup.backup_folder(self.ctx)
        self._set_folder(folder)
        self.days.setValue(auto_backup.keep_days(self.ctx))
        last = auto_backup.last_backup_at(self.ctx)
        text = _("Last backup: {when}").format(when=when(last))
        if auto_backup.is_stale(self.ctx):
            text += " — " + _("older than 7 days: back up now, or check the backup folder.")
            self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
        else:
            self.status.setStyleSheet("")
        self.status.setText(on_screen(text))  # "older than 7 days" too
        self.backups.clear()
        for found in auto_backup.list_backups(folder) if folder else []:
            size = on_screen(f"{found.size / 1_048_576:.1f}") + " MB"
            sealed = (
                "  · " + _("encrypted") if found.path.suffix == auto_backup.ENCRYPTED_SUFFIX else ""
            )
            item = QListWidgetItem(f"{when(found.taken_at.astimezone())}   ({size}){sealed}")
            item.setData(Qt.ItemDataRole.UserRole, str(found.path))
            self.backups.addItem(item)

    def _set_folder(self, folder: Path | None) -> None:
        self.folder_edit.setText(str(folder) if folder else "")
        self._folder_choice = folder
        # a USB drive or a shared folder can leave the office: encryption is offered there
        leaves = folder is not None and leaves_the_pc(folder)
        sealed = self.key_group.has_key()  # every backup is sealed to the office key already
        self.encrypt_box.setChecked(leaves and not sealed)
        self.folder_note.setVisible(leaves)
        self.folder_note.setText("" if not leaves else _(
            "This folder is on a removable drive or a network share. Backups there are sealed "
            "to the office backup key.") if sealed else _(
            "This folder is on a removable drive or a network share. Backups there hold "
            "complainants' identities: create an office backup key below (the daily backup is "
            "then encrypted too), or use \"Back up now\" with a passphrase."))  # fmt: skip

    def _choose_folder(self) -> None:
        picked = self.pick_folder(self)
        if picked:
            self._set_folder(Path(picked))

    def _save_policy(self) -> None:
        folder = self._folder_choice
        if folder == auto_backup.default_folder(self.ctx):
            folder = None
        try:
            auto_backup.set_policy(self.ctx, self.user, folder, self.days.value())
        except DomainError as error:
            report_error(error, self)
            return
        messages.inform(self, _("Backup settings saved."))
        self.reload()

    def back_up_now(self) -> None:
        try:
            passphrase = None
            if self.encrypt_box.isChecked():
                passphrase = new_passphrase(self, self.ask)
                if passphrase is None:
                    return
            path = auto_backup.backup_now(self.ctx, self.user, passphrase)
        except DomainError as error:
            report_error(error, self)
            return
        messages.inform(self, _("Backup saved: {path}").format(path=path))
        self.reload()

    # ---- restore -----------------------------------------------------------------------------
    def _selected(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_preview(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _other_file(self) -> None:
        picked = self.pick_file(self)
        if picked:
            self.backups.clearSelection()
            self.show_preview(Path(picked))

    def show_preview(self, path: Path) -> None:
        self.chosen = None
        self.restore_button.setEnabled(False)
        try:
            found = backup_preview.preview_backup(path)
        except DomainError as error:
            self.preview.setText(f"{path.name}: {domain_message(error)}")
            return
        if found.encrypted:
            self.preview.setText(_("File: {name}").format(name=path) + "\n" + _(
                "Encrypted backup: what it holds is shown and checked once its passphrase is "
                "given, when you restore it."))  # fmt: skip
            self.chosen = path
            self.restore_button.setEnabled(True)
            return

        def count(value: int | None) -> str:
            return "—" if value is None else on_screen(f"{value:,}")

        self.preview.setText(
            "\n".join([
                _("File: {name}").format(name=path),
                _("Office: {name}").format(name=found.office_name or "—"),
                _("Users {users} · assets {assets} · loans {loans} · complaints {complaints} "
                  "· measures {measures}").format(
                    users=count(found.users), assets=count(found.assets),
                    loans=count(found.loans), complaints=count(found.complaints),
                    measures=count(found.measures)),
                _("Last recorded change: {when}").format(when=when(found.last_event_at)),
                _("Schema revision: {revision}").format(revision=found.revision),  # a code
            ])
        )  # fmt: skip
        self.chosen = path
        self.restore_button.setEnabled(True)

    def restore(self) -> None:
        if self.chosen is None:
            return
        question = _(
            "Replace the current database with this backup? Changes made since it was taken "
            "are lost (the current file is kept beside it). The app restarts afterwards."
        )
        if not messages.confirm(self, question, yes_text=_("Restore")):
            return
        try:
            kept = restore_with_questions(self, self.ctx, self.user, self.chosen, self.ask)
        except DomainError as error:
            report_error(error, self)
            return
        if kept is False:
            return
        messages.inform(
            self, _("Restored. The previous database was kept as {kept}. The app restarts now.")
            .format(kept=kept.name if isinstance(kept, Path) else "—")
        )  # fmt: skip
        self.restart()
