"""Kept files with no record: what a kill leaves between a file write and its commit.

Every writer orders the two so a crash leaves either both or a file alone — the intake copies a
letter, then commits its record; the purge commits, then deletes the files — never a record
without its file. `check` names such files (an attachment by its complaint's folder only: the
file name may name the complainant) and `check --repair` (an admin) removes them. A file younger
than ten minutes is left alone: it may belong to a save still under way in another window.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from nongbon_ita.db.models import ComplaintAttachmentRow, EvidenceRow
from nongbon_ita.domain.kept_files import KeptKind
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.ita.oit import kept_oit_files

GRACE_SECONDS = 600


@dataclass(frozen=True)
class OrphanFile:
    kind: KeptKind
    path: Path
    label: str  # what a report may show: an evidence file's path, a complaint's folder
    root: Path  # the kind's folder: emptied folders are removed up to it, never beyond


def _roots(ctx: ServiceContext) -> dict[KeptKind, Path]:
    location = ctx.database.location
    return {
        KeptKind.EVIDENCE: location.files_dir("evidence"),
        KeptKind.ATTACHMENT: location.files_dir("complaints"),
    }


def _referenced(ctx: ServiceContext) -> dict[KeptKind, set[str]]:
    with ctx.reading() as session:
        evidence = session.scalars(
            select(EvidenceRow.stored_path).where(EvidenceRow.kind == "file")
        )
        attached = session.scalars(select(ComplaintAttachmentRow.stored_path))
        kept = set(evidence) | kept_oit_files(session)  # the OIT checklist keeps files too
        return {KeptKind.EVIDENCE: kept, KeptKind.ATTACHMENT: set(attached)}


def find_orphans(
    ctx: ServiceContext, kinds: tuple[KeptKind, ...] = tuple(KeptKind)
) -> list[OrphanFile]:
    """Files under the kept-files folders that no record refers to (older than the grace)."""
    referenced, found = _referenced(ctx), []
    settled = time.time() - GRACE_SECONDS
    for kind, root in _roots(ctx).items():
        if kind not in kinds or not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(root).as_posix()
            if relative in referenced[kind] or path.stat().st_mtime > settled:
                continue
            label = relative if kind is KeptKind.EVIDENCE else path.parent.relative_to(root)
            found.append(OrphanFile(kind, path, str(label), root))
    return found


def remove_files(orphans: list[OrphanFile]) -> int:
    """Delete the files and the folders they leave empty; returns how many files went."""
    removed = 0
    for orphan in orphans:
        orphan.path.unlink(missing_ok=True)
        removed += 1
        folder = orphan.path.parent
        while folder != orphan.root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return removed


def repair(ctx: ServiceContext, user: CurrentUser) -> int:
    """`check --repair`: an admin removes the files no record refers to (audited, counts only)."""
    require(user, Operation.RESTORE)
    orphans = find_orphans(ctx)
    if not orphans:
        return 0
    with ctx.transaction() as session:  # recorded first: a kill after it leaves only files
        record_event(ctx, session, user.username, "files.orphans_removed", "kept_file", "",
                     after={"evidence": sum(o.kind is KeptKind.EVIDENCE for o in orphans),
                            "attachments": sum(o.kind is KeptKind.ATTACHMENT for o in orphans)})  # fmt: skip
    return remove_files(orphans)
