"""A USB barcode/QR scanner types like a keyboard: under the Thai Kedmanee layout `ABC-123`
arrives as Thai characters. The scan field maps them back to what the label says.

`KEDMANEE` maps each US-keyboard character (unshifted and shifted) to the character the Thai
Kedmanee layout (Windows/TIS 820-2538) types on the same key.
"""

from __future__ import annotations

_US_UNSHIFTED = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./"
_TH_UNSHIFTED = "_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ"
_US_SHIFTED = '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?'
_TH_SHIFTED = '%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ'

KEDMANEE: dict[str, str] = dict(
    zip(_US_UNSHIFTED + _US_SHIFTED, _TH_UNSHIFTED + _TH_SHIFTED, strict=True)
)
_BACK: dict[str, str] = {thai: us for us, thai in KEDMANEE.items()}


def to_kedmanee(text: str) -> str:
    """What the Thai layout types for keys labelled `text` (a scanner's view of a label)."""
    return "".join(KEDMANEE.get(ch, ch) for ch in text)


def from_kedmanee(text: str) -> str:
    """The keys that were pressed to type `text` under the Thai layout: every character of the
    layout is mapped back; characters the layout cannot type (spaces, …) are kept."""
    return "".join(_BACK.get(ch, ch) for ch in text)


def _typed_in_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def scanned_code(text: str) -> str:
    """What a scan means: text with any Thai character was typed under Kedmanee and is mapped
    back whole; plain ASCII came through the US layout and is kept (so `-` stays `-`)."""
    text = text.strip()
    return from_kedmanee(text) if _typed_in_thai(text) else text
