"""The OIT link list for ITAS: one row per item in code order — code, name, addresses, status —
as CSV (UTF-8 with a BOM, so Thai Excel opens it) or XLSX, and as text for the clipboard."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.ita.oit import OitEntry

HEADERS = ("รหัส", "รายการ", "URL", "สถานะ")


def link_rows(entries: Sequence[OitEntry]) -> list[tuple[str, str, str, str]]:
    return [(e.code, e.name, "\n".join(e.urls), e.status.thai) for e in entries]


def clipboard_text(entries: Sequence[OitEntry]) -> str:
    """Tab-separated, one address a line (an item with several gives several lines)."""
    lines = []
    for entry in entries:
        for url in entry.urls or ("",):
            lines.append(f"{entry.code}\t{entry.name}\t{url}")
    return "\n".join(lines) + "\n"


def write_oit_links(entries: Sequence[OitEntry], out: Path) -> Path:
    out = out.expanduser().absolute()
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(
            N_("The link list is written as .xlsx or .csv, not “{name}”."), field="out",
            name=out.name,
        )  # fmt: skip
    if not out.parent.is_dir():
        raise NotFoundError(N_("Folder not found: {path}"), path=str(out.parent))
    partial = out.with_name(out.name + ".partial")
    rows = link_rows(entries)
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(HEADERS)
        writer.writerows(rows)
        partial.write_text(buffer.getvalue(), encoding="utf-8-sig")
    else:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "OIT"
        sheet.append(HEADERS)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column, width in zip("ABCD", (8, 60, 60, 14), strict=True):
            sheet.column_dimensions[column].width = width
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        book.save(partial)
    partial.replace(out)
    return out
