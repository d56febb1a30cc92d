"""Importing a referred channel's export (Traffy Fondue, 1111, …) as complaints.

The file is read by the asset import's reader (CSV in UTF-8 or TIS-620, the first sheet of an
XLSX) and mapped the same way; every row is checked before anything is written, and a file with
any bad row writes nothing. A reference already registered on the channel is skipped, so
importing the same export again (or a longer one later) adds only what is new.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintRow
from nongbon_ita.domain.assets.import_mapping import ImportTable, RowError
from nongbon_ita.domain.assets.import_mapping import check_mapping as missing_fields
from nongbon_ita.domain.complaints.channels import ChannelInfo
from nongbon_ita.domain.complaints.import_mapping import (
    IMPORT_FIELDS,
    KNOWN,
    MAPPING_PREFIX,
    REQUIRED_FIELDS,
    ImportedComplaint,
    parse_complaint_row,
)
from nongbon_ita.domain.complaints.kinds import Category
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import NewComplaint, Referral
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.assets.files import SUFFIXES, read_table
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.common import calendar_of, policy_of
from nongbon_ita.services.complaints.intake import (
    IntakeService,
    check_channel,
    lock_references,
)
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.import_mapping import (
    refuse_if_any,
    remember_mapping,
    remembered_mapping,
    unmapped_errors,
)

_FIELD_OF_COMPLAINT = {"subject": "subject", "received_at": "received_at",
                       "reference": "reference", "referral_dated": "received_at"}  # fmt: skip


@dataclass(frozen=True)
class ComplaintImportPreview:
    new: list[NewComplaint]
    skipped: list[str]  # references already registered on the channel
    errors: list[RowError]
    unmapped: list[str]  # headers that feed no field

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    created: int
    skipped: int
    unmapped: list[str]


def read_complaint_table(path: Path | str) -> ImportTable:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError(N_("Complaints are imported from .csv or .xlsx files, not “{name}”."),
                              field="file", name=path.name)  # fmt: skip
    return read_table(path)


def _new_complaint(item: ImportedComplaint, channel: ChannelInfo) -> NewComplaint:
    """Traffy and 1111 exports name no complainant: the outcome goes back through the channel."""
    return NewComplaint(
        received_at=item.received_at, channel=channel.code, category=Category.GENERAL,
        subject=item.subject, details=item.details, place=item.place, anonymous=True,
        referral=Referral(item.reference, item.received_at.date(), None, channel.name),
    )  # fmt: skip


class ComplaintImportService:
    def __init__(self, ctx: ServiceContext, intake: IntakeService) -> None:
        self.ctx = ctx
        self.intake = intake

    def suggest_mapping(self, headers: list[str]) -> dict[str, str]:
        """The mapping last used for these headers, else the automatic one."""
        with self.ctx.reading() as session:
            return remembered_mapping(session, headers, IMPORT_FIELDS, KNOWN, MAPPING_PREFIX)

    def preview(self, table: ImportTable, channel_code: str,
                mapping: dict[str, str]) -> ComplaintImportPreview:  # fmt: skip
        with self.ctx.reading() as session:
            return self._check(session, table, check_channel(session, channel_code), mapping)

    def _check(self, session: Session, table: ImportTable, channel: ChannelInfo,
               mapping: dict[str, str]) -> ComplaintImportPreview:  # fmt: skip
        if not channel.referred:
            raise ValidationError(N_("Only a referred channel's export can be imported (e.g. "
                                     "Traffy Fondue, 1111)."), field="channel")  # fmt: skip
        mapping = {h: f for h, f in mapping.items() if f in IMPORT_FIELDS and h in table.headers}
        unmapped = [h for h in table.headers if h not in mapping]
        missing = missing_fields(mapping, REQUIRED_FIELDS)
        if missing:
            return ComplaintImportPreview([], [], unmapped_errors(missing, IMPORT_FIELDS), unmapped)
        column_of = {f: h for h, f in mapping.items()}
        taken = set(session.scalars(select(ComplaintRow.reference)
                                    .where(ComplaintRow.channel == channel.code)))  # fmt: skip
        seen: dict[str, int] = {}
        new: list[NewComplaint] = []
        skipped: list[str] = []
        errors: list[RowError] = []
        for line, raw in enumerate(table.rows, start=2):
            parsed = parse_complaint_row(line, raw, mapping)
            if isinstance(parsed, list):
                errors.extend(parsed)
                continue
            if parsed.reference in seen:
                errors.append(RowError(line, column_of["reference"],
                                       N_("The reference {reference} is also on row {other}."),
                                       {"reference": parsed.reference,
                                        "other": seen[parsed.reference]}))  # fmt: skip
                continue
            seen[parsed.reference] = line
            if parsed.reference in taken:
                skipped.append(parsed.reference)
                continue
            try:
                cleaned, _channel = self.intake.checked(session, _new_complaint(parsed, channel))
            except ValidationError as refused:
                column = column_of.get(_FIELD_OF_COMPLAINT.get(refused.field or "", ""), "")
                errors.append(RowError(line, column, refused.message_id, refused.params))
                continue
            new.append(cleaned)
        return ComplaintImportPreview(new, skipped, errors, unmapped)

    def import_table(self, actor: CurrentUser, table: ImportTable, channel_code: str,
                     mapping: dict[str, str]) -> ImportResult:  # fmt: skip
        """Register every new row or none (in the order they were received, so register numbers
        follow time); remembers the mapping for these headers."""
        require(actor, ComplaintOperation.RECEIVE)
        with self.ctx.transaction() as session:
            lock_references(session, channel_code)
            channel = check_channel(session, channel_code)
            preview = self._check(session, table, channel, mapping)
            refuse_if_any(preview.errors)
            calendar, policy = calendar_of(session), policy_of(session)
            for complaint in sorted(preview.new, key=lambda c: c.received_at):
                self.intake.register(session, actor, complaint, channel, calendar, policy)
            remember_mapping(session, table.headers,
                             {h: f for h, f in mapping.items() if f in IMPORT_FIELDS},
                             MAPPING_PREFIX)  # fmt: skip
            session.flush()
            # counts only: the rows' texts may name people
            record_event(self.ctx, session, actor.username, "complaints.imported", "complaint",
                         "", after={"file": table.name, "channel": channel.code,
                                    "created": len(preview.new),
                                    "skipped": len(preview.skipped)})  # fmt: skip
            return ImportResult(len(preview.new), len(preview.skipped), preview.unmapped)

    def import_file(self, actor: CurrentUser, path: Path | str, channel_code: str,
                    columns: dict[str, str] | None = None) -> ImportResult:  # fmt: skip
        """The CLI's import: the remembered or automatic mapping, with `columns` (field →
        header) placed by hand on top."""
        require(actor, ComplaintOperation.RECEIVE)
        table = read_complaint_table(path)
        mapping = self.suggest_mapping(table.headers)
        for field_name, header in (columns or {}).items():
            if field_name not in IMPORT_FIELDS or header not in table.headers:
                raise ValidationError(N_("“{text}” names no field and column of this file."),
                                      field="map", text=f"{field_name}={header}")  # fmt: skip
            mapping = {h: f for h, f in mapping.items() if f != field_name and h != header}
            mapping[header] = field_name
        return self.import_table(actor, table, channel_code, mapping)
