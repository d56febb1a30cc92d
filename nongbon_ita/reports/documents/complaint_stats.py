"""สถิติเรื่องร้องเรียน — the yearly (or half-yearly) statistics the office publishes (the ITA
complaint-stats item; the year's catalogue gives its title).

General and corruption complaints apart; counts only, no personal data. Bar charts are ReportLab
graphics whose Thai labels are set by the Thai engine (draw_runs), so marks sit as HarfBuzz puts
them and the text layer copies exactly.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from nongbon_ita.domain.complaints.kinds import Track
from nongbon_ita.domain.complaints.stats import TRACKS, ComplaintStats, TrackFigures
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.i18n.thaiformat import format_date_long, month_name, thai_digits

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

SHORT_TRACK = {Track.GENERAL: "ทั่วไป", Track.CORRUPTION: "ทุจริตและประพฤติมิชอบ"}
COLOURS = ((0.25, 0.45, 0.7), (0.85, 0.45, 0.2))  # general, corruption
LABEL_SIZE = 12.0


TITLE = "สถิติเรื่องร้องเรียนและเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"


def title_lines(stats: ComplaintStats, office: OfficeProfile, title: str = "") -> list[str]:
    """`title`: the year's catalogue's title for the item ("" = the standard title)."""
    lines = [title or TITLE,
             f"{office.name} {office.district_line}",
             f"ประจำปีงบประมาณ พ.ศ. {thai_digits(stats.fiscal_year)}"]  # fmt: skip
    if stats.half is not None:
        start, end = stats.period.start, stats.period.end
        span = (f"{month_name(start.month)} {thai_digits(start.year + 543)} – "
                f"{month_name(end.month)} {thai_digits(end.year + 543)}")  # fmt: skip
        rounds = "รอบ ๖ เดือนแรก" if stats.half == 1 else "รอบ ๖ เดือนหลัง"
        lines.append(f"{rounds} ({span})")
    return lines


def _n(value: int | float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return thai_digits(f"{value:.1f}")
    return thai_digits(f"{value:,}")


FIGURE_LINES: tuple[tuple[str, str], ...] = (
    ("รับเรื่อง", "received"),
    ("อยู่ระหว่างดำเนินการ", "in_progress"),
    ("ดำเนินการแล้วเสร็จ", "finished"),
    ("ไม่รับไว้พิจารณา", "rejected"),
    ("ระยะเวลาเฉลี่ยจนยุติเรื่อง (วันทำการ)", "average_days_to_close"),
    ("ระยะเวลานานที่สุดจนยุติเรื่อง (วันทำการ)", "longest_days_to_close"),
)


def summary_rows(stats: ComplaintStats) -> list[list[str]]:
    """One line per figure: general | corruption | both."""
    columns: list[TrackFigures] = [stats.figures[t] for t in TRACKS] + [stats.total]
    return [[label, *(_n(getattr(f, name)) for f in columns)] for label, name in FIGURE_LINES]


def _split_rows(labels: list[str], counts: list[Any]) -> list[list[str]]:
    """label | general | corruption | total, with a totals line."""
    rows = [[label, _n(c[Track.GENERAL]), _n(c[Track.CORRUPTION]), _n(sum(c.values()))]
            for label, c in zip(labels, counts, strict=True)]  # fmt: skip
    totals = [sum(c[t] for c in counts) for t in TRACKS]
    return [*rows, ["รวม", _n(totals[0]), _n(totals[1]), _n(sum(totals))]]


def month_labels(stats: ComplaintStats, short: bool = False) -> list[str]:
    """'ตุลาคม ๒๕๖๖' for tables, 'ต.ค.' under the chart's bars."""
    if short:
        return [month_name(m, short=True) for _y, m in stats.months]
    return [f"{month_name(m)} {thai_digits(y + 543)}" for y, m in stats.months]


