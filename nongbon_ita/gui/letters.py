"""What a print of an outgoing letter tells the clerk: the number and date it was issued with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nongbon_ita.i18n.thaiformat import format_date_long, thai_digits
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.services.letters.issue import PrintedLetter


def issued_text(printed: PrintedLetter) -> str:
    """ "หนังสือที่ มค ๘๑๑๐๑/๑๒ ลงวันที่ ๓ ธันวาคม ๒๕๖๙" (the same on every reprint)."""
    return _("Letter {reference} dated {date}").format(
        reference=thai_digits(printed.reference), date=format_date_long(printed.letter.issued_on)
    )
