from pathlib import Path

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
