"""Detect a database file on a network share, where SQLite's file locking is unsafe, or in a
folder a sync client (OneDrive) copies behind SQLite's back — Windows often redirects Documents
and the Desktop there without the user knowing."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

# the folders the OneDrive client sets for the signed-in user (personal, work or school)
SYNC_FOLDER_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")

NETWORK_FS_TYPES = frozenset(
    {
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "afs",
        "9p",
        "fuse.sshfs",
        "davfs",
        "ncpfs",
    }
)


def _linux_mount_type(path: Path, mounts_text: str) -> str | None:
    """Filesystem type of the longest mount point that contains `path`."""
    best_point, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best_point):
            best_point, best_type = point, fields[2]
    return best_type


def _windows_is_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith("\\\\"):  # UNC path: \\server\share
        return True
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    DRIVE_REMOTE = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE)  # type: ignore[attr-defined]


def is_network_path(path: Path, mounts_file: Path = Path("/proc/mounts")) -> bool:
    """True when `path` (or the folder it would be created in) sits on SMB/NFS or similar."""
    resolved = path.resolve()
    if sys.platform == "win32":
        return _windows_is_remote(resolved)
    try:
        mounts_text = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False  # no mount table (macOS): nothing to go on
    fs_type = _linux_mount_type(resolved, mounts_text)
    return fs_type is not None and fs_type.lower() in NETWORK_FS_TYPES


def synced_folder(path: Path, environ: Mapping[str, str] | None = None) -> str | None:
    """The OneDrive folder that contains `path`, or None."""
    env = os.environ if environ is None else environ
    target = os.path.normcase(os.path.abspath(str(path)))
    for variable in SYNC_FOLDER_VARIABLES:
        folder = env.get(variable, "").strip()
        if not folder:
            continue
        root = os.path.normcase(os.path.abspath(folder)).rstrip("\\/")
        if target == root or target.startswith(root + os.sep) or target.startswith(root + "/"):
            return folder
    return None
