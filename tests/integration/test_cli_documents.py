"""Demo database, measures import and `print o43` through the command line."""

import json
import subprocess
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from tests.conftest import PASSWORD

FIXTURE = Path(__file__).parent.parent / "fixtures" / "o43-report-2566-nongbon.json"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def test_demo_has_one_user_per_role_and_refuses_to_overwrite(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.domain.roles import Role

    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    for role in Role:
        user = services.auth.login(role.value, PASSWORD)
        assert role in user.roles and not user.must_change_password
    assert services.office.profile().district == "โกสุมพิสัย"
    assert services.measures.fiscal_years()[0] == 2566  # later years: the ITA demo
    services.ctx.database.dispose()
    assert main(["--db", str(demo_db), "demo"]) == 2


def test_print_o43_from_the_demo(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "o43.pdf"
    assert main(["--db", str(demo_db), "print", "o43", "--year", "๒๕๖๖", "--out", str(out)]) == 0
    text = "".join(pdf_text(out).split())
    assert "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส" in text
    assert "อำเภอโกสุมพิสัยจังหวัดมหาสารคาม" in text and "๒๕๖๖" in text
    assert "NoGiftPolicy" in text  # the demo fixes the seed's typing slips
    assert main(["--db", str(demo_db), "print", "o43", "--year", "2690", "--out", str(out)]) == 2


def test_import_replace_and_print_the_seed_as_typed(
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    words = ["--db", str(demo_db), "measures", "import", str(FIXTURE), "--year", "2566",
             "--user", "ita_coordinator", "--replace"]  # fmt: skip
    assert main(words) == 0
    out = tmp_path / "o43.pdf"
    assert main(["--db", str(demo_db), "print", "o43", "--year", "2566", "--out", str(out)]) == 0
    flat = "".join(pdf_text(out).split())
    seed = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for row in seed["rows"]:
        for cell in (row["issue"], row["result"]):
            for paragraph in cell.split("\n"):
                assert (
                    "".join(paragraph.split())[:12] in flat
                )  # the full text is checked in test_measures_report_pdf
    bad = tmp_path / "bad.csv"
    bad.write_text("form,indicator,issue,result\nXYZ,ตัวชี้วัดที่ 1,ประเด็น,ผล\n", encoding="utf-8")
    monkeypatch.setenv("NONGBON_ITA_LANG", "en")
    code = main(
        [
            "--db",
            str(demo_db),
            "measures",
            "import",
            str(bad),
            "--year",
            "2567",
            "--user",
            "ita_coordinator",
        ]
    )
    assert code == 2 and "Row 1" in capsys.readouterr().err
