"""Backups into one folder are incremental: a kept file unchanged since the newest backup there is
shared with it (a hard link), not copied again; a changed or damaged earlier copy is not shared;
restore and the backup check still work once the earlier backup is pruned, and the last backup
that refers to a file takes it with it when it goes (nothing personal outlives its backups)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nongbon_ita.services import auto_backup
from tests.conftest import PASSWORD
from tests.integration.safety_helpers import run


@pytest.fixture(autouse=True)
def admin_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)


def kept(backup: Path) -> dict[str, Path]:
    files = backup.with_name(backup.name + ".files")
    return {p.relative_to(files).as_posix(): p for p in files.rglob("*") if p.is_file()}


def backup(capsys: pytest.CaptureFixture[str], db: Path, out: Path) -> Path:
    code, text = run(capsys, "--db", str(db), "backup", "--out", str(out), "--user", "admin")
    assert code == 0, text
    return out


def test_unchanged_kept_files_are_shared_not_copied_again(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    first = backup(capsys, demo_db, folder / "nongbon-ita-backup-20261201-090000-aaaa.sqlite3")
    second = backup(capsys, demo_db, folder / "nongbon-ita-backup-20261202-090000-bbbb.sqlite3")
    one, two = kept(first), kept(second)
    assert one and one.keys() == two.keys()
    for name, path in two.items():
        assert path.stat().st_ino == one[name].stat().st_ino and path.stat().st_nlink == 2

    auto_backup._remove_copy(first)  # what pruning does to the older one
    assert all(path.stat().st_nlink == 1 for path in two.values())  # the last holder now
    code, text = run(capsys, "--db", str(demo_db), "restore", str(second), "--user", "admin")
    assert code == 0, text
    code, text = run(capsys, "--db", str(demo_db), "check")
    assert code == 0 and "Kept files OK" in text, text


def test_a_changed_earlier_copy_is_not_shared(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    first = backup(capsys, demo_db, folder / "a.sqlite3")
    name, damaged = next(iter(kept(first).items()))
    damaged.unlink()
    damaged.write_bytes(b"not the recorded file")
    second = backup(capsys, demo_db, folder / "b.sqlite3")
    copy = kept(second)[name]
    assert copy.stat().st_ino != damaged.stat().st_ino
    live = demo_db.with_name(demo_db.name + ".files") / name
    assert copy.read_bytes() == live.read_bytes()
