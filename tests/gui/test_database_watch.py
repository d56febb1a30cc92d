"""A GUI whose database file is replaced under it (a restore elsewhere) says so and stops."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.gui import errors
from nongbon_ita.gui.database_watch import DatabaseWatch
from nongbon_ita.services.context import HashingCost, ServiceContext
from nongbon_ita.services.presence import DatabaseReplaced


@pytest.fixture
def exits(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(codes.append))
    return codes


def test_the_watch_stops_the_program_once_the_file_is_replaced(
    tmp_path: Path, message_log, exits: list[int]
) -> None:
    path = tmp_path / "office.sqlite3"
    ctx = ServiceContext(
        open_database(DatabaseLocation.for_file(path)), hashing=HashingCost.cheap()
    )
    watch = DatabaseWatch(ctx.identity.check)
    watch.poll()
    assert exits == [] and message_log.boxes == []  # the same file: nothing to say
    copy = tmp_path / "restored.sqlite3"
    shutil.copy2(path, copy)
    copy.replace(path)  # what a restore on another PC does
    watch.poll()
    watch.poll()  # said once, not every five seconds
    assert exits == [2]
    icon, text, _detail = message_log.boxes[-1]
    assert icon == QMessageBox.Icon.Warning and "was replaced" in text
    assert len(message_log.boxes) == 1
    ctx.database.dispose()


def test_a_save_that_finds_the_file_replaced_stops_the_program(message_log, exits: list[int]):
    errors.report_error(DatabaseReplaced("The database file was replaced or removed while this "
                                         "program had it open."))  # fmt: skip
    assert exits == [2]
    assert "was replaced" in message_log.texts()[-1]
