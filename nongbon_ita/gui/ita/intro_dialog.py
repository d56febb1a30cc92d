"""The opening paragraphs of a year's measures plan and measures report ("" prints the standard text)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nongbon_ita.domain.errors import DomainError
from nongbon_ita.domain.ita.documents import MeasuresPlan
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.gui.errors import report_error
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.registry import Services


def standard_intros(services: Services, fiscal_year: int) -> tuple[str, str]:
    """The texts printed when no intro is typed: (plan, report)."""
    from nongbon_ita.reports.documents.measures_plan import default_plan_intro
    from nongbon_ita.reports.documents.measures_report import default_report_intro

    office = services.office.profile()
    try:  # the plan's standard text names last year's score and weak indicators
        plan = services.ita.documents.measures_plan(fiscal_year)
    except DomainError:  # no measures yet: the sentence without them
        plan = MeasuresPlan(fiscal_year, "", None, ())
    return default_plan_intro(plan, office), default_report_intro(office, fiscal_year)


class IntroDialog(QDialog):
    """Each intro saved on OK when it changed; `changed` tells whether anything was saved."""

    def __init__(
        self, services: Services, user: CurrentUser, fiscal_year: int,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.services, self.user, self.fiscal_year = services, user, fiscal_year
        self.changed = False
        self.setWindowTitle(_("Opening paragraphs — fiscal year {year}").format(year=fiscal_year))
        self.resize(760, 560)
        plan_default, report_default = standard_intros(services, fiscal_year)
        self.saved = {
            "plan": services.ita.plan.plan_intro(fiscal_year),
            "report": services.measures.measures_report(fiscal_year).intro,
        }
        self.plan = self._editor(self.saved["plan"], plan_default)
        self.report = self._editor(self.saved["report"], report_default)
        hint = QLabel(_("Leave a paragraph empty to print the standard text shown in grey."), self)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self._group(_("Measures plan"), self.plan), 1)
        layout.addWidget(self._group(_("Measures report"), self.report), 1)
        layout.addWidget(buttons)

    def _editor(self, text: str, standard: str) -> QPlainTextEdit:
        editor = QPlainTextEdit(self)
        editor.setPlaceholderText(standard)
        editor.setPlainText(text)
        return editor

    def _group(self, title: str, editor: QPlainTextEdit) -> QGroupBox:
        box = QGroupBox(title, self)
        start = QPushButton(_("Start from the standard text"), box)
        start.clicked.connect(lambda: editor.setPlainText(editor.placeholderText()))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(start)
        layout = QVBoxLayout(box)
        layout.addWidget(editor, 1)
        layout.addLayout(row)
        return box

    def accept(self) -> None:
        year = self.fiscal_year
        savers = {
            "plan": (self.plan, lambda text: self.services.ita.plan.set_plan_intro(self.user, year, text)),
            "report": (self.report, lambda text: self.services.measures.set_intro(self.user, year, text)),
        }  # fmt: skip
        for key, (editor, save) in savers.items():
            text = editor.toPlainText().strip()
            if text == self.saved[key].strip():
                continue
            try:
                save(text)
            except Exception as err:  # a refusal (permission…) keeps the dialog open
                report_error(err, self)
                return
            self.saved[key], self.changed = text, True
        super().accept()
