"""Importing complaints another channel collected: a Traffy Fondue export, the 1111 line's, or
any table with a reference, a date and the text. Columns are mapped as in the asset import
(domain/assets/import_mapping.py: Thai and the channels' own headers placed automatically, the
rest by hand, remembered per set of headers); rows are parsed here, purely.

Traffy Fondue's public export names no complainant (the outcome goes back through the channel),
so imported complaints carry no identity: they are registered as anonymous, referred ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from nongbon_ita.domain.assets.import_mapping import (
    RowError,
    known_headers,
    mapped_values,
    parse_import_date,
)
from nongbon_ita.domain.calendar import OFFICE_ZONE, thai_to_arabic_digits
from nongbon_ita.domain.complaints.intake import SUBJECT_MAX
from nongbon_ita.domain.errors import N_

MAPPING_PREFIX = "complaints.import_mapping."

# field → message id of its name, in the order a mapping lists them
IMPORT_FIELDS: dict[str, str] = {
    "reference": N_("Reference number"),
    "received_at": N_("Date received"),
    "details": N_("Details"),
    "subject": N_("Subject"),
    "problem_type": N_("Type of problem"),
    "place": N_("Place"),
}
REQUIRED_FIELDS = ("reference", "received_at", "details")

_ALIASES: dict[str, str] = {
    **{name: name for name in IMPORT_FIELDS},
    # Traffy Fondue's export
    "ticket_id": "reference", "timestamp": "received_at", "comment": "details",
    "type": "problem_type", "address": "place",
    # the 1111 line's export and hand-made tables
    "เลขที่เรื่อง": "reference", "เลขเรื่อง": "reference", "เลขที่รับเรื่อง": "reference",
    "เลขที่อ้างอิง": "reference", "เลขอ้างอิง": "reference", "รหัสเรื่อง": "reference",
    "วันที่รับเรื่อง": "received_at", "วันที่ร้องเรียน": "received_at", "วันที่": "received_at",
    "วันเวลาที่ร้องเรียน": "received_at",
    "รายละเอียด": "details", "รายละเอียดเรื่อง": "details", "ข้อความ": "details",
    "รายละเอียดการร้องเรียน": "details",
    "เรื่อง": "subject", "หัวเรื่อง": "subject", "ชื่อเรื่อง": "subject",
    "ประเภท": "problem_type", "ประเภทเรื่อง": "problem_type", "ประเภทปัญหา": "problem_type",
    "สถานที่": "place", "สถานที่เกิดเหตุ": "place", "ที่อยู่": "place",
}  # fmt: skip
KNOWN = known_headers(_ALIASES)
_SUBJECT_FROM_DETAILS = 80  # characters of the text that name a complaint with no subject


@dataclass(frozen=True)
class ImportedComplaint:
    row: int
    reference: str
    received_at: datetime  # timezone-aware
    subject: str
    details: str
    place: str


def parse_received(text: str) -> datetime:
    """Traffy's '2026-11-02 08:14:55.1+07', an ISO date-time, or '02/11/2569 08:14' (B.E.);
    a time without a zone is Thai time. ValueError when it is none of these."""
    text = thai_to_arabic_digits(text.strip())
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        day_text, _space, clock = text.partition(" ")
        day = parse_import_date(day_text)
        at = time.fromisoformat(clock) if clock else time(0, 0)
        moment = datetime.combine(day, at)
    if moment.year > 2400:  # an ISO date written in B.E.
        moment = moment.replace(year=moment.year - 543)
    return moment if moment.tzinfo else moment.replace(tzinfo=OFFICE_ZONE)


def problem_types(text: str) -> str:
    """Traffy writes its categories as '{ถนน,ไฟฟ้า}': 'ถนน, ไฟฟ้า'."""
    parts = [p.strip() for p in text.strip().strip("{}").split(",")]
    return ", ".join(p for p in parts if p)


def subject_of(values: dict[str, str]) -> str:
    """The subject column, else the problem types and the start of the text."""
    if values.get("subject"):
        return values["subject"][:SUBJECT_MAX]
    details = values.get("details", "")
    start = details[:_SUBJECT_FROM_DETAILS] + ("…" if len(details) > _SUBJECT_FROM_DETAILS else "")
    kinds = problem_types(values.get("problem_type", ""))
    return (f"{kinds}: {start}" if kinds else start)[:SUBJECT_MAX]


def parse_complaint_row(
    line: int, raw: dict[str, str | None], mapping: dict[str, str]
) -> ImportedComplaint | list[RowError]:
    """One data row: the complaint it describes, or what is wrong with it."""
    values, column_of = mapped_values(raw, mapping)
    errors = [RowError(line, column_of.get(name, ""), N_("This cell is empty."))
              for name in REQUIRED_FIELDS if not values.get(name)]  # fmt: skip
    received = None
    if values.get("received_at"):
        try:
            received = parse_received(values["received_at"])
        except ValueError:
            errors.append(RowError(line, column_of["received_at"],
                                   N_("“{text}” is not a date like 15/01/2567 or "
                                      "2026-11-02 08:14."),
                                   {"text": values["received_at"]}))  # fmt: skip
    if errors or received is None:
        return errors
    return ImportedComplaint(line, values["reference"], received, subject_of(values),
                             values["details"], values.get("place", ""))  # fmt: skip
