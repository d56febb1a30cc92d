"""A paragraph's lines are kept per text, style, width and the kept words found in it (issue 12:
a warm loan form spent a third of its time wrapping the same fixed text at every print)."""

from __future__ import annotations

from typing import Any

import pytest

from nongbon_ita.reports.thai import BODY, ThaiParagraph, flowables
from nongbon_ita.reports.thai.nobreak import keep_whole

TEXT = "ยืมโดยสถานีตำรวจภูธรโกสุมพิสัยเพื่อใช้งาน ผู้ยืมคือนายประเสริฐ ใจธรรม ผู้ใหญ่บ้านหมู่ ๓"
OFFICE = ("สถานีตำรวจภูธรโกสุมพิสัย", "โกสุมพิสัย", "นายประเสริฐ ใจธรรม")
WIDTHS = range(40, 300, 7)


def _lines(width: float) -> list[str]:
    paragraph = ThaiParagraph(TEXT, BODY)
    paragraph.wrap(width, 10_000)
    return paragraph.lines_text()


def _fresh(width: float) -> list[str]:
    flowables._WRAPPED.clear()
    return _lines(width)


def test_kept_lines_are_those_a_fresh_layout_gives_under_each_word_list() -> None:
    for width in WIDTHS:
        with keep_whole(OFFICE):
            kept = _fresh(width)
        plain = _lines(width)  # the office's lines are in the cache now: they must not be used
        assert plain == _fresh(width)
        with keep_whole(OFFICE):
            assert _lines(width) == kept
    with keep_whole(OFFICE):
        assert all("โกสุมพิสัย" in "".join(_fresh(w)) for w in WIDTHS)  # the words did matter


def test_another_records_names_reuse_the_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = flowables.wrap

    def counted(*args: Any) -> Any:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(flowables, "wrap", counted)
    flowables._WRAPPED.clear()
    with keep_whole((*OFFICE, "นางบุญเรือน ศรีสมบูรณ์")):  # one loan's borrower
        first = _lines(150)
    made = len(calls)
    with keep_whole((*OFFICE, "นายทองดี มีสุข")):  # another's, not in this text
        assert _lines(150) == first
    assert made >= 1 and len(calls) == made  # laid out once
    with keep_whole(OFFICE[:1]):  # fewer of the words found in the text: laid out again
        _lines(150)
    assert len(calls) > made
