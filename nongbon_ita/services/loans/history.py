"""A loan's history, built from what the loan records (submission, decision, hand-outs, returns,
follow-ups, closing) and what only its audit events keep (a draft's edits, a cancellation and
its reason, extensions, liability settlements). Each step appears once: an audit event that
repeats a recorded step only lends it its exact time, its actor and its place in the chain."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nongbon_ita.db.models import AuditEventRow, LoanRow, UserRow
from nongbon_ita.domain.calendar import OFFICE_ZONE
from nongbon_ita.domain.loans import Loan, LoanItem, LoanReturn, Remedy
from nongbon_ita.domain.loans.history import LoanEvent
from nongbon_ita.domain.loans.history import LoanEventKind as K
from nongbon_ita.services.loans.repository import load_loan


@dataclass(frozen=True)
class _Audit:
    seq: int
    at: datetime
    who: str  # the actor's full name (the login when the account is gone)
    action: str
    before: dict[str, Any]
    after: dict[str, Any]


def _audits(session: Session, loan_id: int) -> list[_Audit]:
    query = (select(AuditEventRow.seq, AuditEventRow.occurred_at, AuditEventRow.actor,
                    AuditEventRow.action, AuditEventRow.payload)
             .where(AuditEventRow.entity == "loan", AuditEventRow.entity_id == str(loan_id)))  # fmt: skip
    # found through ix_audit_event_entity; sorted here, not in SQL, so SQLite never prefers
    # walking the whole chain by its seq index
    rows = sorted(session.execute(query).all(), key=lambda row: row.seq)
    logins = {row.actor for row in rows}
    names: dict[str, str] = {login: name for login, name in session.execute(
        select(UserRow.username, UserRow.full_name).where(UserRow.username.in_(logins)))}  # fmt: skip
    found = []
    for seq, at, actor, action, payload in rows:
        data = json.loads(payload or "{}")
        found.append(_Audit(seq, at, names.get(actor) or actor, action,
                            data.get("before") or {}, data.get("after") or {}))  # fmt: skip
    return found


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return None


def _money(text: object) -> Decimal | None:
    try:
        return Decimal(str(text)) if text not in (None, "None", "") else None
    except InvalidOperation:
        return None


def _when(recorded: datetime, audit: _Audit | None) -> datetime:
    """The audit event's time when there is one: the row's own timestamp was taken a moment
    earlier in the same transaction, which would put a loan's closing before its last return."""
    return audit.at if audit is not None else recorded


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time(), OFFICE_ZONE).astimezone(UTC)


