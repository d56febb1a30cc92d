"""The office profile, divisions and the officials named in signature blocks."""

from __future__ import annotations

from dataclasses import asdict, replace

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from nongbon_ita.db.models import (
    AssetRow,
    ComplaintRow,
    DivisionRow,
    MeasureRowDb,
    OfficeProfileRow,
    OfficialRow,
    UserRow,
)
from nongbon_ita.domain.errors import N_, NotFoundError, ValidationError
from nongbon_ita.domain.office import Division, OfficeProfile, Official, SignatureRole
from nongbon_ita.domain.permissions import Operation, require
from nongbon_ita.domain.text import check_text
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.digits import ARABIC, DIGIT_STYLES
from nongbon_ita.services.audit import record_event
from nongbon_ita.services.context import ServiceContext, check_version
from nongbon_ita.services.settings_store import SCREEN_DIGITS, get_setting, put_setting

_PROFILE_FIELDS = ("name", "short_name", "district", "province", "address", "phone", "website",
                   "letter_code")  # fmt: skip


def profile_of(row: OfficeProfileRow) -> OfficeProfile:
    return OfficeProfile(**{f: getattr(row, f) for f in _PROFILE_FIELDS},
                         logo_png=row.logo_png, version=row.version)  # fmt: skip


def _strip_prefix(text: str, prefix: str) -> str:
    text = text.strip()
    return text[len(prefix) :].strip() if text.startswith(prefix) else text


def validate_profile(profile: OfficeProfile) -> OfficeProfile:
    """Required fields present; district/province stored without อำเภอ/จังหวัด."""
    cleaned = replace(
        profile,
        name=profile.name.strip(),
        short_name=profile.short_name.strip(),
        district=_strip_prefix(_strip_prefix(profile.district, "อำเภอ"), "อ."),
        province=_strip_prefix(_strip_prefix(profile.province, "จังหวัด"), "จ."),
    )
    for field, message in (
        ("name", N_("Enter the office's name.")),
        ("short_name", N_("Enter the office's short name.")),
        ("district", N_("Enter the district.")),
        ("province", N_("Enter the province.")),
    ):
        if not getattr(cleaned, field):
            raise ValidationError(message, field=field)
    return cleaned


def write_profile(session: Session, profile: OfficeProfile) -> OfficeProfileRow:
    cleaned = validate_profile(profile)
    row = session.get(OfficeProfileRow, 1)
    if row is None:
        row = OfficeProfileRow(id=1)
        session.add(row)
    for field in _PROFILE_FIELDS:
        setattr(row, field, getattr(cleaned, field))
    row.logo_png = cleaned.logo_png
    session.flush()
    return row


def _audit_view(profile: OfficeProfile) -> dict[str, object]:
    data = {k: v for k, v in asdict(profile).items() if k not in ("logo_png", "version")}
    data["logo"] = profile.logo_png is not None
    return data


# every column that refers to a division: a division still named by any of them is not removed
_DIVISION_REFERENCES: dict[str, InstrumentedAttribute[int | None]] = {
    "users": UserRow.division_id,
    "officials": OfficialRow.division_id,
    "assets": AssetRow.division_id,
    "complaints": ComplaintRow.division_id,
    "measures": MeasureRowDb.responsible_division_id,
}


def division_references(session: Session, division_id: int) -> dict[str, int]:
    """How many rows of each kind refer to the division."""
    return {
        kind: session.scalar(select(func.count()).where(column == division_id)) or 0
        for kind, column in _DIVISION_REFERENCES.items()
    }


def clean_division_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError(N_("Enter the division's name."), field="name")
    # checked before the duplicate query: PostgreSQL refuses a NUL even in a query's parameter
    return check_text(name, "name", N_("Name"))


def _refuse_duplicate_division(session: Session, name: str, own_id: int = 0) -> None:
    query = select(DivisionRow.id).where(DivisionRow.name == name, DivisionRow.id != own_id)
    if session.scalars(query).first():
        raise ValidationError(N_("This division already exists."), field="name")


def _division_row(session: Session, division_id: int) -> DivisionRow:
    row = session.get(DivisionRow, division_id)
    if row is None:
        raise NotFoundError(N_("No such division."))
    return row


def official_of(row: OfficialRow) -> Official:
    return Official(id=row.id, full_name=row.full_name, position=row.position,
                    signature_role=SignatureRole(row.signature_role), division_id=row.division_id,
                    active=row.active, version=row.version)  # fmt: skip


