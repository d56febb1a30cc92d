"""Settings › office profile: how outgoing letters are numbered (by the app's register of
outgoing letters, or by hand from the office's paper register), next to the letter code.

Only an administrator changes it, after a confirm: the change applies at once (to the next
letter issued), apart from the profile's Save. Letters already issued keep their numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.letters import LetterOperation, NumberingMode
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui import messages
from nongbon_ita.gui.errors import domain_message
from nongbon_ita.i18n.translate import _

if TYPE_CHECKING:
    from nongbon_ita.services.letters.register import OutgoingLetterService


class LetterNumberingBox(QWidget):
    """A choice of numbering that asks before it changes anything."""

    def __init__(self, letters: OutgoingLetterService, user: CurrentUser,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.letters, self.user = letters, user
        self.combo = QComboBox(self)
        self.combo.addItem(_("By the app (the register of outgoing letters gives the next "
                             "number)"), NumberingMode.APP.value)  # fmt: skip
        self.combo.addItem(_("By hand (letters print a dotted blank to fill in)"),
                           NumberingMode.HAND.value)  # fmt: skip
        self.combo.setEnabled(is_allowed(user, LetterOperation.CONFIGURE))
        self.combo.setToolTip(_("Only an administrator changes this. Letters already issued "
                                "keep their numbers."))  # fmt: skip
        self.combo.activated.connect(
            lambda index: self.choose(NumberingMode(self.combo.itemData(index)))
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        self.reload()

    def reload(self) -> None:
        self._show(self.letters.numbering())

    def shown(self) -> NumberingMode:
        """The numbering the choice shows."""
        return NumberingMode(self.combo.currentData())

    def _show(self, mode: NumberingMode) -> None:
        self.combo.setCurrentIndex(self.combo.findData(mode.value))

    def choose(self, mode: NumberingMode) -> bool:
        """Switch to `mode` once the administrator confirms; the choice shown goes back when
        they do not (or may not)."""
        current = self.letters.numbering()
        if mode == current:
            return False
        question = (
            _("Number outgoing letters by the app? Each letter printed for the first time "
              "gets the next number of its fiscal year in the register of outgoing letters.")
            if mode is NumberingMode.APP
            else _("Number outgoing letters by hand? Letters issued from now on print a dotted "
                   "blank for the number, to fill in from the office's paper register.")
        )  # fmt: skip
        if not messages.confirm(self, question, yes_text=_("Change numbering")):
            self._show(current)
            return False
        try:
            self.letters.set_numbering(self.user, mode)
        except DomainError as err:
            messages.warn(self, domain_message(err))
            self._show(current)
            return False
        self._show(mode)
        messages.inform(self, _("Outgoing letters are now numbered by the register.")
                        if mode is NumberingMode.APP
                        else _("Outgoing letters are now numbered by hand (a dotted blank on "
                               "each letter)."))  # fmt: skip
        return True