class _History:
    """Collects events with their order key: (when, audit seq or 0, order found). The seq keeps
    steps recorded within the same instant in the order they were written."""

    def __init__(self, loan: Loan, row: LoanRow, audits: list[_Audit]) -> None:
        self.loan, self.row = loan, row
        self.audits: dict[str, list[_Audit]] = defaultdict(list)
        for audit in audits:
            self.audits[audit.action].append(audit)
        self.found: list[tuple[tuple[datetime, int, int], LoanEvent]] = []

    def add(self, event: LoanEvent, audit: _Audit | None = None) -> LoanEvent:
        self.found.append(((event.at, audit.seq if audit else 0, len(self.found)), event))
        return event

    def last(self, *actions: str) -> _Audit | None:
        found = [a for action in actions for a in self.audits.get(action, [])]
        return max(found, key=lambda a: a.seq) if found else None

    def events(self) -> tuple[LoanEvent, ...]:
        return tuple(event for _key, event in sorted(self.found, key=lambda pair: pair[0]))

    # the steps, in the order of a loan's life (the tie-break among steps of one instant) ------
    def request(self) -> None:
        loan, row = self.loan, self.row
        created = self.audits.get("loan.created", [])
        for audit in created:
            if audit.after.get("status") == "draft":
                self.add(LoanEvent(audit.at, K.CREATED, audit.who), audit)
        if not created and loan.submitted_at is None:  # a draft written outside the services
            self.add(LoanEvent(row.created_at, K.CREATED, loan.created_by))
        for audit in self.audits.get("loan.updated", []):
            old, new = audit.before, audit.after
            starts = (_day(old.get("start")), _day(new.get("start")))
            dues = (_day(old.get("due")), _day(new.get("due")))
            self.add(LoanEvent(
                audit.at, K.UPDATED, audit.who,
                old_start=starts[0] if starts[0] != starts[1] else None,
                new_start=starts[1] if starts[0] != starts[1] else None,
                old_due=dues[0] if dues[0] != dues[1] else None,
                new_due=dues[1] if dues[0] != dues[1] else None,
            ), audit)  # fmt: skip
        if loan.submitted_at is not None:
            sent = self.last("loan.submitted") or next(
                (a for a in created if a.after.get("status") == "submitted"), None)  # fmt: skip
            who = sent.who if sent else loan.created_by
            self.add(LoanEvent(_when(loan.submitted_at, sent), K.SUBMITTED, who), sent)

    def decision(self) -> None:
        loan = self.loan
        if loan.decided_at is not None:
            audit = self.last("loan.refused", "loan.approved")
            refused = (audit.action == "loan.refused") if audit else bool(loan.refusal_reason)
            kind = K.REFUSED if refused else K.APPROVED
            self.add(LoanEvent(_when(loan.decided_at, audit), kind,
                               loan.approver or (audit.who if audit else ""),
                               reason=loan.refusal_reason if refused else ""), audit)  # fmt: skip
        cancellations = self.audits.get("loan.cancelled", [])
        for audit in cancellations:
            self.add(LoanEvent(audit.at, K.CANCELLED, audit.who,
                               reason=str(audit.after.get("reason") or "")), audit)  # fmt: skip
        if not cancellations and self.row.cancelled_at is not None:
            self.add(LoanEvent(self.row.cancelled_at, K.CANCELLED))
        for audit in self.audits.get("loan.extended", []):
            self.add(LoanEvent(audit.at, K.EXTENDED, audit.who,
                               old_due=_day(audit.before.get("due")),
                               new_due=_day(audit.after.get("due")),
                               reason=str(audit.after.get("reason") or "")), audit)  # fmt: skip

    def hand_outs(self) -> None:
        for item in self.loan.items:
            if item.handed_out_at is None:
                continue
            audit = next((a for a in reversed(self.audits.get("loan.handed_out", []))
                          if item.id in (a.after.get("items") or [])), None)  # fmt: skip
            self.add(_about(item, LoanEvent(_when(item.handed_out_at, audit), K.HANDED_OUT,
                                            item.handed_out_by, quantity=item.quantity)),
                     audit)  # fmt: skip

    def _first_out(self) -> datetime | None:
        moments = [i.handed_out_at for i in self.loan.items if i.handed_out_at is not None]
        return min(moments) if moments else None

    def _placed(self, day: date, after: datetime | None) -> datetime:
        """When only the day is known: that day, but never before the step it follows."""
        start = _day_start(day)
        return max(start, after) if after is not None else start

    def follow_ups(self) -> None:
        rows = list(self.loan.follow_ups)
        audits = self.audits.get("loan.followed_up", [])
        matched: dict[int, _Audit] = {}
        # the newest rows belong to the newest events; older rows may predate the audit trail
        for row, wrote in zip(reversed(rows), reversed(audits), strict=False):
            if (wrote.after.get("on"), wrote.after.get("method")) != (
                row.followed_up_on.isoformat(), row.method.value):  # fmt: skip
                break
            matched[row.id] = wrote
        for row in rows:
            audit = matched.get(row.id)
            at = audit.at if audit else self._placed(row.followed_up_on, self._first_out())
            self.add(LoanEvent(at, K.FOLLOWED_UP, row.recorded_by, timed=audit is not None,
                               on=row.followed_up_on, method=row.method,
                               memo_number=row.memo_number, note=row.note), audit)  # fmt: skip

    def returns(self) -> dict[int, tuple[LoanEvent, _Audit | None]]:
        """Each return, and the liability it opened; by return id for the settlements."""
        pairs = sorted(((r, i) for i in self.loan.items for r in i.returns), key=lambda p: p[0].id)
        lines = [(a, line) for a in self.audits.get("loan.returned", [])
                 for line in a.after.get("items") or []]  # fmt: skip
        matched: dict[int, _Audit] = {}
        for (ret, _item), (wrote, line) in zip(reversed(pairs), reversed(lines), strict=False):
            if list(line) != [ret.loan_item_id, ret.quantity, ret.condition.value]:
                break
            matched[ret.id] = wrote
        found = {}
        for ret, item in pairs:
            audit = matched.get(ret.id)
            at = audit.at if audit else self._placed(ret.returned_on, item.handed_out_at)
            event = self.add(_about(item, LoanEvent(
                at, K.RETURNED, ret.received_by, timed=audit is not None, quantity=ret.quantity,
                condition=ret.condition, returned_by=ret.returned_by, on=ret.returned_on,
                note=ret.note)), audit)  # fmt: skip
            found[ret.id] = (event, audit)
            if ret.liability is not None:
                self.add(self._opened(item, ret, event), audit)
        return found

    def _settlements(self, liability_id: int) -> list[_Audit]:
        return [a for a in self.audits.get("loan.liability_updated", [])
                if a.after.get("liability") == liability_id]  # fmt: skip

    def _opened(self, item: LoanItem, ret: LoanReturn, returned: LoanEvent) -> LoanEvent:
        """What the liability was when the return opened it: before its first settlement."""
        assert ret.liability is not None
        lia = ret.liability
        first = next(iter(self._settlements(lia.id)), None)
        remedy = Remedy(first.before["remedy"]) if first and first.before.get("remedy") else None
        amount = _money(first.before.get("amount")) if first else lia.amount
        return _about(item, LoanEvent(returned.at, K.LIABILITY_OPENED, returned.who,
                                      timed=returned.timed, condition=ret.condition,
                                      remedy=remedy or lia.remedy, amount=amount))  # fmt: skip

    def liabilities(self, returns: dict[int, tuple[LoanEvent, _Audit | None]]) -> None:
        for item in self.loan.items:
            for ret in item.returns:
                if ret.liability is None:
                    continue
                lia, (returned, _audit) = ret.liability, returns[ret.id]
                settlements = self._settlements(lia.id)
                for n, audit in enumerate(settlements, start=1):
                    self.add(_about(item, LoanEvent(
                        audit.at, K.LIABILITY_UPDATED, audit.who,
                        remedy=Remedy(audit.after.get("remedy") or lia.remedy.value),
                        amount=_money(audit.after.get("amount")),
                        settled_on=_day(audit.after.get("settled_on")),
                        note=lia.note if n == len(settlements) else "")), audit)  # fmt: skip
                if not settlements and lia.settled_on is not None:  # settled outside the services
                    self.add(_about(item, LoanEvent(
                        self._placed(lia.settled_on, returned.at), K.LIABILITY_UPDATED,
                        timed=False, remedy=lia.remedy, amount=lia.amount,
                        settled_on=lia.settled_on, note=lia.note)))  # fmt: skip

    def closing(self) -> None:
        if self.loan.closed_at is None:
            return
        audit = next((a for a in reversed(self.audits.get("loan.returned", []))
                      if a.after.get("status") == "closed"), None)  # fmt: skip
        self.add(LoanEvent(_when(self.loan.closed_at, audit), K.CLOSED,
                           audit.who if audit else ""), audit)  # fmt: skip


def _about(item: LoanItem, event: LoanEvent) -> LoanEvent:
    return replace(event, asset_number=item.asset_number, item_name=item.name, unit=item.unit)


def loan_history(session: Session, loan_id: int) -> tuple[LoanEvent, ...]:
    """Every step of the loan, oldest first (no permission check: the caller makes it)."""
    loan = load_loan(session, loan_id)
    row = session.get(LoanRow, loan_id)
    assert row is not None  # load_loan found it
    history = _History(loan, row, _audits(session, loan_id))
    history.request()
    history.decision()
    history.hand_outs()
    history.follow_ups()
    history.liabilities(history.returns())
    history.closing()
    return history.events()
