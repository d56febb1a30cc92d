"""A loan's history as a rich-text table for the detail pane: when (B.E., with the time when it
is known), the step and its details, and who took it."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from nongbon_ita.domain.calendar import office_time
from nongbon_ita.domain.loans.history import LoanEvent
from nongbon_ita.domain.loans.history import LoanEventKind as K
from nongbon_ita.gui.loans.common import short_date
from nongbon_ita.i18n.digits import screen_thai
from nongbon_ita.i18n.thaiformat import format_datetime_short, format_money
from nongbon_ita.i18n.translate import _


def when_text(event: LoanEvent) -> str:
    if not event.timed:
        return short_date(event.day)
    return format_datetime_short(office_time(event.at), screen_thai())


def _item(event: LoanEvent) -> str:
    text = f"{event.asset_number} {event.item_name}".strip()
    if event.quantity and event.quantity > 1:
        text += f" × {event.quantity} {event.unit}".rstrip()
    return text


def _dates(event: LoanEvent) -> list[str]:
    parts = []
    if event.old_start or event.new_start:
        parts.append(_("start {old} → {new}").format(old=short_date(event.old_start),
                                                     new=short_date(event.new_start)))  # fmt: skip
    if event.old_due or event.new_due:
        parts.append(_("due {old} → {new}").format(old=short_date(event.old_due),
                                                   new=short_date(event.new_due)))  # fmt: skip
    return parts


def _liability(event: LoanEvent) -> list[str]:
    parts = [_(event.remedy.label_id)] if event.remedy else []
    if event.amount is not None:
        parts.append(_("{amount} baht").format(amount=format_money(event.amount)))
    if event.kind is K.LIABILITY_UPDATED:
        parts.append(_("settled on {date}").format(date=short_date(event.settled_on))
                     if event.settled_on else _("not settled"))  # fmt: skip
    return parts


def details(event: LoanEvent) -> list[str]:
    """What the step was about, as short phrases (plain text)."""
    kind, parts = event.kind, []
    if event.asset_number:
        parts.append(_item(event))
    if kind in (K.UPDATED, K.EXTENDED):
        parts += _dates(event)
    if event.condition is not None:
        parts.append(_(event.condition.label_id))
    if event.returned_by:
        parts.append(_("brought back by {name}").format(name=event.returned_by))
    if event.method is not None:
        parts.append(_(event.method.label_id))
    if event.memo_number:
        parts.append(_("memo {number}").format(number=event.memo_number))
    if event.dated_apart:
        parts.append(_("on {date}").format(date=short_date(event.on)))
    if kind in (K.LIABILITY_OPENED, K.LIABILITY_UPDATED):
        parts += _liability(event)
    if event.reason:
        parts.append(_("reason: {reason}").format(reason=event.reason))
    if event.note:
        parts.append(event.note)
    return parts


def _row(event: LoanEvent) -> str:
    about = " · ".join(escape(p) for p in details(event))
    step = f"<b>{escape(_(event.kind.label_id))}</b>" + (f" — {about}" if about else "")
    late = " class='late'" if event.kind in (K.REFUSED, K.CANCELLED) else ""
    who = escape(event.who) if event.who else "<span class='muted'>–</span>"
    return (f"<tr><td nowrap>{escape(when_text(event))}</td>"
            f"<td{late}>{step}</td><td>{who}</td></tr>")  # fmt: skip


def history_html(events: Sequence[LoanEvent]) -> str:
    if not events:
        nothing = _("Nothing has been recorded yet.")
        return f"<p class='muted'>{escape(nothing)}</p>"
    header = "".join(f"<th>{escape(t)}</th>" for t in (_("When"), _("Step"), _("By")))
    rows = "".join(_row(e) for e in events)
    return f"<table class='grid' width='100%'><tr>{header}</tr>{rows}</table>"
