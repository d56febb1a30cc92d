"""What every table import shares (the asset register, a channel's complaints): the column
mapping remembered per set of headers, the rows a missing mapping makes wrong, and the refusal
when any row is wrong (imports write all or nothing)."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from nongbon_ita.domain.assets.import_mapping import RowError, auto_mapping, header_key
from nongbon_ita.domain.errors import N_, ValidationError
from nongbon_ita.services.settings_store import get_setting, put_setting


def remembered_mapping(session: Session, headers: list[str], fields: dict[str, str],
                       known: dict[str, str] | None, prefix: str) -> dict[str, str]:  # fmt: skip
    """The mapping last used for these headers, else the automatic one (`known` aliases)."""
    saved = get_setting(session, header_key(headers, prefix))
    if saved:
        mapping = {h: f for h, f in json.loads(saved).items() if h in headers}
        if all(f in fields for f in mapping.values()):
            return mapping
    return auto_mapping(headers, known)


def remember_mapping(session: Session, headers: list[str], mapping: dict[str, str],
                     prefix: str) -> None:  # fmt: skip
    clean = {h: f for h, f in mapping.items() if f and h in headers}
    put_setting(session, header_key(headers, prefix), json.dumps(clean, ensure_ascii=False))


def unmapped_errors(missing: list[str], fields: dict[str, str]) -> list[RowError]:
    """One error per required field no column feeds (reported on the header row)."""
    return [RowError(1, "", N_("Choose the column that holds: {field}"), {"field": fields[name]})
            for name in missing]  # fmt: skip


def refuse_if_any(errors: list[RowError]) -> None:
    if errors:
        first = errors[0]
        raise ValidationError(
            N_("Nothing was imported: {count} errors; the first is in row {row}, "
               "column “{column}”."),
            field=first.column, count=len(errors), row=first.row, column=first.column,
        )  # fmt: skip
