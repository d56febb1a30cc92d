"""warm_up() loads what a process's first print loads, so the first real print does not
(issue 12: the GUI runs it in the background once its window is shown)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nongbon_ita.reports import warm
from nongbon_ita.reports.thai import ThaiEngineError, fonts

# what the first print of a fresh process would load, read in that process
STATE = """
import sys
from nongbon_ita.reports.thai import fonts, segment
print(sorted(fonts._faces), segment._dictionary is not None,
      "nongbon_ita.reports.documents.loan_form" in sys.modules)
"""


def _fresh_process(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)  # fmt: skip
    return done.stdout.strip().splitlines()


def test_a_fresh_process_has_nothing_loaded_before_the_warm_up() -> None:
    assert _fresh_process(STATE) == ["[] False False"]


def test_the_warm_up_loads_the_faces_the_word_list_and_the_documents() -> None:
    code = "from nongbon_ita.reports.warm import warm_up\nprint(warm_up())\n" + STATE
    assert _fresh_process(code) == [
        "True",
        "['Laksaman', 'Laksaman-Bold', 'Laksaman-BoldItalic', 'Laksaman-Italic'] True True",
    ]


def test_in_the_background_it_runs_in_a_daemon_thread_that_leaves_the_same_state() -> None:
    code = (
        "from nongbon_ita.reports.warm import warm_up_in_background\n"
        "thread = warm_up_in_background()\nprint(thread.daemon)\nthread.join()\n" + STATE
    )
    assert _fresh_process(code) == [
        "True",
        "['Laksaman', 'Laksaman-Bold', 'Laksaman-BoldItalic', 'Laksaman-Italic'] True True",
    ]


def test_without_the_font_it_says_false_and_raises_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fonts, "_faces", {})
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr(warm, "_done", type(warm._done)())  # this process: not warmed yet
    assert warm.warm_up() is False
    assert not warm._done.is_set()  # the next call tries again
    with pytest.raises(ThaiEngineError):
        fonts.face()  # the real print reports the missing font itself, as before
