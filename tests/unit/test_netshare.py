from pathlib import Path

import pytest

from nongbon_ita.db.netshare import is_network_path

MOUNTS = """\
/dev/vda / ext4 rw 0 0
//server/share /mnt/office cifs rw 0 0
nas:/export /srv/nfs nfs4 rw 0 0
/dev/vdb /mnt/office/local ext4 rw 0 0
"""


def test_network_shares_are_recognised_by_their_mount(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS)
    assert is_network_path(Path("/mnt/office/db.sqlite3"), mounts)
    assert is_network_path(Path("/srv/nfs/a/b.sqlite3"), mounts)
    assert not is_network_path(Path("/mnt/office/local/db.sqlite3"), mounts)
    assert not is_network_path(Path("/home/user/db.sqlite3"), mounts)


def test_onedrive_folders_are_recognised_as_synced(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from nongbon_ita.db.location import DatabaseLocation, check_file
    from nongbon_ita.db.netshare import synced_folder
    from nongbon_ita.domain.errors import DatabaseRefused

    business = tmp_path / "OneDrive - อบต.หนองบอน"
    env = {"OneDriveCommercial": str(business), "OneDrive": ""}
    assert synced_folder(business / "Documents" / "office.sqlite3", env) == str(business)
    assert synced_folder(tmp_path / "OneDrive-other" / "office.sqlite3", env) is None
    assert synced_folder(tmp_path / "office.sqlite3", {}) is None
    monkeypatch.setenv("OneDrive", str(business))
    with pytest.raises(DatabaseRefused) as refused:
        check_file(DatabaseLocation.for_file(business / "office.sqlite3"), must_exist=False)
    assert "OneDrive" in refused.value.message_id
