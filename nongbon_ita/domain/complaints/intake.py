"""Checks on what the intake form collects, before anything is written."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint, Referral
from nongbon_ita.domain.complaints.thai_id import is_valid_thai_id, normalise_id_number
from nongbon_ita.domain.errors import N_, ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SUBJECT_MAX = 500
REFERENCE_MAX = 100
REPORT_TO_MAX = 300
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


def clean_referral(referral: Referral, referred: bool, received_on: date) -> Referral:
    """A referred channel needs the referring body's reference (the office quotes it back);
    other channels carry none."""
    if not referred:
        return Referral()
    reference = " ".join(referral.reference.split())
    report_to = " ".join(referral.report_to.split())
    if not reference:
        raise ValidationError(N_("Enter the referring body's reference number."),
                              field="reference")  # fmt: skip
    if len(reference) > REFERENCE_MAX:
        raise ValidationError(N_("The reference is too long (at most {n} characters)."),
                              field="reference", n=REFERENCE_MAX)  # fmt: skip
    if len(report_to) > REPORT_TO_MAX:
        raise ValidationError(N_("Who to report to is too long (at most {n} characters)."),
                              field="report_to", n=REPORT_TO_MAX)  # fmt: skip
    if referral.dated is not None and referral.dated > received_on:
        raise ValidationError(N_("The referring body's letter cannot be dated after the "
                                 "complaint was received."), field="referral_dated")  # fmt: skip
    if referral.due_on is not None and referral.due_on < (referral.dated or received_on):
        raise ValidationError(N_("The referring body's deadline cannot come before its letter."),
                              field="referral_due_on")  # fmt: skip
    return Referral(reference, referral.dated, referral.due_on, report_to)


def validate_new_complaint(
    complaint: NewComplaint, now: datetime, referred: bool = False
) -> NewComplaint:
    """`referred`: the channel is one through which another body passes complaints on."""
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
    referral = clean_referral(complaint.referral, referred, office_date(complaint.received_at))
    identity = clean_identity(complaint.identity)
    if complaint.anonymous:
        # nothing that identifies an anonymous complainant is kept; who is accused still is
        identity = ComplaintIdentity(accused=identity.accused)
    elif not identity.name and not referred:
        # a referred complaint is answered to the referring body, which knows the complainant
        raise ValidationError(
            N_("Enter the complainant's name, or mark the complaint as anonymous."), field="name"
        )
    return replace(
        complaint,
        subject=subject,
        details=complaint.details.strip(),
        place=complaint.place.strip(),
        identity=identity,
        referral=referral,
    )
