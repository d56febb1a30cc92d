"""Saving a made document: the suffix the user left out, and a refusal told in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from nongbon_ita.gui.widgets.saving import with_suffix, write_or_warn


def test_the_suffix_is_added_only_when_left_out() -> None:
    assert with_suffix("/tmp/register", ".xlsx") == Path("/tmp/register.xlsx")
    assert with_suffix("/tmp/register.XLSX", ".xlsx") == Path("/tmp/register.XLSX")
    assert with_suffix("/tmp/ทะเบียน.2567", ".xlsx") == Path("/tmp/ทะเบียน.2567.xlsx")


def test_a_refused_write_is_told_and_reported(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr("nongbon_ita.gui.messages.present",
                        lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)  # fmt: skip
    parent = QWidget()
    qtbot.addWidget(parent)
    assert write_or_warn(parent, tmp_path / "ok.xlsx", b"PK")
    assert (tmp_path / "ok.xlsx").read_bytes() == b"PK" and not shown
    missing_folder = tmp_path / "no-such-folder" / "register.xlsx"
    assert not write_or_warn(parent, missing_folder, b"PK")
    assert shown and "could not be saved" in shown[0] and not missing_folder.exists()


def test_a_file_open_in_another_program_offers_another_name(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_log
) -> None:
    """Windows refuses to replace a PDF open in Acrobat (PermissionError): the user is told why,
    no .partial is left, and a new name is offered; the document is saved under it."""
    from nongbon_ita.gui.widgets import saving

    target = tmp_path / "O43.pdf"
    target.write_bytes(b"old")
    real_replace = Path.replace

    def locked(self: Path, to: Path) -> Path:  # type: ignore[override]
        if Path(to) == target:
            raise PermissionError(13, "Permission denied")
        return real_replace(self, to)

    monkeypatch.setattr(Path, "replace", locked)
    offered: list[str] = []

    def choose_again(suggested: str) -> str:
        offered.append(suggested)
        return suggested

    parent = QWidget()
    qtbot.addWidget(parent)
    saved = saving.save_bytes(parent, target, b"new", choose_again)
    assert offered == [str(tmp_path / "O43 (2).pdf")]
    assert saved == tmp_path / "O43 (2).pdf" and saved.read_bytes() == b"new"
    assert target.read_bytes() == b"old"
    assert "is open in another program" in message_log.texts()[0]
    assert not list(tmp_path.glob("*.partial"))
    message_log.answer = QMessageBox.StandardButton.No  # declined: nothing written, no leftovers
    assert saving.save_bytes(parent, target, b"newer", choose_again) is None
    assert len(offered) == 1 and not list(tmp_path.glob("*.partial"))


def test_save_dialogs_start_in_documents(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from nongbon_ita.gui.widgets import saving

    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path))
    assert saving.in_documents("O43-2567.pdf") == str(tmp_path / "O43-2567.pdf")
    assert saving.in_documents("/elsewhere/a.pdf") == "/elsewhere/a.pdf"  # a chosen path is kept
