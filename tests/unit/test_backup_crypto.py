"""Encrypted backups (AES-256-GCM in chunks, key by scrypt): what goes in comes out with the
passphrase only, and any change, reordering or cut is refused; owner-only permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from nongbon_ita.db.private_files import icacls_command, leaves_the_pc, make_tree_private
from nongbon_ita.domain.errors import DatabaseRefused, ValidationError
from nongbon_ita.services import backup_crypto
from nongbon_ita.services.backup_crypto import CHUNK, decrypt_folder, encrypt_folder

PASSPHRASE = "correct horse battery"


@pytest.fixture
def sealed(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "source"
    (source / "database.sqlite3.files" / "complaints").mkdir(parents=True)
    (source / "database.sqlite3").write_bytes(os.urandom(2 * CHUNK + 123))
    (source / "database.sqlite3.files" / "complaints" / "จดหมาย.pdf").write_bytes(b"%PDF letter")
    out = tmp_path / "backup.nbk"
    encrypt_folder(source, out, PASSPHRASE)
    return source, out


def test_round_trip_with_the_passphrase(sealed: tuple[Path, Path], tmp_path: Path) -> None:
    source, out = sealed
    into = tmp_path / "into"
    into.mkdir()
    decrypt_folder(out, PASSPHRASE, into)
    for path in source.rglob("*"):
        twin = into / path.relative_to(source)
        assert twin.exists() and (path.is_dir() or twin.read_bytes() == path.read_bytes())
    assert b"letter" not in out.read_bytes()


@pytest.mark.parametrize("damage", ["passphrase", "flip", "cut", "swap", "drop-last"])
def test_anything_wrong_is_refused(sealed: tuple[Path, Path], tmp_path: Path, damage: str) -> None:
    _source, out = sealed
    data = bytearray(out.read_bytes())
    head = len(backup_crypto.MAGIC) + backup_crypto._HEADER.size
    block = CHUNK + backup_crypto.TAG
    passphrase = PASSPHRASE
    if damage == "passphrase":
        passphrase = "correct horse battery!"
    elif damage == "flip":
        data[head + 5000] ^= 1
    elif damage == "cut":
        data = data[: head + 2 * block]  # ends on a chunk that was not the last
    elif damage == "swap":
        data[head : head + 2 * block] = (
            data[head + block : head + 2 * block] + data[head : head + block]
        )
    elif damage == "drop-last":
        data = data[: head + block] + data[head + 2 * block :]
    out.write_bytes(bytes(data))
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(DatabaseRefused):
        decrypt_folder(out, passphrase, into)


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        encrypt_folder(tmp_path, tmp_path / "x.nbk", "short")
    assert not (tmp_path / "x.nbk").exists()


def test_owner_only_permissions(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "f").write_text("x")
    os.chmod(tmp_path / "a" / "b" / "f", 0o644)
    make_tree_private(tmp_path / "a")
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b" / "f").stat().st_mode) == 0o600


def test_windows_grant_is_the_user_alone() -> None:
    assert icacls_command(Path("E:/b.nbk"), "somchai", folder=False)[2:] == [
        "/inheritance:r", "/grant:r", "somchai:F"]  # fmt: skip
    assert icacls_command(Path("E:/b"), "somchai", folder=True)[-1] == "somchai:(OI)(CI)F"


def test_removable_and_local_folders(tmp_path: Path) -> None:
    assert leaves_the_pc(Path("/media/clerk/USB DISK/backups"))
    assert not leaves_the_pc(tmp_path)
