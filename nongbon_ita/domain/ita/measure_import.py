"""Turn an imported table of ITA measures (CSV/XLSX rows or the JSON form) into measure rows.

Pure: the caller decodes the file (services/ita/measure_files.py) and hands over either a list of
rows keyed by header name or the JSON document. A bad file is refused whole: the first problem
raises a ValidationError naming the row (1 = the first data row) and the column as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.domain.ita.report import AssessmentForm, MeasureRow

FIRST_FISCAL_YEAR = 2500
LAST_FISCAL_YEAR = 2700
MAX_SHORT_TEXT = 300  # indicator and sub-indicator columns (String(300) in the database)

COLUMNS = ("form", "indicator", "sub_indicator", "issue", "result")
REQUIRED_COLUMNS = ("form", "indicator", "issue")
THAI_HEADERS = {
    "แบบ": "form",
    "ตัวชี้วัด": "indicator",
    "ตัวชี้วัดย่อย": "sub_indicator",
    "ประเด็นที่ต้องปรับปรุง": "issue",
    "ผลการดำเนินการ": "result",
}
INDICATOR_PREFIX = "ตัวชี้วัดที่"

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u00a0"
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_INDICATOR = re.compile(rf"^(?:{INDICATOR_PREFIX})?\s*([0-9๐-๙]+)(?:[\s.:)]+(.*))?$", re.DOTALL)


@dataclass(frozen=True)
class ImportedMeasures:
    intro: str | None  # None: the file has no intro (keep the year's)
    rows: tuple[MeasureRow, ...]


def validate_fiscal_year(year: int) -> int:
    """A fiscal year is a Buddhist Era year such as 2567."""
    if not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR:
        raise ValidationError(
            N_("The fiscal year must be a Buddhist Era year between {first} and {last} "
               "(for example 2567), not {year}."),
            field="fiscal_year", first=FIRST_FISCAL_YEAR, last=LAST_FISCAL_YEAR, year=year,
        )  # fmt: skip
    return year


def split_indicator(text: str) -> tuple[int, str] | None:
    """ "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ" → (4, "การใช้ทรัพย์สินของราชการ"); "4" → (4, "")."""
    match = _INDICATOR.match(text.strip())
    if match is None:
        return None
    number = int(match.group(1).translate(_TO_ARABIC))
    rest = (match.group(2) or "").strip()
    return number, rest.splitlines()[0].strip() if rest else ""


def indicator_label(number: int, name: str) -> str:
    """The indicator as the measures report's table writes it: "ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ"."""
    label = f"{INDICATOR_PREFIX} {str(number).translate(_TO_THAI)}"
    return f"{label} {name}" if name else label


def normalise_header(header: str) -> str:
    """The column key for a header as written (English or Thai), or "" when unknown."""
    cleaned = header.strip(_INVISIBLE + " \t\r\n").casefold()
    cleaned = " ".join(cleaned.split())
    if cleaned in COLUMNS:
        return cleaned
    if cleaned.replace(" ", "_").replace("-", "_") in COLUMNS:
        return cleaned.replace(" ", "_").replace("-", "_")
    return THAI_HEADERS.get(cleaned.replace(" ", ""), "")


