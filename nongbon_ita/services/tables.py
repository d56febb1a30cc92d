"""Read a table (CSV or XLSX) or a JSON document from a file the office hands over.

Shared by every import (ITA measures, the asset register, …): the callers parse the rows.
CSV comes as UTF-8 (with or without a BOM) or as cp874/TIS-620, the way Thai Excel saves it:
UTF-8 is tried first, cp874 is the fallback. XLSX is read from its first sheet, header row first.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

from nongbon_ita.domain.errors import N_, ValidationError

TableRows = list[dict[str, str | None]]


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (a BOM is dropped), else cp874/TIS-620."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874")
    except UnicodeDecodeError:
        raise ValidationError(
            N_("The file {name} is neither UTF-8 nor TIS-620 (cp874) text."), name=name
        ) from None


def _rows_of(table: list[list[str]]) -> TableRows:
    """Header row first; columns without a header are dropped."""
    if not table:
        return []
    header = table[0]
    rows: TableRows = []
    for values in table[1:]:
        padded = values + [""] * (len(header) - len(values))
        rows.append({h: v for h, v in zip(header, padded, strict=False) if h.strip()})
    if not rows:  # a header and no data: keep the header so the parser can say what is missing
        rows.append(dict.fromkeys((h for h in header if h.strip()), ""))
    return rows


def read_csv_rows(data: bytes, name: str = "") -> TableRows:
    text = decode_text(data, name)
    try:
        table = [row for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as error:
        raise ValidationError(
            N_("The file {name} is not a valid CSV file: {reason}"), name=name, reason=str(error)
        ) from None
    return _rows_of(table)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def read_xlsx_rows(path: Path) -> TableRows:
    """The first sheet of a workbook, header row first."""
    import openpyxl  # lazily: only XLSX imports need it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises zip, XML and its own errors for a damaged file
        raise ValidationError(
            N_("The file {name} cannot be read as an Excel workbook (.xlsx)."), name=path.name
        ) from None
    try:
        sheet = workbook.worksheets[0]
        table = [[_cell_text(v) for v in values] for values in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    return _rows_of(table)


def read_json(data: bytes, name: str = "") -> object:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(
            N_("The file {name} is not valid UTF-8 JSON: {reason}"), name=name, reason=str(error)
        ) from None
