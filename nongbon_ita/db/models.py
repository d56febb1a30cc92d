"""Every ORM model, imported in one place so the metadata is complete for Alembic and tests."""

from nongbon_ita.db.base import Base
from nongbon_ita.db.models_assets import AssetCategoryRow, AssetRow
from nongbon_ita.db.models_complaints import (
    ComplaintActionRow,
    ComplaintAttachmentRow,
    ComplaintChannelRow,
    ComplaintIdentityRow,
    ComplaintRow,
    HolidayRow,
)
from nongbon_ita.db.models_core import (
    AuditEventRow,
    DivisionRow,
    OfficeProfileRow,
    OfficialRow,
    SettingRow,
    UserRoleRow,
    UserRow,
)
from nongbon_ita.db.models_ita import (
    EvidenceRow,
    IndicatorRow,
    ItaYearRow,
    MeasureResultRow,
    MeasureRowDb,
    OitItemRow,
    SubIndicatorRow,
)
from nongbon_ita.db.models_letters import OutgoingLetterRow
from nongbon_ita.db.models_loans import (
    LiabilityRow,
    LoanFollowUpRow,
    LoanItemRow,
    LoanReturnRow,
    LoanRow,
)

__all__ = [
    "AssetCategoryRow", "AssetRow", "AuditEventRow", "Base", "ComplaintActionRow",
    "ComplaintAttachmentRow", "ComplaintChannelRow", "ComplaintIdentityRow", "ComplaintRow", "DivisionRow",
    "EvidenceRow", "HolidayRow", "IndicatorRow", "ItaYearRow", "LiabilityRow",
    "LoanFollowUpRow", "LoanItemRow", "LoanReturnRow", "LoanRow", "MeasureResultRow",
    "MeasureRowDb", "OfficeProfileRow", "OfficialRow", "OitItemRow", "OutgoingLetterRow", "SettingRow",
    "SubIndicatorRow", "UserRoleRow", "UserRow",
]  # fmt: skip
