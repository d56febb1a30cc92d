"""Settings → Backups → Office backup key: created once (passphrase twice, a key file saved where
the admin says), then the daily backup is sealed to it; restoring asks for the key file and its
passphrase, and a wrong passphrase is refused with nothing changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from nongbon_ita.domain.errors import DatabaseRefused
from nongbon_ita.domain.roles import Role
from nongbon_ita.gui.pages.backup_questions import restore_with_questions
from nongbon_ita.gui.pages.backups_tab import BackupsTab
from nongbon_ita.services import auto_backup, backup_preview
from nongbon_ita.services.backup_crypto import sealed_to_key
from tests.gui.conftest import ADMIN_PASSWORD

KEY_PASSPHRASE = "กุญแจของสำนักงาน 2570"


def test_create_the_key_then_the_daily_backup_is_sealed_and_restores_with_it(
    qtbot, office, message_log, shot, tmp_path
) -> None:
    key_file = tmp_path / "usb" / "office-backup.key"
    key_file.parent.mkdir()
    answers = [KEY_PASSPHRASE, KEY_PASSPHRASE]
    user = office.auth.login("admin", ADMIN_PASSWORD)
    tab = BackupsTab(office.ctx, user, restart=lambda: None,
                     ask=lambda _parent, _twice: answers.pop(0))  # fmt: skip
    tab.key_group.pick_key_file = lambda _parent: str(key_file)
    qtbot.addWidget(tab)
    tab.resize(820, 700)
    tab.show()
    assert "No office key" in tab.key_group.state.text()
    tab.key_group.create_button.click()
    assert key_file.is_file() and "saved as" in message_log.last()
    assert "sealed to the office key" in tab.key_group.state.text()
    shot(tab, "backups-tab-office-key")

    daily = auto_backup.run_daily_backup(office.ctx)
    assert daily.path is not None and sealed_to_key(daily.path)
    office.users.create_user(user, "somchai", "นายสมชาย", frozenset({Role.STAFF}), "temporary-1")
    with pytest.raises(DatabaseRefused):  # a wrong passphrase: refused, nothing replaced
        restore_with_questions(tab, office.ctx, user, daily.path,
                               lambda _p, _t: "not the passphrase",
                               pick_key=lambda _p: str(key_file))  # fmt: skip
    assert backup_preview.preview_backup(office.ctx.database.location.file).users == 2
    message_log.answer = QMessageBox.StandardButton.Yes
    kept = restore_with_questions(tab, office.ctx, user, daily.path,
                                  lambda _p, _t: KEY_PASSPHRASE,
                                  pick_key=lambda _p: str(key_file))  # fmt: skip
    assert isinstance(kept, Path)
    assert backup_preview.preview_backup(office.ctx.database.location.file).users == 1
