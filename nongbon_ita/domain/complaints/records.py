"""Complaint records as the services hand them out. Identities travel apart (ComplaintIdentity)
and only to users allowed to see them; everyone else gets `identity=None` and sees HIDDEN."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from nongbon_ita.domain.calendar import RegisterNumber
from nongbon_ita.domain.complaints.deadlines import DeadlineState
from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome, Status, Track
from nongbon_ita.domain.complaints.workflow import ActionKind

HIDDEN = "ปกปิด"  # what a user who may not see an identity reads in its place


@dataclass(frozen=True)
class ComplaintIdentity:
    """Who complained and who is complained about: personal data (PDPA), kept in its own table."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    accused: str = ""  # the people or units complained about

    FIELDS = ("name", "address", "phone", "email", "id_number", "accused")

    def filled_fields(self) -> list[str]:
        """Names (never values) of the fields that hold something: what audit payloads carry."""
        return [name for name in self.FIELDS if getattr(self, name).strip()]

    def complainant_fields(self) -> list[str]:
        return [f for f in self.filled_fields() if f != "accused"]


@dataclass(frozen=True)
class NewComplaint:
    """What the intake form collects."""

    received_at: datetime
    channel: Channel
    category: Category
    subject: str
    details: str = ""
    place: str = ""
    anonymous: bool = False
    identity: ComplaintIdentity = field(default_factory=ComplaintIdentity)


@dataclass(frozen=True)
class ComplaintSummary:
    """A list row: no identity, no details."""

    id: int
    number: int
    fiscal_year: int
    public_code: str
    received_at: datetime
    received_on: date
    channel: Channel
    category: Category
    subject: str
    status: Status
    outcome: Outcome | None
    due_on: date
    deadline: DeadlineState
    anonymous: bool
    version: int

    @property
    def register(self) -> RegisterNumber:
        return RegisterNumber(self.number, self.fiscal_year)

    @property
    def track(self) -> Track:
        return self.category.track


@dataclass(frozen=True)
class TimelineEntry:
    occurred_at: datetime
    kind: ActionKind
    note: str
    actor: str  # the user's full name


@dataclass(frozen=True)
class Attachment:
    id: int
    file_name: str
    sha256: str
    size: int
    added_at: datetime


@dataclass(frozen=True)
class ComplaintDetail:
    summary: ComplaintSummary
    details: str
    place: str
    referred_to: str
    rejection_reason: str
    division_id: int | None
    division_name: str
    officer_user_id: int | None
    officer_name: str
    receipt_due_on: date
    acknowledged_on: date | None
    paused_since: date | None
    paused_days: int
    concluded_on: date | None
    informed_on: date | None
    closed_on: date | None
    identity: ComplaintIdentity | None  # None: hidden from this user
    identity_purged: bool
    timeline: tuple[TimelineEntry, ...] = ()
    attachments: tuple[Attachment, ...] = ()

    @property
    def identity_visible(self) -> bool:
        return self.identity is not None

    def shown(self, field_name: str) -> str:
        """An identity field as this user may read it."""
        if self.identity is None:
            return HIDDEN
        return str(getattr(self.identity, field_name))
