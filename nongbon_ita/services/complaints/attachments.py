"""Attachment files: copied into the app's data folder with their SHA-256, opened from the app.

The folder sits beside the database file (`<db>.files/complaints/…`), so a backup of the folder
goes with the file; an in-memory or server database uses the user's data folder.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintActionRow, ComplaintAttachmentRow, ComplaintRow
from nongbon_ita.db.private_files import make_private, private_mkdir
from nongbon_ita.domain.complaints.kinds import Category
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.records import Attachment
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.errors import N_, NotFoundError, PermissionDenied, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.common import find_row, may_see_identity
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.kept_files import file_sha256

MAX_BYTES = 50 * 1024 * 1024
_UNSAFE = re.compile(r"[^\w.\-ก-๙]+")


def files_root(ctx: ServiceContext) -> Path:
    return ctx.database.location.files_dir("complaints")


def attachment_of(row: ComplaintAttachmentRow) -> Attachment:
    return Attachment(row.id, row.file_name, row.sha256, row.size, row.added_at)


def _check_source(source: Path) -> None:
    if not source.is_file():
        raise NotFoundError(N_("The file {path} does not exist."), path=source.name)
    if source.stat().st_size > MAX_BYTES:
        raise ValidationError(
            N_("The file {name} is larger than 50 MB."), field="attachment", name=source.name
        )


def store_files(
    ctx: ServiceContext, session: Session, row: ComplaintRow, sources: list[Path], user_id: int
) -> list[Path]:
    """Copy `sources` in and record them (inside the caller's transaction); returns the copies
    so the caller can remove them if the transaction fails."""
    for source in sources:
        _check_source(source)
    root = files_root(ctx)
    written: list[Path] = []
    for source in sources:
        digest = file_sha256(source)
        relative = Path(str(row.fiscal_year), str(row.number),
                        f"{digest[:12]}-{_UNSAFE.sub('_', source.name)}")  # fmt: skip
        target = root / relative
        private_mkdir(target.parent)  # a complainant's letter: the owner's alone (PDPA)
        if not target.exists():
            shutil.copyfile(source, target)
            make_private(target)
            written.append(target)
        session.add(
            ComplaintAttachmentRow(
                complaint_id=row.id, file_name=source.name, sha256=digest,
                stored_path=relative.as_posix(), size=source.stat().st_size, added_by=user_id,
                added_at=ctx.now(),
            )
        )  # fmt: skip
        session.add(ComplaintActionRow(complaint_id=row.id, kind=ActionKind.ATTACHMENT.value,
                                       note=source.name, user_id=user_id,
                                       occurred_at=ctx.now()))  # fmt: skip
    return written


def remove_quietly(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


class AttachmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def add(self, actor: CurrentUser, complaint_id: int, sources: list[Path]) -> list[Attachment]:
        require(actor, ComplaintOperation.HANDLE)
        written: list[Path] = []
        try:
            with self.ctx.transaction() as session:
                row = find_row(session, complaint_id)
                written = store_files(self.ctx, session, row, [Path(s) for s in sources], actor.id)
                session.flush()
                record_event(self.ctx, session, actor.username, "complaint.attachment_added",
                             "complaint", row.id, after={"files": len(sources)})  # fmt: skip
                rows = session.scalars(select(ComplaintAttachmentRow)
                                       .where(ComplaintAttachmentRow.complaint_id == row.id)
                                       .order_by(ComplaintAttachmentRow.id))  # fmt: skip
                return [attachment_of(r) for r in rows]
        except BaseException:
            remove_quietly(written)
            raise

    def path_of(self, actor: CurrentUser, attachment_id: int) -> Path:
        """The stored file, after checking the user may see it and that it is unchanged."""
        require(actor, ComplaintOperation.VIEW)
        with self.ctx.reading() as session:
            row = session.get(ComplaintAttachmentRow, attachment_id)
            if row is None:
                raise NotFoundError(N_("No such attachment."))
            complaint = find_row(session, row.complaint_id)
            if not may_see_identity(actor, Category(complaint.category).track):
                raise PermissionDenied(N_("Only a complaint officer may open this attachment."))
            path = files_root(self.ctx) / row.stored_path
            digest = row.sha256
        if not path.is_file():
            raise NotFoundError(N_("The attached file is missing from the data folder."))
        if file_sha256(path) != digest:
            raise ValidationError(N_("The attached file was changed after it was stored."))
        return path
