"""A database that cannot be opened is explained in a window, never a traceback."""

from pathlib import Path

from nongbon_ita.app import run_gui
from nongbon_ita.db.location import DatabaseLocation
from tests.gui.conftest import MessageLog


def test_a_foreign_file_is_refused_in_a_message_box(
    tmp_path: Path, message_log: MessageLog
) -> None:
    foreign = tmp_path / "letters.sqlite3"
    foreign.write_text("this is not a database")
    assert run_gui(DatabaseLocation.for_file(foreign), ["nongbon-ita"]) == 2
    assert message_log.boxes and "not a nongbon-ita database" in message_log.last()
