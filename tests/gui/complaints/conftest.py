"""Shared set-up of the complaints GUI tests: a complaint officer, and dialogs answered by their
`fill(dialog)` hooks instead of blocking."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog

from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints import common
from nongbon_ita.gui.complaints.intake_dialog import IntakeDialog
from nongbon_ita.services.registry import Services

AnswerDialogs = Callable[..., list[QDialog]]


@pytest.fixture
def officer(services: Services, admin: CurrentUser) -> CurrentUser:
    services.users.create_user(admin, "arunee", "นางสาวอรุณี ยุติธรรม",
                               frozenset({Role.COMPLAINT_OFFICER}), "temporary-1")  # fmt: skip
    return services.auth.login("arunee", "temporary-1")


@pytest.fixture
def answer_dialogs(monkeypatch: pytest.MonkeyPatch) -> AnswerDialogs:
    """`answer_dialogs(keep_open=…)` makes every dialog run its `fill` hook; an intake saves
    (accepted only when the save went through); any other dialog is accepted, or kept open for
    a screenshot with keep_open=True. Returns the list of dialogs and previews seen."""

    def install(*, keep_open: bool = False) -> list[QDialog]:
        seen: list[QDialog] = []

        def run(dialog: QDialog) -> int:
            seen.append(dialog)
            filler = getattr(dialog, "fill", None)
            if filler is not None:
                filler(dialog)
            if isinstance(dialog, IntakeDialog):
                dialog.save()
                return int(dialog.result() == QDialog.DialogCode.Accepted)
            if keep_open:
                dialog.show()
            else:
                dialog.accept()
            return 1

        monkeypatch.setattr(common, "exec_dialog", run)
        monkeypatch.setattr(common, "open_preview", lambda preview: seen.append(preview))
        return seen

    return install
