"""What every part of the loan service shares: the context, the asset register, the clock."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.locks import take_booking_locks
from nongbon_ita.db.models import LoanItemRow, LoanRow
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.errors import N_, PermissionDenied, ValidationError
from nongbon_ita.domain.loans import LoanOperation, LoanStatus
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.loans.repository import loan_row

if TYPE_CHECKING:
    from nongbon_ita.services.assets.register import AssetService
    from nongbon_ita.services.auth import AuthService
    from nongbon_ita.services.office import OfficeService


class LoanServiceBase:
    def __init__(
        self, ctx: ServiceContext, assets: AssetService, auth: AuthService, office: OfficeService
    ) -> None:
        self.ctx = ctx
        self.assets = assets
        self.auth = auth
        self.office = office

    def today(self) -> date:
        """The office's date now (Asia/Bangkok), whatever the machine's zone."""
        return office_date(self.ctx.now())

    def _audit(
        self, session: Session, actor: CurrentUser, action: str, loan_id: int,
        before: dict[str, Any] | None = None, after: dict[str, Any] | None = None,
    ) -> None:  # fmt: skip
        record_event(self.ctx, session, actor.username, action, "loan", loan_id, before, after)

    @staticmethod
    def _lock_assets(session: Session, loan_id: int, more: Sequence[int] = ()) -> None:
        """The booking keys of the loan's assets (and `more`), before anything is read that the
        step checks: only plain ids are read first, so nothing stale stays in the session."""
        held = session.scalars(select(LoanItemRow.asset_id).where(LoanItemRow.loan_id == loan_id))
        take_booking_locks(session, [*held, *more])

    @staticmethod
    def may_see(actor: CurrentUser, row: LoanRow) -> bool:
        """Loan readers see every loan; anyone else only the loans they asked for or borrow."""
        return is_allowed(actor, LoanOperation.VIEW_ALL) or actor.id in (
            row.borrower_user_id,
            row.created_by_user_id,
        )

    def _visible_row(self, session: Session, actor: CurrentUser, loan_id: int) -> LoanRow:
        row = loan_row(session, loan_id)
        if not self.may_see(actor, row):
            raise PermissionDenied(N_("You are not allowed to {operation}."),
                                   operation=LoanOperation.VIEW_ALL.label_id)  # fmt: skip
        return row

    @staticmethod
    def _editable(row: LoanRow, expected_version: int | None, *statuses: LoanStatus) -> None:
        check_version(row.version, expected_version)
        if LoanStatus(row.status) not in statuses:
            raise ValidationError(
                N_("This loan is {status}: that step is not possible now."),
                status=LoanStatus(row.status).label_id,
            )