def _cell(value: str) -> str:
    """Outer blanks trimmed, line ends made "\\n"; inner text kept as written."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip(_INVISIBLE + " \t\n")


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


def _problem(message_id: str, row: int, column: str, **params: object) -> ValidationError:
    return ValidationError(message_id, field=column, row=row, column=column, **params)


def _measure(cells: Mapping[str, str], names: Mapping[str, str], row: int) -> MeasureRow:
    """One data row; `names` maps column keys to the headers as the file writes them."""
    form_text = cells["form"].upper()
    try:
        form = AssessmentForm(form_text)
    except ValueError:
        raise _problem(
            N_("Row {row}, column {column}: the form must be IIT, EIT or OIT, not “{value}”."),
            row, names["form"], value=_short(cells["form"]),
        ) from None  # fmt: skip
    indicator = cells["indicator"]
    split = split_indicator(indicator)
    if split is None or split[0] < 1:
        raise _problem(
            N_("Row {row}, column {column}: write the indicator with its number, such as "
               "“ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ” or “4”, not “{value}”."),
            row, names["indicator"], value=_short(indicator),
        )  # fmt: skip
    if not cells["issue"]:
        raise _problem(
            N_("Row {row}, column {column}: enter the issue to improve."), row, names["issue"]
        )
    for key in ("indicator", "sub_indicator"):
        if len(cells[key]) > MAX_SHORT_TEXT:
            raise _problem(
                N_("Row {row}, column {column}: at most {limit} characters."),
                row, names[key], limit=MAX_SHORT_TEXT,
            )  # fmt: skip
    return MeasureRow(
        form=form,
        indicator_number=split[0],
        indicator=indicator,
        sub_indicator=cells["sub_indicator"],
        issue=cells["issue"],
        result=cells["result"],
    )


def _check_forms(rows: Sequence[tuple[int, MeasureRow]], names: Mapping[str, str]) -> None:
    """One indicator number belongs to one form throughout the file."""
    seen: dict[int, AssessmentForm] = {}
    for index, measure in rows:
        first = seen.setdefault(measure.indicator_number, measure.form)
        if first is not measure.form:
            raise _problem(
                N_("Row {row}, column {column}: indicator {number} is under {first} in an "
                   "earlier row, not {form}."),
                index, names["form"], number=measure.indicator_number, first=first.value,
                form=measure.form.value,
            )  # fmt: skip


def _finish(
    measures: list[tuple[int, MeasureRow]], names: Mapping[str, str], intro: str | None
) -> ImportedMeasures:
    if not measures:
        raise ValidationError(N_("The file holds no measures."))
    _check_forms(measures, names)
    return ImportedMeasures(intro=intro or None, rows=tuple(m for _row, m in measures))


def parse_table(rows: Sequence[Mapping[str, str | None]]) -> ImportedMeasures:
    """Rows of a CSV or XLSX sheet keyed by header (English or Thai); blank rows are skipped."""
    names: dict[str, str] = {}
    for header in rows[0] if rows else ():
        key = normalise_header(header)
        if not key:
            continue
        if key in names:
            raise ValidationError(
                N_("The columns “{first}” and “{second}” are the same column."),
                field=key, first=names[key], second=header.strip(_INVISIBLE + " "),
            )  # fmt: skip
        names[key] = header
    missing = [key for key in REQUIRED_COLUMNS if key not in names]
    if rows and missing:
        raise ValidationError(
            N_("The file has no column “{column}” (or “{thai}”)."),
            field=missing[0], column=missing[0],
            thai=next(t for t, k in THAI_HEADERS.items() if k == missing[0]),
        )  # fmt: skip
    shown = {key: names.get(key, key).strip(_INVISIBLE + " ") for key in COLUMNS}
    measures: list[tuple[int, MeasureRow]] = []
    for index, raw in enumerate(rows, start=1):
        cells = {key: _cell(raw.get(names[key]) or "") if key in names else "" for key in COLUMNS}
        if not any(cells.values()):
            continue
        measures.append((index, _measure(cells, shown, index)))
    return _finish(measures, shown, None)


def parse_json(document: object) -> ImportedMeasures:
    """The JSON form: {"title": ignored, "intro": str, "rows": [{form, indicator, …}]}."""
    if isinstance(document, list):
        document = {"rows": document}
    if not isinstance(document, dict) or not isinstance(document.get("rows"), list):
        raise ValidationError(N_("The JSON file needs a list of measures under “rows”."))
    intro = document.get("intro")
    if intro is not None and not isinstance(intro, str):
        raise ValidationError(N_("The JSON file's “intro” must be text."), field="intro")
    shown = {key: key for key in COLUMNS}
    measures: list[tuple[int, MeasureRow]] = []
    for index, raw in enumerate(document["rows"], start=1):
        if not isinstance(raw, dict):
            raise ValidationError(
                N_("Row {row}: each measure must be an object with the keys {keys}."),
                row=index, keys=", ".join(COLUMNS),
            )  # fmt: skip
        cells: dict[str, str] = {}
        for key in COLUMNS:
            value = raw.get(key)
            if value is not None and not isinstance(value, str | int):
                raise _problem(N_("Row {row}, column {column}: must be text."), index, key)
            cells[key] = _cell("" if value is None else str(value))
        measures.append((index, _measure(cells, shown, index)))
    return _finish(measures, shown, _cell(intro) if intro else None)
