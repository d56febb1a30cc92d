"""Issue 14's smaller list: "นำออก…" stood where "ลบ" (delete) is meant. Removing a division, an
item or a file says ลบ in the Thai catalog."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

PO = Path(__file__).resolve().parents[2] / "translations" / "th" / "LC_MESSAGES" / "messages.po"


def test_remove_and_delete_say_lop() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    assert catalog["Remove"].string == "ลบ"
    assert catalog["Delete…"].string == "ลบ…"
    assert not [m.id for m in catalog if m.id and str(m.string).startswith("นำออก")]
