"""Append audit events to the hash chain and verify it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AuditEventRow
from nongbon_ita.domain.audit import AuditEvent, ChainCheck, canonical_json, verify_chain
from nongbon_ita.services.audit_chain import QueuedEvent, queue_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.settings_store import (
    AUDIT_HEAD_COUNT,
    AUDIT_HEAD_HASH,
    get_int,
    get_setting,
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
) -> None:
    """Record one event inside the caller's transaction: it is chained and written by the
    commit (services/audit_chain.py), and rolls back with the transaction."""
    del ctx  # the commit stamps the time: events are numbered in the order they commit
    payload: dict[str, Any] = {}
    if before is not None:
        payload["before"] = before
    if after is not None:
        payload["after"] = after
    queue_event(
        session, QueuedEvent(actor, action, entity, str(entity_id), canonical_json(payload))
    )


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
        seals=row.seals or "",
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
