"""The questions Settings → Backups asks around a backup: the passphrase of an encrypted one,
and the second confirmation a backup of another office needs before it replaces this one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from nongbon_ita.domain.errors import N_, DomainError, ValidationError
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.i18n.translate import _, translate_message
from nongbon_ita.services import auto_backup
from nongbon_ita.services.backup_check import OTHER_OFFICE
from nongbon_ita.services.backup_crypto import check_passphrase, sealed_to_key
from nongbon_ita.services.context import ServiceContext

# Injected by tests: (parent, ask twice?) → the passphrase, or None when cancelled.
PassphraseAsker = Callable[[QWidget, bool], str | None]


def ask_passphrase(parent: QWidget, twice: bool) -> str | None:
    first, ok = QInputDialog.getText(parent, _("Backup passphrase"), _("Passphrase:"),
                                     QLineEdit.EchoMode.Password)  # fmt: skip
    if not ok:
        return None
    if twice:
        again, ok = QInputDialog.getText(parent, _("Backup passphrase"), _("The same again:"),
                                         QLineEdit.EchoMode.Password)  # fmt: skip
        if not ok:
            return None
        if again != first:
            raise ValidationError(N_("The two passphrases differ."), field="passphrase")
    return first


def new_passphrase(parent: QWidget, ask: PassphraseAsker) -> str | None:
    """A passphrase for a new encrypted backup (asked twice, length checked)."""
    passphrase = ask(parent, True)
    if passphrase is not None:
        check_passphrase(passphrase)
    return passphrase


def choose_key_file(parent: QWidget) -> str | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("The office backup key file"), "", _("Key files (*.key);;All files (*)")
    )
    return name or None


def restore_with_questions(
    parent: QWidget, ctx: ServiceContext, user: CurrentUser, backup: Path, ask: PassphraseAsker,
    pick_key: Callable[[QWidget], str | None] = choose_key_file,
) -> Path | bool | None:  # fmt: skip
    """Restore `backup`; asks for the passphrase when it is sealed (once) — and first for the
    office key file when it is sealed to that key — and, when it is another office's, asks again
    before replacing this office's data. False: the admin said no."""
    asked: list[str] = []
    key = None
    if backup.is_file() and sealed_to_key(backup):
        picked = pick_key(parent)
        if not picked:
            return False
        key_file = Path(picked)

        def key() -> bytes:
            return key_file.read_bytes()

    def passphrase() -> str:
        if not asked:
            answer = ask(parent, False)
            if answer is None:
                raise ValidationError(N_("This backup is encrypted: a passphrase is needed."))
            asked.append(answer)
        return asked[0]

    try:
        return auto_backup.restore_backup(ctx, user, backup, passphrase, key=key)
    except DomainError as error:
        if error.message_id != OTHER_OFFICE:
            raise
        question = translate_message(error.message_id, error.params) + "\n\n" + _(
            "Replace this office's data with the other office's backup?")  # fmt: skip
        if not messages.confirm(parent, question, yes_text=_("Restore")):
            return False
    return auto_backup.restore_backup(ctx, user, backup, passphrase, other_office=True, key=key)
