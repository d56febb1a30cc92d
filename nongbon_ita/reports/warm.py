"""Warm the print path before the first print: the GUI calls `warm_up()` in a background thread
once its window is shown (issue 12: a program's first print cost 1.6–2.8 s).

The first print of a process pays for importing ReportLab's platypus (and compiling its
patterns), the documents' modules, loading the four Laksaman faces for ReportLab and HarfBuzz,
the Thai word list, and laying out text nobody has laid out yet. A small sample document set in
each face, with a table and a signature block, pays all of it once; a real document after it
costs only its own text. Nothing is written anywhere: the PDF bytes are dropped.
"""

from __future__ import annotations

import importlib
import logging
import threading

from nongbon_ita.reports.thai.errors import ThaiEngineError

# the documents an office prints most (their modules import the rest of the print path)
DOCUMENTS = (
    "nongbon_ita.reports.documents.loan_form",
    "nongbon_ita.reports.documents.overdue_memo",
    "nongbon_ita.reports.documents.external_letter",
)
SAMPLE = (
    "ข้าพเจ้า นายสมหมาย ใจงาม ตำแหน่ง ผู้ใหญ่บ้าน สังกัด บ้านหนองบอน หมู่ ๑ โทร ๐๘๑-๒๓๔-๕๖๗๘ "
    "ขอยืมพัสดุขององค์การบริหารส่วนตำบลหนองบอน เพื่อใช้ในงานประชุมประชาคมหมู่บ้าน "
    "ตั้งแต่วันที่ ๑๕ มกราคม ๒๕๗๐ ถึงวันที่ ๑๗ มกราคม ๒๕๗๐ รวม ๓ วัน ตามรายการดังต่อไปนี้"
)

_done = threading.Event()
_lock = threading.Lock()


def warm_up() -> bool:
    """Load everything a first print loads; once per process (later calls return at once).

    Returns False when the print path cannot load (a missing font or word list): the first
    real print then reports that to the user as it always did.
    """
    with _lock:  # a second caller waits for the first instead of doing it twice
        if _done.is_set():
            return True
        try:
            for name in DOCUMENTS:
                importlib.import_module(name)
            from nongbon_ita.reports.thai import fonts
            from nongbon_ita.reports.thai.segment import dictionary

            # explicitly: the sample's own layout may come from the layout cache (no words)
            for bold, italic in fonts.FACES:
                fonts.face(bold, italic)
            dictionary()
            _sample_pdf()
        except ThaiEngineError:
            return False
        _done.set()
        return True


def warm_up_in_background() -> threading.Thread:
    """`warm_up()` in a daemon thread (the GUI's hook: it never delays a screen, and an app that
    closes meanwhile does not wait for it)."""
    thread = threading.Thread(target=_quietly, name="print warm-up", daemon=True)
    thread.start()
    return thread


def _quietly() -> None:
    try:
        warm_up()
    except Exception:  # a warm-up must never show an error: the real print reports its own
        logging.getLogger("nongbon_ita.reports").warning("print warm-up failed", exc_info=True)


def _sample_pdf() -> bytes:
    from nongbon_ita.reports.thai import (
        BODY,
        TITLE,
        ThaiParagraph,
        build_pdf,
        frame_width,
        signature_block,
    )
    from nongbon_ita.reports.thai.tables import thai_table

    width = frame_width()
    story = [
        ThaiParagraph("ใบยืมพัสดุ", TITLE),
        ThaiParagraph(SAMPLE, BODY.but(first_indent=60)),
        ThaiParagraph("เครื่องสูบน้ำ แบบหอยโข่ง", BODY.but(italic=True)),
        ThaiParagraph("ตัวเอียงหนา", BODY.but(bold=True, italic=True)),
        thai_table(
            ["ที่", "รายการ", "จำนวน"],
            [["๑", "เต็นท์ผ้าใบ ขนาด ๔ x ๘ เมตร", "๒ หลัง"]],
            [0.1 * width, 0.6 * width, 0.3 * width],
        ),
        signature_block("ผู้ยืม", "นายสมหมาย ใจงาม", "ผู้ใหญ่บ้าน"),
    ]
    return build_pdf(story, footer_text="อบต.หนองบอน ๑/๒๕๗๐", title="warm-up")
