"""GUI speed and memory: cold start to the login dialog, login to dashboard, idle RSS.

Run: /work/venv/bin/python benchmarks/bench_gui.py  (offscreen; prints figures and the targets)
Targets (issue): cold start ≤ 0.8 s, login → dashboard ≤ 0.3 s, idle RSS ≤ 250 MB.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5
TARGETS = {"cold_start_s": 0.8, "login_to_dashboard_s": 0.3, "idle_rss_mb": 250.0}
PASSWORD = "nongbon-demo"

MAKE_DB = """
import sys
from pathlib import Path
from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.domain.office import OfficeProfile, Official, SignatureRole
from nongbon_ita.domain.roles import Role
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.registry import Services

db = open_database(DatabaseLocation.for_file(Path(sys.argv[1])))
services = Services.over(ServiceContext(db))  # the real argon2 cost, as users get it
services.setup.initialise(OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย",
                                        "มหาสารคาม"), "admin", "ผู้ดูแลระบบ", sys.argv[2])
admin = services.auth.login("admin", sys.argv[2])
for number, role in enumerate(Role):
    services.users.create_user(admin, f"user{number}", f"ผู้ใช้ {number}", frozenset({role}), sys.argv[2])
services.office.add_division(admin, "สำนักปลัด")
services.office.save_official(admin, Official(0, "นายสมชาย ใจดี", "นายก อบต.หนองบอน", SignatureRole.EXECUTIVE))
db.dispose()
"""

COLD_START = """
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtWidgets import QApplication
from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.gui.fonts import load_screen_font
from nongbon_ita.gui.run import LoginDialog, office_name
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.registry import Services

services = Services.over(ServiceContext(open_database(DatabaseLocation.for_file(Path(sys.argv[1])), must_exist=True)))
app = QApplication(sys.argv[:1])
load_screen_font(app)
dialog = LoginDialog(services.auth, office_name(services))
dialog.show()
app.processEvents()
print(time.time())
heavy = sorted({m.split(".")[0] for m in sys.modules} & {"reportlab", "pythainlp", "openpyxl"})
print(",".join(heavy))
"""

LOGIN_AND_IDLE = """
import json, os, statistics, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from nongbon_ita.db.engine import open_database
from nongbon_ita.db.location import DatabaseLocation
from nongbon_ita.gui.fonts import load_screen_font
from nongbon_ita.gui.run import GuiSession
from nongbon_ita.services.context import ServiceContext
from nongbon_ita.services.registry import Services


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


services = Services.over(ServiceContext(open_database(DatabaseLocation.for_file(Path(sys.argv[1])), must_exist=True)))
app = QApplication(sys.argv[:1])
load_screen_font(app)
times = []
for _run in range(int(sys.argv[3])):
    session = GuiSession(services)
    dialog = session.show_login()
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText(sys.argv[2])
    app.processEvents()
    start = time.perf_counter()
    dialog.try_login()  # login → main window built and shown on the dashboard
    app.processEvents()
    assert session.window is not None and session.window.current_key() == "dashboard"
    times.append(time.perf_counter() - start)
    if _run < int(sys.argv[3]) - 1:
        session.window.close()
        session.window.deleteLater()
        app.processEvents()
QTimer.singleShot(1000, app.quit)  # one second of idling with the main window up
app.exec()
print(json.dumps({"login_times": times, "idle_rss_mb": rss_mb()}))
"""


def python() -> str:
    return sys.executable


def make_database(folder: Path) -> Path:
    path = folder / "demo.sqlite3"
    subprocess.run([python(), "-c", MAKE_DB, str(path), PASSWORD], check=True)
    return path


def cold_start(db: Path) -> tuple[list[float], str]:
    times, heavy = [], ""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _run in range(RUNS):
        start = time.time()
        out = subprocess.run([python(), "-c", COLD_START, str(db)], check=True, capture_output=True,
                             text=True, env=env).stdout.split("\n")  # fmt: skip
        times.append(float(out[0]) - start)
        heavy = out[1]
    return times, heavy


def login_and_idle(db: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([python(), "-c", LOGIN_AND_IDLE, str(db), PASSWORD, str(RUNS)],
                         check=True, capture_output=True, text=True, env=env).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])


def verdict(name: str, value: float) -> str:
    return "ok" if value <= TARGETS[name] else "OVER TARGET"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as folder:
        db = make_database(Path(folder))
        cold, heavy = cold_start(db)
        measured = login_and_idle(db)
    login_times = [float(t) for t in measured["login_times"]]  # type: ignore[union-attr]
    figures = {
        "cold_start_s": statistics.median(cold),
        "login_to_dashboard_s": statistics.median(login_times),
        "idle_rss_mb": float(measured["idle_rss_mb"]),  # type: ignore[arg-type]
    }
    print(f"cold start to login dialog: median {figures['cold_start_s']:.3f} s "
          f"(runs {', '.join(f'{t:.3f}' for t in cold)}; target ≤ {TARGETS['cold_start_s']} s) "
          f"{verdict('cold_start_s', figures['cold_start_s'])}")  # fmt: skip
    print(f"login → dashboard shown: median {figures['login_to_dashboard_s']:.3f} s "
          f"(first {login_times[0]:.3f} s; target ≤ {TARGETS['login_to_dashboard_s']} s) "
          f"{verdict('login_to_dashboard_s', figures['login_to_dashboard_s'])}")  # fmt: skip
    print(
        f"idle RSS with the main window: {figures['idle_rss_mb']:.0f} MB "
        f"(target ≤ {TARGETS['idle_rss_mb']:.0f} MB) {verdict('idle_rss_mb', figures['idle_rss_mb'])}"
    )
    print(f"heavy modules imported on start-up: {heavy or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
