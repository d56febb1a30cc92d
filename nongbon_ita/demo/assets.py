"""About 300 assets of a subdistrict office for the demo database (deterministic).

Numbers follow a DLA-like pattern (category code - B.E. year of acquisition - running number,
e.g. 416-59-0001); the exact national pattern is unconfirmed, so the app stores numbers as text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from nongbon_ita.domain.assets.records import AssetCategory, AssetDraft, AssetStatus
from nongbon_ita.services.registry import Services

SEED = 2567


@dataclass(frozen=True)
class Kind:
    category: str
    name: str
    unit: str
    brands: tuple[str, ...]
    price: tuple[int, int]
    count: int
    lendable: bool
    location: str
    division: str
    serial_prefix: str = ""  # "" for things without a maker's serial (chairs, tents)
    stock: tuple[int, int] | None = None  # consumables


# category → (DLA-like code, longest loan in days or None)
CATEGORIES: dict[str, tuple[str, int | None]] = {
    "ครุภัณฑ์สำนักงาน": ("401", 7),
    "ครุภัณฑ์ยานพาหนะและขนส่ง": ("405", None),
    "ครุภัณฑ์ไฟฟ้าและวิทยุ": ("407", 7),
    "ครุภัณฑ์งานบ้านงานครัว": ("410", 7),
    "ครุภัณฑ์การเกษตร": ("420", 15),
    "ครุภัณฑ์โฆษณาและเผยแพร่": ("452", 3),
    "ครุภัณฑ์คอมพิวเตอร์": ("416", 7),
    "วัสดุสำนักงาน": ("ว", None),
}

OFFICE, FINANCE, WORKS, EDUCATION = (
    "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม")  # fmt: skip

KINDS: tuple[Kind, ...] = (
    Kind("ครุภัณฑ์คอมพิวเตอร์", "เครื่องคอมพิวเตอร์ตั้งโต๊ะ สำหรับงานประมวลผล", "เครื่อง",
         ("Dell OptiPlex 3080", "HP ProDesk 400 G7", "Lenovo ThinkCentre M70s"), (17000, 24000),
         35, False, "ห้องสำนักปลัด", OFFICE, "CN"),
    Kind("ครุภัณฑ์คอมพิวเตอร์", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก สำหรับงานประมวลผล", "เครื่อง",
         ("Lenovo ThinkPad E14", "Acer TravelMate P214"), (22000, 24000), 10, True,
         "ห้องสำนักปลัด", OFFICE, "NB"),
    Kind("ครุภัณฑ์คอมพิวเตอร์", "เครื่องพิมพ์เลเซอร์ ขาวดำ", "เครื่อง",
         ("HP LaserJet Pro M404dn", "Brother HL-L2370DN"), (7900, 8900), 12, False,
         "ห้องกองคลัง", FINANCE, "VNB"),
    Kind("ครุภัณฑ์คอมพิวเตอร์", "เครื่องพิมพ์ชนิดฉีดหมึกพร้อมติดตั้งถังหมึกพิมพ์", "เครื่อง",
         ("Epson L3210", "Canon G2010"), (4300, 5200), 8, False, "ห้องกองช่าง", WORKS, "X5"),
    Kind("ครุภัณฑ์คอมพิวเตอร์", "เครื่องสำรองไฟฟ้า ขนาด 800 VA", "เครื่อง",
         ("APC BX800LI-MS", "Syndome ECO II-800"), (2500, 3200), 10, False, "ห้องสำนักปลัด",
         OFFICE, "UPS"),
    Kind("ครุภัณฑ์โฆษณาและเผยแพร่", "เครื่องมัลติมีเดียโปรเจคเตอร์ ระดับ XGA", "เครื่อง",
         ("Epson EB-X51", "BenQ MX560"), (18000, 26000), 4, True, "ห้องประชุม อบต.", OFFICE,
         "PJ"),
    Kind("ครุภัณฑ์โฆษณาและเผยแพร่", "จอรับภาพ ชนิดมอเตอร์ไฟฟ้า ขนาด 120 นิ้ว", "จอ",
         ("Vertex", "Apollo"), (9000, 12000), 3, True, "ห้องประชุม อบต.", OFFICE, ""),
    Kind("ครุภัณฑ์โฆษณาและเผยแพร่", "ชุดเครื่องเสียงเคลื่อนที่ พร้อมลำโพง", "ชุด",
         ("Yamaha EMX5", "Behringer Europort PPA500BT"), (25000, 45000), 5, True,
         "โรงเก็บพัสดุ", OFFICE, "SND"),
    Kind("ครุภัณฑ์โฆษณาและเผยแพร่", "ไมโครโฟนไร้สาย แบบมือถือคู่", "ชุด",
         ("Shure BLX288A", "JTS US-903DC"), (6000, 14000), 6, True, "โรงเก็บพัสดุ", OFFICE,
         "MIC"),
    Kind("ครุภัณฑ์โฆษณาและเผยแพร่", "กล้องถ่ายภาพระบบดิจิทัล", "ตัว",
         ("Canon EOS M50", "Sony ZV-E10"), (21000, 28000), 2, True, "ห้องสำนักปลัด", OFFICE,
         "CAM"),
    Kind("ครุภัณฑ์งานบ้านงานครัว", "เต็นท์ผ้าใบ ขนาด 4 x 8 เมตร พร้อมโครงเหล็ก", "หลัง",
         ("",), (18000, 22000), 12, True, "โรงเก็บพัสดุ", OFFICE),
    Kind("ครุภัณฑ์สำนักงาน", "เก้าอี้พลาสติก มีพนักพิง", "ตัว", ("ศรีไทยซุปเปอร์แวร์",),
         (250, 350), 60, True, "โรงเก็บพัสดุ", OFFICE),
    Kind("ครุภัณฑ์สำนักงาน", "โต๊ะพับอเนกประสงค์ หน้าโฟเมก้า", "ตัว", ("",), (1800, 2600), 20,
         True, "โรงเก็บพัสดุ", OFFICE),
    Kind("ครุภัณฑ์สำนักงาน", "โต๊ะทำงานเหล็ก ขนาด 5 ฟุต", "ตัว", ("Lucky World", "Elegant"),
         (4500, 6500), 15, False, "ห้องสำนักปลัด", OFFICE),
    Kind("ครุภัณฑ์สำนักงาน", "เก้าอี้สำนักงาน มีพนักพิง ปรับระดับได้", "ตัว",
         ("Modernform", "Lucky World"), (2500, 4500), 25, False, "ห้องกองคลัง", FINANCE),
    Kind("ครุภัณฑ์สำนักงาน", "ตู้เหล็กเก็บเอกสาร แบบ 2 บาน", "หลัง", ("Lucky World", "Elegant"),
         (5500, 6500), 15, False, "ห้องกองคลัง", FINANCE),
    Kind("ครุภัณฑ์สำนักงาน", "เครื่องปรับอากาศ แบบแยกส่วน ขนาด 24,000 บีทียู", "เครื่อง",
         ("Daikin FTM24", "Mitsubishi Electric MSY-GR24"), (28000, 36000), 8, False,
         "ห้องประชุม อบต.", OFFICE, "AC"),
    Kind("ครุภัณฑ์ไฟฟ้าและวิทยุ", "พัดลมตั้งพื้น ขนาด 18 นิ้ว", "เครื่อง",
         ("Hatari HT-S18M", "Mitsubishi R18-GA"), (1200, 1900), 12, True, "โรงเก็บพัสดุ",
         OFFICE, "FAN"),
    Kind("ครุภัณฑ์ไฟฟ้าและวิทยุ", "เครื่องกำเนิดไฟฟ้า ขนาด 2.5 กิโลวัตต์", "เครื่อง",
         ("Honda EP2500CX",), (28000, 35000), 2, True, "โรงเก็บพัสดุ", WORKS, "GEN"),
    Kind("ครุภัณฑ์ไฟฟ้าและวิทยุ", "วิทยุสื่อสาร ชนิดมือถือ ขนาด 5 วัตต์", "เครื่อง",
         ("Spender TC-245H", "ICOM IC-G80"), (6000, 9000), 8, True, "ห้องสำนักปลัด", OFFICE,
         "RD"),
    Kind("ครุภัณฑ์งานบ้านงานครัว", "ตู้ทำน้ำเย็น แบบต่อท่อ 2 ก๊อก", "ตู้",
         ("Sanyo", "Mitsubishi"), (9000, 14000), 3, False, "ห้องประชุม อบต.", OFFICE, "WC"),
    Kind("ครุภัณฑ์การเกษตร", "เครื่องสูบน้ำ แบบหอยโข่ง ขนาด 3 นิ้ว", "เครื่อง",
         ("Mitsubishi WCM-2205", "Kubota RT140"), (15000, 28000), 8, True, "โรงเก็บพัสดุ",
         WORKS, "WP"),
    Kind("ครุภัณฑ์การเกษตร", "เครื่องตัดหญ้า แบบข้อแข็ง", "เครื่อง", ("Honda GX35", "Makita EM2500U"),
         (9500, 12000), 6, True, "โรงเก็บพัสดุ", WORKS, "GC"),
    Kind("ครุภัณฑ์ยานพาหนะและขนส่ง", "รถบรรทุก (ดีเซล) ขนาด 1 ตัน ขับเคลื่อน 2 ล้อ", "คัน",
         ("Toyota Hilux Revo", "Isuzu D-Max"), (780000, 850000), 2, False, "โรงจอดรถ อบต.",
         OFFICE, "MR0"),
    Kind("ครุภัณฑ์ยานพาหนะและขนส่ง", "รถจักรยานยนต์ ขนาด 110 ซีซี", "คัน", ("Honda Wave 110i",),
         (42000, 48000), 2, False, "โรงจอดรถ อบต.", WORKS, "JA"),
    Kind("วัสดุสำนักงาน", "กระดาษถ่ายเอกสาร A4 80 แกรม", "รีม", ("Double A", "IQ"),
         (110, 130), 1, True, "ห้องพัสดุ", FINANCE, stock=(80, 200)),
    Kind("วัสดุสำนักงาน", "หมึกพิมพ์เลเซอร์ HP 76A", "กล่อง", ("HP",), (2900, 3300), 1, False,
         "ห้องพัสดุ", FINANCE, stock=(2, 10)),
    Kind("วัสดุสำนักงาน", "แฟ้มเอกสาร สันกว้าง 3 นิ้ว", "แฟ้ม", ("ตราช้าง",), (90, 120), 1,
         False, "ห้องพัสดุ", FINANCE, stock=(20, 60)),
    Kind("วัสดุสำนักงาน", "ปากกาลูกลื่น สีน้ำเงิน", "กล่อง", ("Faster", "Quantum"), (95, 150), 1,
         False, "ห้องพัสดุ", FINANCE, stock=(5, 30)),
    Kind("วัสดุสำนักงาน", "ถุงขยะดำ ขนาด 30 x 40 นิ้ว", "แพ็ค", ("แชมเปี้ยน",), (45, 60), 1,
         True, "ห้องพัสดุ", FINANCE, stock=(10, 50)),
    Kind("วัสดุสำนักงาน", "น้ำดื่มบรรจุขวด 600 มล.", "แพ็ค", ("สิงห์", "คริสตัล"), (55, 70), 1,
         True, "ห้องพัสดุ", FINANCE, stock=(20, 80)),
)  # fmt: skip

BUDGETS = ("งบประมาณรายจ่ายประจำปี", "เงินสะสม", "เงินอุดหนุนเฉพาะกิจ")


def _draft(rng: random.Random, kind: Kind, number: str, year_be: int, category_id: int,
           division_id: int | None) -> AssetDraft:  # fmt: skip
    acquired = date(year_be - 543 - (1 if rng.random() < 0.5 else 0), rng.randint(1, 12),
                    rng.randint(1, 28))  # fmt: skip
    serial = ""
    if kind.serial_prefix:
        serial = kind.serial_prefix + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
                                              for _ in range(9))  # fmt: skip
    budget = rng.choice(BUDGETS)
    if budget == BUDGETS[0]:
        budget += f" พ.ศ. {year_be}"
    return AssetDraft(
        asset_number=number, name=kind.name, category_id=category_id,
        brand_model=rng.choice(kind.brands), serial=serial, unit=kind.unit, acquired_on=acquired,
        value=Decimal(rng.randint(*kind.price) // 10 * 10), budget_source=budget,
        location=kind.location, division_id=division_id,
        status=AssetStatus.IN_REPAIR if kind.stock is None and rng.random() < 0.04
        else AssetStatus.AVAILABLE,
        lendable=kind.lendable, consumable=kind.stock is not None,
        stock_quantity=rng.randint(*kind.stock) if kind.stock else None,
    )  # fmt: skip


def add_demo_assets(services: Services, password: str = "nongbon-demo") -> int:
    """Categories and about 300 assets, entered by the demo supply officer; returns the count."""
    rng = random.Random(SEED)
    officer = services.auth.login("supply_officer", password, channel="demo")
    categories = {
        name: services.assets.categories.save(officer, AssetCategory(0, name, days)).id
        for name, (_code, days) in CATEGORIES.items()
    }
    divisions = {d.name: d.id for d in services.office.divisions()}
    running: dict[tuple[str, int], int] = {}
    created = []
    for kind in KINDS:
        code = CATEGORIES[kind.category][0]
        for _ in range(kind.count):
            year_be = 2567 if kind.stock else rng.randint(2555, 2567)
            key = (code, year_be)
            running[key] = running.get(key, 0) + 1
            number = f"{code}-{year_be % 100:02d}-{running[key]:04d}"
            draft = _draft(rng, kind, number, year_be, categories[kind.category],
                           divisions.get(kind.division))  # fmt: skip
            created.append(services.assets.create(officer, draft))
    for asset in rng.sample([a for a in created if not a.consumable and not a.lendable], 4):
        status = AssetStatus.LOST if asset.value and asset.value < 3000 else AssetStatus.DISPOSED
        services.assets.retire(officer, asset.id, status, asset.version, "ชำรุดเกินกว่าจะซ่อมได้")
    return len(created)
