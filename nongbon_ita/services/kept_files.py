"""Files the app keeps beside the database — ITA evidence, the OIT checklist's files and complaint
attachments — with the SHA-256 each had when it was added, and the check that each is still there
and unchanged.

Evidence is what the office shows the assessors (ป.ป.ช.) and attachments are part of a complaint's
file: a file deleted or edited behind the app's back must show up in `nongbon-ita check`, the way a
changed audit event does. An OIT file's digest is the folder it is stored in ("2569/<sha>/name",
evidence_store.store_file), so the stored name itself is the record of what was added. A problem names the evidence file, or only the complaint's register
number for an attachment (its file name may name the complainant).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import ComplaintAttachmentRow, ComplaintRow, EvidenceRow
from nongbon_ita.db.models_ita import OitEvidenceRow, OitItemRow
from nongbon_ita.domain.kept_files import FileProblem, KeptFileIssue, KeptFilesCheck, KeptKind
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.context import ServiceContext


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MB blocks (evidence may be a 50 MB scan)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _problem(path: Path, sha256: str) -> FileProblem | None:
    if not path.is_file():
        return FileProblem.MISSING
    return None if file_sha256(path) == sha256 else FileProblem.CHANGED


def check_kept_files(ctx: ServiceContext) -> KeptFilesCheck:
    """Every kept file against the SHA-256 recorded when it was added."""
    location = ctx.database.location
    with ctx.reading() as session:
        return kept_files_of(session, location.files_dir("evidence"),
                             location.files_dir("complaints"))  # fmt: skip


def kept_files_of(session: Session, evidence_root: Path, attachments_root: Path) -> KeptFilesCheck:
    """The check over any database's session (a backup's too) and its folders."""
    evidence = session.execute(
        select(EvidenceRow.id, EvidenceRow.file_name, EvidenceRow.stored_path,
               EvidenceRow.sha256).where(EvidenceRow.kind == "file")
        .order_by(EvidenceRow.id)
    ).all()  # fmt: skip
    attachments = session.execute(
        select(ComplaintAttachmentRow.id, ComplaintRow.number, ComplaintRow.fiscal_year,
               ComplaintAttachmentRow.stored_path, ComplaintAttachmentRow.sha256)
        .join(ComplaintRow, ComplaintRow.id == ComplaintAttachmentRow.complaint_id)
        .order_by(ComplaintAttachmentRow.id)
    ).all()  # fmt: skip
    issues: list[KeptFileIssue] = []
    for record_id, file_name, stored_path, sha256 in evidence:
        problem = _problem(evidence_root / stored_path, sha256)
        if problem is not None:
            issues.append(KeptFileIssue(KeptKind.EVIDENCE, record_id, file_name, problem))
    for record_id, number, fiscal_year, stored_path, sha256 in attachments:
        problem = _problem(attachments_root / stored_path, sha256)
        if problem is not None:
            issues.append(KeptFileIssue(KeptKind.ATTACHMENT, record_id,
                                        f"{number}/{fiscal_year}", problem))  # fmt: skip
    oit_files = _oit_files(session)
    for record_id, label, stored_path in oit_files:
        problem = _problem(evidence_root / stored_path, _digest_in_name(stored_path))
        if problem is not None:
            issues.append(KeptFileIssue(KeptKind.EVIDENCE, record_id, label, problem))
    return KeptFilesCheck(len(evidence) + len(attachments) + len(oit_files), tuple(issues))


def _oit_files(session: Session) -> list[tuple[int, str, str]]:
    """(row id, "O1 2569: name", stored path) for every file an OIT checklist keeps."""
    rows = session.execute(
        select(OitEvidenceRow.id, OitItemRow.code, OitItemRow.fiscal_year, OitEvidenceRow.files)
        .join(OitItemRow, OitItemRow.id == OitEvidenceRow.item_id)
        .order_by(OitEvidenceRow.id)
    ).all()  # fmt: skip
    return [(row_id, f"{code} {year}: {line.rsplit('/', 1)[-1]}", line)
            for row_id, code, year, files in rows
            for line in files.splitlines() if line.strip()]  # fmt: skip


def _digest_in_name(stored_path: str) -> str:
    """The SHA-256 folder of "<year>/<sha>/<name>" ("" when the name is not of that shape, which
    then reads as changed: the app never stores a file any other way)."""
    parts = stored_path.split("/")
    return parts[1] if len(parts) == 3 else ""


def kept_file_line(issue: KeptFileIssue) -> str:
    """One problem in the UI language; an attachment by its complaint's number only."""
    problem = _(issue.problem.label_id)
    if issue.kind is KeptKind.EVIDENCE:
        return _("Evidence file {name}: {problem}.").format(name=issue.name, problem=problem)
    return _("Attachment {id} of complaint {number}: {problem}.").format(
        id=issue.record_id, number=issue.name, problem=problem)  # fmt: skip
