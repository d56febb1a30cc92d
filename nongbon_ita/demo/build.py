"""The deterministic demo database: the office of อบต.หนองบอน with one user per role."""

from __future__ import annotations

from nongbon_ita.domain.office import OfficeProfile, Official, SignatureRole
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.registry import Services

DEMO_PASSWORD = "nongbon-demo"  # demo only: printed by the command and listed in the README

DEMO_OFFICE = OfficeProfile(
    name="องค์การบริหารส่วนตำบลหนองบอน",
    short_name="อบต.หนองบอน",
    district="โกสุมพิสัย",
    province="มหาสารคาม",
    address="หมู่ที่ ๑ ตำบลหนองบอน อำเภอโกสุมพิสัย จังหวัดมหาสารคาม ๔๔๑๔๐",
    phone="๐ ๔๓๗๒ ๖๐๐๐",
    website="www.nongbon.go.th",
    letter_code="มค ๘๑๑๐๑",
)

DEMO_DIVISIONS = ("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม")

# (user name = role code, full name, position, division)
DEMO_USERS: tuple[tuple[Role, str, str, str], ...] = (
    (Role.STAFF, "นางสาวสุดา ศรีสุข", "เจ้าพนักงานธุรการ", "สำนักปลัด"),
    (Role.SUPPLY_OFFICER, "นายวีระ พัสดุดี", "เจ้าพนักงานพัสดุ", "กองคลัง"),
    (Role.APPROVER, "นายประเสริฐ ใจธรรม", "ปลัดองค์การบริหารส่วนตำบล", "สำนักปลัด"),
    (Role.FINANCE_REVIEWER, "นางมาลี คลังทอง", "ผู้อำนวยการกองคลัง", "กองคลัง"),
    (Role.COMPLAINT_OFFICER, "นางสาวอรุณี ยุติธรรม", "นิติกร", "สำนักปลัด"),
    (Role.ITA_COORDINATOR, "นายสมศักดิ์ โปร่งใส", "นักวิเคราะห์นโยบายและแผน", "สำนักปลัด"),
)

DEMO_OFFICIALS: tuple[tuple[str, str, SignatureRole], ...] = (
    ("นายบุญมี ศรีหนองบอน", "นายกองค์การบริหารส่วนตำบลหนองบอน", SignatureRole.EXECUTIVE),
    ("นายประเสริฐ ใจธรรม", "ปลัดองค์การบริหารส่วนตำบลหนองบอน", SignatureRole.PERMANENT_SECRETARY),
    ("นางมาลี คลังทอง", "ผู้อำนวยการกองคลัง", SignatureRole.FINANCE_DIRECTOR),
    ("นายวีระ พัสดุดี", "เจ้าพนักงานพัสดุ", SignatureRole.SUPPLY_OFFICER),
    ("นายประเสริฐ ใจธรรม", "ปลัดองค์การบริหารส่วนตำบลหนองบอน", SignatureRole.APPROVER),
    ("นายสมศักดิ์ โปร่งใส", "นักวิเคราะห์นโยบายและแผน", SignatureRole.ITA_COORDINATOR),
    ("นางสาวอรุณี ยุติธรรม", "นิติกร", SignatureRole.COMPLAINT_OFFICER),
)


def build_demo(services: Services) -> str:
    """Fill an empty database with the demo office; returns the admin's recovery code."""
    code = services.setup.initialise(DEMO_OFFICE, "admin", "นายอดิศร ระบบดี", DEMO_PASSWORD)
    admin = services.auth.login("admin", DEMO_PASSWORD, channel="demo")
    for name in DEMO_DIVISIONS:
        services.office.add_division(admin, name)
    divisions = {d.name: d.id for d in services.office.divisions()}
    for role, full_name, position, _division in DEMO_USERS:
        services.users.create_user(admin, role.value, full_name, frozenset({role}),
                                   DEMO_PASSWORD, position)  # fmt: skip
    _demo_users_need_no_password_change(services, divisions)
    for full_name, position, signature_role in DEMO_OFFICIALS:
        services.office.save_official(admin, Official(0, full_name, position, signature_role))
    from nongbon_ita.demo.measures import add_demo_measures

    add_demo_measures(services.ctx, "admin")
    from nongbon_ita.demo.assets import add_demo_assets

    add_demo_assets(services, DEMO_PASSWORD)
    from nongbon_ita.demo.loans import add_demo_loans

    add_demo_loans(services)
    from nongbon_ita.demo.complaints import add_demo_complaints

    add_demo_complaints(services)
    from nongbon_ita.demo.ita import add_demo_ita

    add_demo_ita(services)
    return code


def _demo_users_need_no_password_change(services: Services, divisions: dict[str, int]) -> None:
    """Demo users keep the published demo password; put them in their divisions too."""
    from sqlalchemy import select

    from nongbon_ita.db.models import UserRow

    by_user = {role.value: divisions[division] for role, _n, _p, division in DEMO_USERS}
    with services.ctx.transaction() as session:
        for row in session.scalars(select(UserRow)):
            row.must_change_password = False
            row.division_id = by_user.get(row.username)
