"""scripts/screenshots.py on the demo database: one PNG per window and dialog, every one within a
1366×768 screen, every window able to shrink to a 1280×720 screen at 125 % (its buttons stay on
screen), and the script fails when one does not."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from nongbon_ita.domain.roles import Role
from nongbon_ita.gui.screens import dialogs

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.timeout(900)  # the demo database is built first; 7 main windows and 30 dialogs
def test_every_window_and_dialog_photographed_and_fits_1366x768(demo_db: Path,
                                                                tmp_path: Path) -> None:  # fmt: skip
    out = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--db", str(demo_db)],
                          env=env, capture_output=True, text=True, timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    names = {p.stem for p in out.glob("*.png")}
    assert {screen.name for screen in dialogs()} <= names
    for role in Role:  # every role's main window, its dashboard and each area
        assert {f"{role.value}-dashboard", f"{role.value}-reports"} <= names
    assert "complaint-intake" in names and "complaint-detail" in names
    for path in out.glob("*.png"):
        width, height = png_size(path)
        assert width <= 1366 and height <= 768, path.name
    sys.path.insert(0, str(SCRIPT.parent))
    from screenshots import manual_pictures  # the manual shows only pictures the script makes

    assert manual_pictures() and manual_pictures() <= names
    sizes = json.loads((out / "sizes.json").read_text(encoding="utf-8"))
    assert set(sizes) == names
    for name, size in sizes.items():
        assert size["minimum"][0] <= 1024 and size["minimum"][1] <= 576, name
