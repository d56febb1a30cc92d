"""Append audit events to the hash chain and verify it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from nongbon_ita.db.locks import AUDIT, take_write_lock
from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.audit import (
    GENESIS_HASH,
    AuditEvent,
    ChainCheck,
    canonical_json,
    event_hash,
    verify_chain,
)
from nongbon_ita.services.audit_heads import PENDING as PENDING_HEADS
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.settings_store import (
    AUDIT_HEAD_COUNT,
    AUDIT_HEAD_HASH,
    get_int,
    get_setting,
    put_setting,
)


def record_event(
    ctx: ServiceContext,
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event inside the caller's transaction (so it commits or rolls back with it)."""
    take_write_lock(session, AUDIT)  # one appender at a time, or two events share a `seq`
    last = session.execute(
        select(AuditEventRow.seq, AuditEventRow.hash).order_by(AuditEventRow.seq.desc()).limit(1)
    ).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    payload: dict[str, Any] = {}
    if before is not None:
        payload["before"] = before
    if after is not None:
        payload["after"] = after
    event = AuditEvent(
        seq=seq,
        occurred_at=ctx.now(),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        payload=canonical_json(payload),
        prev_hash=prev_hash,
    )
    digest = event_hash(event)
    session.add(
        AuditEventRow(
            seq=seq,
            occurred_at=event.occurred_at,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=event.entity_id,
            payload=event.payload,
            prev_hash=prev_hash,
            hash=digest,
        )
    )
    put_setting(session, AUDIT_HEAD_COUNT, str(seq))
    put_setting(session, AUDIT_HEAD_HASH, digest)
    # written to the head log beside the database once the transaction commits (context.py)
    session.info.setdefault(PENDING_HEADS, []).append((seq, digest))
    return AuditEvent(**{**event.__dict__, "hash": digest})


def _to_event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        seq=row.seq,
        occurred_at=row.occurred_at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        payload=row.payload,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def audit_head(session: Session) -> tuple[int, str]:
    return get_int(session, AUDIT_HEAD_COUNT), get_setting(session, AUDIT_HEAD_HASH) or ""


def check_chain(session: Session) -> ChainCheck:
    rows = session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq)).all()
    count, head_hash = audit_head(session)
    return verify_chain([_to_event(row) for row in rows], count, head_hash)


def integrity_check(session: Session) -> str:
    """'ok' or SQLite's description of the damage."""
    if session.get_bind().dialect.name != "sqlite":
        return "ok"
    return str(session.execute(text("PRAGMA integrity_check")).scalar())


def recent_events(session: Session, limit: int = 200) -> list[AuditEvent]:
    rows = session.scalars(select(AuditEventRow).order_by(AuditEventRow.seq.desc()).limit(limit))
    return [_to_event(row) for row in rows]
