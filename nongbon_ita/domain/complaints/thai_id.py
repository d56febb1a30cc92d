"""The Thai national ID number: 13 digits, the last a checksum of the first twelve."""

from __future__ import annotations

from nongbon_ita.domain.calendar import thai_to_arabic_digits


def normalise_id_number(text: str) -> str:
    """Digits only ('1-2345-67890-12-1' or Thai digits accepted)."""
    return "".join(ch for ch in thai_to_arabic_digits(text) if ch.isdigit())


def is_valid_thai_id(text: str) -> bool:
    digits = normalise_id_number(text)
    if len(digits) != 13 or len(text.strip()) > 17:
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])
