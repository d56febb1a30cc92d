"""Without uharfbuzz or the font, rendering stops with a clear Thai + English error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from nongbon_ita.reports.thai import ThaiEngineError, ThaiParagraph, build_pdf, fonts


def test_missing_uharfbuzz_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_faces", {})
    monkeypatch.setitem(sys.modules, "uharfbuzz", None)  # import uharfbuzz → ImportError
    with pytest.raises(ThaiEngineError) as caught:
        build_pdf([ThaiParagraph("ทดสอบ")])
    assert "uharfbuzz" in str(caught.value)
    assert "ไม่พบ" in str(caught.value) and "not installed" in str(caught.value)


def test_missing_font_raises(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, "_faces", {})
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(ThaiEngineError) as caught:
        build_pdf([ThaiParagraph("ทดสอบ")])
    assert "ไม่พบแบบอักษร" in str(caught.value) and "missing" in str(caught.value)


def test_the_error_is_an_exception() -> None:
    assert issubclass(ThaiEngineError, Exception)
