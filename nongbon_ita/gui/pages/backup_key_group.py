"""Settings → Backups: the office backup key. Once made, the daily and manual backups are sealed
to it without a passphrase at start-up; the key file (private, passphrase-protected) is saved
where the admin chooses — a USB stick kept away from the PC — and asked for on restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import report_error
from nongbon_ita.gui.pages.backup_questions import PassphraseAsker, new_passphrase
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.backup_keys import (
    create_office_key,
    forget_office_key,
    key_id,
    office_public_key,
)
from nongbon_ita.services.context import ServiceContext

# Injected by tests: where to save the new key file (None: cancelled).
KeyFileChooser = Callable[[QWidget], str | None]


def choose_new_key_file(parent: QWidget) -> str | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the office backup key"), "office-backup.key", _("Key files (*.key)")
    )
    return name or None


class BackupKeyGroup(QGroupBox):
    def __init__(
        self, ctx: ServiceContext, user: CurrentUser, ask: PassphraseAsker,
        parent: QWidget | None = None, pick_key_file: KeyFileChooser = choose_new_key_file,
        changed: Callable[[], None] = lambda: None,
    ) -> None:  # fmt: skip
        super().__init__(_("Office backup key"), parent)
        self.ctx, self.user, self.ask = ctx, user, ask
        self.pick_key_file, self.changed = pick_key_file, changed
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.create_button = QPushButton(_("Create office key…"), self)
        self.remove_button = QPushButton(_("Stop sealing backups to it"), self)
        row = QHBoxLayout(self)
        row.addWidget(self.state, 1)
        row.addWidget(self.create_button)
        row.addWidget(self.remove_button)
        self.create_button.clicked.connect(self.create_key)
        self.remove_button.clicked.connect(self.remove_key)
        self.reload()

    def has_key(self) -> bool:
        return office_public_key(self.ctx) is not None

    def reload(self) -> None:
        public = office_public_key(self.ctx)
        if public is None:
            self.state.setText(_("No office key: the daily backup is not encrypted. Create one "
                                 "once; keep its key file and passphrase away from this PC."))  # fmt: skip
        else:
            self.state.setText(_("Every backup is sealed to the office key {key}; restoring "
                                 "one asks for its key file and passphrase.").format(
                key=key_id(public)))  # fmt: skip
        self.remove_button.setEnabled(public is not None)

    def create_key(self) -> None:
        try:
            passphrase = new_passphrase(self, self.ask)
            if passphrase is None:
                return
            picked = self.pick_key_file(self)
            if not picked:
                return
            found = create_office_key(self.ctx, self.user, passphrase, Path(picked))
        except DomainError as error:
            report_error(error, self)
            return
        messages.inform(self, _("Office backup key {key} saved as {path}. Keep the file and its "
                                "passphrase away from this PC: without both, no backup can be "
                                "restored.").format(key=found, path=picked))  # fmt: skip
        self.reload()
        self.changed()

    def remove_key(self) -> None:
        if not messages.confirm(self, _("Stop sealing backups to the office key? New backups "
                                        "will not be encrypted."), yes_text=_("Stop")):  # fmt: skip
            return
        try:
            forget_office_key(self.ctx, self.user)
        except DomainError as error:
            report_error(error, self)
            return
        self.reload()
        self.changed()
