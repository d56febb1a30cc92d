"""Guards every engine gets, whoever opens it (one hook in engine.make_engine):

- the live SQLite file and the `-wal`/`-shm` files beside it are the owner's alone (0600;
  Windows: the icacls grant when the app creates the file) — they hold complainants' identities
  as much as any backup does (issue 13);
- on PostgreSQL a NUL character in any query parameter is the usual validation error, not a
  crash: the server refuses NUL even as a parameter (issue 12: a division name with NUL crashed
  before the text gate looked at it), and one guard here covers every query, present and future.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.db.private_files import FILE_MODE, make_private
from nongbon_ita.domain.errors import N_, ValidationError

NUL_REFUSED = N_("The text contains a NUL character (code 0), which cannot be stored. Remove it "
                 "and try again.")  # fmt: skip


def install_guards(engine: Engine, location: DatabaseLocation) -> None:
    if location.file is not None:
        _keep_private(engine, location.file)
    if engine.dialect.name == "postgresql":
        event.listen(engine, "before_cursor_execute", refuse_nul)


def _keep_private(engine: Engine, file: Path) -> None:
    created = not file.exists()  # Windows: one icacls at creation (a subprocess per connection
    # would be slow); the -wal/-shm files inherit the folder's ACL there

    def on_connect(_dbapi_connection: Any, _record: Any) -> None:
        nonlocal created
        if sys.platform == "win32":
            if created and file.exists():
                make_private(file)
                created = False
            return
        for path in (file, file.with_name(file.name + "-wal"), file.with_name(file.name + "-shm")):
            try:
                if path.exists() and path.stat().st_mode & 0o777 != FILE_MODE:
                    path.chmod(FILE_MODE)
            except OSError:  # another user's file (a shared PC): theirs to protect
                continue

    event.listen(engine, "connect", on_connect)


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, Mapping):
        return any(_has_nul(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


def refuse_nul(
    _conn: Any, _cursor: Any, _statement: str, parameters: Iterable[Any] | None, *_args: Any
) -> None:
    """before_cursor_execute: parameters are a dict, a tuple, or a list of them (executemany)."""
    if parameters is not None and _has_nul(parameters):
        raise ValidationError(NUL_REFUSED)
