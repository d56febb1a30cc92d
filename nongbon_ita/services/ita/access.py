"""Who may add results and mark progress on a measure: its responsible user or the coordinator."""

from __future__ import annotations

from nongbon_ita.db.models_ita import MeasureRowDb
from nongbon_ita.domain.ita.permissions import ItaOperation
from nongbon_ita.domain.permissions import is_allowed, require
from nongbon_ita.domain.users import CurrentUser


def may_record(actor: CurrentUser, responsible_user_id: int | None) -> bool:
    return actor.id == responsible_user_id or is_allowed(actor, ItaOperation.RECORD_RESULTS)


def require_recorder(actor: CurrentUser, measure: MeasureRowDb) -> None:
    """The responsible user passes; anyone else needs the coordinator's permission."""
    if actor.id != measure.responsible_user_id:
        require(actor, ItaOperation.RECORD_RESULTS)
