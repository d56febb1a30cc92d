"""Scanner text typed through the Thai Kedmanee layout maps back to the label's characters."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from nongbon_ita.domain.loans.scanner import KEDMANEE, from_kedmanee, scanned_code, to_kedmanee

US_KEYS = "".join(KEDMANEE)


def test_the_table_covers_every_printable_us_key_once() -> None:
    printable = set(string.ascii_letters + string.digits + string.punctuation)
    assert set(KEDMANEE) == printable
    assert len(set(KEDMANEE.values())) == len(KEDMANEE)  # one way back for every character


def test_known_keys() -> None:
    assert to_kedmanee("ABC-123") == "ฤฺฉขๅ/-"
    assert from_kedmanee("ฤฺฉขๅ/-") == "ABC-123"
    assert to_kedmanee("asdf") == "ฟหกด" and to_kedmanee("7080") == "ึจคจ"


def test_scanned_code_maps_thai_and_keeps_ascii() -> None:
    assert scanned_code(to_kedmanee("7080-001-0001")) == "7080-001-0001"
    assert scanned_code(" 7080-001-0001 ") == "7080-001-0001"


@given(st.text(alphabet=US_KEYS, min_size=1, max_size=30))
def test_round_trip(text: str) -> None:
    assert from_kedmanee(to_kedmanee(text)) == text
