"""Babel cannot extract `_()` written inside an f-string: such text would never be translated."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "nongbon_ita"
# a literal message id inside an f-string: f"…{_('Items')}…" (a variable id, _(x.label_id), is
# extracted where it is defined)
INSIDE_FSTRING = re.compile(r"""\bf"[^"\n]*\{_\(["']|\bf'[^'\n]*\{_\(["']""")


def test_no_gettext_call_hides_inside_an_f_string() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if INSIDE_FSTRING.search(line)
    ]
    assert offenders == []
