"""The closed vocabularies of a loan: status, borrower, use, purpose, return condition, remedy."""

from __future__ import annotations

from enum import StrEnum

from nongbon_ita.domain.errors import N_


class LoanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REFUSED = "refused"
    CANCELLED = "cancelled"
    HANDED_OUT = "handed_out"  # at least one item is out (partly returned loans stay here)
    CLOSED = "closed"  # everything handed out came back

    @property
    def label_id(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    LoanStatus.DRAFT: N_("Draft"),
    LoanStatus.SUBMITTED: N_("Submitted"),
    LoanStatus.APPROVED: N_("Approved"),
    LoanStatus.REFUSED: N_("Refused"),
    LoanStatus.CANCELLED: N_("Cancelled"),
    LoanStatus.HANDED_OUT: N_("Handed out"),
    LoanStatus.CLOSED: N_("Closed"),
}

# loans that hold their items for their dates (a booking counts once approved)
HOLDING_STATUSES = frozenset({LoanStatus.APPROVED, LoanStatus.HANDED_OUT})
CANCELLABLE_STATUSES = frozenset({LoanStatus.DRAFT, LoanStatus.SUBMITTED, LoanStatus.APPROVED})


class BorrowerKind(StrEnum):
    STAFF = "staff"
    AGENCY = "agency"  # another government agency
    VILLAGER = "villager"  # a villager or community group

    @property
    def label_id(self) -> str:
        return {
            BorrowerKind.STAFF: N_("Staff member"),
            BorrowerKind.AGENCY: N_("Another agency"),
            BorrowerKind.VILLAGER: N_("Villager or community group"),
        }[self]


class UseScope(StrEnum):
    PREMISES = "premises"  # ใช้ภายในสถานที่
    OFF_SITE = "off_site"  # นำไปใช้นอกสถานที่
    OTHER_AGENCY = "other_agency"  # ยืมระหว่างหน่วยงาน

    @property
    def label_id(self) -> str:
        return {
            UseScope.PREMISES: N_("Inside the premises"),
            UseScope.OFF_SITE: N_("Off-site"),
            UseScope.OTHER_AGENCY: N_("At another agency"),
        }[self]


class PurposeType(StrEnum):
    """The request form's choice; government supplies are never lent for a personal purpose."""

    OFFICIAL = "official"  # ราชการ
    COMMUNITY = "community"  # กิจกรรมชุมชน/สาธารณประโยชน์
    PERSONAL = "personal"  # ส่วนตัว: refused

    @property
    def label_id(self) -> str:
        return {
            PurposeType.OFFICIAL: N_("Official business"),
            PurposeType.COMMUNITY: N_("Community or public event"),
            PurposeType.PERSONAL: N_("Personal use"),
        }[self]


class ReturnCondition(StrEnum):
    GOOD = "good"
    DAMAGED = "damaged"
    LOST = "lost"

    @property
    def label_id(self) -> str:
        return {
            ReturnCondition.GOOD: N_("Good"),
            ReturnCondition.DAMAGED: N_("Damaged"),
            ReturnCondition.LOST: N_("Lost"),
        }[self]

    @property
    def thai(self) -> str:
        """As printed on the form and the register."""
        return {ReturnCondition.GOOD: "ปกติ", ReturnCondition.DAMAGED: "ชำรุด",
                ReturnCondition.LOST: "สูญหาย"}[self]  # fmt: skip


class Remedy(StrEnum):
    """What the borrower does for a damaged or lost item (the regulation's three ways)."""

    REPAIR = "repair"
    REPLACE = "replace"
    PAY = "pay"

    @property
    def label_id(self) -> str:
        return {
            Remedy.REPAIR: N_("Repair at the borrower's cost"),
            Remedy.REPLACE: N_("Replace with the same kind"),
            Remedy.PAY: N_("Pay the value at the time of the loan"),
        }[self]

    @property
    def thai(self) -> str:
        return {Remedy.REPAIR: "ซ่อมแซม", Remedy.REPLACE: "ชดใช้เป็นพัสดุ",
                Remedy.PAY: "ชดใช้เป็นเงิน"}[self]  # fmt: skip


class FollowUpMethod(StrEnum):
    MEMO = "memo"
    PHONE = "phone"
    VISIT = "visit"
    MESSAGE = "message"  # LINE, SMS

    @property
    def label_id(self) -> str:
        return {
            FollowUpMethod.MEMO: N_("Memo"),
            FollowUpMethod.PHONE: N_("Phone call"),
            FollowUpMethod.VISIT: N_("Visit"),
            FollowUpMethod.MESSAGE: N_("Message (LINE, SMS)"),
        }[self]
