"""A PDF names only the fonts it draws with, all embedded (no Helvetica left by a default)."""

from __future__ import annotations

import subprocess

from reportlab.lib import colors
from reportlab.platypus import Table

from nongbon_ita.reports.thai import BODY, ThaiParagraph, build_pdf, keep_lines, thai_table


def _fonts(pdf: bytes) -> list[tuple[str, str]]:
    out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout
    rows = out.decode().splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows]  # name, embedded (yes/no)


def test_tables_with_empty_cells_name_no_default_font() -> None:
    inner = Table([["", ""]], style=[("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    story = [
        ThaiParagraph("หัวเรื่อง", BODY.but(bold=True)),
        thai_table(["ที่", "รายการ"], [["", "เก้าอี้"], ["๒", ""]], [60, 200]),
        keep_lines(Table([[inner, ""]]), ThaiParagraph("ท้ายเรื่อง")),
    ]
    fonts = _fonts(build_pdf(story))
    names = {name.split("+")[-1] for name, _ in fonts}
    assert names == {"Laksaman", "Laksaman-Bold"}
    assert all(embedded == "yes" for _, embedded in fonts)
