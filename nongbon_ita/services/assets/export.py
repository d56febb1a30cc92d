"""The register as an Excel workbook: Thai headers, B.E. dates, amounts as numbers."""

from __future__ import annotations

import io
from collections.abc import Iterator

from sqlalchemy.orm import Session

from nongbon_ita.domain.assets.records import STATUS_LABELS, Asset, AssetFilters, AssetSort
from nongbon_ita.i18n.thaiformat import format_date_numeric
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.queries import search_assets

# The same words the import recognises, so an exported file imports back without mapping.
HEADERS = ("หมายเลขครุภัณฑ์", "รายการ", "ประเภท", "ยี่ห้อ/รุ่น", "หมายเลขเครื่อง", "หน่วยนับ",
           "วันที่ได้มา", "ราคา", "แหล่งงบประมาณ", "สถานที่ตั้ง", "หน่วยงานรับผิดชอบ", "สถานะ",
           "ให้ยืมได้", "จำนวนคงเหลือ")  # fmt: skip
WIDTHS = (18, 40, 20, 24, 20, 10, 14, 14, 20, 20, 24, 14, 10, 12)
PAGE = 2000


def _cells(asset: Asset) -> list[object]:
    return [
        asset.asset_number, asset.name, asset.category_name, asset.brand_model, asset.serial,
        asset.unit, format_date_numeric(asset.acquired_on) if asset.acquired_on else "",
        asset.value, asset.budget_source, asset.location, asset.division_name,
        _(STATUS_LABELS[asset.status]), "ใช่" if asset.lendable else "ไม่",
        asset.stock_quantity if asset.consumable else None,
    ]  # fmt: skip


def _all(session: Session, text: str, filters: AssetFilters) -> Iterator[Asset]:
    offset = 0
    while True:
        page = search_assets(session, text, filters, AssetSort.ASSET_NUMBER, False, PAGE, offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def register_xlsx(session: Session, text: str, filters: AssetFilters, title: str) -> bytes:
    """Every asset the list shows (search text and filters), in asset-number order."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text_ in HEADERS:
        cell = WriteOnlyCell(sheet, value=text_)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for asset in _all(session, text, filters):
        cells = _cells(asset)
        value = WriteOnlyCell(sheet, value=cells[7])
        value.number_format = "#,##0.00"
        cells[7] = value
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
