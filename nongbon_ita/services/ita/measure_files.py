"""Read a measures file (JSON, CSV or XLSX) into measure rows (the pure parser does the rows)."""

from __future__ import annotations

from pathlib import Path

from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.ita.measure_import import ImportedMeasures, parse_json, parse_table
from nongbon_ita.services.tables import read_csv_rows, read_json, read_xlsx_rows

SUFFIXES = (".json", ".csv", ".xlsx")


def read_measures_file(path: Path | str) -> ImportedMeasures:
    """Read and parse a measures file; refuses a missing file, an unknown type or a bad row."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ValidationError(
            N_("Measures are imported from .json, .csv or .xlsx files, not “{name}”."),
            field="file", name=path.name,
        )  # fmt: skip
    if not path.is_file():
        raise NotFoundError(N_("The file {path} does not exist."), path=str(path))
    if suffix == ".xlsx":
        return parse_table(read_xlsx_rows(path))
    data = path.read_bytes()
    if suffix == ".json":
        return parse_json(read_json(data, path.name))
    return parse_table(read_csv_rows(data, path.name))
