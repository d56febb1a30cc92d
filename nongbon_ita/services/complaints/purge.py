"""Blanking old identities (PDPA s.37(3)): the identity row is emptied and marked, the complaint
and its statistics stay; on request the same complaints' attachments go too. Audit payloads never held identities, so the hash chain is untouched;
the purge itself is one more audit event (counts only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from nongbon_ita.db.models import (
    ComplaintActionRow,
    ComplaintAttachmentRow,
    ComplaintIdentityRow,
    ComplaintRow,
)
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import ComplaintIdentity
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.kept_files import KeptKind
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.attachments import files_root
from nongbon_ita.services.complaints.common import policy_of
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.orphans import find_orphans, remove_files


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class PurgeOutcome:
    identities: int  # identities blanked (or, in a preview, that would be)
    attachments: int  # attachment files removed (only when asked for)
    cutoff: date  # complaints received before this day


class PurgeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def purge_identities(self, actor: CurrentUser, older_than_years: int | None = None) -> int:
        """Blank the identities of complaints received more than N years ago (N: the setting
        when not given); returns how many were blanked."""
        return self.purge(actor, older_than_years).identities

    def purge(
        self, actor: CurrentUser, older_than_years: int | None = None,
        with_attachments: bool = False,
    ) -> PurgeOutcome:  # fmt: skip
        """Blank old identities and, when asked, remove the same complaints' attachments (a
        complainant's letter names them); one transaction, then the files, then a scrub so
        nothing erased stays readable on disk."""
        require(actor, ComplaintOperation.PURGE)
        with self.ctx.transaction() as session:
            years, cutoff = self._cutoff(session, older_than_years)
            identities = self._blank_identities(session, actor, cutoff)
            files = self._drop_attachments(session, actor, cutoff) if with_attachments else []
            session.flush()
            record_event(self.ctx, session, actor.username, "complaints.identities_purged",
                         "complaint_identity", "",
                         after={"older_than_years": years, "cutoff": cutoff.isoformat(),
                                "count": identities, "attachments": len(files)})  # fmt: skip
        for path in files:  # after the commit: a refused purge keeps every file
            path.unlink(missing_ok=True)
        if with_attachments:  # and whatever an earlier purge, killed before this step, left
            remove_files(find_orphans(self.ctx, (KeptKind.ATTACHMENT,)))
        if identities or files:
            self.ctx.database.scrub()  # the blanked values must not stay in free pages or the WAL
        return PurgeOutcome(identities, len(files), cutoff)

    def preview(self, actor: CurrentUser, older_than_years: int | None = None) -> PurgeOutcome:
        """What `purge` would blank and (with attachments) remove now; changes nothing."""
        require(actor, ComplaintOperation.PURGE)
        with self.ctx.reading() as session:
            _years, cutoff = self._cutoff(session, older_than_years)
            old = ComplaintRow.received_on < cutoff
            identities = session.scalar(
                select(func.count()).select_from(ComplaintIdentityRow)
                .join(ComplaintRow, ComplaintRow.id == ComplaintIdentityRow.complaint_id)
                .where(old, ComplaintIdentityRow.purged_at.is_(None)))  # fmt: skip
            attachments = session.scalar(
                select(func.count()).select_from(ComplaintAttachmentRow)
                .join(ComplaintRow, ComplaintRow.id == ComplaintAttachmentRow.complaint_id)
                .where(old))  # fmt: skip
        return PurgeOutcome(identities or 0, attachments or 0, cutoff)

    def _cutoff(self, session: Session, older_than_years: int | None) -> tuple[int, date]:
        # 0 is refused below, not taken for "the setting" (it used to mean 10 years)
        if older_than_years is None:
            years = policy_of(session).identity_retention_years
        else:
            years = older_than_years
        if not 1 <= years <= 100:
            raise ValidationError(N_("Give a number of years from 1 to 100."), field="years")
        return years, years_before(office_date(self.ctx.now()), years)

    def _blank_identities(self, session: Session, actor: CurrentUser, cutoff: date) -> int:
        query = (select(ComplaintIdentityRow)
                 .join(ComplaintRow, ComplaintRow.id == ComplaintIdentityRow.complaint_id)
                 .where(ComplaintRow.received_on < cutoff,
                        ComplaintIdentityRow.purged_at.is_(None)))  # fmt: skip
        count = 0
        for identity in session.scalars(query):
            for name in ComplaintIdentity.FIELDS:
                setattr(identity, name, "")
            identity.purged_at = self.ctx.now()
            self._timeline(session, actor, identity.complaint_id, ActionKind.IDENTITY_PURGED)
            count += 1
        return count

    def _drop_attachments(self, session: Session, actor: CurrentUser, cutoff: date) -> list[Path]:
        """Delete the attachment records of complaints received before `cutoff`; returns the
        files to remove once the transaction has committed."""
        query = (select(ComplaintAttachmentRow)
                 .join(ComplaintRow, ComplaintRow.id == ComplaintAttachmentRow.complaint_id)
                 .where(ComplaintRow.received_on < cutoff))  # fmt: skip
        rows = list(session.scalars(query))
        root = files_root(self.ctx)
        complaint_ids = sorted({row.complaint_id for row in rows})
        # the timeline's "attachment added" entries carry the file's name (it may name someone)
        session.execute(update(ComplaintActionRow)
                        .where(ComplaintActionRow.complaint_id.in_(complaint_ids),
                               ComplaintActionRow.kind == ActionKind.ATTACHMENT.value)
                        .values(note=""))  # fmt: skip
        for complaint_id in complaint_ids:
            self._timeline(session, actor, complaint_id, ActionKind.ATTACHMENTS_REMOVED)
        for row in rows:
            session.delete(row)
        return [root / row.stored_path for row in rows]

    def _timeline(
        self, session: Session, actor: CurrentUser, complaint_id: int, kind: ActionKind
    ) -> None:
        session.add(ComplaintActionRow(complaint_id=complaint_id, kind=kind.value,
                                       user_id=actor.id, occurred_at=self.ctx.now()))  # fmt: skip
