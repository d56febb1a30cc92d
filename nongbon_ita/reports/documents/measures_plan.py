"""The measures plan: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (the year's plan of ITA measures).

Also the pieces the other ITA documents share: title lines, the time-frame and responsible
cells, the side-by-side signature blocks (the coordinator reports, the executive approves).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from nongbon_ita.domain.ita.documents import MeasuresPlan
from nongbon_ita.domain.ita.measure import Measure
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.i18n.thaiformat import format_date_short, thai_digits

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
HEADER = ("แบบ", "ตัวชี้วัด", "ประเด็นที่ต้องปรับปรุง", "มาตรการ/แนวทาง", "ผู้รับผิดชอบ", "ระยะเวลา")
COLUMN_SHARES = (0.06, 0.185, 0.225, 0.27, 0.13, 0.13)


def title_lines(office: OfficeProfile, fiscal_year: int, title: str = TITLE) -> tuple[str, ...]:
    return (
        title,
        f"ของ{office.name} {office.district_line}",
        f"ประจำปีงบประมาณ พ.ศ. {thai_digits(fiscal_year)}",
    )


def score_text(score: Decimal) -> str:
    return thai_digits(f"{score:.2f}")


def default_plan_intro(plan: MeasuresPlan, office: OfficeProfile) -> str:
    """The plan's opening: last year's result, the indicators under the threshold, the plan."""
    year, previous = thai_digits(plan.fiscal_year), thai_digits(plan.fiscal_year - 1)
    text = (
        "ตามที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) "
        "ได้ประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
        f"ประจำปีงบประมาณ พ.ศ. {previous}"
    )
    scores = plan.scores
    if scores is not None and scores.overall_score is not None:
        level = f" อยู่ในระดับ{scores.level.value}" if scores.level else ""
        text += (f" ซึ่ง{office.name}ได้คะแนน {score_text(scores.overall_score)} คะแนน{level}"
                 " และได้วิเคราะห์ผลการประเมินดังกล่าวแล้ว")  # fmt: skip
    else:
        text += f" {office.name}ได้วิเคราะห์ผลการประเมินดังกล่าวแล้ว"
    if scores is not None and scores.flagged:
        names = " ".join(i.label for i in scores.flagged)
        threshold = thai_digits(format(scores.threshold.normalize(), "f"))
        text += (
            f" พบว่ามีตัวชี้วัดที่ได้คะแนนต่ำกว่า {threshold} คะแนน "
            f"จำนวน {thai_digits(len(scores.flagged))} ตัวชี้วัด ได้แก่ {names}"
        )
    return text + (
        " จึงได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
        f"ประจำปีงบประมาณ พ.ศ. {year} เพื่อปรับปรุงการดำเนินงานในประเด็นดังกล่าว ดังนี้"
    )


def time_frame_cell(measure: Measure) -> str:
    """As typed, else from the dates: "๑ ต.ค. ๖๖ –\\n๓๐ ก.ย. ๖๗"."""
    if measure.time_frame:
        return measure.time_frame
    start, end = measure.start_on, measure.due_on
    if start and end:
        return f"{format_date_short(start, thai=True)} –\n{format_date_short(end, thai=True)}"
    if end:
        return f"ภายใน {format_date_short(end, thai=True)}"
    return "ตลอดปีงบประมาณ"


def indicator_cell(measure: Measure, first_of_indicator: bool, extra: str = "") -> str:
    """The indicator once over its rows, then "-sub-indicator", OIT items and `extra`."""
    lines = [measure.indicator] if first_of_indicator else []
    sub = measure.sub_indicator.strip()
    if sub:
        lines.append(sub if sub.startswith("-") else "-" + sub)
    if measure.oit_items:
        lines.append("(" + ", ".join(measure.oit_items) + ")")
    if extra and first_of_indicator:
        lines.append(extra)
    return "\n".join(lines)


def grouped(measures: Sequence[Measure]) -> list[tuple[Measure, bool, bool]]:
    """Each measure with (first of its form, first of its indicator) for grouped tables."""
    out: list[tuple[Measure, bool, bool]] = []
    previous: Measure | None = None
    for m in measures:
        new_form = previous is None or m.form != previous.form
        new_indicator = new_form or previous is None or m.indicator != previous.indicator
        out.append((m, new_form, new_indicator))
        previous = m
    return out


def plain_cell(text: str) -> list[Any]:
    """Lines as paragraphs without item detection (names, dates: not list items)."""
    from nongbon_ita.reports.thai import BODY, ThaiParagraph

    return [ThaiParagraph(line, BODY) for line in text.split("\n") if line.strip()]


def signatures(reporter: SignatureBlock, approver: SignatureBlock, width: float) -> Flowable:
    """Two blocks side by side (the coordinator left, the executive right), kept together."""
    from reportlab.platypus import Spacer, Table, TableStyle

    from nongbon_ita.reports.thai import BODY, keep_lines, signature_block

    cells = [
        signature_block(b.caption, b.full_name, b.position, BODY, centre=0.5)
        for b in (reporter, approver)
    ]
    table = Table([cells], colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return keep_lines(Spacer(1, 30), table)


def title_story(lines: Sequence[str]) -> list[Flowable]:
    from nongbon_ita.reports.thai import TITLE as TITLE_STYLE
    from nongbon_ita.reports.thai import ThaiParagraph

    story: list[Flowable] = [ThaiParagraph(line, TITLE_STYLE) for line in lines]
    story[-1].spaceAfter = 6
    return story


def finish_landscape_report(
    story: list[Flowable],
    header: Sequence[str],
    rows: list[list[Any]],
    shares: Sequence[float],
    lines: Sequence[str],
    office: OfficeProfile,
    signers: tuple[SignatureBlock, SignatureBlock],
    footer_text: str,
) -> bytes:
    """The measures table grouped by form, the two signatures, and the landscape PDF (the plan and
    the progress reports end the same way)."""
    from nongbon_ita.reports.thai import BODY, build_pdf, frame_width, thai_table
    from nongbon_ita.reports.thai import TITLE as TITLE_STYLE

    width = frame_width(landscape_page=True)
    story.append(thai_table(
        header, rows, [width * share for share in shares], body_style=BODY,
        header_style=TITLE_STYLE, group_first_column=True,
        extra_style=[("ALIGN", (0, 1), (0, -1), "CENTER")],
    ))  # fmt: skip
    story.append(signatures(signers[0], signers[1], width))
    return build_pdf(story, landscape_page=True, footer_text=footer_text, title=" ".join(lines),
                     author=office.name)  # fmt: skip


def render_measures_plan(
    plan: MeasuresPlan,
    office: OfficeProfile,
    reporter: SignatureBlock,
    approver: SignatureBlock,
    footer_text: str = "",
) -> bytes:
    """The measures plan as PDF bytes: A4 landscape, Laksaman 16 pt."""
    from nongbon_ita.reports.thai import BODY, CM, ThaiParagraph

    lines = title_lines(office, plan.fiscal_year, plan.title or TITLE)
    story = title_story(lines)
    intro = plan.intro or default_plan_intro(plan, office)
    story.append(ThaiParagraph(intro, BODY.but(first_indent=2.5 * CM, space_before=6,
                                               space_after=10)))  # fmt: skip
    scores = {i.number: i.score for i in plan.scores.indicators} if plan.scores else {}
    rows: list[list[Any]] = []
    for m, new_form, new_indicator in grouped(plan.measures):
        score = scores.get(m.indicator_number)
        extra = (f"ผลปี {thai_digits(plan.fiscal_year - 1)}\n{score_text(score)} คะแนน"
                 if score is not None else "")  # fmt: skip
        rows.append([
            m.form.value if new_form else "",
            plain_cell(indicator_cell(m, new_indicator, extra)),
            m.issue, m.plan, plain_cell(m.responsible), plain_cell(time_frame_cell(m)),
        ])  # fmt: skip
    return finish_landscape_report(
        story, HEADER, rows, COLUMN_SHARES, lines, office, (reporter, approver), footer_text
    )