class OfficeService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def profile(self) -> OfficeProfile:
        with self.ctx.reading() as session:
            row = session.get(OfficeProfileRow, 1)
            if row is None:
                raise NotFoundError(N_("The office profile has not been set up yet."))
            return profile_of(row)

    def update_profile(self, actor: CurrentUser, profile: OfficeProfile) -> OfficeProfile:
        """Save; `profile.version` must be the version that was read (stale edits are refused)."""
        require(actor, Operation.EDIT_OFFICE)
        with self.ctx.transaction() as session:
            row = session.get(OfficeProfileRow, 1)
            if row is None:
                raise NotFoundError(N_("The office profile has not been set up yet."))
            check_version(row.version, profile.version)
            before = _audit_view(profile_of(row))
            row = write_profile(session, profile)
            row.updated_at = self.ctx.now()
            session.flush()
            saved = profile_of(row)
            record_event(self.ctx, session, actor.username, "office.updated", "office", 1,
                         before=before, after=_audit_view(saved))  # fmt: skip
            return saved

    def digit_style(self) -> str:
        """The office's digits on screens: "arabic" (default) or "thai" (i18n/digits.py)."""
        with self.ctx.reading() as session:
            return get_setting(session, SCREEN_DIGITS) or ARABIC

    def set_digit_style(self, actor: CurrentUser, style: str) -> None:
        require(actor, Operation.EDIT_OFFICE)
        if style not in DIGIT_STYLES:
            raise ValidationError(N_("Choose Arabic or Thai digits."), field="digits")
        with self.ctx.transaction() as session:
            before = get_setting(session, SCREEN_DIGITS) or ARABIC
            put_setting(session, SCREEN_DIGITS, style)
            record_event(self.ctx, session, actor.username, "office.digits", "office", 1,
                         before={"digits": before}, after={"digits": style})  # fmt: skip

    def divisions(self) -> list[Division]:
        with self.ctx.reading() as session:
            rows = session.scalars(select(DivisionRow).order_by(DivisionRow.name))
            return [Division(r.id, r.name, r.version) for r in rows]

    def add_division(self, actor: CurrentUser, name: str) -> Division:
        require(actor, Operation.EDIT_OFFICIALS)
        name = clean_division_name(name)
        with self.ctx.transaction() as session:
            _refuse_duplicate_division(session, name)
            row = DivisionRow(name=name)
            session.add(row)
            session.flush()
            record_event(self.ctx, session, actor.username, "division.created", "division", row.id,
                         after={"name": name})  # fmt: skip
            return Division(row.id, row.name, row.version)

    def rename_division(
        self, actor: CurrentUser, division_id: int, name: str, expected_version: int | None
    ) -> Division:
        """Rename; everything that refers to the division follows (it refers by id)."""
        require(actor, Operation.EDIT_OFFICIALS)
        name = clean_division_name(name)
        with self.ctx.transaction() as session:
            row = _division_row(session, division_id)
            check_version(row.version, expected_version)
            _refuse_duplicate_division(session, name, own_id=row.id)
            before = row.name
            row.name = name
            row.updated_at = self.ctx.now()
            session.flush()
            record_event(self.ctx, session, actor.username, "division.renamed", "division", row.id,
                         before={"name": before}, after={"name": name})  # fmt: skip
            return Division(row.id, row.name, row.version)

    def delete_division(self, actor: CurrentUser, division_id: int) -> None:
        """Remove a division nothing refers to; a division in use is refused, not cleared."""
        require(actor, Operation.EDIT_OFFICIALS)
        with self.ctx.transaction() as session:
            row = _division_row(session, division_id)
            used = division_references(session, row.id)
            if any(used.values()):
                raise ValidationError(
                    N_("The division {name} cannot be removed: {count} records (users, officials, "
                       "assets, complaints or measures) still refer to it. Move them to another "
                       "division first."),
                    field="division", name=row.name, count=sum(used.values()), **used,
                )  # fmt: skip
            record_event(self.ctx, session, actor.username, "division.deleted", "division", row.id,
                         before={"name": row.name})  # fmt: skip
            session.delete(row)

    def officials(self, include_inactive: bool = False) -> list[Official]:
        with self.ctx.reading() as session:
            query = select(OfficialRow).order_by(OfficialRow.id)
            if not include_inactive:
                query = query.where(OfficialRow.active.is_(True))
            return [official_of(r) for r in session.scalars(query)]

    def save_official(self, actor: CurrentUser, official: Official) -> Official:
        """Create (id 0) or update an official; stale edits are refused."""
        require(actor, Operation.EDIT_OFFICIALS)
        if not official.full_name.strip():
            raise ValidationError(N_("Enter the official's full name."), field="full_name")
        if not official.position.strip():
            raise ValidationError(N_("Enter the official's position."), field="position")
        with self.ctx.transaction() as session:
            if official.id:
                row = session.get(OfficialRow, official.id)
                if row is None:
                    raise NotFoundError(N_("No such official."))
                check_version(row.version, official.version)
                before: dict[str, object] | None = asdict(official_of(row))
                row.updated_at = self.ctx.now()
            else:
                row, before = OfficialRow(), None
                session.add(row)
            row.full_name, row.position = official.full_name.strip(), official.position.strip()
            row.signature_role = official.signature_role.value
            row.division_id, row.active = official.division_id, official.active
            session.flush()
            saved = official_of(row)
            record_event(self.ctx, session, actor.username,
                         "official.updated" if before else "official.created", "official", row.id,
                         before=before, after=asdict(saved))  # fmt: skip
            return saved

    def signer(self, role: SignatureRole) -> Official | None:
        """The active official who signs as `role` by default (the first one, if several)."""
        return next((o for o in self.officials() if o.signature_role is role), None)
