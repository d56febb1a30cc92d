"""`restore` takes exclusive access before it checks who has the file open, so a program that
starts DURING the swap waits for it (and then opens the restored file) instead of opening the
file being replaced; when the restore takes too long it is refused with a Thai message, exit 2.
Two processes each time (issue 12)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from nongbon_ita.app import services_for
from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.models import AssetRow
from nongbon_ita.domain.assets.records import AssetDraft
from nongbon_ita.services import restore
from nongbon_ita.services.backup_store import backup_database
from nongbon_ita.services.presence import exclusive_access
from nongbon_ita.services.registry import Services
from tests.conftest import PASSWORD
from tests.integration.concurrency.conftest import open_file

_FORK = multiprocessing.get_context("fork")


def _slow_restore(target: Path, backup: Path, swapping: object) -> None:
    """A restore whose swap takes two seconds (a large file), in its own process."""
    real_swap = restore.swap_in

    def slow_swap(*args: object) -> Path | None:
        swapping.set()  # type: ignore[attr-defined]
        time.sleep(2)
        return real_swap(*args)  # type: ignore[arg-type]

    restore.swap_in = slow_swap  # type: ignore[assignment]
    restore.restore_file(target, backup, lambda _o: "keeper", datetime.now(UTC), lambda: "")


def _without_lease(path: Path) -> Services:
    """Set-up steps that must not leave this process's lease (the restorer would wait on it)."""
    return services_for(open_database(DatabaseLocation.for_file(path), must_exist=True))


def _assets(services: Services) -> int:
    try:
        with services.ctx.reading() as session:
            return int(session.scalar(select(func.count()).select_from(AssetRow)) or 0)
    finally:
        services.ctx.database.dispose()


def test_a_program_starting_during_the_swap_waits_and_opens_the_restored_file(
    office_file: Path, tmp_path: Path
) -> None:
    services = _without_lease(office_file)
    backup = tmp_path / "backup.sqlite3"
    backup_database(services.ctx, "keeper", backup)
    supply = services.auth.login("supply", PASSWORD)
    services.assets.create(supply, AssetDraft("7080-001-0777", "เต็นท์หลังใหม่", unit="หลัง"))
    after_backup = _assets(services)

    swapping = _FORK.Event()
    restorer = _FORK.Process(target=_slow_restore, args=(office_file, backup, swapping))
    restorer.start()
    try:
        assert swapping.wait(timeout=60)
        started = time.monotonic()
        count = _assets(open_file(office_file))  # a program starting while the file is replaced
        waited = time.monotonic() - started
    finally:
        restorer.join(timeout=60)
    assert restorer.exitcode == 0
    assert waited > 1.0  # it waited for the swap ...
    assert count == after_backup - 1  # ... and then read the restored file, not the old one


def test_a_program_refused_while_a_restore_holds_the_file_and_fine_afterwards(
    office_file: Path,
) -> None:
    env = {**os.environ, "NONGBON_ITA_BUSY_TIMEOUT_MS": "300"}
    command = [sys.executable, "-m", "nongbon_ita", "--db", str(office_file), "check"]
    with exclusive_access(office_file):  # a restore in this process, mid-swap
        refused = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert "กู้คืน" in refused.stderr and "Traceback" not in refused.stderr
        waiting = subprocess.Popen(
            command, env={**env, "NONGBON_ITA_BUSY_TIMEOUT_MS": "60000"},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        time.sleep(1.5)
        assert waiting.poll() is None  # still waiting for the restore
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, out + err
