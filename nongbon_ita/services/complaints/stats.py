"""Statistics: gathered from anonymous columns only, printed as PDF or written as XLSX.

The ITA item they answer has another code every year (O29 in 2566, O18 in 2569): its code and
title come from the year's catalogue (the complaint-stats role), never from the program."""

from __future__ import annotations

from sqlalchemy import func, select

from nongbon_ita.db.models import ComplaintRow
from nongbon_ita.domain.calendar import office_date
from nongbon_ita.domain.complaints.kinds import Category, Outcome, Status
from nongbon_ita.domain.complaints.permissions import ComplaintOperation
from nongbon_ita.domain.complaints.stats import (
    TRACKS,
    ComplaintStats,
    StatFact,
    compute_stats,
    stats_period,
)
from nongbon_ita.domain.ita.catalogue import OitItem
from nongbon_ita.domain.ita.catalogue_data import ItemRole
from nongbon_ita.domain.permissions import require
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.thaiformat import thai_digits
from nongbon_ita.services.complaints.common import calendar_of, channels_of
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.document_parts import check_fiscal_year, printed_at
from nongbon_ita.services.ita.records import role_item
from nongbon_ita.services.office import OfficeService
from nongbon_ita.services.office_words import office_words_kept


def _check_half(half: int | None) -> None:
    from nongbon_ita.domain.errors import N_, ValidationError

    if half not in (None, 1, 2):
        raise ValidationError(N_("The half year is 1 (October–March) or 2 (April–September)."),
                              field="half")  # fmt: skip


class StatsService:
    def __init__(self, ctx: ServiceContext, office: OfficeService) -> None:
        self.ctx = ctx
        self.office = office

    def stats(self, actor: CurrentUser | None, fiscal_year: int,
              half: int | None = None) -> ComplaintStats:  # fmt: skip
        """No personal data: anyone (and the unattended CLI print) may have them."""
        if actor is not None:
            require(actor, ComplaintOperation.STATISTICS)
        check_fiscal_year(fiscal_year)
        _check_half(half)
        period = stats_period(fiscal_year, half)
        # a complaint is settled (ยุติเรื่อง) when concluded: informed and not yet closed ones
        # count among the finished and in the days to close too
        settled_on = func.coalesce(ComplaintRow.concluded_on, ComplaintRow.closed_on)
        columns = (ComplaintRow.received_on, ComplaintRow.category, ComplaintRow.channel,
                   ComplaintRow.status, ComplaintRow.outcome, settled_on)  # fmt: skip
        with self.ctx.reading() as session:
            calendar, channels = calendar_of(session), channels_of(session)
            rows = session.execute(
                select(*columns).where(ComplaintRow.received_on >= period.start,
                                       ComplaintRow.received_on <= period.end)
            )  # fmt: skip
            facts = [StatFact(r, Category(c), ch, Status(s),
                              Outcome(o) if o else None, closed)
                     for r, c, ch, s, o, closed in rows]  # fmt: skip
        return compute_stats(facts, fiscal_year, half, calendar, channels)

    def item(self, fiscal_year: int) -> OitItem | None:
        """The year's ITA item for the statistics (None: the year has no catalogue yet)."""
        with self.ctx.reading() as session:
            return role_item(session, fiscal_year, ItemRole.COMPLAINT_STATS)

    def file_stem(self, fiscal_year: int, half: int | None = None) -> str:
        """ "O18-2569-half1": the year's code, or "complaint-stats" when it has none."""
        item = self.item(fiscal_year)
        return f"{item.code if item else 'complaint-stats'}-{fiscal_year}" + (
            f"-half{half}" if half else "")  # fmt: skip

    def _footer(self, stats: ComplaintStats, item: OitItem | None) -> str:
        half = f" รอบ {thai_digits(stats.half)}" if stats.half else ""
        code = f" {item.code}" if item else ""
        return (f"สถิติเรื่องร้องเรียน{code} ปีงบประมาณ {thai_digits(stats.fiscal_year)}{half} · "
                f"{printed_at(self.ctx)}")  # fmt: skip

    def pdf(self, actor: CurrentUser | None, fiscal_year: int, half: int | None = None) -> bytes:
        from nongbon_ita.reports.documents.complaint_stats import render_complaint_stats

        stats = self.stats(actor, fiscal_year, half)
        item = self.item(fiscal_year)
        as_of = office_date(self.ctx.now())
        from nongbon_ita.reports.thai import draft_while

        # a year or half still running is a draft: its figures will change
        with office_words_kept(self.ctx, records=False), draft_while(as_of <= stats.period.end):
            return render_complaint_stats(stats, self.office.profile(), as_of,
                                          self._footer(stats, item),
                                          item.title if item else "")  # fmt: skip

    def xlsx(self, actor: CurrentUser | None, fiscal_year: int, half: int | None = None) -> bytes:
        from nongbon_ita.reports.documents.complaint_stats import SHORT_TRACK, month_labels
        from nongbon_ita.reports.documents.complaint_stats import title_lines as titles
        from nongbon_ita.reports.xlsx import Column, Kind, XlsxBook

        stats = self.stats(actor, fiscal_year, half)
        item = self.item(fiscal_year)
        n = Kind.NUMBER
        book = XlsxBook()
        summary = book.sheet("สรุป", [
            Column("ประเภทเรื่อง", 40), Column("รับเรื่อง", 12, n),
            Column("อยู่ระหว่างดำเนินการ", 14, n), Column("แล้วเสร็จ", 12, n),
            Column("ไม่รับพิจารณา", 12, n), Column("เฉลี่ยวันทำการ", 12, n),
            Column("นานที่สุด (วันทำการ)", 14, n),
        ], title=titles(stats, self.office.profile(), item.title if item else ""))  # fmt: skip
        for label, track in [*[(SHORT_TRACK[t], t) for t in TRACKS], ("รวม", None)]:
            f = stats.figures[track]
            average = round(f.average_days_to_close, 1) if f.average_days_to_close else None
            summary.row([label, f.received, f.in_progress, f.finished, f.rejected, average,
                         f.longest_days_to_close])  # fmt: skip
        split = [
            ("เดือน", month_labels(stats), [stats.by_month[m] for m in stats.months]),
            ("ไตรมาส", [f"ไตรมาสที่ {q}" for q in stats.quarters],
             [stats.by_quarter[q] for q in stats.quarters]),
            ("ช่องทาง", [stats.channel_name(c) for c in stats.by_channel],
             list(stats.by_channel.values())),
            ("ผลการพิจารณา", [o.thai for o in stats.by_outcome], list(stats.by_outcome.values())),
        ]  # fmt: skip
        for title, labels, counts in split:
            page = book.sheet(title, [Column(title, 40), Column(SHORT_TRACK[TRACKS[0]], 12, n),
                                      Column(SHORT_TRACK[TRACKS[1]], 14, n),
                                      Column("รวม", 12, n)])  # fmt: skip
            for label, count in zip(labels, counts, strict=True):
                page.row([label, count[TRACKS[0]], count[TRACKS[1]], sum(count.values())])
        page = book.sheet("ประเภทเรื่อง", [Column("ประเภทเรื่อง", 40), Column("จำนวน", 12, n)])
        page.rows([category.thai, count] for category, count in stats.by_category.items())
        return book.data()
