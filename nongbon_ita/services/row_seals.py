"""Sealing what the app writes: every row of a watched table that a transaction inserts, changes
or deletes gets its seal (domain/row_seal.py) recorded in the transaction's last audit event,
which the chain then protects. `check` (row_check.py) recomputes the seals of the current rows.

Rows are noticed however the app writes them: ORM objects (flush events), Core INSERT/UPDATE/
DELETE statements run through the session (their WHERE clause is read first, rows deleted by an
ON DELETE CASCADE included). A transaction that touched watched rows but recorded no event gets a
`rows.sealed` event, so nothing the app writes goes unsealed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Column, Table, event, func, select
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from nongbon_ita.db.base import Base
from nongbon_ita.domain.row_seal import seal

# the tables `check` compares, and columns left out: login bookkeeping is no edit
_PLAIN = (
    "loan", "loan_item", "loan_return", "loan_follow_up", "loan_liability", "loan_review",
    "asset", "asset_category", "user_role",
    "complaint", "complaint_identity", "complaint_action", "complaint_attachment",
    "ita_measure", "ita_measure_result", "ita_evidence", "ita_measure_progress",
)  # fmt: skip
WATCHED: dict[str, frozenset[str]] = {
    **{name: frozenset() for name in _PLAIN},
    "app_user": frozenset({"failed_logins", "locked_until", "last_login_at"}),
}
UNSEALED = "nongbon_ita_unsealed"  # execution option: an UPDATE of excluded columns only
_TOUCHED = "nongbon_ita.row_seals.touched"  # session.info: {table: {primary key as text}}
_ABOVE = "nongbon_ita.row_seals.above"  # session.info: {table: largest key before an INSERT}
SEAL_ALL = "nongbon_ita.row_seals.all"  # session.info flag: seal every watched row (new office)
_CHUNK = 500
SYSTEM_ACTOR = "system"


def watched_tables() -> list[Table]:
    return [Base.metadata.tables[name] for name in WATCHED if name in Base.metadata.tables]


def key_of(table: Table) -> Column[Any]:
    return next(iter(table.primary_key.columns))


def sealed_columns(table: Table) -> list[Column[Any]]:
    left_out = WATCHED.get(table.name, frozenset())
    return sorted((c for c in table.columns if c.name not in left_out), key=lambda c: c.name)


def _touch(session: Session, table: Table, ids: Iterable[object]) -> None:
    touched = session.info.setdefault(_TOUCHED, {}).setdefault(table.name, set())
    touched.update(str(i) for i in ids if i is not None)


def _with_cascade(session: Session, table: Table, ids: list[object]) -> None:
    """`ids` of `table` are about to go: so are the watched rows an ON DELETE CASCADE takes."""
    _touch(session, table, ids)
    for child in watched_tables():
        for fk in child.foreign_keys:
            if fk.ondelete == "CASCADE" and fk.column.table is table and ids:
                query = select(key_of(child)).where(fk.parent.in_(ids))
                _with_cascade(session, child, list(session.scalars(query)))


def _watched(obj: object) -> Table | None:
    table = getattr(obj, "__table__", None)
    return table if isinstance(table, Table) and table.name in WATCHED else None


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    for obj in list(session.deleted):
        if (table := _watched(obj)) is not None:
            _with_cascade(session, table, [getattr(obj, key_of(table).key)])
    for obj in list(session.dirty):
        if (table := _watched(obj)) is not None:
            _touch(session, table, [getattr(obj, key_of(table).key)])


def _after_flush(session: Session, _context: object) -> None:
    for obj in session.new:  # their keys exist now
        if (table := _watched(obj)) is not None:
            _touch(session, table, [getattr(obj, key_of(table).key)])


def _statement(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if state.execution_options.get(UNSEALED):
        return
    table = getattr(state.statement, "table", None)
    if not isinstance(table, Table) or table.name not in WATCHED:
        return
    key, session = key_of(table), state.session
    if state.is_insert:
        given = state.parameters
        rows: list[Any] = list(given) if isinstance(given, list | tuple) else [given or {}]
        ids = [row.get(key.key) if isinstance(row, Mapping) else None for row in rows]
        if all(i is not None for i in ids):
            _touch(session, table, ids)
        else:  # keys chosen by the database: every row above today's largest key is new
            above = session.info.setdefault(_ABOVE, {})
            if table.name not in above:
                above[table.name] = session.scalar(select(func.max(key)).select_from(table)) or 0
        return
    where = state.statement.whereclause  # type: ignore[attr-defined]
    query = select(key) if where is None else select(key).where(where)
    ids = list(session.scalars(query))
    if state.is_delete:
        _with_cascade(session, table, ids)
    else:
        _touch(session, table, ids)


def install(sessions: sessionmaker[Session]) -> None:
    """Notice every write of sessions made by `sessions` (idempotent)."""
    for name, listener in (("before_flush", _before_flush), ("after_flush", _after_flush),
                           ("do_orm_execute", _statement)):  # fmt: skip
        if not event.contains(sessions, name, listener):
            event.listen(sessions, name, listener)


def _seals_of(session: Session, table: Table, ids: set[str]) -> dict[str, str | None]:
    key, columns = key_of(table), sealed_columns(table)
    names = [c.name for c in columns]
    found: dict[str, str | None] = dict.fromkeys(ids)  # not found: deleted
    wanted = sorted(ids)
    numeric = issubclass(key.type.python_type, int)
    typed: list[object] = [int(i) if numeric else i for i in wanted]
    for start in range(0, len(typed), _CHUNK):
        query = select(*columns).where(key.in_(typed[start : start + _CHUNK]))
        for row in session.execute(query):
            values = list(row)
            found[str(values[names.index(key.name)])] = seal(names, values)
    return found


def pending_seals(session: Session) -> tuple[dict[str, Any], bool]:
    """The seals of every row this transaction wrote ({} when it wrote none), and whether every
    watched row was sealed (a new office: from then on an unsealed row is one added outside the
    app). Call it last, just before the commit."""
    session.flush()
    touched: dict[str, set[str]] = session.info.pop(_TOUCHED, {})
    above: dict[str, int] = session.info.pop(_ABOVE, {})
    tables = {t.name: t for t in watched_tables()}
    every = bool(session.info.pop(SEAL_ALL, False))
    if every:
        for table in tables.values():
            touched.setdefault(table.name, set()).update(
                str(i) for i in session.scalars(select(key_of(table)))
            )
    for name, largest in above.items():
        table = tables[name]
        new = session.scalars(select(key_of(table)).where(key_of(table) > largest))
        touched.setdefault(name, set()).update(str(i) for i in new)
    sealed: dict[str, Any] = {}
    for name, ids in sorted(touched.items()):
        if ids:
            columns = ",".join(c.name for c in sealed_columns(tables[name]))
            sealed[name] = {"c": columns, "r": _seals_of(session, tables[name], ids)}
    return sealed, every


def seal_rows(session: Session) -> None:
    """Just before the commit chains the events: the seals of the rows this transaction wrote
    go with its last event, or with a `rows.sealed` event when it recorded none."""
    from dataclasses import replace

    from nongbon_ita.domain.audit import canonical_json
    from nongbon_ita.services.audit_chain import QUEUED, QueuedEvent

    sealed, every = pending_seals(session)
    if not sealed and not every:
        return
    seals = canonical_json({"sealed": sealed, **({"sealed_all": True} if every else {})})
    queued: list[QueuedEvent] = session.info.setdefault(QUEUED, [])
    if queued:
        queued[-1] = replace(queued[-1], seals=seals)
    else:
        queued.append(QueuedEvent(SYSTEM_ACTOR, "rows.sealed", "database", "", "{}", seals))
