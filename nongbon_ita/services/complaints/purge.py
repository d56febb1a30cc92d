"""Blanking old identities (PDPA s.37(3)): the identity row is emptied and marked, the complaint
and its statistics stay. Audit payloads never held identities, so the hash chain is untouched;
the purge itself is one more audit event (counts only)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from nongbon_ita.db.models import ComplaintActionRow, ComplaintIdentityRow, ComplaintRow
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import ComplaintIdentity
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.common import policy_of
from nongbon_ita.services.context import ServiceContext


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class PurgeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def purge_identities(self, actor: CurrentUser, older_than_years: int | None = None) -> int:
        """Blank the identities of complaints received more than N years ago (N: the setting
        when not given); returns how many were blanked."""
        require(actor, ComplaintOperation.PURGE)
        with self.ctx.transaction() as session:
            years = older_than_years or policy_of(session).identity_retention_years
            if not 1 <= years <= 100:
                raise ValidationError(N_("Give a number of years from 1 to 100."), field="years")
            cutoff = years_before(office_date(self.ctx.now()), years)
            query = (select(ComplaintIdentityRow)
                     .join(ComplaintRow, ComplaintRow.id == ComplaintIdentityRow.complaint_id)
                     .where(ComplaintRow.received_on < cutoff,
                            ComplaintIdentityRow.purged_at.is_(None)))  # fmt: skip
            count = 0
            for identity in session.scalars(query):
                for name in ComplaintIdentity.FIELDS:
                    setattr(identity, name, "")
                identity.purged_at = self.ctx.now()
                session.add(ComplaintActionRow(complaint_id=identity.complaint_id,
                                               kind=ActionKind.IDENTITY_PURGED.value,
                                               user_id=actor.id, occurred_at=self.ctx.now()))  # fmt: skip
                count += 1
            session.flush()
            record_event(self.ctx, session, actor.username, "complaints.identities_purged",
                         "complaint_identity", "",
                         after={"older_than_years": years, "cutoff": cutoff.isoformat(),
                                "count": count})  # fmt: skip
        if count:
            self.ctx.database.scrub()  # the blanked values must not stay in free pages or the WAL
        return count
