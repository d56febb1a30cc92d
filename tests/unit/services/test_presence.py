"""Leases beside the database file: who has it open; stale ones (a crashed program) go away."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest

from nongbon_ita.services.presence import (
    DatabaseInUse,
    Lease,
    holders,
    leases_dir,
    refuse_if_open_elsewhere,
)


def test_another_programs_lease_is_named_and_a_stale_one_removed(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite3"
    own = Lease(db, "gui")  # this program's own lease never counts against it
    assert holders(db) == []
    folder = leases_dir(db)
    live = folder / "PC-FINANCE-4242-1"
    live.write_text(json.dumps({"pc": "PC-FINANCE", "user": "somsri", "pid": 4242}))
    with live.open("r+") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the other program does
        stale = folder / "PC-OLD-99-1"
        stale.write_text(json.dumps({"pc": "PC-OLD", "user": "x", "pid": 99}))  # nobody locks it
        assert [(h["pc"], h["user"]) for h in holders(db)] == [("PC-FINANCE", "somsri")]
        assert not stale.exists()
        with pytest.raises(DatabaseInUse) as refused:
            refuse_if_open_elsewhere(db)
        assert refused.value.params["who"] == "somsri@PC-FINANCE (pid 4242)"
    refuse_if_open_elsewhere(db)  # the other program ended: its lease is stale now
    own.release()
    assert list(folder.iterdir()) == []
