"""Which characters typed or imported text may hold (pure; every input path checks through here).

Refused, with the field named:
- control characters: NUL and the other C0 controls, DEL and the C1 controls — they break XML
  (an XLSX export) and are never typed on purpose; tab and line breaks are allowed only in
  multi-line fields;
- invisible and direction-changing characters: zero-width space/joiners and the left-to-right
  and right-to-left marks (U+200B–U+200F), the bidi embeddings and overrides (U+202A–U+202E),
  the bidi isolates (U+2066–U+2069), the word joiner (U+2060) and the byte-order mark (U+FEFF) —
  they make "ABC-001" and "ABC-001" different asset numbers that look the same, or show a name
  reversed ("Trojan Source");
- lone surrogates and the non-characters U+FFFE/U+FFFF, which no file format can carry.
"""

from __future__ import annotations

import re

from nongbon_ita.domain.errors import N_, ValidationError

_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_UNENCODABLE = "\ud800-\udfff\ufffe\uffff"
_BAD_MULTILINE = re.compile(f"[{_CONTROL}{_INVISIBLE}{_UNENCODABLE}]")
_BAD_SINGLE_LINE = re.compile(f"[\t\n\r{_CONTROL}{_INVISIBLE}{_UNENCODABLE}]")


def first_bad_character(text: str, multiline: bool = False) -> str | None:
    """The first character `text` may not hold, or None."""
    match = (_BAD_MULTILINE if multiline else _BAD_SINGLE_LINE).search(text)
    return match.group() if match else None


def check_text(text: str, field: str, label: str | None = None, multiline: bool = False) -> str:
    """`text` unchanged, or a ValidationError naming the field and the character (U+XXXX).

    `label` is the field's message id as the user knows it ("Asset number"); `field` (the
    attribute name) is used when there is none.
    """
    bad = first_bad_character(text, multiline)
    if bad is None:
        return text
    raise ValidationError(
        N_("“{label}” contains a control or invisible character (U+{code}); remove it and "
           "type the text again."),
        field=field, label=label or field, code=f"{ord(bad):04X}",
    )  # fmt: skip


def printable(text: str, multiline: bool = True) -> str:
    """`text` with every character `check_text` refuses replaced by U+FFFD: for output."""
    pattern = _BAD_MULTILINE if multiline else _BAD_SINGLE_LINE
    return pattern.sub("\ufffd", text)
