"""Thai typesetting on ReportLab: HarfBuzz glyph placement, exact text layer, Thai line breaking.

Public API (what documents use):

* ``build_pdf(story, landscape_page=False, footer_text="", title="", author="") -> bytes``
* ``frame_width(landscape_page=False) -> float``
* ``ThaiParagraph(text, style=BODY, label="")``, ``item``, ``numbered_item``, ``dash_item``,
  ``paragraphs(text, style)`` (one per line, items detected)
* ``thai_table(header, rows, col_widths, body_style=..., header_style=..., group_first_column=...)``
* ``signature_block(caption, full_name, position, style=BODY)``, ``keep_lines(*flowables)``
* ``TextStyle``, ``Align``, ``BODY``, ``TITLE``, ``CM``, ``PageMargins``
* ``ThaiEngineError`` — raised when uharfbuzz, the font or the dictionary is missing
* ``draft_while(running)``: documents built inside print "ร่าง" on every page when `running`
* ``nobreak.keep_whole(words)``: documents set inside keep the office's words unbroken
"""

# ruff: noqa: E402 - platypus is imported first, on purpose (platypus_import.py)
from __future__ import annotations

from nongbon_ita.reports.thai.platypus_import import import_platypus

import_platypus()  # before any module below imports reportlab.platypus (why: that module)

from nongbon_ita.reports.thai.errors import ThaiEngineError
from nongbon_ita.reports.thai.flowables import (
    ThaiParagraph,
    dash_item,
    item,
    numbered_item,
    paragraphs,
)
from nongbon_ita.reports.thai.signature import keep_lines, signature_block
from nongbon_ita.reports.thai.styles import BODY, CM, TITLE, Align, PageMargins, TextStyle
from nongbon_ita.reports.thai.tables import thai_table
from nongbon_ita.reports.thai.template import (
    build_pdf,
    draft_while,
    frame_width,
    page_number_text,
)

__all__ = [
    "BODY",
    "CM",
    "TITLE",
    "Align",
    "PageMargins",
    "TextStyle",
    "ThaiEngineError",
    "ThaiParagraph",
    "build_pdf",
    "dash_item",
    "draft_while",
    "frame_width",
    "item",
    "keep_lines",
    "numbered_item",
    "page_number_text",
    "paragraphs",
    "signature_block",
    "thai_table",
]
