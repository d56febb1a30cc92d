"""The detail pane: a loan's borrower, dates, items with their returns, liabilities, follow-ups
and its history (every step, who took it and when), as read-only rich text beside the list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.loans import Loan, LoanStatus
from nongbon_ita.domain.loans.history import LoanEvent, LoanEventKind
from nongbon_ita.gui.loans.common import short_date
from nongbon_ita.gui.loans.history_view import history_html
from nongbon_ita.i18n.digits import on_screen
from nongbon_ita.i18n.thaiformat import format_money
from nongbon_ita.i18n.translate import _

STYLE = """<style>
h2 { margin: 0 0 4px 0; } h3 { margin: 10px 0 2px 0; }
table.grid { border-collapse: collapse; } table.grid td, table.grid th {
  border: 1px solid #bbb; padding: 2px 6px; } th { background: #eee; }
.late { color: #b3261e; font-weight: bold; } .muted { color: #666; }
</style>"""


def _moment(at: datetime | None) -> str:
    return short_date(office_date(at)) if at else ""


def _row(*cells: str, tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>"


def _table(header: list[str], rows: list[str]) -> str:
    return (f"<table class='grid' width='100%'>{_row(*header, tag='th')}{''.join(rows)}"
            "</table>")  # fmt: skip


def _items(loan: Loan) -> str:
    rows = []
    for item in loan.items:
        state = (_("out: {n}").format(n=on_screen(item.outstanding)) if item.outstanding
                 else _("returned") if item.fully_returned
                 else _("not handed out"))  # fmt: skip
        rows.append(_row(escape(item.asset_number), escape(item.description),
                         f"{item.quantity} {escape(item.unit)}", _moment(item.handed_out_at),
                         escape(item.handed_out_by), state))  # fmt: skip
    return _table([_("Asset number"), _("Item"), _("Quantity"), _("Handed out"), _("By"),
                   _("State")], rows)  # fmt: skip


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _muted(text: str) -> str:
    return f"<p class='muted'>{escape(text)}</p>"


def _returns(loan: Loan) -> str:
    rows = [_row(short_date(r.returned_on), escape(i.asset_number), str(r.quantity),
                 _(r.condition.label_id), escape(r.returned_by), escape(r.received_by),
                 escape(r.note))
            for i in loan.items for r in i.returns]  # fmt: skip
    if not rows:
        return _muted(_("Nothing has come back yet."))
    return _table([_("Returned"), _("Asset number"), _("Quantity"), _("Condition"),
                   _("Returned by"), _("Received by"), _("Note")], rows)  # fmt: skip


def _liabilities(loan: Loan) -> str:
    rows = []
    for item in loan.items:
        for ret in item.returns:
            if ret.liability is None:
                continue
            lia = ret.liability
            amount = format_money(lia.amount) if lia.amount is not None else ""
            settled = short_date(lia.settled_on) if lia.settled_on else _("not settled")
            rows.append(_row(escape(item.asset_number), _(ret.condition.label_id),
                             _(lia.remedy.label_id), amount, settled, escape(lia.note)))  # fmt: skip
    if not rows:
        return ""
    return _heading(_("Liabilities")) + _table(
        [_("Asset number"), _("Condition"), _("Remedy"), _("Amount (baht)"), _("Settled"),
         _("Note")], rows)  # fmt: skip


def _follow_ups(loan: Loan) -> str:
    if not loan.follow_ups:
        return ""
    rows = [_row(short_date(f.followed_up_on), _(f.method.label_id), escape(f.memo_number),
                 escape(f.note), escape(f.recorded_by)) for f in loan.follow_ups]  # fmt: skip
    return _heading(_("Follow-ups")) + _table(
        [_("Date"), _("Method"), _("Memo number"), _("Note"), _("Recorded by")], rows
    )


def _cancellation(history: Sequence[LoanEvent]) -> str:
    """Who cancelled the loan and why, as the history tells (older loans may not say)."""
    event = next((e for e in reversed(history) if e.kind is LoanEventKind.CANCELLED), None)
    text = (_("Cancelled by {name}").format(name=event.who) if event and event.who
            else _("Cancelled"))  # fmt: skip
    return f"{text}: {event.reason}" if event and event.reason else text


def loan_html(loan: Loan, today: date, history: Sequence[LoanEvent] = ()) -> str:
    b = loan.borrower
    number = loan.number_text or _("(draft)")
    late = ""
    if loan.is_overdue(today):
        overdue = _("{n} days overdue").format(n=on_screen(loan.days_overdue(today)))
        follow_up = _("follow up by {date}").format(date=short_date(loan.follow_up_deadline))
        late = f" <span class='late'>{overdue} · {follow_up}</span>"
    who = ", ".join(escape(p) for p in (b.position, b.organization, b.phone) if p)
    parts = [
        STYLE,
        "<h2>" + _("Loan {number}").format(number=escape(number)),
        f" · {_(loan.status.label_id)}</h2>",
        f"<p><b>{escape(b.name)}</b> ({_(b.kind.label_id)}){': ' + who if who else ''}<br>",
        f"{_(loan.purpose_type.label_id)}: {escape(loan.purpose)}<br>",
        f"{_(loan.use_scope.label_id)} · {escape(loan.place_of_use)}<br>",
        _("From {start} to {due} ({days} days)").format(
            start=short_date(loan.start_date), due=short_date(loan.due_date), days=loan.days),
        f"{late}</p>",
    ]  # fmt: skip
    if loan.refusal_reason:
        refused = _("Refused")
        parts.append(f"<p class='late'>{refused}: {escape(loan.refusal_reason)}</p>")
    if loan.status is LoanStatus.CANCELLED:
        parts.append(f"<p class='late'>{escape(_cancellation(history))}</p>")
    parts += [_heading(_("Items")), _items(loan), _heading(_("Returns")), _returns(loan),
              _liabilities(loan), _follow_ups(loan), _heading(_("Timeline")),
              history_html(history)]  # fmt: skip
    return "".join(parts)


class LoanDetailView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loan: Loan | None = None
        self.history: tuple[LoanEvent, ...] = ()
        self.setOpenLinks(False)
        self.show_loan(None, date.today())

    def show_loan(self, loan: Loan | None, today: date, history: Sequence[LoanEvent] = ()) -> None:
        self.loan = loan
        self.history = tuple(history) if loan is not None else ()
        if loan is None:
            self.setHtml(_muted(_("Choose a loan in the list to see it here.")))
        else:
            self.setHtml(loan_html(loan, today, history))
