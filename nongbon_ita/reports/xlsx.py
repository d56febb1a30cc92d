"""The one place that writes XLSX: every export (assets, measures, loan register, statistics…) uses it.

What it guarantees, whatever the data:
- Text is text. A value such as ``=HYPERLINK(…)``, ``+1``, ``-2`` or ``@SUM(…)`` is written as a
  string cell (never a formula) and carries Excel's *quote prefix*, so it stays text even when a
  clerk edits the cell (F2, Enter) — the export's value itself is unchanged, so it imports back.
- Stored data never makes an export fail: characters XML cannot carry (NUL, other C0/C1 controls,
  lone surrogates) and invisible or direction-changing ones (zero-width, bidi overrides) become
  U+FFFD; over-long text is cut at Excel's limit of 32,767 characters.
- Dates are real dates (Excel can sort and filter them) shown in the Buddhist Era with
  `DATE_FORMAT`; money is a number shown with ``#,##0.00``.
- Header rows are frozen, column widths set, and the sheet prints on A4 landscape, one page
  wide, with the title and header rows repeated on every page.

Streaming (openpyxl's write-only mode): 100,000 assets never sit in memory as cells.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from nongbon_ita.domain.text import printable

# LCID form [$-xxyyzzzz]: xx=01 Western digits, yy=07 Thai Buddhist calendar, zzzz=041E Thai.
# Excel 2007 and later show 14/03/2567 for 14 March 2024; LibreOffice 7.4 reads it the same (it
# does not understand the newer "[$-th-TH,107]" spelling and would show the serial number).
DATE_FORMAT = "[$-107041E]dd/mm/yyyy"
MONEY_FORMAT = "#,##0.00"
EXCEL_MAX_TEXT = 32767
SHEET_NAME_LIMIT = 31
_SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


class Kind(Enum):
    TEXT = "text"
    DATE = "date"
    MONEY = "money"
    NUMBER = "number"


@dataclass(frozen=True)
class Column:
    header: str
    width: float = 14
    kind: Kind = Kind.TEXT
    wrap: bool = False


def safe_text(value: str) -> str:
    """What a text cell may hold: printable characters (tab and line breaks kept), not too long."""
    text = printable(value)
    if len(text) > EXCEL_MAX_TEXT:
        text = text[: EXCEL_MAX_TEXT - 1] + "…"
    return text


def sheet_name(name: str) -> str:
    """Excel's rules for a sheet's name: 31 characters, none of []:*?/\\."""
    cleaned = safe_text(name).translate(_SHEET_NAME_FORBIDDEN).strip("' ")
    return cleaned[:SHEET_NAME_LIMIT] or "Sheet"


class XlsxSheet:
    """One sheet: optional title lines, a header row, then rows typed by their columns."""

    def __init__(self, ws: Any, columns: Sequence[Column]) -> None:
        self._ws = ws
        self.columns = tuple(columns)

    def typed_cell(self, value: object, column: Column | None, bold: bool = False) -> Any:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font

        cell = WriteOnlyCell(self._ws)
        kind = column.kind if column else Kind.TEXT
        if value is None or value == "":
            cell.value = None
        elif isinstance(value, datetime):
            cell.value = value.replace(tzinfo=None)
            cell.number_format = DATE_FORMAT + " hh:mm"
        elif isinstance(value, date):
            cell.value = value
            cell.number_format = DATE_FORMAT
        elif isinstance(value, bool):
            cell.value = "ใช่" if value else "ไม่"
        elif isinstance(value, int | float | Decimal):
            cell.value = value
            if kind is Kind.MONEY:
                cell.number_format = MONEY_FORMAT
        else:
            # assigned then typed: openpyxl would read a leading "=" as a formula
            cell.value = safe_text(str(value))
            cell.data_type = "s"
            cell.quotePrefix = True
        if bold:
            cell.font = Font(bold=True)
        if column is not None and column.wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        return cell

    def row(self, values: Sequence[object]) -> None:
        """A data row: each value typed by its column (dates, money, numbers, text)."""
        cols: list[Column | None] = [*self.columns]
        cells = [
            self.typed_cell(v, cols[i] if i < len(cols) else None) for i, v in enumerate(values)
        ]
        self._ws.append(cells)

    def rows(self, rows: Iterable[Sequence[object]]) -> None:
        for values in rows:
            self.row(values)

    def line(self, *values: object, bold: bool = False, money: bool = False) -> None:
        """A free row outside the table (totals, notes): text, or a label and a number."""
        column = Column("", kind=Kind.MONEY) if money else None
        self._ws.append([self.typed_cell(v, column, bold) for v in values])

    def blank(self) -> None:
        self._ws.append([])


class XlsxBook:
    """A workbook of typed sheets; `data()` gives the file's bytes."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self._book = Workbook(write_only=True)

    def sheet(self, name: str, columns: Sequence[Column], title: Sequence[str] = ()) -> XlsxSheet:
        """A sheet with its title lines and header row written, frozen and repeated in print."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        ws = self._book.create_sheet(sheet_name(name))
        for index, column in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        header_row = len(title) + 1
        ws.freeze_panes = f"A{header_row + 1}"
        ws.print_title_rows = f"1:{header_row}"
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as needed
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        sheet = XlsxSheet(ws, columns)
        for line in title:
            sheet.line(line, bold=True)
        ws.append([sheet.typed_cell(c.header, None, bold=True) for c in columns])
        return sheet

    def data(self) -> bytes:
        out = io.BytesIO()
        self._book.save(out)
        return out.getvalue()
