"""The OIT checklist's "Publish…": choose a folder, the dialog lists what will be written, the
site is written and its index handed to the browser (the opener is replaced here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita import publish_dialog
from nongbon_ita.gui.ita.oit_tab import OitTab
from nongbon_ita.gui.ita.publish_dialog import PublishDialog
from nongbon_ita.services.registry import Services
from tests.gui.conftest import SHOTS_DIR
from tests.gui.ita.test_ita_page import make_user


def test_publish_lists_writes_and_opens_the_index(
    qtbot, services: Services, admin: CurrentUser, message_log, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    coordinator = make_user(services, admin, "coord", Role.ITA_COORDINATOR)
    services.ita.years.start_year(coordinator, 2569)
    site = tmp_path / "oit-2569"
    opened: list[Path] = []
    monkeypatch.setattr(publish_dialog, "choose_folder", lambda _p, _s: str(site))
    monkeypatch.setattr(publish_dialog, "open_in_browser", opened.append)
    listed: list[str] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, PublishDialog)
        dialog._browse()
        listed.extend(dialog.files.toPlainText().splitlines())
        # the index, 3 font files, 26 item pages and the complaint statistics (no measures here)
        assert dialog.publish_button.isEnabled() and "31 " in dialog.summary.text()
        SHOTS_DIR.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS_DIR / "publish-dialog.png"))
        return 1

    tab = OitTab(services, coordinator, ask=answer)
    qtbot.addWidget(tab)
    tab.load(2569)
    assert tab.publish_button.isEnabled()
    tab.publish()
    assert listed[0] == "index.html" and "items/o26.html" in listed
    assert opened == [site / "index.html"] and opened[0].is_file()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")) == sorted(
        p for p in listed if p.endswith(".html"))  # fmt: skip
    assert "31" in message_log.last()


def test_publish_is_for_who_keeps_the_checklist(
    qtbot, services: Services, admin: CurrentUser
) -> None:
    staff = make_user(services, admin, "clerk", Role.STAFF)
    tab = OitTab(services, staff)
    qtbot.addWidget(tab)
    assert not tab.publish_button.isEnabled()
