"""The register as an Excel workbook: Thai headers, real B.E. dates, amounts as numbers."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from nongbon_ita.domain.assets.records import STATUS_LABELS, Asset, AssetFilters, AssetSort
from nongbon_ita.i18n.translate import _
from nongbon_ita.reports.xlsx import Column, Kind, XlsxBook
from nongbon_ita.services.assets.queries import search_assets

# The same words the import recognises, so an exported file imports back without mapping.
COLUMNS = (
    Column("หมายเลขครุภัณฑ์", 18), Column("รายการ", 40), Column("ประเภท", 20),
    Column("ยี่ห้อ/รุ่น", 24), Column("หมายเลขเครื่อง", 20), Column("หน่วยนับ", 10),
    Column("วันที่ได้มา", 14, Kind.DATE), Column("ราคา", 14, Kind.MONEY),
    Column("แหล่งงบประมาณ", 20), Column("สถานที่ตั้ง", 20), Column("หน่วยงานรับผิดชอบ", 24),
    Column("สถานะ", 14), Column("ให้ยืมได้", 10), Column("จำนวนคงเหลือ", 12, Kind.NUMBER),
)  # fmt: skip
HEADERS = tuple(column.header for column in COLUMNS)
PAGE = 2000


def _cells(asset: Asset) -> list[object]:
    return [
        asset.asset_number, asset.name, asset.category_name, asset.brand_model, asset.serial,
        asset.unit, asset.acquired_on, asset.value, asset.budget_source, asset.location,
        asset.division_name, _(STATUS_LABELS[asset.status]), "ใช่" if asset.lendable else "ไม่",
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
    book = XlsxBook()
    sheet = book.sheet(title, COLUMNS)
    sheet.rows(_cells(asset) for asset in _all(session, text, filters))
    return book.data()
