"""A loan's own form keeps its own names whole (borrower, organisation, place, items) and reads
no other loan's: printing one form does not grow with the register (issue 12, print under load)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest

from nongbon_ita.domain.loans import Borrower, BorrowerKind
from nongbon_ita.reports.thai import nobreak

from .conftest import TODAY, Office


def test_a_loan_form_keeps_its_own_names_and_reads_no_other_loans(
    office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = Borrower(
        BorrowerKind.VILLAGER, "นางบุญเรือนศรี ใจธรรมวงศ์", "", "กลุ่มทอผ้าบ้านโนนแดง", "081-234-5678"
    )
    office.approved(borrower=other, start=TODAY + timedelta(days=10))
    mine = Borrower(
        BorrowerKind.VILLAGER, "นายสมปองศักดิ์ ทองประเสริฐ", "", "กลุ่มแม่บ้านหนองบอน", "081-234-5678"
    )
    loan = office.approved((office.projector, 1), borrower=mine)
    kept: list[str] = []
    real = nobreak.keep_whole

    @contextmanager
    def spy(words: Iterable[str] | nobreak.KeepWords) -> Iterator[nobreak.KeepWords]:
        assert not isinstance(words, nobreak.KeepWords)
        kept.extend(words)
        with real(words) as keep:
            yield keep

    monkeypatch.setattr(nobreak, "keep_whole", spy)
    pdf = office.services.loans.loan_form_pdf(office.supply, loan.id)
    assert pdf.startswith(b"%PDF")
    assert {mine.name, mine.organization, "ศาลากลางบ้าน", "เครื่องฉายภาพ"} <= set(kept)
    assert other.name not in kept and other.organization not in kept
