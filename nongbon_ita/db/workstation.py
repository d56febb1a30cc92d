"""Which database this workstation opens when neither `--db` nor NONGBON_ITA_DB says: the
office's server, once the first-run wizard chose it ("ใช้เซิร์ฟเวอร์ของสำนักงาน"), else the file
in the user's data folder. The choice is one line in the user's config folder (the URL may carry
the login's password, so it stays in the user's own profile)."""

from __future__ import annotations

from pathlib import Path


def saved_server_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("nongbon-ita", appauthor=False)) / "server-url.txt"


def saved_server() -> str | None:
    path = saved_server_file()
    try:
        url = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return url or None


def save_server(url: str) -> None:
    path = saved_server_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(url.strip() + "\n", encoding="utf-8")
