"""The column headers an office's register file uses for each field, and their usual variants.

Registers come from Excel sheets kept by hand and from the DLA's e-LAAS (its asset register
export). Headers differ in small ways — spaces around a slash ("ยี่ห้อ / รุ่น"), a unit in
brackets ("ราคา (บาท)", "มูลค่า [บาท]"), a trailing colon — so a header is looked up as written
first, then in its plain form (`plain_header`).
"""

from __future__ import annotations

import re

# Thai headers → field; the e-LAAS export's names are included (รหัสทรัพย์สิน, ราคาทุน, …)
THAI_HEADERS: dict[str, str] = {
    "หมายเลขครุภัณฑ์": "asset_number", "เลขครุภัณฑ์": "asset_number", "รหัสครุภัณฑ์": "asset_number",
    "รหัสพัสดุ": "asset_number", "เลขทะเบียนครุภัณฑ์": "asset_number",
    "เลขที่ครุภัณฑ์": "asset_number", "รหัสทรัพย์สิน": "asset_number",
    "เลขทะเบียนทรัพย์สิน": "asset_number", "หมายเลขทรัพย์สิน": "asset_number",
    "รายการ": "name", "ชื่อครุภัณฑ์": "name", "ชื่อพัสดุ": "name", "รายการครุภัณฑ์": "name",
    "ชื่อทรัพย์สิน": "name", "รายการทรัพย์สิน": "name",
    "ประเภท": "category", "ประเภทครุภัณฑ์": "category", "หมวด": "category",
    "ประเภททรัพย์สิน": "category", "หมวดครุภัณฑ์": "category",
    "ยี่ห้อ/รุ่น": "brand_model", "ยี่ห้อ": "brand_model", "ยี่ห้อ รุ่น": "brand_model",
    "ยี่ห้อ/แบบ/รุ่น": "brand_model", "ยี่ห้อ/ชนิด/แบบ/ขนาด/ลักษณะ": "brand_model",
    "รุ่น/แบบ": "brand_model", "รุ่น": "brand_model",
    "หมายเลขเครื่อง": "serial", "หมายเลขซีเรียล": "serial", "หมายเลขและทะเบียน": "serial",
    "หมายเลขเครื่อง/ทะเบียน": "serial",
    "หน่วยนับ": "unit", "หน่วย": "unit",
    "วันที่ได้มา": "acquired_on", "วันที่ได้รับ": "acquired_on", "วันที่จัดซื้อ": "acquired_on",
    "วันที่รับ": "acquired_on", "วัน/เดือน/ปี": "acquired_on", "ว/ด/ป": "acquired_on",
    "ราคา": "value", "ราคาต่อหน่วย": "value", "มูลค่า": "value", "ราคาทุน": "value",
    "ราคาต่อหน่วย/ชุด": "value",
    "แหล่งงบประมาณ": "budget_source", "แหล่งเงิน": "budget_source", "ประเภทเงิน": "budget_source",
    "แหล่งที่มาของเงิน": "budget_source", "แหล่งที่มาของงบประมาณ": "budget_source",
    "สถานที่ตั้ง": "location", "สถานที่ตั้ง/อยู่": "location", "ที่ตั้ง": "location",
    "สถานที่ใช้งาน": "location", "สถานที่เก็บ": "location", "ที่เก็บ": "location",
    "ที่อยู่ครุภัณฑ์": "location",
    "หน่วยงานรับผิดชอบ": "division", "หน่วยงานที่รับผิดชอบ": "division", "ผู้รับผิดชอบ": "division",
    "ส่วนราชการ": "division", "กอง/สำนัก": "division", "หน่วยงาน": "division",
    "ส่วนราชการที่รับผิดชอบ": "division",
    "จำนวนคงเหลือ": "stock_quantity", "คงเหลือ": "stock_quantity",
}  # fmt: skip

# a field several columns may feed together ("ยี่ห้อ" and "รุ่น/แบบ" side by side in e-LAAS)
JOINED_FIELDS = frozenset({"brand_model"})

_BRACKETED = re.compile(r"[(\[（][^)\]）]*[)\]）]")
_AROUND_SLASH = re.compile(r"\s*/\s*")


def normalise_header(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).lower()


def plain_header(header: str) -> str:
    """The header without a unit in brackets, spaces around slashes or a trailing colon/dot."""
    text = _BRACKETED.sub(" ", header.replace("\ufeff", ""))
    text = _AROUND_SLASH.sub("/", text)
    return normalise_header(text).rstrip(":.").strip()
