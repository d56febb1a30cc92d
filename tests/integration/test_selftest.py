"""The self-test from source, and its PDF text reader against poppler's pdftotext."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from nongbon_ita import resource_path, selftest
from nongbon_ita.cli import main
from nongbon_ita.selftest import (
    Document,
    SelfTestFailure,
    check_document,
    check_text,
    run_self_test,
)
from nongbon_ita.selftest_pdf import read_pdf_text


def test_self_test_passes_and_prints_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert "self-test passed" in lines[0]
    assert "measures report" in lines[0] and "Thai text exact" in lines[0]


def test_a_failed_check_gives_exit_1_and_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> str:
        raise SelfTestFailure("the Thai catalog is not loaded")

    monkeypatch.setattr(selftest, "check_environment", broken)
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert out.getvalue().count("\n") == 1
    assert "FAILED" in out.getvalue() and "Thai catalog" in out.getvalue()


def test_the_pdf_reader_gives_pdftotexts_text(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "o43.pdf"
    assert main(["--db", str(demo_db), "print", "o43", "--year", "2566", "--out", str(out)]) == 0
    poppler = subprocess.run(
        ["pdftotext", "-raw", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    ours = read_pdf_text(out.read_bytes())
    assert ours.compact() == re.sub(r"\s+", "", poppler)
    assert ours.pages == int(
        re.search(r"Pages:\s+(\d+)", subprocess.run(
            ["pdfinfo", str(out)], capture_output=True, text=True, check=True
        ).stdout).group(1)  # type: ignore[union-attr]
    )  # fmt: skip


def _pdf_with(text: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    # ReportLab's plain TrueType font: its ToUnicode keeps whatever code points were drawn
    pdfmetrics.registerFont(TTFont("SelfTestProbe", str(resource_path("fonts", "Laksaman.ttf"))))
    page.setFont("SelfTestProbe", 16)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def test_check_document_reads_the_pdf_and_refuses_missing_text() -> None:
    assert check_document(Document("probe", _pdf_with("ประจำปี ๒๕๖๖"), ("ประจำปี",))) == 1
    with pytest.raises(SelfTestFailure, match="lacks"):
        check_document(Document("probe", _pdf_with("ประจำปี"), ("หนองบอน",)))


@pytest.mark.parametrize(
    ("text", "complaint"),
    [("ป\uf705า", "private-use"), ("ประจ\u0e4d\u0e32ปี", "SARA AM"), ("ก\ufffd", "mapping")],
)
def test_check_text_refuses_what_a_reader_would_garble(text: str, complaint: str) -> None:
    with pytest.raises(SelfTestFailure, match=complaint):
        check_text("probe", text, ())
