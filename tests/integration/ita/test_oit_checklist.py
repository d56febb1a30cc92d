"""The OIT checklist for ITAS: addresses checked for form, status, the list in ITAS's order."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from nongbon_ita.cli import main
from nongbon_ita.domain.errors import ValidationError
from nongbon_ita.domain.ita.oit import OitStatus, check_url, parse_status
from nongbon_ita.services.ita.oit_export import clipboard_text
from tests.conftest import PASSWORD
from tests.integration.ita.conftest import Office


@pytest.mark.parametrize("bad", ["www.nongbon.go.th", "ftp://nongbon.go.th/a",
                                 "https://nongbon.go.th/a b", "https://", "kept:unknown.pdf"])  # fmt: skip
def test_an_address_must_be_http_or_https_without_spaces(bad: str) -> None:
    with pytest.raises(ValidationError):
        check_url(bad)


def test_a_kept_file_of_the_item_is_a_valid_link() -> None:
    assert check_url(" https://www.nongbon.go.th/ita/o1 ") == "https://www.nongbon.go.th/ita/o1"
    assert check_url("kept:o1.pdf", ("o1.pdf",)) == "kept:o1.pdf"
    assert parse_status("เผยแพร่แล้ว") is OitStatus.PUBLISHED
    assert parse_status("in-progress") is OitStatus.IN_PROGRESS


def test_the_checklist_keeps_several_addresses_and_says_what_is_missing(office: Office) -> None:
    oit = office.services.ita.oit
    urls = ["https://nongbon.go.th/o43", "https://nongbon.go.th/o43-2"]
    entry = oit.save(office.coordinator, 2566, "o43", urls=urls, status=OitStatus.PUBLISHED)
    assert entry.urls == tuple(urls) and not entry.missing
    entries = oit.entries(2566)
    assert [e.code for e in entries][:3] == ["O1", "O2", "O3"] and len(entries) == 43
    assert sum(e.missing for e in entries) == 42
    with pytest.raises(ValidationError):
        oit.save(office.coordinator, 2566, "O42", urls=["nongbon.go.th"])
    assert oit.entry(2566, "O42").urls == ()  # nothing changed
    assert "O43\t" in clipboard_text(entries) and "https://nongbon.go.th/o43-2" in clipboard_text(
        entries
    )


def test_cli_oit_set_and_export_the_links_in_itas_order(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    db = ["--db", str(demo_db)]
    words = [*db, "oit", "set", "--year", "2569", "--item", "O26", "--url",
             "https://www.nongbon.go.th/ita/2569/o26", "--status", "published",
             "--user", "ita_coordinator"]  # fmt: skip
    assert main(words) == 0
    assert main([*words[:-6], "--url", "not a url", "--user", "ita_coordinator"]) == 2
    out = tmp_path / "links.csv"
    assert main([*db, "export", "oit-links", "--year", "2569", "--out", str(out)]) == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["รหัส", "รายการ", "URL", "สถานะ"]
    assert [r[0] for r in rows[1:]] == [f"O{n}" for n in range(1, 27)]
    assert rows[26][2:] == ["https://www.nongbon.go.th/ita/2569/o26", "เผยแพร่แล้ว"]
    xlsx = tmp_path / "links.xlsx"
    assert main([*db, "export", "oit-links", "--year", "2569", "--out", str(xlsx)]) == 0
    assert (
        main([*db, "export", "oit-links", "--year", "2569", "--out", str(tmp_path / "x.pdf")]) == 2
    )


def test_cli_oit_set_keeps_a_person_a_due_date_and_files(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import os
    import time

    from nongbon_ita.app import open_services
    from nongbon_ita.db.location import DatabaseLocation
    from nongbon_ita.services.orphans import find_orphans

    monkeypatch.setenv("NONGBON_ITA_PASSWORD", PASSWORD)
    scan = tmp_path / "o1-โครงสร้าง.pdf"
    scan.write_bytes(b"%PDF-1.4 chart")
    base = ["--db", str(demo_db), "oit", "set", "--year", "2570", "--item", "O1"]
    user = ["--user", "ita_coordinator"]
    assert main([*base, "--responsible", "staff", "--due", "31/03/2570", "--add-file",
                 str(scan), *user]) == 0  # fmt: skip
    assert "o1-โครงสร้าง.pdf" in capsys.readouterr().out
    services = open_services(DatabaseLocation.for_file(demo_db))
    try:
        entry = services.ita.oit.entry(2570, "O1")
        assert entry.responsible and entry.due_on is not None and entry.due_on.year == 2027
        (stored,) = entry.files
        kept = services.ita.oit.file_path(stored)
        assert kept.read_bytes() == b"%PDF-1.4 chart"
        os.utime(kept, (time.time() - 3600, time.time() - 3600))  # past the orphans' grace
        assert all(o.path != kept for o in find_orphans(services.ctx))  # a record names it
    finally:
        services.ctx.database.dispose()
    for bad in (["--due", "31/02/2570"], ["--responsible", "nobody-here"],
                ["--remove-file", "other.pdf"]):  # fmt: skip
        assert main([*base, *bad, *user]) == 2
    assert main([*base, "--remove-file", "o1-โครงสร้าง.pdf", "--responsible", "-", "--due", "-",
                 *user]) == 0  # fmt: skip
    services = open_services(DatabaseLocation.for_file(demo_db))
    try:
        entry = services.ita.oit.entry(2570, "O1")
        assert (entry.files, entry.responsible_user_id, entry.due_on) == ((), None, None)
    finally:
        services.ctx.database.dispose()
