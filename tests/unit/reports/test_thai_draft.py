"""A report of a period still running says "ร่าง" on every page; a finished one does not."""

from __future__ import annotations

from thai_helpers import pdftotext

from nongbon_ita.reports.thai import BODY, ThaiParagraph, build_pdf, draft_while


def _pages(running: bool) -> list[str]:
    story = [ThaiParagraph(f"บรรทัดที่ {i}", BODY) for i in range(80)]
    with draft_while(running):
        pdf = build_pdf(story, footer_text="รายงาน")
    return pdftotext(pdf).split("\f")[:-1]


def test_a_running_period_prints_a_draft_mark_on_every_page() -> None:
    pages = _pages(True)
    assert len(pages) >= 2
    assert all("ร่าง" in page for page in pages)


def test_a_finished_period_prints_none() -> None:
    assert not any("ร่าง" in page for page in _pages(False))
