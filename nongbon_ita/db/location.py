"""Where the database lives and whether a file may be opened — without importing SQLAlchemy,
so the quick print path (db/plain.py) and `--version` stay light."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from nongbon_ita.db.netshare import is_network_path, synced_folder
from nongbon_ita.domain.errors import N_, DatabaseRefused

SQLITE_HEADER = b"SQLite format 3\x00"
# how long a writer waits for another one (issue 12: a person waits, a script retries): 20 s,
# shorter in tests through the environment
BUSY_TIMEOUT_MS = int(os.environ.get("NONGBON_ITA_BUSY_TIMEOUT_MS", "") or 20000)
# what a user may type for the office's server; all run on psycopg 3
SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


@dataclass(frozen=True)
class DatabaseLocation:
    url: str
    file: Path | None  # the SQLite file, None for a server URL or an in-memory database

    @classmethod
    def for_file(cls, path: Path) -> DatabaseLocation:
        path = path.expanduser().absolute()
        return cls(f"sqlite:///{path}", path)

    @classmethod
    def in_memory(cls) -> DatabaseLocation:
        return cls("sqlite://", None)

    @classmethod
    def for_server(cls, url: str) -> DatabaseLocation:
        """`postgresql://user@host[:port]/dbname`, driven by psycopg 3."""
        _scheme, rest = url.split("://", 1)
        return cls(f"postgresql+psycopg://{rest}", None)

    @property
    def is_server(self) -> bool:
        return self.url.startswith("postgresql")

    @property
    def shown(self) -> str:
        """The file, or the server's URL without its password (for messages and logs)."""
        if self.file is not None:
            return str(self.file)
        if not self.is_server:
            return self.url
        parts = urlsplit(self.url.replace("postgresql+psycopg://", "postgresql://", 1))
        host = parts.netloc.rpartition("@")[2]
        user = parts.username
        netloc = f"{user}@{host}" if user else host
        return urlunsplit((parts.scheme, netloc, parts.path, "", ""))

    def files_dir(self, kind: str) -> Path:
        """Where files kept by the app (attachments, evidence) live: `<db>.files/<kind>/` beside
        the database file, so the file and its folder travel together (backup copies both)."""
        if self.file is not None:
            return files_dir_of(self.file) / kind
        if self.is_server and os.environ.get("NONGBON_ITA_FILES"):
            # a server's files live in one shared folder every workstation reaches (README)
            return Path(os.environ["NONGBON_ITA_FILES"]) / kind
        from platformdirs import user_data_dir

        data = Path(user_data_dir("nongbon-ita", appauthor=False))
        if self.is_server:  # one folder per server database, never shared between two of them
            parts = urlsplit(self.url)
            place = f"{parts.hostname}-{parts.port or 5432}-{parts.path.strip('/')}"
            return data / "servers" / re.sub(r"[^\w.-]", "_", place) / kind
        return data / "files" / kind


def files_dir_of(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".files")


def default_database_file() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("nongbon-ita", appauthor=False)) / "nongbon-ita.sqlite3"


def resolve_location(
    db_option: str | None, environ: dict[str, str] | None = None
) -> DatabaseLocation:
    """--db wins, then NONGBON_ITA_DB, then NONGBON_ITA_DATABASE_URL, then the server the
    first-run wizard saved for this workstation, then the file in the user data folder. Each may
    be a file or a server URL (`postgresql://user@host[:port]/dbname`)."""
    from nongbon_ita.db.workstation import saved_server

    env = os.environ if environ is None else environ
    for given in (db_option, env.get("NONGBON_ITA_DB"), env.get("NONGBON_ITA_DATABASE_URL")):
        if given:
            return location_of_text(given)
    saved = saved_server()
    if saved:
        return location_of_text(saved)
    return DatabaseLocation.for_file(default_database_file())


def location_of_text(given: str) -> DatabaseLocation:
    """A file path, or a server URL; any other `scheme://` is refused rather than taken for a
    folder name (`postgresql:` once became a folder holding a SQLite file)."""
    scheme, sep, _rest = given.partition("://")
    if not sep:
        return DatabaseLocation.for_file(Path(given))
    if scheme.lower() in SERVER_SCHEMES:
        return DatabaseLocation.for_server(given)
    raise DatabaseRefused(
        N_("Unknown kind of database: {scheme}. Give a file, or a PostgreSQL server as "
           "postgresql://user@host/dbname."),
        scheme=scheme,
    )  # fmt: skip


def check_file(location: DatabaseLocation, must_exist: bool) -> None:
    """Refuse a missing file (when required), a foreign file, or a file on a network share."""
    path = location.file
    if path is None:
        return
    if is_network_path(path if path.exists() else path.parent):
        raise DatabaseRefused(
            N_("The database {path} is on a network share, where SQLite can corrupt data. "
               "Keep it on this computer, or keep the office's data on a PostgreSQL server: "
               "--db postgresql://user@server/dbname, the NONGBON_ITA_DB variable, or "
               "\"Use the office's server…\" when the program is first set up (README)."),
            path=str(path),
        )  # fmt: skip
    if synced_folder(path) is not None:
        raise DatabaseRefused(
            N_("The database {path} is in a OneDrive folder, which copies the file while the "
               "program writes to it and can corrupt it. Keep it in a folder that is not "
               "synchronised (the default place is fine)."),
            path=str(path),
        )  # fmt: skip
    if path.is_dir():
        raise DatabaseRefused(N_("{path} is a folder, not a database file."), path=str(path))
    if not path.exists():
        if must_exist:
            raise DatabaseRefused(N_("Database file not found: {path}"), path=str(path))
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:  # no permission, or locked by another program (Windows)
        raise DatabaseRefused(
            N_("The database {path} cannot be read: {reason}"),
            path=str(path), reason=error.strerror or type(error).__name__,
        ) from None  # fmt: skip
    if not header:  # SQLite would silently make it a new, empty database
        raise DatabaseRefused(
            N_("The file {path} is empty (0 bytes): it is not a nongbon-ita database. "
               "Restore a backup, or choose another file."), path=str(path),
        )  # fmt: skip
    if header != SQLITE_HEADER:
        raise DatabaseRefused(N_("This file is not a nongbon-ita database."))
