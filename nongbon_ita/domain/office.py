"""The office profile and the officials named in signature blocks."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from nongbon_ita.domain.errors import N_


class SignatureRole(StrEnum):
    """Which signature block an official fills by default."""

    EXECUTIVE = "executive"  # นายก อบต.: certifies reports, signs letters
    PERMANENT_SECRETARY = "permanent_secretary"  # ปลัด อบต.
    FINANCE_DIRECTOR = "finance_director"  # ผู้อำนวยการกองคลัง: reviews the loan register
    SUPPLY_OFFICER = "supply_officer"  # เจ้าหน้าที่พัสดุ
    APPROVER = "approver"  # ผู้อนุมัติ
    ITA_COORDINATOR = "ita_coordinator"  # reports the measures' results
    COMPLAINT_OFFICER = "complaint_officer"
    OTHER = "other"


SIGNATURE_ROLE_LABELS: dict[SignatureRole, str] = {
    SignatureRole.EXECUTIVE: N_("Chief executive (certifies reports)"),
    SignatureRole.PERMANENT_SECRETARY: N_("Permanent secretary"),
    SignatureRole.FINANCE_DIRECTOR: N_("Director of the finance division"),
    SignatureRole.SUPPLY_OFFICER: N_("Supply officer"),
    SignatureRole.APPROVER: N_("Approver"),
    SignatureRole.ITA_COORDINATOR: N_("ITA coordinator (reports)"),
    SignatureRole.COMPLAINT_OFFICER: N_("Complaint officer"),
    SignatureRole.OTHER: N_("Other"),
}


@dataclass(frozen=True)
class OfficeProfile:
    """The office as documents name it. District and province are stored without อำเภอ/จังหวัด."""

    name: str  # องค์การบริหารส่วนตำบลหนองบอน
    short_name: str  # อบต.หนองบอน
    district: str  # โกสุมพิสัย
    province: str  # มหาสารคาม
    address: str = ""
    phone: str = ""
    website: str = ""
    letter_code: str = ""  # ที่ มค ๘๑๑๐๑/…: the office's outgoing-letter code
    logo_png: bytes | None = field(default=None, repr=False)
    version: int = 0

    @property
    def district_line(self) -> str:
        return f"อำเภอ{self.district} จังหวัด{self.province}"


@dataclass(frozen=True)
class Division:
    id: int
    name: str
    version: int = 0


@dataclass(frozen=True)
class Official:
    """A person who signs documents: full name with title, position as printed."""

    id: int
    full_name: str  # นายสมชาย ใจดี
    position: str  # นายกองค์การบริหารส่วนตำบลหนองบอน
    signature_role: SignatureRole = SignatureRole.OTHER
    division_id: int | None = None
    active: bool = True
    version: int = 0


@dataclass(frozen=True)
class SignatureBlock:
    """What a document prints under a signature line."""

    caption: str  # ผู้รายงาน / ผู้รับรอง
    full_name: str
    position: str
