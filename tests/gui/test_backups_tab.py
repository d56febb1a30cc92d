"""Settings → Backups: backup now, preview a backup, restore after confirmation, admins only."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.roles import Role
from nongbon_ita.gui.pages.backups_tab import BackupsTab
from nongbon_ita.gui.pages.settings_page import SettingsPage
from nongbon_ita.services import auto_backup, backup_preview
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.registry import Services
from tests.gui.conftest import ADMIN_PASSWORD, OFFICE


def make_tab(qtbot, office, **kwargs):
    user = office.auth.login("admin", ADMIN_PASSWORD)
    restarts: list[bool] = []
    tab = BackupsTab(office.ctx, user, restart=lambda: restarts.append(True), **kwargs)
    qtbot.addWidget(tab)
    tab.resize(820, 620)
    tab.show()
    return tab, user, restarts


def test_stale_warning_then_backup_now_lists_it(qtbot, office, message_log, shot) -> None:
    tab, _user, _restarts = make_tab(qtbot, office)
    assert "older than 7 days" in tab.status.text()  # never backed up
    tab.back_up_now()
    assert "Backup saved" in message_log.last()
    assert tab.backups.count() == 1 and "older than" not in tab.status.text()
    shot(tab, "backups-tab")


def test_preview_then_restore_after_confirmation(qtbot, office, message_log, shot) -> None:
    tab, user, restarts = make_tab(qtbot, office)
    tab.back_up_now()
    office.users.create_user(user, "somchai", "นายสมชาย", frozenset({Role.STAFF}), "temporary-1")
    tab.backups.setCurrentRow(0)
    assert OFFICE.name in tab.preview.text()
    assert "Users 1" in tab.preview.text() and "0001_initial" in tab.preview.text()
    assert tab.restore_button.isEnabled()
    shot(tab, "backups-tab-preview")
    message_log.answer = QMessageBox.StandardButton.No
    tab.restore()
    assert restarts == [] and "Replace the current database" in message_log.last()
    message_log.answer = QMessageBox.StandardButton.Yes
    tab.restore()
    assert restarts == [True] and "Restored" in message_log.last()
    restored = backup_preview.preview_backup(office.ctx.database.location.file)
    assert restored.users == 1  # somchai came after the backup


def test_a_foreign_file_is_refused_in_the_preview(qtbot, office, message_log, tmp_path) -> None:
    other = tmp_path / "notes.sqlite3"
    other.write_bytes(b"not a database at all")
    tab, _user, _restarts = make_tab(qtbot, office, pick_file=lambda _parent: str(other))
    tab.other_button.click()
    assert "not a nongbon-ita database" in tab.preview.text()
    assert not tab.restore_button.isEnabled()


def test_folder_choice_is_saved(qtbot, office, message_log, tmp_path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    tab, _user, _restarts = make_tab(qtbot, office, pick_folder=lambda _parent: str(usb))
    tab.choose_button.click()
    tab.days.setValue(45)
    tab.save_button.click()
    assert auto_backup.backup_folder(office.ctx) == usb
    assert auto_backup.keep_days(office.ctx) == 45


def test_only_admins_get_the_tab(qtbot, services, admin, staff) -> None:
    def titles(user):
        page = SettingsPage(services, user)
        qtbot.addWidget(page)
        return [page.tabs.tabText(i) for i in range(page.tabs.count())]

    assert "Backups" in titles(admin)
    assert "Backups" not in titles(staff)


def test_when_formats_a_moment_in_be_or_says_never() -> None:
    from nongbon_ita.gui.pages.backups_tab import when

    assert when(None) == "never"
    assert "ม.ค. 67" in when(datetime(2024, 1, 15, 12, 0, tzinfo=UTC))


def test_start_up_backup_and_its_warning_in_the_status_bar(qtbot, office, tmp_path, admin) -> None:
    from nongbon_ita.gui.daily_backup import show_backup_note, take_daily_backup
    from nongbon_ita.gui.main_window import MainWindow

    assert take_daily_backup(office.ctx) == ""  # taken, so neither failed nor stale
    usb = tmp_path / "usb"
    usb.mkdir()
    user = office.auth.login("admin", ADMIN_PASSWORD)
    auto_backup.set_policy(office.ctx, user, usb, 30)
    usb.rmdir()
    office.ctx.clock = lambda: datetime(2030, 1, 1, 12, 0, tzinfo=UTC)  # 7+ days later
    note = take_daily_backup(office.ctx)
    assert "USB" in note and "older than 7 days" in note
    window = MainWindow(admin, "อบต.หนองบอน")
    qtbot.addWidget(window)
    show_backup_note(window, note)
    assert window.findChild(QLabel, "backup-warning").text().endswith(note)


def test_check_the_data_from_the_gui(qtbot, office, message_log, shot) -> None:
    import sqlite3
    from contextlib import closing

    tab, _user, _restarts = make_tab(qtbot, office)
    group = tab.check_group
    with qtbot.waitSignal(group.checked, timeout=15000) as done:
        group.button.click()
        assert not group.button.isEnabled()  # runs off the GUI thread
    assert done.args[0].ok and group.button.isEnabled()
    assert "Database OK" in group.result.text() and "Kept files OK: 0" in group.result.text()
    assert not message_log.boxes
    shot(tab, "backups-tab-check-ok")
    database = office.ctx.database.location.file
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 1")
    with qtbot.waitSignal(group.checked, timeout=15000) as done:
        group.run_check()
    assert not done.args[0].ok
    assert "Audit trail broken at event 1" in group.result.text()
    assert "Audit trail broken at event 1" in message_log.last()  # told, not only shown
    shot(tab, "backups-tab-check-broken")


PASSPHRASE = "ยาวพอสมควร-2567"


def test_encryption_is_offered_for_a_removable_folder_and_the_passphrase_asked_on_restore(
    qtbot, office, message_log, tmp_path, monkeypatch, shot
) -> None:
    from nongbon_ita.gui.pages import backups_tab

    monkeypatch.setattr(backups_tab, "leaves_the_pc", lambda folder: True)  # as for a USB drive
    asked: list[bool] = []

    def ask(_parent, twice: bool) -> str:
        asked.append(twice)
        return PASSPHRASE

    tab, user, restarts = make_tab(qtbot, office, ask=ask)
    assert tab.encrypt_box.isChecked() and tab.folder_note.isVisible()
    shot(tab, "backups-tab-removable")
    tab.back_up_now()
    assert asked == [True] and "Backup saved" in message_log.last()
    (item,) = [tab.backups.item(i) for i in range(tab.backups.count())]
    path = Path(item.data(0x0100))
    assert path.suffix == ".nbk" and not path.read_bytes().startswith(b"SQLite format 3")
    office.users.create_user(user, "somchai", "นายสมชาย", frozenset({Role.STAFF}), "temporary-1")
    tab.backups.setCurrentRow(0)
    assert "Encrypted backup" in tab.preview.text() and tab.restore_button.isEnabled()
    message_log.answer = QMessageBox.StandardButton.Yes
    tab.restore()
    assert asked == [True, False] and restarts == [True], message_log.boxes
    assert backup_preview.preview_backup(office.ctx.database.location.file).users == 1


def test_a_broken_backup_is_refused_and_nothing_restarts(qtbot, office, message_log) -> None:
    import sqlite3
    from contextlib import closing

    tab, _user, restarts = make_tab(qtbot, office)
    tab.back_up_now()
    tab.backups.setCurrentRow(0)
    with closing(sqlite3.connect(tab.chosen)) as conn, conn:
        conn.execute("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1")
    message_log.answer = QMessageBox.StandardButton.Yes
    tab.restore()
    assert restarts == [] and "audit trail is broken at event 1" in message_log.last()
    assert office.auth.login("admin", ADMIN_PASSWORD)  # the live database still works


def test_another_offices_backup_needs_a_second_yes(
    qtbot, office, message_log, tmp_path, monkeypatch
) -> None:
    from nongbon_ita.domain.office import OfficeProfile
    from nongbon_ita.gui import messages

    other_db = open_database(DatabaseLocation.for_file(tmp_path / "other" / "other.sqlite3"))
    other = Services.over(ServiceContext(other_db, hashing=HashingCost.cheap()))
    other.setup.initialise(OfficeProfile("อบต.อื่น", "อบต.อื่น", "ก", "ข"), "admin", "ผู้ดูแล",
                           ADMIN_PASSWORD)  # fmt: skip
    backup = auto_backup.backup_now(other.ctx, other.auth.login("admin", ADMIN_PASSWORD))
    other_db.dispose()
    tab, _user, restarts = make_tab(qtbot, office, pick_file=lambda _parent: str(backup))
    tab.other_button.click()
    answers = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No]
    questions: list[str] = []

    def present(box) -> int:
        questions.append(box.text())
        return int(answers.pop(0)) if answers else int(QMessageBox.StandardButton.Yes)

    monkeypatch.setattr(messages, "present", present)
    tab.restore()
    assert restarts == [] and "another office" in questions[-1]
    assert (
        backup_preview.preview_backup(office.ctx.database.location.file).office_name == OFFICE.name
    )
    answers[:] = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Yes]
    tab.restore()
    assert restarts == [True]
    assert backup_preview.preview_backup(office.ctx.database.location.file).office_name == "อบต.อื่น"


def test_files_without_a_record_are_named_and_removed_from_the_gui(
    qtbot, office, message_log, shot
) -> None:
    import os

    tab, _user, _restarts = make_tab(qtbot, office)
    letters = office.ctx.database.location.files_dir("complaints") / "2567" / "4"
    letters.mkdir(parents=True)
    leftover = letters / "0123456789ab-letter.pdf"
    leftover.write_bytes(b"%PDF")
    os.utime(leftover, (1_000_000_000, 1_000_000_000))  # left by a save killed long ago
    group = tab.check_group
    with qtbot.waitSignal(group.checked, timeout=15000) as done:
        group.run_check()
    assert not done.args[0].ok and "2567/4" in group.result.text()
    assert "letter" not in group.result.text() and group.repair_button.isVisible()
    shot(tab, "backups-tab-orphan")
    message_log.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(group.checked, timeout=15000) as done:
        group.repair_button.click()
    assert not leftover.exists() and done.args[0].ok and not group.repair_button.isVisible()


def test_a_thai_digit_office_sees_thai_digits_in_the_tab(qtbot, office, message_log) -> None:
    from nongbon_ita.i18n.digits import set_screen_digits
    from nongbon_ita.i18n.translate import set_language

    set_language("th")
    try:
        admin = office.auth.login("admin", ADMIN_PASSWORD)
        office.office.set_digit_style(admin, "thai")
        set_screen_digits("thai")
        tab, _user, _restarts = make_tab(qtbot, office)
        assert "๗" in tab.status.text()  # never backed up: older than 7 days
        tab.back_up_now()
        listed = tab.backups.item(0).text()  # when it was taken, and its size
        for shown in (tab.days.text(), listed, tab.status.text()):
            assert set("๐๑๒๓๔๕๖๗๘๙") & set(shown) and not set("0123456789") & set(shown), shown
    finally:
        set_screen_digits("arabic")
        set_language("en")
