from dataclasses import replace
from datetime import UTC, datetime

from nongbon_ita.domain.audit import GENESIS_HASH, AuditEvent, event_hash, verify_chain


def _chain(n: int) -> list[AuditEvent]:
    events, prev = [], GENESIS_HASH
    for seq in range(1, n + 1):
        event = AuditEvent(
            seq, datetime(2024, 1, seq, tzinfo=UTC), "admin", "x", "y", str(seq), "{}", prev
        )
        event = replace(event, hash=event_hash(event))
        events.append(event)
        prev = event.hash
    return events


def test_intact_chain_verifies() -> None:
    events = _chain(4)
    assert verify_chain(events, 4, events[-1].hash).ok


def test_changed_event_is_named() -> None:
    events = _chain(4)
    events[1] = replace(events[1], payload='{"after":1}')
    check = verify_chain(events, 4, events[-1].hash)
    assert (check.ok, check.first_broken_seq) == (False, 2)


def test_deleted_middle_and_last_events_are_named() -> None:
    events = _chain(4)
    assert verify_chain(events[:2] + events[3:], 4, events[-1].hash).first_broken_seq == 3
    check = verify_chain(events[:3], 4, events[-1].hash)
    assert (check.ok, check.first_broken_seq) == (False, 4)


def test_last_event_rewritten_with_a_fresh_hash_is_caught_by_the_head() -> None:
    events = _chain(3)
    forged = replace(events[2], actor="someone")
    forged = replace(forged, hash=event_hash(forged))
    check = verify_chain([*events[:2], forged], 3, events[-1].hash)
    assert (check.ok, check.first_broken_seq) == (False, 3)
