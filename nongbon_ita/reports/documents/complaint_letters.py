"""Letters to a complainant: the acknowledgement of receipt and the outcome, as หนังสือภายนอก.

They carry the complainant's name and address, so only complaint officers print them (the
service checks); nothing else in the app prints an identity. A referred complaint's letters go
to the body that referred it (`report_to`) and quote its reference under อ้างถึง.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nongbon_ita.domain.complaints.kinds import Outcome, Status
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_long, format_register_number, thai_digits
from nongbon_ita.reports.documents.external_letter import ExternalLetter, render_external_letter


@dataclass(frozen=True)
class ComplaintLetterFacts:
    number: int
    fiscal_year: int
    public_code: str
    received_on: date
    channel_name: str
    subject: str
    complainant_name: str
    complainant_address: str
    status: Status
    outcome: Outcome | None
    referred_to: str
    rejection_reason: str
    conclusion: str  # what the officer wrote when concluding
    outcome_working_days: int
    due_on: date
    letter_number: str
    dated: date
    signer: SignatureBlock
    unit: str
    footer_text: str
    outcome_unit: str = "วันทำการ"  # or "วัน": the office counts calendar days
    reference: str = ""  # the referring body's reference: the letter goes to `report_to`
    referral_dated: date | None = None
    report_to: str = ""

    @property
    def referred(self) -> bool:
        return bool(self.reference)


def _register(facts: ComplaintLetterFacts) -> str:
    return format_register_number(facts.number, facts.fiscal_year)


def _addressee(facts: ComplaintLetterFacts) -> str:
    return facts.report_to if facts.referred else facts.complainant_name


def _reference_line(facts: ComplaintLetterFacts) -> str:
    """อ้างถึง: the referring body's reference, or the complainant's own complaint."""
    if not facts.referred:
        return f"เรื่องร้องเรียนของท่าน ลงวันที่ {format_date_long(facts.received_on)}"
    dated = facts.referral_dated or facts.received_on
    return (f"เรื่องร้องเรียนผ่าน{_spaced(facts.channel_name)} เลขที่ {facts.reference} "
            f"ลงวันที่ {format_date_long(dated)}")  # fmt: skip


def _spaced(name: str) -> str:
    """A Latin name after Thai text takes a space before it ("ผ่าน Traffy Fondue")."""
    return f" {name}" if name[:1].isascii() and name[:1].isalpha() else name


def _yours(facts: ComplaintLetterFacts) -> str:
    """The complaint as the addressee knows it: theirs, or the one they passed on."""
    return "ดังกล่าว" if facts.referred else "ของท่าน"


def _opening(facts: ComplaintLetterFacts, office: OfficeProfile) -> str:
    if facts.referred:
        return (f"ตามที่อ้างถึง ได้ส่งเรื่องร้องเรียน เรื่อง {facts.subject} "
                f"มาเพื่อให้{office.name}พิจารณาดำเนินการ ซึ่ง{office.name}ได้ลงทะเบียนรับเรื่องไว้ "
                f"เมื่อวันที่ {format_date_long(facts.received_on)} เลขที่ {_register(facts)} "
                f"นั้น")  # fmt: skip
    return (
        f"ตามที่ท่านได้ร้องเรียนต่อ{office.name} ทาง{_spaced(facts.channel_name)} "
        f"เมื่อวันที่ {format_date_long(facts.received_on)} เรื่อง {facts.subject} "
        f"ซึ่ง{office.name}ได้ลงทะเบียนรับเรื่องไว้ เลขที่ {_register(facts)} นั้น"
    )


def _letter(facts: ComplaintLetterFacts, office: OfficeProfile, subject: str,
            body: tuple[str, ...]) -> bytes:  # fmt: skip
    letter = ExternalLetter(
        number=facts.letter_number,
        dated=facts.dated,
        subject=subject,
        addressee=_addressee(facts),
        references=(_reference_line(facts),),
        body=body,
        signer=facts.signer,
        unit=facts.unit,
        unit_phone=f"โทร. {office.phone}" if office.phone else "",
        footer_text=facts.footer_text,
    )
    return render_external_letter(letter, office)


def render_receipt_letter(facts: ComplaintLetterFacts, office: OfficeProfile) -> bytes:
    """หนังสือตอบรับ: the complaint is registered, when the outcome will come, the code to quote."""
    body = (
        _opening(facts, office),
        f"{office.name}ได้รับเรื่องร้องเรียน{_yours(facts)}ไว้พิจารณาแล้ว และจะดำเนินการตรวจสอบ"
        f"ข้อเท็จจริงแล้วแจ้งผลให้ท่านทราบภายใน {thai_digits(facts.outcome_working_days)} "
        f"{facts.outcome_unit} "
        f"(ภายในวันที่ {format_date_long(facts.due_on)}) ทั้งนี้ ท่านสามารถสอบถามความคืบหน้า"
        f"ได้โดยอ้างอิงเลขทะเบียนรับเรื่อง {_register(facts)} และรหัสติดตามเรื่อง "
        f"{facts.public_code} ข้อมูลของผู้ร้องเรียนจะถูกเก็บรักษาไว้เป็นความลับ",
        "จึงเรียนมาเพื่อโปรดทราบ",
    )
    return _letter(facts, office, "ตอบรับเรื่องร้องเรียน", body)


def outcome_sentence(facts: ComplaintLetterFacts, office: OfficeProfile) -> str:
    if facts.status is Status.REJECTED:
        return (f"{office.name}ได้พิจารณาแล้ว ไม่อาจรับเรื่องร้องเรียน{_yours(facts)}ไว้พิจารณาได้ "
                f"เนื่องจาก{facts.rejection_reason}")  # fmt: skip
    found = {
        Outcome.SUBSTANTIATED: f"ผลการตรวจสอบปรากฏว่าเรื่องร้องเรียน{_yours(facts)}มีมูล "
        f"{office.name}ได้ดำเนินการแก้ไขและดำเนินการตามอำนาจหน้าที่แล้ว",
        Outcome.UNSUBSTANTIATED: "ผลการตรวจสอบข้อเท็จจริงไม่ปรากฏมูลตามที่ร้องเรียน จึงได้ยุติเรื่อง",
        Outcome.REFERRED: f"เรื่องร้องเรียน{_yours(facts)}อยู่ในอำนาจหน้าที่ของ{facts.referred_to} "
        f"{office.name}จึงได้ส่งเรื่องให้{facts.referred_to}ดำเนินการต่อไปแล้ว",
    }
    text = (
        f"บัดนี้ {office.name}ได้ดำเนินการตรวจสอบข้อเท็จจริงเรียบร้อยแล้ว "
        + found[facts.outcome or Outcome.UNSUBSTANTIATED]
    )
    if facts.conclusion.strip():
        text += f" โดยสรุปผลการพิจารณาได้ดังนี้ {facts.conclusion.strip()}"
    return text


def render_outcome_letter(facts: ComplaintLetterFacts, office: OfficeProfile) -> bytes:
    """แจ้งผลการพิจารณา: what was found (or why the complaint was not taken up)."""
    body = (
        _opening(facts, office),
        outcome_sentence(facts, office),
        "จึงเรียนมาเพื่อโปรดทราบ"
        if facts.referred
        else "จึงเรียนมาเพื่อโปรดทราบ และขอขอบคุณที่ท่านได้แจ้งเรื่องดังกล่าวให้ทราบ",
    )
    return _letter(facts, office, "แจ้งผลการพิจารณาเรื่องร้องเรียน", body)
