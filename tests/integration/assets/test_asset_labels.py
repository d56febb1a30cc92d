"""The asset-label sheet: grid, text read back, pages, one category."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from nongbon_ita.domain.assets.labels import LabelGrid
from nongbon_ita.domain.assets.records import AssetCategory, AssetDraft, AssetStatus
from nongbon_ita.domain.roles import Role


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "labels.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


@pytest.fixture
def stocked(services, user_with):
    officer = user_with(Role.SUPPLY_OFFICER)
    tents = services.assets.categories.save(officer, AssetCategory(0, "เต็นท์"))
    for n in range(1, 27):
        services.assets.create(officer, AssetDraft(f"410-60-{n:04d}",
                               "เต็นท์ผ้าใบ ขนาด 4 x 8 เมตร พร้อมโครงเหล็กและผ้าคลุมกันฝนแบบพิเศษยาวมาก",
                               tents.id if n <= 25 else None))  # fmt: skip
    gone = services.assets.by_number("410-60-0026")
    services.assets.retire(officer, gone.id, AssetStatus.DISPOSED, gone.version)
    return services, tents


def test_labels_carry_office_number_and_name_24_to_a_page(stocked, tmp_path: Path) -> None:
    services, _tents = stocked
    pdf = services.assets.labels_pdf()
    text = pdf_text(pdf, tmp_path)
    assert text.count("อบต.หนองบอน") == 25  # the disposed asset gets no label
    assert "410-60-0001" in text and "410-60-0025" in text and "410-60-0026" not in text
    assert "เต็นท์ผ้าใบ" in text and "…" in text  # a long name is cut to three lines
    assert text.index("410-60-0001") < text.index("410-60-0002")
    assert text.count("\f") == 2  # 24 labels, then one on the second sheet


def test_a_configured_grid_and_one_category(stocked, tmp_path: Path) -> None:
    services, tents = stocked
    pdf = services.assets.labels_pdf(tents.id, LabelGrid.parse("2x5", "100x50"))
    text = pdf_text(pdf, tmp_path)
    assert text.count("\f") == 3  # 25 labels, 10 a sheet
    assert text.count("410-60-") == 25
