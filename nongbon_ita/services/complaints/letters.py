"""Letters to the complainant: gathered here, typeset by reports/documents/complaint_letters.py.

Letters carry the complainant's identity: complaint officers only, each print an audit event
(field names only) and a timeline entry; the first acknowledgement marks the receipt as given.
Each letter is issued once (services/letters): its first print gives it the date of its event and
the register's next number; reprints carry the same.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from nongbon_ita.db.models import ComplaintActionRow, ComplaintRow, DivisionRow
from nongbon_ita.domain.calendar import RegisterNumber, office_date
from nongbon_ita.domain.complaints.kinds import FINISHED_STATUSES, Outcome, Status
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.workflow import ActionKind
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.letters import LetterDraft, LetterKind, RecordKind
from nongbon_ita.domain.office import SignatureRole
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.reports.documents.complaint_letters import (
    ComplaintLetterFacts,
    render_outcome_letter,
    render_receipt_letter,
)
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.complaints.common import (
    channel_of,
    find_row,
    id_of_register,
    policy_of,
)
from nongbon_ita.services.complaints.queries import identity_of
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.document_parts import signature_block
from nongbon_ita.services.letters.issue import PrintedLetter, issue_letter
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.office_words import office_words_kept

DEFAULT_UNIT = "สำนักปลัด"


class LetterService:
    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self.ctx = ctx
        self.office = office

    def receipt_pdf(self, actor: CurrentUser, register: RegisterNumber,
                    letter_number: str = "") -> bytes:  # fmt: skip
        return self.receipt(actor, register, letter_number).pdf

    def outcome_pdf(self, actor: CurrentUser, register: RegisterNumber,
                    letter_number: str = "") -> bytes:  # fmt: skip
        return self.outcome(actor, register, letter_number).pdf

    def receipt(self, actor: CurrentUser, register: RegisterNumber,
                letter_number: str = "") -> PrintedLetter:  # fmt: skip
        """The acknowledgement, issued (dated and numbered) on its first print."""
        return self._print(actor, register, letter_number, ActionKind.RECEIPT_PRINTED)

    def outcome(self, actor: CurrentUser, register: RegisterNumber,
                letter_number: str = "") -> PrintedLetter:  # fmt: skip
        """The outcome letter, issued (dated and numbered) on its first print."""
        return self._print(actor, register, letter_number, ActionKind.OUTCOME_PRINTED)

    def _print(self, actor: CurrentUser, register: RegisterNumber, letter_number: str,
               kind: ActionKind) -> PrintedLetter:  # fmt: skip
        require(actor, ComplaintOperation.PRINT_LETTERS)
        office = self.office.profile()
        signer = signature_block("", self.office.signer(SignatureRole.EXECUTIVE))
        with self.ctx.transaction() as session:
            row = find_row(session, id_of_register(session, register))
            identity = identity_of(session, row.id)
            referred = row.reference is not None and bool(row.report_to)
            # a referred complaint is answered to the referring body: no identity needed
            if not referred and (row.anonymous or not identity.name):
                raise ValidationError(N_("The complainant is anonymous or their identity was "
                                         "purged: there is nobody to write to."))  # fmt: skip
            status = Status(row.status)
            outcome_letter = kind is ActionKind.OUTCOME_PRINTED
            if outcome_letter and status not in FINISHED_STATUSES | {Status.REJECTED}:
                raise ValidationError(N_("The outcome letter can be printed once the complaint "
                                         "is concluded or rejected."))  # fmt: skip
            conclusion = session.scalar(
                select(ComplaintActionRow.note)
                .where(ComplaintActionRow.complaint_id == row.id,
                       ComplaintActionRow.kind == ActionKind.CONCLUDED.value)
                .order_by(ComplaintActionRow.id.desc()).limit(1)
            )  # fmt: skip
            division = session.get(DivisionRow, row.division_id) if row.division_id else None
            today, policy = office_date(self.ctx.now()), policy_of(session)
            draft = _draft(row, outcome_letter, referred, today, letter_number)
            letter = issue_letter(self.ctx, session, actor, draft)
            facts = ComplaintLetterFacts(
                number=row.number, fiscal_year=row.fiscal_year, public_code=row.public_code,
                received_on=row.received_on, channel_name=channel_of(session, row.channel).name,
                subject=row.subject,
                complainant_name=identity.name, complainant_address=identity.address,
                status=status, outcome=Outcome(row.outcome) if row.outcome else None,
                referred_to=row.referred_to, rejection_reason=row.rejection_reason,
                conclusion=conclusion or "",
                outcome_working_days=policy.outcome_working_days,
                outcome_unit=policy.outcome_unit.thai,
                reference=row.reference if referred and row.reference else "",
                referral_dated=row.referral_dated, report_to=row.report_to,
                due_on=row.due_on, letter_number=thai_digits(letter.number_text),
                dated=letter.issued_on, signer=signer,
                unit=division.name if division else DEFAULT_UNIT,
                footer_text="",  # a letter to a citizen carries no "printed at" line

            )  # fmt: skip
            if kind is ActionKind.RECEIPT_PRINTED and row.acknowledged_on is None:
                row.acknowledged_on = letter.issued_on
            session.add(ComplaintActionRow(complaint_id=row.id, kind=kind.value, user_id=actor.id,
                                           occurred_at=self.ctx.now()))  # fmt: skip
            record_event(self.ctx, session, actor.username, f"complaint.{kind.value}",
                         "complaint", row.id,
                         after={"number": row.register_text, "letter": letter.id,
                                "fields": [] if referred else ["name", "address"]})  # fmt: skip
        # set after the commit: the letter is issued even if the printer or the disk fails, and
        # the write lock is not held while the pages are laid out
        render = render_outcome_letter if outcome_letter else render_receipt_letter
        with office_words_kept(self.ctx):
            pdf = render(facts, office)
        return PrintedLetter(pdf, letter, letter.reference(office.letter_code))


def _draft(row: ComplaintRow, outcome: bool, referred: bool, today: date,
           letter_number: str) -> LetterDraft:  # fmt: skip
    """The letter as the register keeps it: dated by its event — the receipt by the day it was
    acknowledged, the outcome by the day the complainant was informed or the complaint was
    concluded (or rejected) — and addressed, in the register, to the referring body or to
    "the complainant" (a name there would outlive the identity purge)."""
    if outcome:
        kind, event = LetterKind.COMPLAINT_OUTCOME, (row.informed_on or row.concluded_on
                                                     or row.closed_on)  # fmt: skip
    else:
        kind, event = LetterKind.COMPLAINT_RECEIPT, row.acknowledged_on
    return LetterDraft(
        kind=kind, record_kind=RecordKind.COMPLAINT, record_id=row.id,
        record_text=row.register_text, issued_on=event or today,
        addressee=row.report_to if referred else "ผู้ร้องเรียน", subject=kind.thai,
        hand_number=letter_number,
    )  # fmt: skip
