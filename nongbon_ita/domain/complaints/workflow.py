"""Which status may follow which: received → accepted/rejected → assigned → investigating →
concluded → complainant informed → closed. Pausing the clock is allowed while a complaint is open.
"""

from __future__ import annotations

from enum import StrEnum

from nongbon_ita.domain.complaints.kinds import Status
from nongbon_ita.domain.errors import N_, ValidationError

NEXT: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ACCEPTED, Status.REJECTED}),
    Status.ACCEPTED: frozenset({Status.ASSIGNED}),
    Status.ASSIGNED: frozenset({Status.ASSIGNED, Status.INVESTIGATING}),  # re-assign allowed
    Status.INVESTIGATING: frozenset({Status.ASSIGNED, Status.CONCLUDED}),
    # an anonymous complaint has nobody to inform: it may be closed straight after the outcome
    Status.CONCLUDED: frozenset({Status.INFORMED, Status.CLOSED}),
    Status.INFORMED: frozenset({Status.CLOSED}),
    Status.REJECTED: frozenset(),
    Status.CLOSED: frozenset(),
}


class ActionKind(StrEnum):
    """Timeline entries: each status change, plus notes, clock pauses, letters, attachments."""

    RECEIVED = "received"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ASSIGNED = "assigned"
    INVESTIGATING = "investigating"
    CONCLUDED = "concluded"
    INFORMED = "informed"
    CLOSED = "closed"
    NOTE = "note"
    PAUSED = "paused"
    RESUMED = "resumed"
    ACKNOWLEDGED = "acknowledged"
    RECEIPT_PRINTED = "receipt_printed"
    OUTCOME_PRINTED = "outcome_printed"
    ATTACHMENT = "attachment"
    IDENTITY_PURGED = "identity_purged"
    ATTACHMENTS_REMOVED = "attachments_removed"  # at the end of the retention period

    @property
    def label_id(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS: dict[ActionKind, str] = {
    ActionKind.RECEIVED: N_("Received"),
    ActionKind.ACCEPTED: N_("Accepted"),
    ActionKind.REJECTED: N_("Rejected"),
    ActionKind.ASSIGNED: N_("Assigned"),
    ActionKind.INVESTIGATING: N_("Investigation started"),
    ActionKind.CONCLUDED: N_("Concluded"),
    ActionKind.INFORMED: N_("Complainant informed"),
    ActionKind.CLOSED: N_("Closed"),
    ActionKind.NOTE: N_("Internal note"),
    ActionKind.PAUSED: N_("Clock paused: waiting for the complainant"),
    ActionKind.RESUMED: N_("Clock resumed"),
    ActionKind.ACKNOWLEDGED: N_("Receipt given to the complainant"),
    ActionKind.RECEIPT_PRINTED: N_("Acknowledgement letter printed"),
    ActionKind.OUTCOME_PRINTED: N_("Outcome letter printed"),
    ActionKind.ATTACHMENT: N_("Attachment added"),
    ActionKind.IDENTITY_PURGED: N_("Identity purged"),
    ActionKind.ATTACHMENTS_REMOVED: N_("Attachments removed at the end of the retention period"),
}


def check_transition(current: Status, target: Status) -> None:
    if target not in NEXT[current]:
        raise ValidationError(
            N_("A complaint that is '{current}' cannot become '{target}'."),
            field="status",
            current=current.label_id,
            target=target.label_id,
        )


def allowed_next(current: Status) -> frozenset[Status]:
    return NEXT[current]
