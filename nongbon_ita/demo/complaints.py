"""About 150 demo complaints from fiscal year 2566 to today, across every channel, category and
outcome; the latest ones still open near their deadline, so the dashboard is live.

Deterministic: a seeded random.Random, dates before a fixed anchor (the first of the current
fiscal year) fixed, the recent ones placed relative to today. The service clock is moved to each
step's moment so timelines and deadlines read as if the office had worked through them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

from nongbon_ita.domain.calendar import OFFICE_ZONE, fiscal_year, fiscal_year_range, office_date
from nongbon_ita.domain.complaints.kinds import Category, Channel, Outcome
from nongbon_ita.domain.complaints.public_code import seeded_codes
from nongbon_ita.domain.complaints.records import ComplaintIdentity, NewComplaint, Referral
from nongbon_ita.domain.complaints.working_days import WorkingCalendar
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.services.registry import Services

DEMO_PASSWORD = "nongbon-demo"
# how far each recent complaint has gone: 0 received … 4 concluded, 5 informed, 6 closed
RECENT_STAGES = (0, 1, 2, 3, 4, 5, 6, 3, 4, 3, 2, 5)
SUBJECTS: dict[Category, tuple[str, ...]] = {
    Category.CORRUPTION: (
        "เจ้าหน้าที่เรียกรับเงินค่าธรรมเนียมเกินอัตราที่กำหนด",
        "ร้องเรียนการเบิกค่าตอบแทนล่วงเวลาโดยไม่ได้ปฏิบัติงานจริง",
        "นำรถยนต์ส่วนกลางไปใช้ในธุระส่วนตัว",
        "เจ้าหน้าที่ไม่มาปฏิบัติราชการแต่ลงชื่อมาทำงาน",
        "เรียกรับผลประโยชน์ในการออกใบอนุญาตก่อสร้างอาคาร",
        "การจ่ายเบี้ยยังชีพผู้สูงอายุไม่ครบตามจำนวน",
    ),
    Category.PROCUREMENT: (
        "การจัดซื้อวัสดุสำนักงานราคาสูงกว่าท้องตลาด",
        "โครงการก่อสร้างถนนคอนกรีตไม่เป็นไปตามแบบ",
        "ผู้รับจ้างก่อสร้างรางระบายน้ำทิ้งงานไม่แล้วเสร็จ",
        "การกำหนดคุณลักษณะครุภัณฑ์เอื้อผู้ขายรายเดียว",
    ),
    Category.GENERAL: (
        "ไฟฟ้าส่องสว่างสาธารณะดับหลายจุด",
        "ถนนในหมู่บ้านชำรุดเป็นหลุมบ่อ",
        "ขยะตกค้างไม่มีการเก็บขน",
        "น้ำประปาหมู่บ้านขุ่นและไหลไม่แรง",
        "เสียงดังรบกวนจากร้านคาราโอเกะยามวิกาล",
        "สุนัขจรจัดจำนวนมากในชุมชน",
        "กลิ่นเหม็นจากฟาร์มเลี้ยงสุกร",
        "ท่อระบายน้ำอุดตันน้ำท่วมขัง",
    ),
    Category.OTHER: (
        "ขอให้ปรับปรุงการให้บริการของศูนย์พัฒนาเด็กเล็ก",
        "สอบถามสิทธิการรับเบี้ยความพิการ",
    ),
}
FIRST = ("นาย", "นาง", "นางสาว")
GIVEN = ("สมชาย", "สมหญิง", "บุญเรือง", "ประยูร", "มาลัย", "ทองใบ", "สุนทร", "จันทร์เพ็ญ",
         "วิไล", "ก้องเกียรติ", "อำนวย", "พรทิพย์")  # fmt: skip
FAMILY = ("ศรีสมบูรณ์", "ใจกล้า", "ทองดี", "บุญมา", "แก้วกล้า", "พลอยงาม", "สายสุวรรณ",
          "มีสุข")  # fmt: skip
AGENCIES = ("สำนักงานป้องกันและปราบปรามการทุจริตแห่งชาติประจำจังหวัดมหาสารคาม",
            "การไฟฟ้าส่วนภูมิภาคอำเภอโกสุมพิสัย", "สำนักงานเทศบาลตำบลโกสุมพิสัย")  # fmt: skip


# referred channels: the referring body's reference as it writes it, and whom the office answers
_REFERRERS: dict[Channel, tuple[str, str]] = {
    Channel.TRAFFY: ("2026-{code}", ""),
    Channel.GOV_1111: ("1111-{n:06d}", "ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี"),
    Channel.DAMRONGDHAMMA: ("มค 0017.3/{n}", "ผู้อำนวยการศูนย์ดำรงธรรมจังหวัดมหาสารคาม"),
    Channel.DISTRICT: ("มค 0318/{n}", "นายอำเภอโกสุมพิสัย"),
    Channel.NACC: ("ปช 0021/{n}", "ผู้อำนวยการสำนักงาน ป.ป.ช. ประจำจังหวัดมหาสารคาม"),
    Channel.PACC: ("ปท 0004/{n}", "ผู้อำนวยการสำนักงาน ป.ป.ท. เขต ๔"),
    Channel.OTHER_AGENCY: ("มค 51001/{n}", "นายกองค์การบริหารส่วนจังหวัดมหาสารคาม"),
}


def _referral(rng: random.Random, channel: Channel, received: date) -> Referral:
    if not channel.referred:
        return Referral()
    pattern, report_to = _REFERRERS[channel]
    code = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))
    reference = pattern.format(n=rng.randint(100, 9999), code=code)
    dated = received - timedelta(days=rng.randint(0, 5))
    due_on = dated + timedelta(days=30) if rng.random() < 0.5 else None  # its own deadline
    return Referral(reference, dated, due_on, report_to)


def _id_number(rng: random.Random) -> str:
    digits = [rng.randint(1, 8)] + [rng.randint(0, 9) for _ in range(11)]
    check = (11 - sum(d * (13 - i) for i, d in enumerate(digits)) % 11) % 10
    return "".join(map(str, [*digits, check]))


def _identity(rng: random.Random, anonymous: bool, category: Category) -> ComplaintIdentity:
    accused = ""
    if category in (Category.CORRUPTION, Category.PROCUREMENT):
        accused = f"{rng.choice(FIRST[:2])}{rng.choice(GIVEN)} {rng.choice(FAMILY)} (เจ้าหน้าที่)"
    if anonymous:
        return ComplaintIdentity(accused=accused)
    village = rng.randint(1, 12)
    return ComplaintIdentity(
        name=f"{rng.choice(FIRST)}{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
        address=f"{rng.randint(1, 199)} หมู่ที่ {village} ตำบลหนองบอน อำเภอโกสุมพิสัย "
        "จังหวัดมหาสารคาม ๔๔๑๔๐",
        phone=f"08{rng.randint(10000000, 99999999)}",
        id_number=_id_number(rng) if rng.random() < 0.5 else "",
        accused=accused,
    )


def _moment(day: date, rng: random.Random) -> datetime:
    local = datetime.combine(day, time(rng.randint(8, 15), rng.randint(0, 59)), OFFICE_ZONE)
    return local.astimezone(UTC)


def add_demo_complaints(services: Services) -> None:
    rng = random.Random(2567)
    ctx = services.ctx
    real_clock = ctx.clock
    today = office_date(real_clock())
    intake = services.complaints.intake
    intake.new_code = seeded_codes(2567)
    staff = services.auth.login("staff", DEMO_PASSWORD, channel="demo")
    officer = services.auth.login("complaint_officer", DEMO_PASSWORD, channel="demo")
    divisions = [d.id for d in services.office.divisions()]
    calendar = WorkingCalendar()
    start = fiscal_year_range(2566).start
    anchor = fiscal_year_range(fiscal_year(today)).start
    days: list[date] = sorted(start + timedelta(days=rng.randrange((anchor - start).days))
                              for _ in range(135))  # fmt: skip
    recent = [calendar.add(today, 0) - timedelta(days=d) for d in range(24, 0, -2)]
    days += [d for d in recent if d <= today]
    channels, categories = list(Channel), list(Category)
    plain = [c for c in channels if not c.referred]
    try:
        for index, received_on in enumerate(days):
            category = categories[index % len(categories)] if index < 8 else rng.choices(
                categories, weights=(3, 2, 6, 1))[0]  # fmt: skip
            # every channel once at first, then a referred one now and then
            channel = channels[index % len(channels)] if index < 24 else rng.choice(
                channels if rng.random() < 0.25 else plain)  # fmt: skip
            anonymous = rng.random() < (0.35 if category is Category.CORRUPTION else 0.15)
            ctx.clock = _fixed(_moment(received_on, rng))
            summary = intake.receive(staff, NewComplaint(
                received_at=ctx.clock(), channel=channel, category=category,
                subject=rng.choice(SUBJECTS[category]),
                details="ผู้ร้องแจ้งว่าเหตุการณ์เกิดขึ้นต่อเนื่องมาระยะหนึ่ง ขอให้ตรวจสอบและแก้ไข",
                place=f"หมู่ที่ {rng.randint(1, 12)} ตำบลหนองบอน", anonymous=anonymous,
                identity=_identity(rng, anonymous, category),
                referral=_referral(rng, channel, received_on)))  # fmt: skip
            last_stage = 6 if received_on < anchor else RECENT_STAGES[index % len(RECENT_STAGES)]
            _work_through(services, rng, summary.id, received_on, today, anonymous, calendar,
                          officer, divisions, last_stage)  # fmt: skip
    finally:
        ctx.clock = real_clock


def _fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def _work_through(services: Services, rng: random.Random, complaint_id: int, received: date,
                  today: date, anonymous: bool, calendar: WorkingCalendar, officer: CurrentUser,
                  divisions: list[int], last_stage: int) -> None:  # fmt: skip
    """Move one complaint as far as its age allows: old ones closed, recent ones still open."""
    ctx, flow = services.ctx, services.complaints.workflow
    age = calendar.between(received, today)
    version: int | None = None

    stage = 0

    def at(working_days: int) -> bool:
        nonlocal stage
        stage += 1
        day = calendar.add(received, working_days)
        if day > today or stage > last_stage:
            return False
        ctx.clock = _fixed(_moment(day, rng))
        return True

    def step(action: Callable[..., object], *args: object, **kwargs: object) -> None:
        nonlocal version
        summary = action(officer, complaint_id, version, *args, **kwargs)
        version = summary.version  # type: ignore[attr-defined]

    if not anonymous and rng.random() < 0.9:
        step(flow.acknowledge)
    stage = 0
    if anonymous and rng.random() < 0.3 and at(1):
        step(flow.reject, "ผู้ร้องไม่เปิดเผยตัวตนและข้อเท็จจริงไม่เพียงพอต่อการตรวจสอบ (บัตรสนเท่ห์)")
        return
    if not at(1):
        return
    step(flow.accept)
    if not at(2):
        return
    step(flow.assign, rng.choice(divisions), officer.id)
    if not at(3):
        return
    step(flow.start_investigation)
    if rng.random() < 0.15 and calendar.add(received, 4) <= today:
        ctx.clock = _fixed(_moment(calendar.add(received, 4), rng))
        step(flow.pause, "รอเอกสารเพิ่มเติมจากผู้ร้อง")
        resume_on = calendar.add(received, 4 + rng.randint(2, 6))
        if resume_on > today:
            return
        ctx.clock = _fixed(_moment(resume_on, rng))
        step(flow.resume)
    finish = rng.randint(6, 22) if age > 30 else max(4, min(age - 1, rng.randint(5, 16)))
    if not at(finish):
        return
    outcome = rng.choices(list(Outcome), weights=(3, 4, 2))[0]
    agency = rng.choice(AGENCIES) if outcome is Outcome.REFERRED else ""
    step(flow.conclude, outcome, agency, "ตรวจสอบข้อเท็จจริงและดำเนินการตามอำนาจหน้าที่แล้ว")
    if not anonymous and at(finish + 1):
        step(flow.inform)
    if at(finish + rng.randint(2, 4)):
        step(flow.close)
