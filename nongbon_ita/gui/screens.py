"""Every window and dialog of the app, built on a database with data (the demo): what
scripts/screenshots.py photographs for the manual and what the fit test measures against a
1366×768 screen. Each dialog is built as its page builds it, for the role that opens it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QWidget

from nongbon_ita.domain.loans import LoanStatus
from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services

Build = Callable[[Services, CurrentUser], QWidget]


@dataclass(frozen=True)
class Screen:
    name: str  # the screenshot's file name (without .png), also the manual's reference
    role: Role  # the role that opens it (the demo user of that name)
    build: Build


def _loan(services: Services, user: CurrentUser, status: LoanStatus):  # type: ignore[no-untyped-def]
    from nongbon_ita.services.loans.queries import LoanFilter

    found = services.loans.list_loans(user, LoanFilter(status=status), limit=1)
    if not found:
        raise LookupError(f"no {status.value} loan in this database")
    return services.loans.get(user, found[0].id)


def _complaint_id(services: Services, user: CurrentUser) -> int:
    return services.complaints.queries.page(user, limit=1).rows[0].id


def _measure(services: Services):  # type: ignore[no-untyped-def]
    year = max(services.measures.fiscal_years())
    measures = services.ita.plan.measures(year)
    return year, next((m for m in measures if m.results), measures[0])


def _pdf(services: Services) -> bytes:
    return services.ita.documents.measures_plan_pdf(max(services.measures.fiscal_years()))


def _loan_dialogs() -> Iterator[Screen]:
    from nongbon_ita.gui.loans import step_dialogs as steps
    from nongbon_ita.gui.loans.handout_dialog import HandOutDialog
    from nongbon_ita.gui.loans.request_dialog import RequestDialog
    from nongbon_ita.gui.loans.return_dialog import ReturnDialog
    from nongbon_ita.gui.loans.signoff_dialog import SignOffDialog
    from nongbon_ita.services.loans.register import RegisterQuery

    out, approved = LoanStatus.HANDED_OUT, LoanStatus.APPROVED
    yield Screen("loan-request", Role.STAFF, lambda s, u: RequestDialog(s, u))
    yield Screen("loan-hand-out", Role.SUPPLY_OFFICER,
                 lambda s, u: HandOutDialog(_loan(s, u, approved)))  # fmt: skip
    yield Screen("loan-return", Role.SUPPLY_OFFICER,
                 lambda s, u: ReturnDialog(_loan(s, u, out)))  # fmt: skip
    yield Screen("loan-cancel", Role.SUPPLY_OFFICER,
                 lambda s, u: steps.CancelDialog(_loan(s, u, approved)))  # fmt: skip
    yield Screen("loan-extend", Role.APPROVER,
                 lambda s, u: steps.ExtendDialog(_loan(s, u, out)))  # fmt: skip
    yield Screen("loan-follow-up", Role.SUPPLY_OFFICER,
                 lambda s, u: steps.FollowUpDialog(_loan(s, u, out), s.loans.today(),
                                                   s.loans.suggest_memo_number()))  # fmt: skip
    yield Screen("loan-liability", Role.SUPPLY_OFFICER,
                 lambda s, u: steps.LiabilityDialog(_loan(s, u, out)))  # fmt: skip
    yield Screen("loan-register-sign-off", Role.FINANCE_REVIEWER,
                 lambda s, u: SignOffDialog(s, u, RegisterQuery(s.loans.today().year + 543), ""))  # fmt: skip


def _asset_dialogs() -> Iterator[Screen]:
    from nongbon_ita.gui.assets.asset_dialog import AssetDialog
    from nongbon_ita.gui.assets.categories_dialog import CategoriesDialog
    from nongbon_ita.gui.assets.import_wizard import ImportWizard
    from nongbon_ita.gui.assets.retire_dialog import RetireDialog

    supply = Role.SUPPLY_OFFICER
    yield Screen("asset-edit", supply, lambda s, u: AssetDialog(
        s.assets, u, s.office.divisions(), s.assets.search("", 1)[0]))  # fmt: skip
    yield Screen("asset-retire", supply, lambda s, u: RetireDialog(s.assets.search("", 1)[0]))
    yield Screen("asset-categories", supply, lambda s, u: CategoriesDialog(s.assets, u))
    yield Screen("asset-import", supply, lambda s, u: ImportWizard(s.assets, u))


def _complaint_dialogs() -> Iterator[Screen]:
    from nongbon_ita.gui.complaints.detail_dialog import ComplaintDetailDialog
    from nongbon_ita.gui.complaints.intake_dialog import IntakeDialog
    from nongbon_ita.gui.complaints.settings_dialog import ComplaintSettingsDialog
    from nongbon_ita.gui.complaints.stats_dialog import StatisticsDialog
    from nongbon_ita.gui.complaints.step_dialog import StepDialog

    officer = Role.COMPLAINT_OFFICER
    yield Screen("complaint-intake", Role.STAFF, lambda s, u: IntakeDialog(s, u, False))
    yield Screen("complaint-intake-corruption", officer, lambda s, u: IntakeDialog(s, u, True))
    yield Screen("complaint-detail", officer,
                 lambda s, u: ComplaintDetailDialog(s, u, _complaint_id(s, u)))  # fmt: skip
    yield Screen("complaint-assign", officer, lambda s, u: StepDialog(
        None, "มอบหมาย", "หมายเหตุ", divisions=[(d.id, d.name) for d in s.office.divisions()],
        users=s.complaints.queries.assignable_users(u)))  # fmt: skip
    yield Screen("complaint-conclude", officer,
                 lambda s, u: StepDialog(None, "สรุปผล", "สรุปผลการตรวจสอบ", conclude=True))  # fmt: skip
    yield Screen("complaint-statistics", officer, lambda s, u: StatisticsDialog(s, u))
    yield Screen("complaint-settings", Role.ADMIN, lambda s, u: ComplaintSettingsDialog(s, u))


def _ita_dialogs() -> Iterator[Screen]:
    from nongbon_ita.gui.ita.carry_dialog import CarryDialog
    from nongbon_ita.gui.ita.catalogue_import_dialog import CatalogueImportDialog
    from nongbon_ita.gui.ita.intro_dialog import IntroDialog
    from nongbon_ita.gui.ita.measure_dialog import MeasureDialog
    from nongbon_ita.gui.ita.oit_dialog import OitEntryDialog
    from nongbon_ita.gui.ita.result_dialog import EvidenceDialog, ResultDialog

    ita = Role.ITA_COORDINATOR
    yield Screen("ita-measure", ita, lambda s, u: MeasureDialog(s, u, *_measure(s)))
    yield Screen("ita-plan-intro", ita,
                 lambda s, u: IntroDialog(s, u, max(s.measures.fiscal_years())))  # fmt: skip
    yield Screen("ita-result", ita, lambda s, u: ResultDialog(None, s.ctx.today()))
    yield Screen("ita-evidence", ita, lambda s, u: EvidenceDialog(_measure(s)[1].results[0]))
    yield Screen("ita-carry", ita, lambda s, u: CarryDialog(s, u, _measure(s)[0]))
    yield Screen("ita-catalogue-import", ita,
                 lambda s, u: CatalogueImportDialog(s, u, _measure(s)[0]))  # fmt: skip
    yield Screen("ita-oit-item", ita, lambda s, u: OitEntryDialog(
        s, u, _measure(s)[0], s.ita.oit.entries(_measure(s)[0])[0]))  # fmt: skip


def _other_dialogs() -> Iterator[Screen]:
    from nongbon_ita.gui.about_dialog import AboutDialog
    from nongbon_ita.gui.change_password_dialog import ChangePasswordDialog
    from nongbon_ita.gui.first_run_wizard import FirstRunWizard
    from nongbon_ita.gui.login_dialog import LoginDialog
    from nongbon_ita.gui.official_dialog import OfficialDialog
    from nongbon_ita.gui.user_dialog import UserDialog
    from nongbon_ita.gui.widgets.document_preview import DocumentPreviewDialog

    admin = Role.ADMIN
    yield Screen("login", Role.STAFF,
                 lambda s, u: LoginDialog(s.auth, s.office.profile().name))  # fmt: skip
    yield Screen("change-password", Role.STAFF,
                 lambda s, u: ChangePasswordDialog(u, s.auth.change_own_password))  # fmt: skip
    yield Screen("first-run", admin, lambda s, u: FirstRunWizard(s.setup))
    yield Screen("about", Role.STAFF, lambda s, u: AboutDialog())
    yield Screen("user-edit", admin, lambda s, u: UserDialog(
        s.users, u, s.users.list_users(u)[0], divisions=s.office.divisions()))  # fmt: skip
    yield Screen("official-edit", admin, lambda s, u: OfficialDialog(
        s.office, u, s.office.divisions(), s.office.officials()[0]))  # fmt: skip
    yield Screen("document-preview", Role.ITA_COORDINATOR, lambda s, u: DocumentPreviewDialog(
        None, "แผนมาตรการ", _pdf(s), "measures-plan.pdf"))  # fmt: skip


def dialogs() -> list[Screen]:
    return [*_loan_dialogs(), *_asset_dialogs(), *_complaint_dialogs(), *_ita_dialogs(),
            *_other_dialogs()]  # fmt: skip


def page_views(window: QWidget) -> Iterator[tuple[str, Callable[[], None]]]:
    """(name, show it) for every page of a main window and every tab of a tabbed page."""
    from nongbon_ita.gui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    for key in window.page_keys():
        page = window.page(key)
        tabs = page if isinstance(page, QTabWidget) else page.findChild(QTabWidget)
        if tabs is None or tabs.count() < 2:
            yield key, lambda k=key: window.show_page(k)  # type: ignore[misc]
            continue
        for index in range(tabs.count()):

            def show(k: str = key, t: QTabWidget = tabs, i: int = index) -> None:
                window.show_page(k)
                t.setCurrentIndex(i)

            yield f"{key}-{index + 1}", show
