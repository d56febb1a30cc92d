"""Loan documents: gather the records and the office's signers, hand them to reports/."""

from __future__ import annotations

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.letters import LetterDraft, LetterKind, RecordKind
from nongbon_ita.domain.loans import Loan, LoanOperation
from nongbon_ita.domain.office import Official, SignatureBlock, SignatureRole
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.services.document_parts import printed_at, signature_block
from nongbon_ita.services.letters.issue import PrintedLetter, issue_letter, latest_issued
from nongbon_ita.services.loans.register import LoanRegisterOps, RegisterQuery
from nongbon_ita.services.loans.repository import load_loan
from nongbon_ita.services.office_words import office_words_kept


def _acting(name: str, official: Official | None, fallback_position: str) -> SignatureBlock:
    """The person who did a step, with the official's position when it is the same person."""
    if not name:
        return signature_block("", official)
    same = official is not None and official.full_name == name
    return SignatureBlock("", name, official.position if same and official else fallback_position)


def _words_of(loan: Loan) -> list[str]:
    """The names one loan's documents print (borrower, places, items): kept whole without
    reading every loan and asset of the office for each form (issue 12: print under load)."""
    b = loan.borrower
    return [b.name, b.position, b.organization, loan.place_of_use,
            *(item.name for item in loan.items)]  # fmt: skip


class LoanDocuments(LoanRegisterOps):
    def _footer(self, what: str) -> str:
        return f"{what} · {printed_at(self.ctx)}"

    def _printable(self, actor: CurrentUser, loan_id: int) -> Loan:
        require(actor, LoanOperation.PRINT)
        with self.ctx.reading() as session:
            return load_loan(session, loan_id)

    def loan_form_pdf(self, actor: CurrentUser, loan_id: int) -> bytes:
        """ใบยืมพัสดุ, pre-filled with what is known so far (names, boxes, dates)."""
        from nongbon_ita.reports.documents.loan_form import LoanFormSigners, render_loan_form

        loan = self._printable(actor, loan_id)
        supply = self.office.signer(SignatureRole.SUPPLY_OFFICER)
        approver = self.office.signer(SignatureRole.APPROVER)
        b = loan.borrower
        handed = next((i.handed_out_by for i in loan.items if i.handed_out_by), "")
        received = next((r.received_by for i in loan.items for r in i.returns if r.received_by), "")
        signers = LoanFormSigners(
            borrower=SignatureBlock("ผู้ยืม", b.name, b.position or b.organization),
            borrower_head=signature_block("", None),
            supply_officer=signature_block("", supply),
            approver=(SignatureBlock("", loan.approver, loan.approver_position)
                      if loan.approver else signature_block("", approver)),
            handed_out_by=_acting(handed, supply, "เจ้าหน้าที่พัสดุ"),
            received_by=_acting(received, supply, "เจ้าหน้าที่พัสดุ"),
        )  # fmt: skip
        number = thai_digits(loan.number_text) or "ร่าง"
        with office_words_kept(self.ctx, records=False, also=_words_of(loan)):
            return render_loan_form(loan, self.office.profile(), signers,
                                    self._footer(f"ใบยืมพัสดุ เลขที่ {number}"))  # fmt: skip

    def overdue_memo_pdf(self, actor: CurrentUser, loan_id: int) -> bytes:
        return self.overdue_memo(actor, loan_id).pdf

    def overdue_memo(self, actor: CurrentUser, loan_id: int, *, new: bool = False,
                     letter_number: str = "") -> PrintedLetter:  # fmt: skip
        """บันทึกข้อความ ติดตามทวงพัสดุ, signed by the approver: the loan's memo as issued (its
        date and number from the register of outgoing letters; a reprint is the same memo), or
        with `new` (the next follow-up) a memo issued today."""
        from nongbon_ita.reports.documents.overdue_memo import render_overdue_memo

        require(actor, LoanOperation.PRINT)
        today = self.today()
        with self.ctx.transaction() as session:
            loan = load_loan(session, loan_id)
            issued = None if new else latest_issued(session, LetterKind.OVERDUE_MEMO,
                                                    RecordKind.LOAN, loan.id)  # fmt: skip
            if issued is None and not loan.is_overdue(today):
                raise ValidationError(N_("Loan {number} is not overdue."), field="loan",
                                      number=loan.number_text)  # fmt: skip
            draft = LetterDraft(
                kind=LetterKind.OVERDUE_MEMO, record_kind=RecordKind.LOAN, record_id=loan.id,
                record_text=loan.number_text, issued_on=today, addressee=loan.borrower.name,
                subject=LetterKind.OVERDUE_MEMO.thai, hand_number=letter_number,
            )  # fmt: skip
            letter = issue_letter(self.ctx, session, actor, draft, new=new)
        office = self.office.profile()
        reference = letter.reference(office.letter_code)
        signer = signature_block("", self.office.signer(SignatureRole.APPROVER))
        footer = self._footer(f"ติดตามทวงพัสดุ ใบยืมเลขที่ {thai_digits(loan.number_text)}")
        with office_words_kept(self.ctx, records=False, also=_words_of(loan)):
            pdf = render_overdue_memo(loan, office, letter.issued_on, thai_digits(reference),
                                      signer, footer)  # fmt: skip
        return PrintedLetter(pdf, letter, reference)

    def register_pdf(self, actor: CurrentUser, query: RegisterQuery) -> bytes:
        """The loan control register, landscape, with the finance division's review block."""
        from nongbon_ita.reports.documents.loan_register import render_loan_register

        require(actor, LoanOperation.PRINT)
        register = self.register(actor, query)
        director = signature_block("", self.office.signer(SignatureRole.FINANCE_DIRECTOR))
        footer = self._footer(f"ทะเบียนคุมการยืมพัสดุ ปีงบประมาณ {thai_digits(query.fiscal_year)}")
        from nongbon_ita.reports.thai import draft_while

        running = self.today() <= register.period.end  # its figures will still change
        with office_words_kept(self.ctx), draft_while(running):
            return render_loan_register(register, self.office.profile(), director, footer)

    def register_xlsx(self, actor: CurrentUser, query: RegisterQuery) -> bytes:
        from nongbon_ita.services.loans.export import register_workbook

        require(actor, LoanOperation.PRINT)
        return register_workbook(self.register(actor, query), self.office.profile().name)
