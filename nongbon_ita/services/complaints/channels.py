"""The office's channel list: rename or hide a shipped channel, add its own. Complaints keep the
channel's code, so a rename shows everywhere and a hidden channel keeps its complaints."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintChannelRow
from nongbon_ita.domain.complaints.channels import (
    OFFICE_CODE_PREFIX,
    ChannelInfo,
    check_channel_name,
)
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.common import channels_of
from nongbon_ita.services.context import ServiceContext


def _next_office_code(session: Session) -> str:
    codes = session.scalars(select(ComplaintChannelRow.code)
                            .where(ComplaintChannelRow.code.startswith(OFFICE_CODE_PREFIX)))  # fmt: skip
    numbers = [int(c[len(OFFICE_CODE_PREFIX):]) for c in codes
               if c[len(OFFICE_CODE_PREFIX):].isdigit()]  # fmt: skip
    return f"{OFFICE_CODE_PREFIX}{max(numbers, default=0) + 1}"


class ChannelService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def channels(self, active_only: bool = False) -> list[ChannelInfo]:
        """Channel names are no personal data: whoever sees complaints reads the list."""
        with self.ctx.reading() as session:
            found = channels_of(session)
        return [c for c in found if c.active or not active_only]

    def find(self, text: str) -> ChannelInfo:
        """A channel by its code (`traffy`, `1111`, …) or its name as the list shows it."""
        wanted = " ".join(text.split())
        for channel in self.channels():
            if wanted in (channel.code, channel.name):
                return channel
        raise NotFoundError(N_("There is no channel “{name}”."), name=wanted)

    def add(self, actor: CurrentUser, name: str, referred: bool) -> ChannelInfo:
        require(actor, ComplaintOperation.CONFIGURE)
        with self.ctx.transaction() as session:
            cleaned = check_channel_name(name, channels_of(session))
            code = _next_office_code(session)
            last = session.scalar(select(func.max(ComplaintChannelRow.position)))
            session.add(ComplaintChannelRow(code=code, name=cleaned, referred=referred,
                                            active=True, position=int(last or 0) + 1))  # fmt: skip
            session.flush()
            record_event(self.ctx, session, actor.username, "complaint_channel.added",
                         "complaint_channel", code,
                         after={"name": cleaned, "referred": referred})  # fmt: skip
            return ChannelInfo(code, cleaned, referred, True)

    def update(self, actor: CurrentUser, code: str, name: str, referred: bool,
               active: bool) -> ChannelInfo:  # fmt: skip
        """Rename, hide or show a channel (shipped or the office's); complaints keep it."""
        require(actor, ComplaintOperation.CONFIGURE)
        with self.ctx.transaction() as session:
            every = channels_of(session)
            current = next((c for c in every if c.code == code), None)
            if current is None:
                raise NotFoundError(N_("There is no channel “{name}”."), name=code)
            cleaned = check_channel_name(name, [c for c in every if c.code != code])
            if not active and not any(c.active for c in every if c.code != code):
                raise ValidationError(N_("At least one channel must stay in use."),
                                      field="active")  # fmt: skip
            row = session.get(ComplaintChannelRow, code)
            if row is None:  # a shipped channel edited for the first time
                row = ComplaintChannelRow(code=code, position=0)
                session.add(row)
            row.name, row.referred, row.active = cleaned, referred, active
            session.flush()
            record_event(self.ctx, session, actor.username, "complaint_channel.changed",
                         "complaint_channel", code,
                         before={"name": current.name, "referred": current.referred,
                                 "active": current.active},
                         after={"name": cleaned, "referred": referred,
                                "active": active})  # fmt: skip
            return ChannelInfo(code, cleaned, referred, active)
