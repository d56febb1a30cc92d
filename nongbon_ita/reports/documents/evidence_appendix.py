"""Appendix: the evidence of each ITA measure (documents kept by the office, web links)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nongbon_ita.domain.ita.documents import EvidenceAppendix
from nongbon_ita.domain.ita.measure import EvidenceKind, Measure
from nongbon_ita.domain.office import OfficeProfile
from nongbon_ita.i18n.thaiformat import format_date_short, thai_digits
from nongbon_ita.reports.documents.measures_plan import TITLE, plain_cell, title_lines, title_story

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

HEADER = ("ที่", "วันที่", "ผลการดำเนินการ", "หลักฐาน")
COLUMN_SHARES = (0.06, 0.17, 0.35, 0.42)


def evidence_rows(measure: Measure) -> list[list[Any]]:
    """One row per result that has evidence: its files (name, SHA-256) and links."""
    rows: list[list[Any]] = []
    for result in measure.results:
        if not result.evidence:
            continue
        lines: list[str] = []
        for ev in result.evidence:
            if ev.kind is EvidenceKind.LINK:
                lines += [ev.label, ev.url] if ev.label else [ev.url]
            else:
                lines += [f"เอกสาร {ev.file_name}", f"SHA-256 {ev.sha256[:16]}…"]
        when = format_date_short(result.done_on, thai=True) if result.done_on else "-"
        rows.append([thai_digits(len(rows) + 1), plain_cell(when), result.text,
                     plain_cell("\n".join(lines))])  # fmt: skip
    return rows


def render_evidence_appendix(
    appendix: EvidenceAppendix, office: OfficeProfile, footer_text: str = ""
) -> bytes:
    """The appendix as PDF bytes: A4 portrait, one heading and table per measure."""
    from nongbon_ita.reports.thai import BODY, ThaiParagraph, build_pdf, frame_width, thai_table
    from nongbon_ita.reports.thai import TITLE as TITLE_STYLE

    width = frame_width()
    lines = ("ภาคผนวก", f"หลักฐานการดำเนินการตาม{TITLE}",
             *title_lines(office, appendix.fiscal_year)[1:])  # fmt: skip
    story: list[Flowable] = title_story(lines)
    heading = BODY.but(bold=True, space_before=12, space_after=4)
    for number, measure in enumerate(appendix.measures, start=1):
        sub = f" {measure.sub_indicator.lstrip('-')}" if measure.sub_indicator else ""
        story.append(ThaiParagraph(
            f"มาตรการที่ {thai_digits(number)} ({measure.form.value}) {measure.indicator}{sub}",
            heading,
        ))  # fmt: skip
        rows = evidence_rows(measure)
        if not rows:
            story.append(ThaiParagraph("ยังไม่มีหลักฐาน", BODY.but(left_indent=20)))
            continue
        story.append(thai_table(
            HEADER, rows, [width * share for share in COLUMN_SHARES], body_style=BODY,
            header_style=TITLE_STYLE, extra_style=[("ALIGN", (0, 1), (0, -1), "CENTER")],
        ))  # fmt: skip
    return build_pdf(story, footer_text=footer_text, title=" ".join(lines), author=office.name)
