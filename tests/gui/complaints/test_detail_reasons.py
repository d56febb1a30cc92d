"""The complaint detail says what a user would otherwise guess: an anonymous complaint is
labelled anonymous and its letter buttons say why they are disabled; a receipt past its
deadline is marked overdue."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from nongbon_ita.domain.complaints.kinds import Category, Channel
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.complaints.detail_dialog import ComplaintDetailDialog
from nongbon_ita.gui.complaints.table_model import COLUMNS
from nongbon_ita.services.registry import Services


def _receive(services: Services, user: CurrentUser, days_ago: int, anonymous: bool) -> int:
    identity = ComplaintIdentity() if anonymous else ComplaintIdentity(name="นายผู้ร้อง ใจกล้า")
    return services.complaints.intake.receive(user, NewComplaint(
        datetime.now(UTC) - timedelta(days=days_ago), Channel.LETTER, Category.GENERAL,
        "ถนนชำรุด", anonymous=anonymous, identity=identity)).id  # fmt: skip


def _facts(dialog: ComplaintDetailDialog) -> dict[str, str]:
    form = dialog.facts
    return {form.itemAt(row, form.ItemRole.LabelRole).widget().text():
            form.itemAt(row, form.ItemRole.FieldRole).widget().text()
            for row in range(form.rowCount())}  # fmt: skip


def test_anonymous_complaint_is_labelled_and_its_letters_say_why_not(qtbot, services,
                                                                     officer) -> None:  # fmt: skip
    complaint_id = _receive(services, officer, 0, anonymous=True)
    dialog = ComplaintDetailDialog(services, officer, complaint_id)
    qtbot.addWidget(dialog)
    assert _facts(dialog)["Complainant"] == "Anonymous: no name, nobody to write to"
    for key in ("receipt", "outcome", "acknowledge"):
        button = dialog.buttons[key]
        assert not button.isEnabled()
        assert "anonymous" in button.toolTip(), key
    summary = services.complaints.queries.page(officer).rows[0]
    subject = next(c for c in COLUMNS if c.header == "Subject")
    assert subject.getter(summary) == "(anonymous) ถนนชำรุด"


def test_a_receipt_past_its_deadline_is_marked_overdue(qtbot, services, officer) -> None:
    late = ComplaintDetailDialog(services, officer, _receive(services, officer, 10, False))
    fresh = ComplaintDetailDialog(services, officer, _receive(services, officer, 0, False))
    qtbot.addWidget(late)
    qtbot.addWidget(fresh)
    assert _facts(late)["Receipt"].startswith("overdue: not yet given (due ")
    assert _facts(fresh)["Receipt"].startswith("not yet given (due ")
    assert "Complainant" not in _facts(fresh)
    assert dialog_letter_enabled(fresh)


def dialog_letter_enabled(dialog: ComplaintDetailDialog) -> bool:
    return dialog.buttons["receipt"].isEnabled() and dialog.buttons["receipt"].toolTip() == ""
