"""`restore` refuses while another program has the database open, and says who; a program
whose file was replaced under it stops instead of saving into the old file (issue 12: twenty
saves reported success and were lost).

SQLite only: these are about the file (notes beside it, a file replaced under a program); on a
server, restore asks PostgreSQL who is connected (tests/integration/server/test_server_backup.py).
"""

from __future__ import annotations

import multiprocessing
import shutil
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from nongbon_ita.domain.assets.records import AssetDraft
from nongbon_ita.services.backup_store import backup_database
from nongbon_ita.services.presence import DatabaseInUse, DatabaseReplaced
from nongbon_ita.services.restore import restore_file
from tests.conftest import PASSWORD
from tests.integration.concurrency.conftest import open_file

_FORK = multiprocessing.get_context("fork")


def _hold_open(path: Path, opened: object, release: object) -> None:
    services = open_file(path)
    opened.set()  # type: ignore[attr-defined]
    release.wait(timeout=60)  # type: ignore[attr-defined]
    services.ctx.database.dispose()


def test_restore_is_refused_while_another_program_has_the_file_open(
    office_file: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.sqlite3"
    services = open_file(office_file)
    backup_database(services.ctx, "keeper", backup)
    services.ctx.database.dispose()

    def restore() -> Path | None:
        return restore_file(office_file, backup, lambda _opened: "keeper", datetime.now(UTC),
                            lambda: "").kept  # fmt: skip

    opened, release = _FORK.Event(), _FORK.Event()
    other = _FORK.Process(target=_hold_open, args=(office_file, opened, release))
    other.start()
    try:
        assert opened.wait(timeout=60)
        with pytest.raises(DatabaseInUse) as refused:
            restore()
        assert socket.gethostname() in refused.value.params["who"]
        assert str(other.pid) in refused.value.params["who"]
    finally:
        release.set()
        other.join(timeout=60)
    kept = restore()
    assert kept is not None and kept.exists()  # once the other program has ended, it goes ahead


def test_a_program_whose_file_was_replaced_saves_nothing(office_file: Path, tmp_path: Path) -> None:
    services = open_file(office_file)
    supply = services.auth.login("supply", PASSWORD)
    replacement = tmp_path / "replacement.sqlite3"
    shutil.copy2(office_file, replacement)
    replacement.replace(office_file)  # what a restore elsewhere does to the file
    with pytest.raises(DatabaseReplaced):
        services.assets.create(supply, AssetDraft("7080-001-0099", "เต็นท์", unit="หลัง"))
    with pytest.raises(DatabaseReplaced):
        services.assets.search("เต็นท์")
    services.ctx.database.dispose()