class BarChart:
    """A grouped bar chart (one bar per track) with Thai labels drawn by the engine."""

    def __init__(self, labels: list[str], series: list[list[int]], width: float,
                 height: float, horizontal: bool = False) -> None:  # fmt: skip
        self.labels, self.series = labels, series
        self.width, self.height, self.horizontal = width, height, horizontal

    def flowable(self) -> Flowable:
        from reportlab.platypus import Flowable as Base

        chart = self

        class _ChartFlowable(Base):  # type: ignore[misc]
            def wrap(self, aw: float, ah: float) -> tuple[float, float]:
                return chart.width, chart.height

            def draw(self) -> None:
                chart.draw(self.canv)

        return _ChartFlowable()

    def draw(self, canv: Any) -> None:
        from reportlab.graphics import renderPDF
        from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
        from reportlab.graphics.shapes import Drawing
        from reportlab.lib import colors

        from nongbon_ita.reports.thai.drawing import draw_runs
        from nongbon_ita.reports.thai.fonts import face
        from nongbon_ita.reports.thai.shaping import shape

        regular = face()
        label_room = 150.0 if self.horizontal else 2.2 * LABEL_SIZE
        legend_room = 1.8 * LABEL_SIZE
        bars: Any = HorizontalBarChart() if self.horizontal else VerticalBarChart()
        bars.x = label_room if self.horizontal else 30.0
        bars.y = legend_room + (22.0 if self.horizontal else label_room)
        bars.width = self.width - bars.x - 10
        bars.height = self.height - bars.y - 6
        bars.data = [tuple(values) for values in self.series]
        bars.categoryAxis.categoryNames = [""] * len(self.labels)  # set by draw_runs below
        bars.categoryAxis.labels.fontSize = 1
        bars.categoryAxis.labels.fontName = regular.name  # not Helvetica, even for nothing
        bars.barLabels.fontName = regular.name
        top = max([max(values, default=0) for values in self.series] + [1])
        bars.valueAxis.valueMin = 0
        bars.valueAxis.valueMax = top + max(1, top // 8)
        bars.valueAxis.valueStep = max(1, (top + 7) // 8)
        bars.valueAxis.labels.fontName = regular.name  # digits only: no Thai shaping needed
        bars.valueAxis.labels.fontSize = 10
        bars.valueAxis.visibleGrid = True
        bars.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
        bars.groupSpacing, bars.barSpacing = 6, 1
        for i, rgb in enumerate(COLOURS[: len(self.series)]):
            bars.bars[i].fillColor = colors.Color(*rgb)
            bars.bars[i].strokeColor = None
        drawing = Drawing(self.width, self.height)
        drawing.initialFontName = regular.name  # its state starts in Helvetica otherwise
        drawing.add(bars)
        renderPDF.draw(drawing, canv, 0, 0)
        step = (bars.height if self.horizontal else bars.width) / max(1, len(self.labels))
        for i, text in enumerate(self.labels):
            run = shape(regular, text)
            w = run.width(LABEL_SIZE)
            if self.horizontal:  # categories run bottom-up
                y = bars.y + step * (i + 0.5) - LABEL_SIZE * 0.35
                draw_runs(canv, bars.x - 6 - w, y, LABEL_SIZE, [(0.0, run)])
            else:
                x = bars.x + step * (i + 0.5) - w / 2
                draw_runs(canv, x, bars.y - LABEL_SIZE * 1.2, LABEL_SIZE, [(0.0, run)])
        runs = [shape(regular, f"เรื่องร้องเรียน{SHORT_TRACK[track]}")
                for track in TRACKS[: len(self.series)]]  # fmt: skip
        legend = sum(14 + run.width(LABEL_SIZE) for run in runs) + 24 * (len(runs) - 1)
        x = max(0.0, min(bars.x, self.width - legend))  # the legend stays inside the margins
        canv.saveState()
        for i, run in enumerate(runs):
            canv.setFillColorRGB(*COLOURS[i])
            canv.rect(x, 4, 10, 10, stroke=0, fill=1)
            canv.setFillColorRGB(0, 0, 0)
            draw_runs(canv, x + 14, 5, LABEL_SIZE, [(0.0, run)])
            x += 14 + run.width(LABEL_SIZE) + 24
        canv.restoreState()


def render_complaint_stats(
    stats: ComplaintStats, office: OfficeProfile, as_of: date, footer_text: str = "",
    title: str = "",
) -> bytes:  # fmt: skip
    from reportlab.platypus import Spacer

    from nongbon_ita.reports.thai import (
        BODY,
        TITLE,
        ThaiParagraph,
        build_pdf,
        frame_width,
        keep_lines,
        thai_table,
    )
    from nongbon_ita.reports.thai.styles import Align

    width = frame_width()
    small = BODY.but(size=14)
    small_head = TITLE.but(size=14)
    heading = BODY.but(bold=True, space_before=12, space_after=4)
    figure = small.but(align=Align.CENTER)
    lines = title_lines(stats, office, title)
    story: list[Any] = [ThaiParagraph(line, TITLE) for line in lines]
    story.append(ThaiParagraph(f"ข้อมูล ณ วันที่ {format_date_long(as_of)}",
                               BODY.but(align=Align.CENTER, space_after=6)))  # fmt: skip

    def table(header: tuple[str, ...], rows: list[list[str]], shares: tuple[float, ...]) -> Any:
        cells = [[row[0], *([ThaiParagraph(c, figure)] for c in row[1:])] for row in rows]
        return thai_table(header, cells, [width * s for s in shares], body_style=small,
                          header_style=small_head)  # fmt: skip

    story.append(ThaiParagraph("๑. สรุปภาพรวม", heading))
    story.append(table(("", "เรื่องร้องเรียนทั่วไป", "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
                        "รวม"), summary_rows(stats), (0.4, 0.2, 0.24, 0.16)))  # fmt: skip
    story.append(
        ThaiParagraph(
            "หมายเหตุ: แล้วเสร็จ หมายถึง ได้ข้อยุติหรือยุติเรื่องแล้ว; ระยะเวลานับเป็นวันทำการ"
            "ตั้งแต่วันรับเรื่องถึงวันยุติเรื่อง ไม่นับวันหยุดราชการ",
            small.but(space_before=4),
        )
    )
    split_header = ("", "ทั่วไป", "ทุจริตและประพฤติมิชอบ", "รวม")
    shares = (0.34, 0.2, 0.26, 0.2)
    months = [stats.by_month[m] for m in stats.months]
    story.append(keep_lines(
        ThaiParagraph("๒. จำนวนเรื่องร้องเรียนจำแนกตามเดือน", heading),
        BarChart(month_labels(stats, short=True),
                 [[c[t] for c in months] for t in TRACKS], width, 190).flowable(),
    ))  # fmt: skip
    story.append(Spacer(1, 6))
    story.append(table(("เดือน", *split_header[1:]), _split_rows(month_labels(stats), months),
                       shares))  # fmt: skip
    quarters = [stats.by_quarter[q] for q in stats.quarters]
    story.append(keep_lines(
        ThaiParagraph("๓. จำแนกตามไตรมาส", heading),
        table(("ไตรมาส", *split_header[1:]),
              _split_rows([f"ไตรมาสที่ {thai_digits(q)}" for q in stats.quarters], quarters),
              shares),
    ))  # fmt: skip
    channels = list(stats.by_channel)
    story.append(keep_lines(
        ThaiParagraph("๔. จำแนกตามช่องทางการร้องเรียน", heading),
        BarChart([stats.channel_name(c) for c in reversed(channels)],
                 [[stats.by_channel[c][t] for c in reversed(channels)] for t in TRACKS],
                 width, max(300, 24 * len(channels)),  # a line per channel, readable
                 horizontal=True).flowable(),
    ))  # fmt: skip
    story.append(Spacer(1, 6))
    story.append(table(("ช่องทาง", *split_header[1:]),
                       _split_rows([stats.channel_name(c) for c in channels],
                                   [stats.by_channel[c] for c in channels]), shares))  # fmt: skip
    story.append(keep_lines(
        ThaiParagraph("๕. จำแนกตามประเภทเรื่อง", heading),
        table(("ประเภทเรื่อง", "จำนวน (เรื่อง)"),
              [[c.thai, _n(n)] for c, n in stats.by_category.items()]
              + [["รวม", _n(sum(stats.by_category.values()))]], (0.6, 0.4)),
    ))  # fmt: skip
    outcomes = list(stats.by_outcome)
    story.append(keep_lines(
        ThaiParagraph("๖. จำแนกตามผลการพิจารณา (เรื่องที่แล้วเสร็จ)", heading),
        table(("ผลการพิจารณา", *split_header[1:]),
              _split_rows([o.thai for o in outcomes], [stats.by_outcome[o] for o in outcomes]),
              shares),
    ))  # fmt: skip
    return build_pdf(story, footer_text=footer_text, title=" ".join(lines), author=office.name)
