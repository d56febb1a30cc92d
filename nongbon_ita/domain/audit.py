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
    seals: str = ""  # canonical JSON of the written rows' seals; "" for none


def event_hash(event: AuditEvent) -> str:
    fields = (
        str(event.seq),
        event.occurred_at.isoformat(),
        event.actor,
        event.action,
        event.entity,
        event.entity_id,
        event.payload,
        event.prev_hash,
    )
    # an event without seals hashes as it always did (older trails still verify)
    material = "\x1f".join((*fields, event.seals) if event.seals else fields)
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


# ---- heads recorded outside the file --------------------------------------------------------
RESTORED_ACTION = "database.restored"  # the one event where the history may fork on purpose


@dataclass(frozen=True)
class ChainLink:
    """What the comparison needs of one live event (its seq is its place in the list, from 1)."""

    hash: str
    action: str


@dataclass(frozen=True)
class Divergence:
    seq: int  # the first event that differs from, or is missing against, the record
    missing: bool  # True: the trail ends before events the record saw
    source: str  # where the record was kept: the head log, a backup's file name


def first_difference(
    live: list[ChainLink], known: dict[int, set[str]], tail: int, source: str
) -> Divergence | None:
    """Compare the live chain with hashes recorded elsewhere (`known`: every hash ever recorded
    for an event number) and the last event the record saw (`tail`).

    A recomputed history shows as a hash no record has; a shortened trail as `tail` beyond its
    end. An unrecorded hash on a restore event is the fork a restore makes on purpose: what the
    record holds after that point is the history the restore replaced, so comparison stops.
    """
    for seq, link in enumerate(live, start=1):
        hashes = known.get(seq)
        if hashes and link.hash not in hashes:
            if link.action == RESTORED_ACTION:
                return None
            return Divergence(seq, False, source)
    if tail > len(live):
        return Divergence(len(live) + 1, True, source)
    return None
