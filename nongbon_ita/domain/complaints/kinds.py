"""What a complaint is: channels, categories (which decide the track), statuses and outcomes.

Each member has an English message id for screens (`label_id`, translated with gettext) and the
official Thai term (`thai`) that documents and exports print whatever the interface language.
"""

from __future__ import annotations

from enum import StrEnum

from nongbon_ita.domain.errors import N_


class Channel(StrEnum):
    """The channels shipped with the app (codes stored on complaints; `complaints import
    --channel` takes them). The office renames or hides them and adds its own: the list in
    use is data (services/complaints/channels.py), in this order."""

    WALK_IN = "walk_in"
    PHONE = "phone"
    LETTER = "letter"
    WEBSITE = "website"
    EMAIL = "email"
    FACEBOOK = "facebook"
    LINE = "line"
    COMPLAINT_BOX = "complaint_box"
    TRAFFY = "traffy"
    GOV_1111 = "1111"
    DAMRONGDHAMMA = "damrongdhamma"
    DISTRICT = "district"
    NACC = "nacc"
    PACC = "pacc"
    OTHER_AGENCY = "other_agency"
    OTHER = "other"

    @property
    def label_id(self) -> str:
        return _CHANNELS[self][0]

    @property
    def thai(self) -> str:
        return _CHANNELS[self][1]

    @property
    def referred(self) -> bool:
        """Another body passes the complaint on with its own reference, to be quoted back."""
        return self in REFERRED_CHANNELS


_CHANNELS: dict[Channel, tuple[str, str]] = {
    Channel.WALK_IN: (N_("Walk-in"), "ร้องเรียนด้วยตนเอง"),
    Channel.PHONE: (N_("Telephone"), "โทรศัพท์"),
    Channel.LETTER: (N_("Letter"), "หนังสือ/จดหมาย"),
    Channel.WEBSITE: (N_("Website form"), "เว็บไซต์"),
    Channel.EMAIL: (N_("E-mail"), "อีเมล"),
    Channel.FACEBOOK: (N_("Facebook"), "เฟซบุ๊ก"),
    Channel.LINE: (N_("LINE"), "ไลน์"),
    Channel.COMPLAINT_BOX: (N_("Complaint box"), "ตู้รับเรื่องร้องเรียน"),
    Channel.TRAFFY: (N_("Traffy Fondue"), "Traffy Fondue"),
    Channel.GOV_1111: (N_("Government hotline 1111"), "สายด่วนรัฐบาล ๑๑๑๑"),
    Channel.DAMRONGDHAMMA: (N_("Referred by the Damrongdhamma Centre"), "ศูนย์ดำรงธรรม"),
    Channel.DISTRICT: (N_("Referred by the district office"), "อำเภอ"),
    Channel.NACC: (N_("Referred by the NACC"), "สำนักงาน ป.ป.ช."),
    Channel.PACC: (N_("Referred by the PACC"), "สำนักงาน ป.ป.ท."),
    Channel.OTHER_AGENCY: (N_("Referred by another agency"), "หน่วยงานอื่น"),
    Channel.OTHER: (N_("Other channel"), "อื่น ๆ"),
}
REFERRED_CHANNELS = frozenset({Channel.TRAFFY, Channel.GOV_1111, Channel.DAMRONGDHAMMA,
                               Channel.DISTRICT, Channel.NACC, Channel.PACC,
                               Channel.OTHER_AGENCY})  # fmt: skip


class Track(StrEnum):
    GENERAL = "general"
    CORRUPTION = "corruption"  # confidential: identities shown to complaint officers only

    @property
    def label_id(self) -> str:
        return N_("Corruption and misconduct") if self is Track.CORRUPTION else N_("General")

    @property
    def thai(self) -> str:
        if self is Track.CORRUPTION:
            return "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"
        return "เรื่องร้องเรียนทั่วไป"


class Category(StrEnum):
    CORRUPTION = "corruption"
    PROCUREMENT = "procurement"
    GENERAL = "general"
    OTHER = "other"

    @property
    def track(self) -> Track:
        """The category decides the track: corruption/misconduct is the confidential one."""
        return Track.CORRUPTION if self is Category.CORRUPTION else Track.GENERAL

    @property
    def label_id(self) -> str:
        return _CATEGORIES[self][0]

    @property
    def thai(self) -> str:
        return _CATEGORIES[self][1]


_CATEGORIES: dict[Category, tuple[str, str]] = {
    Category.CORRUPTION: (N_("Corruption and misconduct"), "ทุจริตและประพฤติมิชอบ"),
    Category.PROCUREMENT: (N_("Procurement"), "จัดซื้อจัดจ้าง"),
    Category.GENERAL: (N_("General complaint or grievance"), "ร้องเรียนทั่วไป/ร้องทุกข์"),
    Category.OTHER: (N_("Other"), "อื่น ๆ"),
}


class Status(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ASSIGNED = "assigned"
    INVESTIGATING = "investigating"
    CONCLUDED = "concluded"
    INFORMED = "informed"
    CLOSED = "closed"

    @property
    def label_id(self) -> str:
        return _STATUSES[self][0]

    @property
    def thai(self) -> str:
        return _STATUSES[self][1]

    @property
    def is_open(self) -> bool:
        """Still waiting for an outcome (the deadline clock runs)."""
        return self in OPEN_STATUSES


_STATUSES: dict[Status, tuple[str, str]] = {
    Status.RECEIVED: (N_("Received"), "รับเรื่อง"),
    Status.ACCEPTED: (N_("Accepted"), "รับไว้พิจารณา"),
    Status.REJECTED: (N_("Rejected"), "ไม่รับไว้พิจารณา"),
    Status.ASSIGNED: (N_("Assigned"), "มอบหมายผู้รับผิดชอบ"),
    Status.INVESTIGATING: (N_("Investigating"), "อยู่ระหว่างตรวจสอบ"),
    Status.CONCLUDED: (N_("Concluded"), "ได้ข้อยุติ"),
    Status.INFORMED: (N_("Complainant informed"), "แจ้งผู้ร้องแล้ว"),
    Status.CLOSED: (N_("Closed"), "ยุติเรื่อง"),
}

OPEN_STATUSES = frozenset({Status.RECEIVED, Status.ACCEPTED, Status.ASSIGNED, Status.INVESTIGATING})
# "finished" in the published statistics: an outcome was reached
FINISHED_STATUSES = frozenset({Status.CONCLUDED, Status.INFORMED, Status.CLOSED})


class Outcome(StrEnum):
    SUBSTANTIATED = "substantiated"
    UNSUBSTANTIATED = "unsubstantiated"
    REFERRED = "referred"

    @property
    def label_id(self) -> str:
        return _OUTCOMES[self][0]

    @property
    def thai(self) -> str:
        return _OUTCOMES[self][1]


_OUTCOMES: dict[Outcome, tuple[str, str]] = {
    Outcome.SUBSTANTIATED: (N_("Substantiated"), "มีมูล"),
    Outcome.UNSUBSTANTIATED: (N_("Unsubstantiated"), "ไม่มีมูล"),
    Outcome.REFERRED: (N_("Referred to another agency"), "ส่งหน่วยงานอื่นดำเนินการ"),
}
