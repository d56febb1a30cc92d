"""The head log: every audit event's number and hash, appended beside the database after each
commit (`<db>.audit-heads`, owner-only), so a history rewritten inside the file — old events
edited and every later hash recomputed, or the last events deleted and the stored head updated —
no longer matches what was recorded when it happened.

Lines are `E <seq> <hash>` (an event committed) and `R <seq> <hash>` (a restore rewound the
trail to that event: what came after it belongs to the replaced history). The log is a plain
record, not a secret: see README "Data safety" for what it does and does not protect against.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.db.private_files import FILE_MODE
from nongbon_ita.domain.audit import ChainLink, Divergence, first_difference

log = logging.getLogger("nongbon_ita.audit_heads")
PENDING = "nongbon_ita.audit_heads"  # session.info key: events recorded in this transaction


def head_log_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".audit-heads")


def _append(db_file: Path, lines: list[str]) -> None:
    path = head_log_path(db_file)
    # O_APPEND: lines from several processes never overwrite each other
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    with os.fdopen(fd, "a", encoding="ascii") as handle:
        handle.write("".join(lines))


def append_heads(db_file: Path | None, heads: list[tuple[int, str]]) -> None:
    """Record committed events; never fails the commit that already happened (logged)."""
    if db_file is None or not heads:
        return
    try:
        _append(db_file, [f"E {seq} {digest}\n" for seq, digest in heads])
    except OSError:
        log.warning("could not write the head log beside %s", db_file, exc_info=True)


def record_rewind(db_file: Path, seq: int, digest: str) -> None:
    """A restore: the trail now continues from event `seq` (the backup's last)."""
    _append(db_file, [f"R {seq} {digest}\n"])


@dataclass
class HeadRecords:
    """Hashes recorded outside the file: every hash ever seen per event number, and the last event
    the current history reached (a trail shorter than `tail` lost its end)."""

    source: str
    known: dict[int, set[str]] = field(default_factory=dict)
    tail: int = 0

    def add(self, seq: int, digest: str) -> None:
        self.known.setdefault(seq, set()).add(digest)


def read_head_log(db_file: Path | None) -> HeadRecords | None:
    """The head log of `db_file`, or None when there is none (a copied file, an old database)."""
    path = head_log_path(db_file) if db_file is not None else None
    if path is None or not path.is_file():
        return None
    records = HeadRecords(path.name)
    for line in path.read_text(encoding="ascii", errors="replace").splitlines():
        kind, _, rest = line.partition(" ")
        seq_text, _, digest = rest.partition(" ")
        if kind not in ("E", "R") or not seq_text.isdigit() or len(digest) != 64:
            continue  # a torn last line after a crash: the rest still counts
        seq = int(seq_text)
        records.add(seq, digest)
        records.tail = seq if kind == "R" else max(records.tail, seq)
    return records


def backup_records(backup_db: Path) -> HeadRecords:
    """A backup's own chain, read-only, as a record of what the trail was when it was taken."""
    records = HeadRecords(backup_db.name)
    with closing(sqlite3.connect(f"file:{backup_db}?mode=ro", uri=True)) as conn:
        for seq, digest in conn.execute("SELECT seq, hash FROM audit_event ORDER BY seq"):
            records.add(int(seq), str(digest))
            records.tail = int(seq)
    return records


def live_links(session: Session) -> list[ChainLink]:
    rows = session.execute(
        select(AuditEventRow.hash, AuditEventRow.action).order_by(AuditEventRow.seq)
    )
    return [ChainLink(digest, action) for digest, action in rows]


def compare(links: list[ChainLink], records: list[HeadRecords]) -> list[Divergence]:
    """Each record's first difference with the chain, earliest first."""
    found = [first_difference(links, r.known, r.tail, r.source) for r in records]
    return sorted((d for d in found if d is not None), key=lambda d: d.seq)
