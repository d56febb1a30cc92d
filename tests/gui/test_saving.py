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
