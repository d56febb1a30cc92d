"""The register of outgoing letters (ทะเบียนหนังสือส่ง): its entries of a fiscal year as a PDF or
an XLSX, and the office's choice of numbering (by the register, or by hand).

The register names no complainant (a letter to one is "ผู้ร้องเรียน": the identity purge must not
leave names behind), so whoever prints loan documents or complaint letters may read it.
"""

from __future__ import annotations

from sqlalchemy import select

from nongbon_ita.db.models import OutgoingLetterRow
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.letters import LetterOperation, NumberingMode, OutgoingLetter
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.reports.xlsx import Column, Kind, XlsxBook
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.document_parts import check_fiscal_year, printed_at
from nongbon_ita.services.letters.issue import NUMBERING, letter_of, numbering_mode
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.settings_store import put_setting

COLUMNS = (
    Column("เลขทะเบียนส่ง", 12, Kind.NUMBER), Column("ที่", 20), Column("ลงวันที่", 12, Kind.DATE),
    Column("ถึง", 30, wrap=True), Column("เรื่อง", 36, wrap=True), Column("อ้างถึง", 16),
    Column("เลขที่", 12),
)  # fmt: skip


class OutgoingLetterService:
    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self.ctx = ctx
        self.office = office

    def letters(self, actor: CurrentUser, fiscal_year: int) -> list[OutgoingLetter]:
        """The year's letters in the order they were issued."""
        require(actor, LetterOperation.VIEW_REGISTER)
        check_fiscal_year(fiscal_year)
        with self.ctx.reading() as session:
            rows = session.scalars(select(OutgoingLetterRow)
                                   .where(OutgoingLetterRow.fiscal_year == fiscal_year)
                                   .order_by(OutgoingLetterRow.issued_at,
                                             OutgoingLetterRow.id))  # fmt: skip
            return [letter_of(row) for row in rows]

    def register_pdf(self, actor: CurrentUser, fiscal_year: int) -> bytes:
        from nongbon_ita.reports.documents.letters_register import render_letters_register
        from nongbon_ita.services.office_words import office_words_kept

        letters = self.letters(actor, fiscal_year)
        footer = (f"ทะเบียนหนังสือส่ง ปีงบประมาณ {thai_digits(fiscal_year)} · "
                  f"{printed_at(self.ctx)}")  # fmt: skip
        with office_words_kept(self.ctx):
            return render_letters_register(letters, self.office.profile(), fiscal_year,
                                           office_date(self.ctx.now()), footer)  # fmt: skip

    def register_xlsx(self, actor: CurrentUser, fiscal_year: int) -> bytes:
        letters = self.letters(actor, fiscal_year)
        office = self.office.profile()
        book = XlsxBook()
        title = f"ทะเบียนหนังสือส่ง {office.name} ปีงบประมาณ {fiscal_year}"
        sheet = book.sheet(f"หนังสือส่ง {fiscal_year}", COLUMNS, title=[title])
        for letter in letters:
            sheet.row([letter.number, letter.reference(office.letter_code), letter.issued_on,
                       letter.addressee, letter.subject, letter.record_kind.thai,
                       letter.record_text])  # fmt: skip
        return book.data()

    def numbering(self) -> NumberingMode:
        with self.ctx.reading() as session:
            return numbering_mode(session)

    def set_numbering(self, actor: CurrentUser, mode: NumberingMode) -> None:
        """Number letters by the register (APP) or by hand from the paper register (HAND)."""
        require(actor, LetterOperation.CONFIGURE)
        with self.ctx.transaction() as session:
            before = numbering_mode(session)
            put_setting(session, NUMBERING, mode.value)
            record_event(self.ctx, session, actor.username, "letters.numbering", "setting", 0,
                         before={"mode": before.value}, after={"mode": mode.value})  # fmt: skip
