"""A new office's first import: the divisions and categories its register names that the
database does not have yet, listed for one confirmation and then created with the rows."""

from __future__ import annotations

from sqlalchemy.orm import Session

from nongbon_ita.db.models import DivisionRow
from nongbon_ita.domain.assets.import_mapping import ImportPreview
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.translate import _
from nongbon_ita.services.assets.categories import find_or_create_category
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.office import clean_division_name


def missing_text(preview: ImportPreview) -> str:
    """“divisions: กองช่าง, กองคลัง; categories: ครุภัณฑ์การเกษตร” in the UI language."""
    parts = []
    if preview.new_divisions:
        parts.append(_("divisions: {names}").format(names=", ".join(preview.new_divisions)))
    if preview.new_categories:
        parts.append(_("categories: {names}").format(names=", ".join(preview.new_categories)))
    return "; ".join(parts)


def create_divisions(ctx: ServiceContext, session: Session, actor: CurrentUser,
                     names: list[str]) -> dict[str, int]:  # fmt: skip
    """name → id of each division created (the import's own transaction; audited)."""
    created: dict[str, int] = {}
    for name in names:
        row = DivisionRow(name=clean_division_name(name))
        session.add(row)
        session.flush()
        created[name] = row.id
        record_event(ctx, session, actor.username, "division.created", "division", row.id,
                     after={"name": row.name, "by": "assets.import"})  # fmt: skip
    return created


def create_categories(ctx: ServiceContext, session: Session, actor: CurrentUser,
                      names: list[str]) -> None:  # fmt: skip
    for name in names:
        row = find_or_create_category(session, name)
        record_event(ctx, session, actor.username, "asset_category.created", "asset_category",
                     row.id, after={"name": row.name, "by": "assets.import"})  # fmt: skip
