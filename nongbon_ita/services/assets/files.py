"""The register in and out of files: import CSV/XLSX with a column mapping, export XLSX.

Reading reuses the measures' readers (UTF-8 with or without BOM, cp874; the first sheet of an
XLSX). The import is all-or-nothing: the preview lists every bad row, and a file with any
error writes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AssetCategoryRow, AssetRow, DivisionRow
from nongbon_ita.domain.assets.import_mapping import (
    IMPORT_FIELDS,
    ImportedAsset,
    ImportPreview,
    ImportTable,
    RowError,
    check_mapping,
    is_blank,
    parse_row,
)
from nongbon_ita.domain.assets.permissions import MANAGE_ASSETS
from nongbon_ita.domain.assets.records import AssetDraft, AssetFilters
from nongbon_ita.domain.assets.rules import TEXT_FIELDS, normalise_draft
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.translate import _, translate_message
from nongbon_ita.services.assets.categories import find_or_create_category
from nongbon_ita.services.assets.import_missing import (
    create_categories,
    create_divisions,
    missing_text,
)
from nongbon_ita.services.assets.register import NUMBER_PATTERN, AssetService, copy_draft
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.import_mapping import (
    refuse_if_any,
    remember_mapping,
    remembered_mapping,
    unmapped_errors,
)
from nongbon_ita.services.settings_store import get_setting
from nongbon_ita.services.tables import read_csv_rows, read_xlsx_rows

SUFFIXES = (".csv", ".xlsx")
ASSET_MAPPINGS = "assets.import_mapping."  # settings keys of the remembered mappings
_FIELD_OF_DRAFT = {name: name for name in (*TEXT_FIELDS, "value", "stock_quantity")}


def read_table(path: Path | str) -> ImportTable:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise ValidationError(N_("Assets are imported from .csv or .xlsx files, not “{name}”."),
                              field="file", name=path.name)  # fmt: skip
    if not path.is_file():
        raise NotFoundError(N_("The file {path} does not exist."), path=str(path))
    if path.suffix.lower() == ".xlsx":
        rows = read_xlsx_rows(path)
    else:
        rows = read_csv_rows(path.read_bytes(), path.name)
    headers = list(rows[0]) if rows else []
    if not headers:
        raise ValidationError(N_("The file {name} has no header row."), name=path.name)
    return ImportTable(path.name, headers, [row for row in rows if not is_blank(row)])


def row_error_text(error: RowError) -> str:
    """One line in the UI language: where the error is and what is wrong."""
    message = translate_message(error.message_id, error.params)
    if error.column:
        return _("Row {row}, column “{column}”: {message}").format(
            row=error.row, column=error.column, message=message)  # fmt: skip
    return _("Row {row}: {message}").format(row=error.row, message=message)


def _draft_of(item: ImportedAsset, category_id: int | None, division_id: int | None) -> AssetDraft:
    v = item.values
    return AssetDraft(
        asset_number=v.get("asset_number", ""), name=v.get("name", ""), category_id=category_id,
        brand_model=v.get("brand_model", ""), serial=v.get("serial", ""), unit=v.get("unit", ""),
        acquired_on=item.acquired_on, value=item.value, budget_source=v.get("budget_source", ""),
        location=v.get("location", ""), division_id=division_id,
        consumable=item.stock_quantity is not None, stock_quantity=item.stock_quantity,
        lendable=item.stock_quantity is None,
    )  # fmt: skip


class AssetFileService:
    def __init__(self, ctx: ServiceContext, assets: AssetService) -> None:
        self.ctx = ctx
        self.assets = assets

    # mapping ----------------------------------------------------------------------------------
    def suggest_mapping(self, headers: list[str]) -> dict[str, str]:
        """The mapping last used for these headers, else the automatic one."""
        with self.ctx.reading() as session:
            return remembered_mapping(session, headers, IMPORT_FIELDS, None, ASSET_MAPPINGS)

    # preview and import -----------------------------------------------------------------------
    def preview(self, table: ImportTable, mapping: dict[str, str]) -> ImportPreview:
        with self.ctx.reading() as session:
            preview, _drafts = self._check(session, table, mapping)
            return preview

    def _check(
        self, session: Session, table: ImportTable, mapping: dict[str, str]
    ) -> tuple[ImportPreview, list[tuple[ImportedAsset, AssetDraft]]]:
        mapping = {h: f for h, f in mapping.items() if f and h in table.headers}
        unmapped = [h for h in table.headers if h not in mapping]
        missing = check_mapping(mapping)
        if missing:
            return ImportPreview([], unmapped_errors(missing, IMPORT_FIELDS), unmapped), []
        pattern = get_setting(session, NUMBER_PATTERN) or ""  # in this session, not another
        divisions = {name: id_ for id_, name in session.execute(select(DivisionRow.id, DivisionRow.name))}  # fmt: skip
        taken = set(session.scalars(select(AssetRow.asset_number)))
        categories = set(session.scalars(select(AssetCategoryRow.name)))
        new_divisions: dict[str, int] = {}  # name → first row naming it (kept in file order)
        new_categories: dict[str, int] = {}
        column_of = {f: h for h, f in mapping.items()}
        seen: dict[str, int] = {}
        items: list[ImportedAsset] = []
        drafts: list[tuple[ImportedAsset, AssetDraft]] = []
        errors: list[RowError] = []
        for line, raw in enumerate(table.rows, start=2):
            parsed = parse_row(line, raw, mapping)
            if isinstance(parsed, list):
                errors.extend(parsed)
                continue
            division_name = parsed.values.get("division", "")
            if division_name and division_name not in divisions:
                new_divisions.setdefault(division_name, line)
            category_name = parsed.values.get("category", "")
            if category_name and category_name not in categories:
                new_categories.setdefault(category_name, line)
            try:
                draft = normalise_draft(_draft_of(parsed, None, divisions.get(division_name)),
                                        pattern)  # fmt: skip
            except ValidationError as refused:
                column = column_of.get(_FIELD_OF_DRAFT.get(refused.field or "", ""), "")
                errors.append(RowError(line, column, refused.message_id, refused.params))
                continue
            number = draft.asset_number
            if number in taken or number in seen:
                where = seen.get(number)
                errors.append(RowError(line, column_of["asset_number"],
                    N_("The asset number {number} is already in the register.") if where is None
                    else N_("The asset number {number} is also on row {other}."),
                    {"number": number, "other": where}))  # fmt: skip
                continue
            seen[number] = line
            items.append(parsed)
            drafts.append((parsed, draft))
        preview = ImportPreview(items, errors, unmapped, list(new_divisions), list(new_categories))
        return preview, drafts

    def import_table(
        self, actor: CurrentUser, table: ImportTable, mapping: dict[str, str],
        create_missing: bool = False,
    ) -> int:  # fmt: skip
        """Write every row or none; remembers the mapping for these headers. Divisions and
        categories the file names but the database lacks are created with the rows when
        `create_missing` (the user confirmed the preview's list), else nothing is written.
        Returns the count."""
        require(actor, MANAGE_ASSETS)
        with self.ctx.transaction() as session:
            preview, drafts = self._check(session, table, mapping)
            refuse_if_any(preview.errors)
            if preview.creates and not create_missing:
                raise ValidationError(
                    N_("Nothing was imported: the file names what does not exist yet — {missing}."),
                    missing=missing_text(preview),
                )  # fmt: skip
            divisions = create_divisions(self.ctx, session, actor, preview.new_divisions)
            create_categories(self.ctx, session, actor, preview.new_categories)
            for item, draft in drafts:
                category = item.values.get("category", "")
                category_id = find_or_create_category(session, category).id if category else None
                division_id = divisions.get(item.values.get("division", ""), draft.division_id)
                row = AssetRow()
                copy_draft(row, replace(draft, category_id=category_id, division_id=division_id))
                session.add(row)
            remember_mapping(session, table.headers, mapping, ASSET_MAPPINGS)
            record_event(self.ctx, session, actor.username, "assets.imported", "asset", "",
                         after={"file": table.name, "rows": len(drafts),
                                "created_divisions": preview.new_divisions,
                                "created_categories": preview.new_categories})  # fmt: skip
        return len(drafts)

    def import_file(
        self, actor: CurrentUser, path: Path | str, create_missing: bool = False
    ) -> tuple[int, list[str]]:
        """The remembered or automatic mapping; returns (rows, unplaced headers)."""
        require(actor, MANAGE_ASSETS)
        table = read_table(path)
        mapping = self.suggest_mapping(table.headers)
        count = self.import_table(actor, table, mapping, create_missing)
        return count, [h for h in table.headers if h not in mapping]

    # export -------------------------------------------------------------------------------
    def export_xlsx(self, text: str = "", filters: AssetFilters | None = None) -> bytes:
        """The register (what the list shows, given its search and filters) as XLSX bytes."""
        from nongbon_ita.services.assets.export import register_xlsx

        with self.ctx.reading() as session:
            return register_xlsx(session, text, filters or AssetFilters(), "ทะเบียนครุภัณฑ์")
