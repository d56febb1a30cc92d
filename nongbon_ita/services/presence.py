"""Who has a database file open, and whether the file is still the one this program opened.

Each running program (GUI or command) holds a lease beside the file: `<db>.open/<pc>-<pid>-<n>`,
a small JSON note (computer, OS user, program, since) locked by the program for as long as it
runs. The operating system drops the lock when the program ends, however it ends, so a lease
that can be locked by someone else is stale and is removed. `restore` refuses while another
program holds a lease, and says which PC and user. The note is beside the file (not a table in
it) because a restore replaces the file itself.

A program that kept the file open across a restore elsewhere would go on writing into the old,
replaced file (issue 12: twenty saves "succeeded" into the void). `FileIdentity` remembers the
file's identity (device and inode, or the NTFS file index) at open; every transaction compares.
"""

from __future__ import annotations

import atexit
import contextlib
import getpass
import itertools
import json
import os
import socket
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from nongbon_ita.domain.errors import N_, DomainError

_counter = itertools.count(1)
_LOCKED_BYTE = 1 << 20
# the restore's own lease: while it is locked, the file is being replaced (issue 12)
RESTORING = "restore.lock"


class DatabaseReplaced(DomainError):
    """The database file was replaced (restored) or removed while this program had it open."""


class DatabaseInUse(DomainError):
    """Another program has the database open: a restore must wait until it is closed."""


def _identity_key(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


@dataclass(frozen=True)
class FileIdentity:
    path: Path | None
    key: tuple[int, int] | None

    @classmethod
    def of(cls, path: Path | None) -> FileIdentity:
        return cls(path, _identity_key(path) if path is not None else None)

    def check(self) -> None:
        """Refuse to go on when the file is no longer the one opened."""
        if self.path is None or self.key is None:
            return
        if _identity_key(self.path) != self.key:
            raise DatabaseReplaced(
                N_("The database file was replaced or removed while this program had it open "
                   "(a restore on this or another computer?). Nothing more was saved; close "
                   "the program and open it again.")
            )  # fmt: skip


def leases_dir(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".open")


def _lock(handle: IO[str]) -> bool:
    """Lock the open file without waiting; False when another program holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            # a byte far past the note, so others can still read the note (Windows locks
            # byte ranges against reading too)
            handle.seek(_LOCKED_BYTE)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            handle.seek(0)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class Lease:
    """This program's note that it has `db_file` open; released at exit (or by `release`)."""

    def __init__(self, db_file: Path, program: str) -> None:
        folder = leases_dir(db_file)
        folder.mkdir(exist_ok=True)
        name = f"{socket.gethostname()}-{os.getpid()}-{next(_counter)}"
        self.path = folder / name
        self._handle: IO[str] | None = self.path.open("w", encoding="utf-8")
        _lock(self._handle)
        note = {"pc": socket.gethostname(), "user": _os_user(), "pid": os.getpid(),
                "program": program, "since": datetime.now(UTC).isoformat(timespec="seconds")}  # fmt: skip
        self._handle.write(json.dumps(note, ensure_ascii=False))
        self._handle.flush()
        atexit.register(self.release)
        # after our lease exists, never before: a restore that started earlier is waited for,
        # one that starts later sees this lease and refuses (each side writes, then looks)
        try:
            wait_for_restore(db_file)
        except DatabaseInUse:
            self.release()
            raise

    def release(self) -> None:
        if self._handle is None:
            return
        self._handle.close()
        self._handle = None
        with contextlib.suppress(OSError):
            self.path.unlink()


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account): say nothing
        return ""


def holders(db_file: Path, own: tuple[Path, ...] = ()) -> list[dict[str, str]]:
    """The notes of the other programs that have `db_file` open; stale leases are removed."""
    folder = leases_dir(db_file)
    found: list[dict[str, str]] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if (
            path.name == RESTORING
            or path in own
            or path.name.startswith(f"{socket.gethostname()}-{os.getpid()}-")
        ):
            continue  # this program's own leases
        try:
            handle = path.open("r+", encoding="utf-8")
        except OSError:
            continue
        with handle:
            try:
                text = handle.read()
            except OSError:
                text = ""
            if _lock(handle):  # nobody holds it: the program ended without removing it
                handle.close()
                with contextlib.suppress(OSError):
                    path.unlink()
                continue
        try:
            found.append({k: str(v) for k, v in json.loads(text).items()})
        except ValueError:
            found.append({"pc": "?", "user": "?", "pid": "?", "program": "?"})
    return found


def refuse_if_open_elsewhere(db_file: Path) -> None:
    """Refuse (DatabaseInUse) while another program has the database open; name them."""
    others = holders(db_file)
    if others:
        who = ", ".join(
            f"{note.get('user') or '?'}@{note.get('pc') or '?'} (pid {note.get('pid', '?')})"
            for note in others
        )
        raise DatabaseInUse(
            N_(
                "The database is open in another program: {who}. Close it there first, then "
                "restore."
            ),
            who=who,
        )


def _restore_under_way(db_file: Path) -> bool:
    """True while a restore holds its lease (a killed restore's lease is lockable: stale)."""
    try:
        handle = (leases_dir(db_file) / RESTORING).open("r", encoding="utf-8")
    except OSError:
        return False
    with handle:
        return not _lock(handle)


def wait_for_restore(db_file: Path, patience_s: float | None = None) -> None:
    """A program starting while the file is being restored waits for the restore to end (a
    restore takes seconds), then refuses: it must not open the file that is being replaced."""
    from nongbon_ita.db.location import BUSY_TIMEOUT_MS

    deadline = time.monotonic() + (BUSY_TIMEOUT_MS / 1000 if patience_s is None else patience_s)
    while _restore_under_way(db_file):
        if time.monotonic() >= deadline:
            raise DatabaseInUse(
                N_("The database is being restored from a backup right now. Wait until the "
                   "restore has finished, then open it again.")
            )  # fmt: skip
        time.sleep(0.1)


@contextlib.contextmanager
def exclusive_access(db_file: Path) -> Iterator[None]:
    """The restore's lease: taken first, then the other programs' leases are checked, so no
    program can start between the check and the swap (it waits in `wait_for_restore`)."""
    folder = leases_dir(db_file)
    folder.mkdir(exist_ok=True)
    handle = (folder / RESTORING).open("a+", encoding="utf-8")
    try:
        if not _lock(handle):
            raise DatabaseInUse(
                N_("Another restore of this database is under way. Wait until it has "
                   "finished.")
            )  # fmt: skip
        refuse_if_open_elsewhere(db_file)
        yield
        with contextlib.suppress(OSError):  # Windows: in use by a program looking at it
            (folder / RESTORING).unlink()
    finally:
        handle.close()  # releases the lock
