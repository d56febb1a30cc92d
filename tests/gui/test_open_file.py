"""Opening a kept file: a document opens with its program; a program, script or shortcut from
the public is never handed to the system (that would run it) — its folder is opened instead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from nongbon_ita.gui.widgets import open_file


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(open_file.QDesktopServices, "openUrl",
                        lambda url: urls.append(QUrl(url).toLocalFile()) or True)  # fmt: skip
    return urls


@pytest.mark.parametrize("name", ["ภาพถ่าย.exe", "invoice.pdf.JS", "ลิงก์.lnk", "run.bat",
                                  "a.cmd", "b.vbs", "c.ps1", "d.scr", "e.hta", "f.msi"])  # fmt: skip
def test_a_runnable_attachment_is_never_opened(tmp_path: Path, opened: list[str], message_log,
                                               name: str) -> None:  # fmt: skip
    path = tmp_path / name
    path.write_bytes(b"MZ")
    assert not open_file.open_kept_file(None, path)
    assert opened == [str(tmp_path)]  # the folder, not the file
    assert "it is not opened from here" in message_log.last()


def test_a_document_opens_with_its_program(tmp_path: Path, opened: list[str], message_log) -> None:
    path = tmp_path / "หนังสือร้องเรียน.pdf"
    path.write_bytes(b"%PDF")
    assert open_file.open_kept_file(None, path)
    assert opened == [str(path)] and not message_log.boxes
