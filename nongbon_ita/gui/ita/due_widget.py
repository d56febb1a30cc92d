"""Dashboard section: measures past or near their end date, or missing a progress mark."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from nongbon_ita.domain.calendar import fiscal_year
from nongbon_ita.domain.ita.due import DUE_SOON_DAYS, DueMeasure
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.digits import on_screen, short_date
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class MeasuresDueWidget(QWidget):
    """The coordinator sees every measure due; anyone else, the measures assigned to them."""

    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self._today = services, user, today
        self.level = QLabel(self)  # last year's result as the assessment gives it
        self.level.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self)
        self.empty = QLabel(_("No measures need attention."), self)
        self.empty.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.level)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        self.refresh()

    def refresh(self) -> None:
        assessed = fiscal_year(self._today()) - 1
        scores = self.services.ita.scores.scores(assessed)
        if scores.overall_score is not None and scores.level is not None:
            self.level.setText(on_screen(_("ITA {year}: {total} points, level {level}").format(
                year=assessed, total=scores.overall_score, level=scores.level.value)))  # fmt: skip
        self.level.setVisible(scores.level is not None)
        everyone = is_allowed(self.user, ItaOperation.EDIT_MEASURES)
        due = self.services.ita.plan.due(self._today(), None if everyone else self.user.id)
        self.list.clear()
        self.list.addItems([self.line(d) for d in due])
        self.empty.setVisible(not due)
        self.list.setVisible(bool(due))

    @staticmethod
    def line(due: DueMeasure) -> str:
        m = due.measure
        reasons = ", ".join(_(r.label_id).format(days=DUE_SOON_DAYS) for r in due.reasons)
        end = short_date(m.due_on) or "—"
        who = m.responsible_user or _("nobody responsible yet")  # names as typed
        return f"{on_screen(m.fiscal_year)} · {m.indicator} · {who} · {end}: {on_screen(reasons)}"
