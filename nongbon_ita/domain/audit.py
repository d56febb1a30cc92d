"""The audit chain's hash: each event's hash covers its fields and the previous hash."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nongbon_ita.domain.errors import N_

GENESIS_HASH = "0" * 64


def canonical_json(payload: dict[str, Any]) -> str:
    return json.dumps(
        payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    payload: str  # canonical JSON
    prev_hash: str
    hash: str = ""


def event_hash(event: AuditEvent) -> str:
    material = "\x1f".join(
        (
            str(event.seq),
            event.occurred_at.isoformat(),
            event.actor,
            event.action,
            event.entity,
            event.entity_id,
            event.payload,
            event.prev_hash,
        )
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    events: int
    first_broken_seq: int | None = None
    reason: str = ""


def verify_chain(events: list[AuditEvent], head_count: int, head_hash: str) -> ChainCheck:
    """Walk events in seq order; the head kept outside the chain catches a deleted last event."""
    prev = GENESIS_HASH
    for expected_seq, event in enumerate(events, start=1):
        if event.seq != expected_seq:
            return ChainCheck(False, len(events), expected_seq, N_("an event is missing"))
        if event.prev_hash != prev or event_hash(event) != event.hash:
            return ChainCheck(False, len(events), event.seq, N_("an event was changed"))
        prev = event.hash
    if len(events) != head_count or (events and prev != head_hash):
        # the head kept outside the chain says more events existed, or a different last one
        first_broken = len(events) + 1 if len(events) < head_count else max(len(events), 1)
        return ChainCheck(
            False, len(events), first_broken, N_("the latest events were removed or changed")
        )
    return ChainCheck(True, len(events))
