"""The ITA measures page: a fiscal year, the tabs of the area and the document previews."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.calendar import fiscal_year
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.ita.catalogue_tab import CatalogueTab
from nongbon_ita.gui.ita.intro_dialog import IntroDialog
from nongbon_ita.gui.ita.measures_tab import MeasuresTab
from nongbon_ita.gui.ita.oit_tab import OitTab
from nongbon_ita.gui.ita.scores_tab import ScoresTab
from nongbon_ita.gui.widgets.dialog_hooks import open_preview_dialog
from nongbon_ita.gui.widgets.digit_spin import DigitSpinBox
from nongbon_ita.gui.widgets.previewer import Previewer, PreviewOpener
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


class ItaPage(QWidget):
    def __init__(
        self, services: Services, user: CurrentUser, parent: QWidget | None = None, *,
        today: Callable[[], date] = date.today, open_preview: PreviewOpener = open_preview_dialog,
        open_intro: Callable[[IntroDialog], object] = IntroDialog.exec,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user = services, user
        self._open_intro = open_intro
        self.intro_dialog: IntroDialog | None = None
        heading = QLabel(_("ITA measures"), self)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.year_spin = DigitSpinBox(self)
        self.year_spin.setRange(2550, 2700)
        self.year_spin.setValue(fiscal_year(today()))
        self.year_spin.setFixedWidth(110)
        self.year_spin.setToolTip(_("Fiscal year in the Buddhist Era (1 October – 30 September)"))
        self.year_spin.valueChanged.connect(lambda _y: self.reload())
        self.tabs = QTabWidget(self)
        coordinator = is_allowed(user, ItaOperation.EDIT_MEASURES)
        self.mine = MeasuresTab(services, user, mine=True, parent=self)
        self.measures = MeasuresTab(services, user, parent=self)
        self.scores = ScoresTab(services, user, self)
        self.catalogue = CatalogueTab(services, user, self)
        self.oit = OitTab(services, user, self)
        if coordinator:
            self.tabs.addTab(self.measures, _("Measures"))
            self.tabs.addTab(self.scores, _("Last year's scores"))
            self.tabs.addTab(self.catalogue, _("Catalogue"))
            self.tabs.addTab(self.oit, _("OIT for ITAS"))
            self.tabs.addTab(self.mine, _("My measures"))
        else:
            self.tabs.addTab(self.mine, _("My measures"))
            self.tabs.addTab(self.measures, _("All measures of the year"))
        self.scores.measures_created.connect(lambda _n: self._show_measures())
        for tab in (self.mine, self.measures):
            tab.changed.connect(self.reload)
        self.previewer = Previewer(self, open_preview)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.previewer.busy.connect(self._busy)
        self.preview_buttons: dict[str, QPushButton] = {}
        self.intro_button = QPushButton(_("Opening paragraphs…"), self)
        self.intro_button.setToolTip(
            _("The opening paragraphs of the measures plan and the measures report")
        )
        self.intro_button.clicked.connect(self.edit_intros)
        self.intro_button.setVisible(coordinator)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(QLabel(_("Fiscal year (B.E.)"), self))
        top.addWidget(self.year_spin)
        top.addWidget(self.intro_button)  # up here: the preview row is full on a small screen
        previews = QHBoxLayout()
        previews.addWidget(QLabel(_("Preview:"), self))
        for key, title in self._documents().items():
            button = QPushButton(title, self)
            button.clicked.connect(lambda _c=False, k=key: self.preview(k))
            self.preview_buttons[key] = button
            previews.addWidget(button)
        previews.addWidget(self.progress)
        previews.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 10)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(previews)
        self.reload()

    def fiscal_year(self) -> int:
        return self.year_spin.value()

    def reload(self) -> None:
        year = self.fiscal_year()
        for tab in (self.mine, self.measures, self.scores, self.catalogue, self.oit):
            tab.load(year)
        for key, role in (("plan", ItemRole.MEASURES_PLAN), ("report", ItemRole.MEASURES_REPORT)):
            item = self.services.ita.years.role_item(year, role)  # the year's code on the button
            title = self._documents()[key]
            self.preview_buttons[key].setText(f"{title} {item.code}" if item else title)

    def edit_intros(self) -> None:
        self.intro_dialog = IntroDialog(self.services, self.user, self.fiscal_year(), self)
        self._open_intro(self.intro_dialog)

    def _show_measures(self) -> None:
        self.reload()
        self.tabs.setCurrentWidget(self.measures)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in self.preview_buttons.values():
            button.setEnabled(not busy)

    @staticmethod
    def _documents() -> dict[str, str]:
        return {"plan": _("Measures plan"), "report": _("Measures report"), "half1": _("6-month progress"),
                "half2": _("12-month progress"), "evidence": _("Evidence appendix")}  # fmt: skip

    def preview(self, key: str) -> None:
        year = self.fiscal_year()
        docs = self.services.ita.documents
        renders: dict[str, tuple[Callable[[], bytes], str]] = {
            "plan": (lambda: docs.measures_plan_pdf(year), "measures-plan"),
            "report": (
                lambda: self.services.documents.measures_report_pdf(year),
                "measures-report",
            ),
            "half1": (lambda: docs.progress_pdf(year, 1), "ITA-progress-6m"),
            "half2": (lambda: docs.progress_pdf(year, 2), "ITA-progress-12m"),
            "evidence": (lambda: docs.evidence_pdf(year), "ITA-evidence"),
        }
        render, stem = renders[key]
        title = _("{document} — fiscal year {year}").format(
            document=self._documents()[key], year=year
        )
        self.previewer.show(title, render, f"{stem}-{year}.pdf")
