"""The OIT checklist for ITAS: per item of a year, the web addresses the office publishes (ITAS
asks for them item by item), the files kept for it, who prepares it, by when, and how far it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from nongbon_ita.domain.errors import N_, ValidationError

KEPT_PREFIX = "kept:"  # a link to one of the office's kept files: "kept:<stored name>"
MAX_URL = 1000
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


class OitStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PUBLISHED = "published"

    @property
    def thai(self) -> str:
        return _THAI[self]


_THAI = {OitStatus.NOT_STARTED: "ยังไม่เริ่ม", OitStatus.IN_PROGRESS: "กำลังจัดทำ",
         OitStatus.PUBLISHED: "เผยแพร่แล้ว"}  # fmt: skip


def parse_status(text: str) -> OitStatus:
    """ "published", "in-progress" or the Thai words → the status."""
    cleaned = text.strip().casefold().replace("-", "_").replace(" ", "_")
    for status in OitStatus:
        if cleaned in (status.value, status.thai):
            return status
    raise ValidationError(
        N_("The status must be one of {choices}, not “{value}”."), field="status",
        choices=", ".join(f"{s.value} ({s.thai})" for s in OitStatus), value=text,
    )  # fmt: skip


def check_url(text: str, kept: tuple[str, ...] = ()) -> str:
    """An http(s) address without spaces, or "kept:NAME" for one of `kept` (the item's files)."""
    url = text.strip()
    if url.startswith(KEPT_PREFIX) and url[len(KEPT_PREFIX) :] in kept:
        return url
    if len(url) > MAX_URL or not _URL.match(url):
        raise ValidationError(
            N_("“{value}” is not a web address: write it as https://… (or http://…) without "
               "spaces."), field="url", value=text[:80],
        )  # fmt: skip
    return url


@dataclass(frozen=True)
class OitEntry:
    """One row of the checklist: the catalogue's item and what the office keeps for it."""

    item_id: int
    code: str
    name: str
    urls: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    status: OitStatus = OitStatus.NOT_STARTED
    responsible_user_id: int | None = None
    responsible: str = ""
    due_on: date | None = None
    version: int = 0

    @property
    def missing(self) -> bool:
        """Not ready for ITAS: no address to give, or not published yet."""
        return not self.urls or self.status is not OitStatus.PUBLISHED

    def overdue(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today and self.missing
