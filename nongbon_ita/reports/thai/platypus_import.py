"""Import ReportLab's platypus without compiling patterns the engine never uses.

`reportlab.platypus` always imports its `paragraph` module (the package and doctemplate import
it), which compiles a case-insensitive URL pattern over the whole Basic Multilingual Plane at
import: ~0.07 s of CPU, a tenth of `nongbon-ita print o43`; with it come `textsplit` (a CJK
pattern over U+2E80-U+FFFF), `paraparser`, `PyFontify` and `rl_safe_eval`, another ~0.03 s of
patterns. The engine sets every paragraph itself (flowables.py) and never calls ReportLab's
Paragraph, preformatted text or safe eval, which alone use them. So while platypus is imported,
the patterns those modules compile become patterns compiled on first use: same behaviour (each
is only ever used through its methods), paid only if something ever uses them.
"""

from __future__ import annotations

import re
import sys
import threading
from typing import Any

_MODULE = "reportlab.platypus.paragraph"
# modules whose import-time patterns become lazy (checked: used only as pattern.method(...))
_LAZY_IN = frozenset({_MODULE, "reportlab.platypus.paraparser", "reportlab.lib.textsplit",
                      "reportlab.lib.PyFontify", "reportlab.lib.rl_safe_eval"})  # fmt: skip


class LazyPattern:
    """A compiled pattern made on first use of any of its attributes."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        with self._lock:
            if self._compiled is None:
                self._compiled = re.compile(*self._source)
        value = getattr(self._compiled, name)
        setattr(self, name, value)  # the next use finds it here, without this call
        return value


def import_platypus() -> None:
    """Import reportlab.platypus (once per process), its paragraph patterns left lazy."""
    if _MODULE in sys.modules:
        return
    real = re.compile

    def compile_lazily(pattern: Any, flags: Any = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__")
        if caller in _LAZY_IN and isinstance(pattern, str):
            return LazyPattern(pattern, int(flags))
        return real(pattern, flags)

    re.compile = compile_lazily  # type: ignore[assignment]
    try:
        import reportlab.platypus  # noqa: F401 - imported for its side effect: sys.modules
    finally:
        re.compile = real
