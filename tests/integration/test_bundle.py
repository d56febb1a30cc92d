"""The frozen bundle: build it with build.spec (≈40 s here), then run its own self-test; with a
PostgreSQL test server, the frozen CLI also opens an office's server database (psycopg and its
libpq travel in the bundle).

Set NONGBON_ITA_BUNDLE to an already built folder (e.g. dist/nongbon-ita) to skip the build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nongbon_ita.app import open_services
from tests.backends import PgTestDatabase, backends
from tests.conftest import OFFICE, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
# the build alone takes 1–3 min on 2 busy cores (another test worker runs beside it)
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("NONGBON_ITA_BUNDLE")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), "build.spec"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return out / "dist" / "nongbon-ita"


def run(bundle: Path, name: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LC_", "LANG"))}
    env["LANG"] = "C"  # a legacy locale: output must still be UTF-8, never a crash
    env["NONGBON_ITA_CHEAP_HASHING"] = "1"
    return subprocess.run(
        [str(bundle / f"{name}{EXE_SUFFIX}"), *args], env=env, capture_output=True, timeout=120
    )


def test_the_frozen_self_test_passes(bundle: Path) -> None:
    result = run(bundle, "nongbon-ita-cli", "--self-test")
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0, out + result.stderr.decode("utf-8", "replace")
    assert "self-test passed" in out and "Thai text exact" in out


def test_both_executables_share_one_folder_with_the_data(bundle: Path) -> None:
    assert (bundle / f"nongbon-ita{EXE_SUFFIX}").is_file()
    assert (bundle / f"nongbon-ita-cli{EXE_SUFFIX}").is_file()
    data = bundle / "_internal"
    assert (data / "nongbon_ita/translations/th/LC_MESSAGES/messages.mo").is_file()
    assert (data / "nongbon_ita/resources/fonts/Laksaman.ttf").is_file()
    assert (data / "nongbon_ita/resources/icons/nongbon-ita.png").is_file()
    assert (data / "nongbon_ita/db/migrations/script.py.mako").is_file()
    assert list((data / "nongbon_ita/db/migrations/versions").glob("*.py"))
    assert (data / "nongbon_ita/translations/qt/qt_th.qm").is_file()  # Qt's dialogs in Thai
    assert (data / "docs/manual/README.md").is_file()  # Help › คู่มือการใช้งาน
    assert (data / "docs/manual/images/login.png").is_file()
    corpus = {p.name for p in (data / "pythainlp/corpus").iterdir()}
    assert "words_th.txt" in corpus and "wordnet_th.db" not in corpus  # the word list only


def test_thai_output_is_utf8_under_a_legacy_locale(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "nongbon-ita-cli", "--db", str(tmp_path / "demo.sqlite3"), "demo")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    text = result.stdout.decode("utf-8")  # raises if anything but UTF-8 came out
    assert "สร้างฐานข้อมูลตัวอย่าง" in text


ON_PG = [name for name in backends() if name == "postgresql"]  # empty without a test server


@pytest.mark.parametrize("backend", ON_PG)
def test_the_frozen_cli_opens_a_server_database(
    backend: str, bundle: Path, pg_database: PgTestDatabase
) -> None:
    pg_database.empty()
    services = open_services(pg_database.location)
    services.setup.initialise(OFFICE, "admin", "ผู้ดูแลระบบ", PASSWORD)
    services.ctx.database.dispose()
    result = run(bundle, "nongbon-ita-cli", "--db", pg_database.url, "check")
    text = result.stdout.decode("utf-8")
    assert result.returncode == 0, text + result.stderr.decode("utf-8", "replace")
    assert "ฐานข้อมูลปกติ" in text  # migrations ran, the chain verified: on the server
