"""The installed Qt bindings keep Python's reference count of None intact.

PySide6 6.12.0 on Python 3.11 released one reference to None on every Qt call returning nothing
(setEnabled, processEvents …); after some tens of thousands of calls — an afternoon's work in the
GUI — CPython aborts with "none_dealloc". pyproject.toml keeps PySide6 below 6.12 for that; this
test fails on any version that has the bug (on Python ≥ 3.12 None is immortal and it passes).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def test_void_qt_calls_do_not_release_none(qapp: QApplication) -> None:
    widget = QWidget()
    calls = 2000
    before = sys.getrefcount(None)
    for _ in range(calls):
        widget.setEnabled(True)
    qapp.processEvents()
    lost = before - sys.getrefcount(None)
    # other code may take or drop a handful of references meanwhile; the bug drops one per call
    assert lost < calls // 10, f"{lost} references to None lost in {calls} Qt calls"
