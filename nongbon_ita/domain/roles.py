"""The roles of DESIGN.md and what each may do."""

from __future__ import annotations

from enum import StrEnum

from nongbon_ita.domain.errors import N_


class Role(StrEnum):
    STAFF = "staff"
    SUPPLY_OFFICER = "supply_officer"
    APPROVER = "approver"
    FINANCE_REVIEWER = "finance_reviewer"
    COMPLAINT_OFFICER = "complaint_officer"
    ITA_COORDINATOR = "ita_coordinator"
    ADMIN = "admin"

    @property
    def label_id(self) -> str:
        """Message id of the role's name as users read it (translate with gettext)."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.STAFF: N_("Staff"),
    Role.SUPPLY_OFFICER: N_("Supply officer"),
    Role.APPROVER: N_("Approver"),
    Role.FINANCE_REVIEWER: N_("Finance reviewer"),
    Role.COMPLAINT_OFFICER: N_("Complaint officer"),
    Role.ITA_COORDINATOR: N_("ITA coordinator"),
    Role.ADMIN: N_("Administrator"),
}


def parse_roles(text: str) -> frozenset[Role]:
    """Parse 'staff,approver' into roles; unknown codes raise ValueError naming the code."""
    roles: set[Role] = set()
    for code in (part.strip() for part in text.split(",")):
        if not code:
            continue
        try:
            roles.add(Role(code))
        except ValueError:
            raise ValueError(code) from None
    return frozenset(roles)
