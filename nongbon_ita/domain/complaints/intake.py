"""Checks on what the intake form collects, before anything is written."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint
from nongbon_ita.domain.complaints.thai_id import is_valid_thai_id, normalise_id_number
from nongbon_ita.domain.errors import N_, ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SUBJECT_MAX = 500
# clocks of two workstations differ a little; a complaint is never received in the future
_CLOCK_SLACK = timedelta(minutes=10)


def clean_identity(identity: ComplaintIdentity) -> ComplaintIdentity:
    cleaned = ComplaintIdentity(
        **{name: getattr(identity, name).strip() for name in ComplaintIdentity.FIELDS}
    )
    if cleaned.id_number:
        if not is_valid_thai_id(cleaned.id_number):
            raise ValidationError(
                N_("The ID number must be 13 digits with a valid check digit."),
                field="id_number",
            )
        cleaned = replace(cleaned, id_number=normalise_id_number(cleaned.id_number))
    if cleaned.email and not _EMAIL.match(cleaned.email):
        raise ValidationError(N_("The e-mail address does not look right."), field="email")
    return cleaned


def validate_new_complaint(complaint: NewComplaint, now: datetime) -> NewComplaint:
    subject = complaint.subject.strip()
    if not subject:
        raise ValidationError(N_("Enter the subject of the complaint."), field="subject")
    if len(subject) > SUBJECT_MAX:
        raise ValidationError(
            N_("The subject is too long (at most {n} characters)."), field="subject", n=SUBJECT_MAX
        )
    if complaint.received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    if complaint.received_at > now + _CLOCK_SLACK:
        raise ValidationError(
            N_("A complaint cannot be received in the future."), field="received_at"
        )
    identity = clean_identity(complaint.identity)
    if complaint.anonymous:
        # nothing that identifies an anonymous complainant is kept; who is accused still is
        identity = ComplaintIdentity(accused=identity.accused)
    elif not identity.name:
        raise ValidationError(
            N_("Enter the complainant's name, or mark the complaint as anonymous."), field="name"
        )
    return replace(
        complaint,
        subject=subject,
        details=complaint.details.strip(),
        place=complaint.place.strip(),
        identity=identity,
    )
