"""The ITA commands on the demo database."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from tests.conftest import PASSWORD


def text_of(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return "".join(out.split())


def test_print_o42_progress_and_evidence_of_the_demo(demo_db: Path, tmp_path: Path) -> None:
    o42, half, evidence = tmp_path / "o42.pdf", tmp_path / "p.pdf", tmp_path / "e.pdf"
    assert main(["--db", str(demo_db), "print", "o42", "--year", "2567", "--out", str(o42)]) == 0
    assert "ประจำปีงบประมาณพ.ศ.๒๕๖๗" in text_of(o42)
    words = ["--db", str(demo_db), "print", "measures-progress", "--year", "2567", "--half", "1",
             "--out", str(half)]  # fmt: skip
    assert main(words) == 0
    assert "รอบ๖เดือน" in text_of(half) and "ร้อยละ" in text_of(half)
    words = ["--db", str(demo_db), "print", "measures-evidence", "--year", "2567", "--out",
             str(evidence)]  # fmt: skip
    assert main(words) == 0
    assert "https://www.nongbon.go.th/ita/2567/" in text_of(evidence)
    assert main(["--db", str(demo_db), "print", "o42", "--year", "2690", "--out", str(o42)]) == 2


def test_export_measures_writes_both_sheets(demo_db: Path, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "m.xlsx"
    assert (
        main(["--db", str(demo_db), "export", "measures", "--year", "2568", "--out", str(out)]) == 0
    )
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["มาตรการ", "หลักฐาน"]
    rows = list(book["มาตรการ"].iter_rows(values_only=True))
    assert rows[0][:2] == ("แบบ", "ตัวชี้วัด") and len(rows) > 2
    book.close()


def test_catalogue_copy_needs_the_coordinator_and_an_empty_year(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    monkeypatch.setenv("NONGBON_ITA_LANG", "en")
    copy = ["--db", str(demo_db), "catalogue", "copy", "--from", "2566", "--to"]
    assert main([*copy, "2690", "--user", "ita_coordinator"]) == 0
    assert "43 OIT items" in capsys.readouterr().out
    assert main([*copy, "2690", "--user", "ita_coordinator"]) == 2  # already there
    assert main([*copy, "2691", "--user", "staff"]) == 2  # not allowed


def test_the_demo_has_every_year_up_to_now_with_evidence_kept_beside_it(
    demo_db: Path, demo_db_template: Path
) -> None:
    from datetime import date

    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.domain.calendar import fiscal_year

    folder = demo_db_template.name + ".files"  # the evidence travels with the database
    assert demo_db.with_name(folder).is_dir()  # the demo_db fixture copies it like a backup does
    services = open_services(DatabaseLocation.for_file(demo_db), must_exist=True)
    try:
        years = services.measures.fiscal_years()
        assert years == list(range(2566, fiscal_year(date.today()) + 1))
        measures = services.ita.plan.measures(2567)
        assert measures and all(m.responsible_user for m in measures)
        files = [e for m in measures for r in m.results for e in r.evidence if e.sha256]
        assert files and all(services.ita.results.check_file(e) for e in files)
        assert services.ita.scores.scores(2566).flagged
    finally:
        services.ctx.database.dispose()
