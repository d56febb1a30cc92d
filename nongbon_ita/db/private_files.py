"""Files that hold personal data (backups, kept copies, the head log) readable by their owner only.

On Linux and macOS: files 0600, folders 0700, whatever the umask. On Windows a file inherits its
folder's ACL: under the user's profile (%LOCALAPPDATA%, the default) that is already the user,
SYSTEM and Administrators; elsewhere (a USB drive, a shared folder) `icacls` removes the
inherited entries and grants the current user alone — best effort, since FAT/exFAT drives have
no ACL at all (that is what backup encryption is for).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("nongbon_ita.private_files")
FILE_MODE, DIR_MODE = 0o600, 0o700


def icacls_command(path: Path, user: str, folder: bool) -> list[str]:
    """The Windows command that makes `path` the user's alone (inheritance off, one grant)."""
    grant = f"{user}:(OI)(CI)F" if folder else f"{user}:F"
    return ["icacls", str(path), "/inheritance:r", "/grant:r", grant]


def _windows_private(path: Path, folder: bool) -> None:
    user = os.environ.get("USERNAME", "")
    if not user:
        return
    try:
        subprocess.run(icacls_command(path, user, folder), check=True, capture_output=True,
                       timeout=30, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))  # fmt: skip
    except (OSError, subprocess.SubprocessError):  # no ACLs on this drive: logged, not fatal
        log.warning("could not restrict the permissions of %s", path)


def make_private(path: Path) -> None:
    """Owner-only permissions for one file or folder (not its contents)."""
    folder = path.is_dir()
    if sys.platform == "win32":
        _windows_private(path, folder)
        return
    os.chmod(path, DIR_MODE if folder else FILE_MODE)


def make_tree_private(root: Path) -> None:
    """`root` and everything under it."""
    if not root.exists():
        return
    if sys.platform == "win32":  # the grant on the folder is inherited by what it holds
        make_private(root)
        return
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, DIR_MODE)
        for name in files:
            os.chmod(Path(folder, name), FILE_MODE)


def private_mkdir(path: Path) -> Path:
    """Create `path` and its missing parents, each private; existing folders are left alone."""
    missing = [p for p in [path, *path.parents] if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    for created in missing:
        make_private(created)
    return path


_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


def leaves_the_pc(folder: Path) -> bool:
    """A folder on a removable drive (USB) or a network share: what is written there can walk
    out of the office, so the app offers to encrypt backups written to it."""
    from nongbon_ita.db.netshare import is_network_path

    if is_network_path(folder):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(str(folder.resolve()))[0] + "\\"
        DRIVE_REMOVABLE = 2
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOVABLE)  # type: ignore[attr-defined]
    return str(folder.resolve()).startswith(_REMOVABLE_ROOTS)
