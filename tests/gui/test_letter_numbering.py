"""Settings › office profile: an administrator switches the numbering of outgoing letters (by the
app's register or by hand) after a confirm; a "No" or a non-administrator changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from nongbon_ita.domain.letters import NumberingMode


def test_the_admin_switches_to_numbering_by_hand_after_a_confirm(
    qtbot, services, admin, message_log, shot
) -> None:
    from nongbon_ita.gui.pages.settings_page import SettingsPage

    page = SettingsPage(services, admin)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    box = page.numbering
    assert services.letters.numbering() is NumberingMode.APP
    assert box.shown() is NumberingMode.APP and box.combo.isEnabled()
    message_log.answer = QMessageBox.StandardButton.No
    assert not box.choose(NumberingMode.HAND)  # declined: nothing changes, the choice goes back
    assert services.letters.numbering() is NumberingMode.APP
    assert box.shown() is NumberingMode.APP
    assert "by hand" in message_log.last()
    message_log.answer = QMessageBox.StandardButton.Yes
    index = box.combo.findData(NumberingMode.HAND.value)
    box.combo.setCurrentIndex(index)
    box.combo.activated.emit(index)  # what a click on the choice does
    assert services.letters.numbering() is NumberingMode.HAND
    assert box.shown() is NumberingMode.HAND
    assert message_log.last() == (
        "Outgoing letters are now numbered by hand (a dotted blank on each letter)."
    )
    shot(page, "settings-letter-numbering")
    assert box.choose(NumberingMode.APP)
    assert services.letters.numbering() is NumberingMode.APP


def test_others_see_the_numbering_but_cannot_change_it(
    qtbot, services, admin, staff, message_log
) -> None:
    from nongbon_ita.gui.pages.letter_numbering import LetterNumberingBox

    services.letters.set_numbering(admin, NumberingMode.HAND)
    box = LetterNumberingBox(services.letters, staff)
    qtbot.addWidget(box)
    assert box.shown() is NumberingMode.HAND and not box.combo.isEnabled()
    assert not box.choose(NumberingMode.APP)  # refused by the service: a message, no change
    assert services.letters.numbering() is NumberingMode.HAND
    assert box.shown() is NumberingMode.HAND
    assert message_log.boxes[-1][0] == QMessageBox.Icon.Warning
