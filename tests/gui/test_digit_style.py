"""The office chooses Thai or Arabic digits in Settings › office profile, and every screen follows:
table cells of dates and numbers, count labels, spin boxes — never Thai and Arabic side by side."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from nongbon_ita.domain.errors import PermissionDenied, ValidationError
from nongbon_ita.i18n.digits import screen_digit_style, set_screen_digits
from nongbon_ita.i18n.thaiformat import format_date_short
from nongbon_ita.i18n.translate import set_language

THAI_DIGITS = set("๐๑๒๓๔๕๖๗๘๙")
ARABIC_DIGITS = set("0123456789")


@pytest.fixture
def thai_ui() -> Iterator[None]:
    set_language("th")
    yield
    set_screen_digits("arabic")
    set_language("en")


def test_the_admin_chooses_thai_digits_and_tables_follow(
    qtbot, services, admin, staff, message_log, thai_ui: None
) -> None:
    from nongbon_ita.gui.pages.office_profile_tab import OfficeProfileTab
    from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
    from nongbon_ita.gui.widgets.rows_model import RowsTableModel

    assert services.office.digit_style() == "arabic"
    tab = OfficeProfileTab(services.office, admin)
    qtbot.addWidget(tab)
    tab.digits_combo.setCurrentIndex(tab.digits_combo.findData("thai"))
    tab.save()
    assert services.office.digit_style() == "thai" and screen_digit_style() == "thai"
    model: RowsTableModel[tuple[str, date, int]] = RowsTableModel([
        ("number", lambda r: r[0]), ("due", lambda r: format_date_short(r[1])),
        ("days", lambda r: r[2]), ("item", lambda r: "พัดลม ขนาด 18 นิ้ว"),
    ])  # fmt: skip
    model.set_rows([("71/2570", date(2026, 11, 5), 67)])
    cells = [model.data(model.index(0, column)) for column in range(4)]
    assert cells[:3] == ["๗๑/๒๕๗๐", "๕ พ.ย. ๖๙", "๖๗"]
    assert cells[3] == "พัดลม ขนาด 18 นิ้ว"  # what someone typed stays as typed
    spin = DigitSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(2500, 2700)
    spin.setValue(2570)
    assert spin.text() == "๒๕๗๐"
    with pytest.raises(PermissionDenied):
        services.office.set_digit_style(staff, "arabic")
    with pytest.raises(ValidationError):
        services.office.set_digit_style(admin, "roman")


def test_an_arabic_office_sees_no_thai_digit_on_the_dashboard_and_loans(
    qtbot, services, admin, thai_ui: None
) -> None:
    from PySide6.QtWidgets import QLabel

    from nongbon_ita.gui.pages.dashboard_page import DashboardPage

    set_screen_digits("arabic")
    page = DashboardPage(admin, "อบต.ทดสอบ")
    qtbot.addWidget(page)
    shown = "".join(label.text() for label in page.findChildren(QLabel))
    assert shown and not THAI_DIGITS & set(shown) and ARABIC_DIGITS & set(shown)


def test_a_thai_digit_office_sees_thai_digits_in_the_ita_area(
    qtbot, services, admin, thai_ui: None
) -> None:
    from nongbon_ita.domain.roles import Role
    from nongbon_ita.gui.ita.due_widget import MeasuresDueWidget
    from nongbon_ita.gui.ita.measure_dialog import MeasureDialog
    from nongbon_ita.gui.ita.page import ItaPage

    services.users.create_user(admin, "ita", "นางสาวไอทีเอ ทดสอบ",
                               frozenset({Role.ITA_COORDINATOR}), "password-1")  # fmt: skip
    coordinator = services.auth.login("ita", "password-1")
    services.office.set_digit_style(admin, "thai")
    set_screen_digits("thai")
    today = date(2024, 4, 10)  # fiscal year 2567: the 2566 assessment's flagged measures
    services.ita.scores.set_scores(coordinator, 2566, "80", {n: "60" for n in range(1, 11)})
    services.ita.plan.create_for_flagged(coordinator, 2567)
    page = ItaPage(services, coordinator, today=lambda: today)
    qtbot.addWidget(page)
    assert page.year_spin.text() == "๒๕๖๗"
    assert not ARABIC_DIGITS & set(page.measures.hint.text())
    (measure,) = services.ita.plan.measures(2567)[:1]
    dialog = MeasureDialog(services, coordinator, 2567, measure)
    qtbot.addWidget(dialog)
    dialog.percent[6].setValue(50)
    assert dialog.percent[6].text().startswith("๕๐")
    due = MeasuresDueWidget(services, coordinator, today=lambda: today)
    qtbot.addWidget(due)
    lines = [due.list.item(row).text() for row in range(due.list.count())]
    assert lines and all(line.startswith("๒๕๖๗ · ") for line in lines)
    shown = due.level.text() + "".join(lines)
    assert not ARABIC_DIGITS & set(shown.replace("O", ""))  # indicator codes are letters here
