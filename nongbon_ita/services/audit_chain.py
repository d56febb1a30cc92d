"""Appending to the audit hash chain at commit time.

Every write appends to one chain, and each event carries the hash of the one before it, so
appenders queue one at a time on the chain's head (`AUDIT`, db/locks.py). A service records
its events as it goes (`queue_event`); they are chained and written by the commit itself
(`append_queued`, called by `ServiceContext.transaction`), as late as possible: the head is held
for the append and the commit only, and the rest of concurrent transactions runs side by side
on the server.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from nongbon_ita.db.locks import AUDIT, take_write_lock
from nongbon_ita.db.models import AuditEventRow, SettingRow
from nongbon_ita.domain.audit import GENESIS_HASH, AuditEvent, event_hash
from nongbon_ita.services.audit_heads import PENDING as PENDING_HEADS
from nongbon_ita.services.settings_store import AUDIT_HEAD_COUNT, AUDIT_HEAD_HASH, put_setting

QUEUED = "nongbon_ita.audit_chain"  # session.info key: events recorded, not yet chained
AT_HEAD = "nongbon_ita.audit_chain.at_head"  # session.info key: work to run under the head


@dataclass(frozen=True)
class QueuedEvent:
    """An event as a service records it; its number and hashes come at commit."""

    actor: str
    action: str
    entity: str
    entity_id: str
    payload: str
    seals: str = ""  # the written rows' seals (row_seals.py), chained with the event


def queue_event(session: Session, event: QueuedEvent) -> None:
    session.info.setdefault(QUEUED, []).append(event)


def at_head(session: Session, work: Callable[[], None]) -> None:
    """Run `work` at commit, under the chain's head, before the rows are sealed and the events
    chained (`run_at_head`, called by `ServiceContext.transaction`).

    For a number per fiscal year (a loan's): taken there, it is the transaction's last step, so
    concurrent requests do all their work side by side and queue only for the head, which every
    writer queues for anyway; the head is held to the commit, so numbers stay gapless and
    unique, in commit order, with no key of their own. `work` must only change rows this
    transaction has already written or locked: the head's holder never waits for a row.
    """
    session.info.setdefault(AT_HEAD, []).append(work)


def run_at_head(session: Session) -> None:
    works: list[Callable[[], None]] = session.info.pop(AT_HEAD, [])
    if not works:
        return
    session.flush()  # as in append_queued: every row written before the head is taken
    take_write_lock(session, AUDIT)
    for work in works:
        work()
    session.flush()


def append_queued(session: Session, now: datetime) -> None:
    """Chain the transaction's recorded events after the current head; the caller commits."""
    queued: list[QueuedEvent] = session.info.pop(QUEUED, [])
    if not queued:
        return
    # every row this transaction changes is written (and row-locked) before the head is taken:
    # whoever holds the head never waits for a row, so nobody waits in a cycle
    session.flush()
    take_write_lock(session, AUDIT)
    last = session.execute(
        select(AuditEventRow.seq, AuditEventRow.hash).order_by(AuditEventRow.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0], last[1]) if last else (0, GENESIS_HASH)
    for item in queued:
        seq += 1
        event = AuditEvent(seq=seq, occurred_at=now, actor=item.actor, action=item.action,
                           entity=item.entity, entity_id=item.entity_id, payload=item.payload,
                           prev_hash=prev_hash, seals=item.seals)  # fmt: skip
        prev_hash = event_hash(event)
        session.add(AuditEventRow(seq=seq, occurred_at=now, actor=item.actor, action=item.action,
                                  entity=item.entity, entity_id=item.entity_id,
                                  payload=item.payload, prev_hash=event.prev_hash,
                                  hash=prev_hash, seals=item.seals))  # fmt: skip
        # written to the head log beside the database once the transaction commits
        session.info.setdefault(PENDING_HEADS, []).append((seq, prev_hash))
    session.flush()
    _store_head(session, seq, prev_hash)


def _store_head(session: Session, count: int, digest: str) -> None:
    """The head kept beside the chain, in one statement while the head is held (the two
    settings exist after the first event; before it they are added)."""
    keys = {AUDIT_HEAD_COUNT: str(count), AUDIT_HEAD_HASH: digest}
    changed = session.execute(
        update(SettingRow)
        .where(SettingRow.key.in_(list(keys)))
        .values(value=case(*((SettingRow.key == k, v) for k, v in keys.items())))
        .execution_options(synchronize_session=False)
    )
    if getattr(changed, "rowcount", 0) != len(keys):
        for key, value in keys.items():
            put_setting(session, key, value)
        session.flush()
