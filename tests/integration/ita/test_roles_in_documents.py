"""What a document prints as its ITA code and title comes from the year's catalogue (the role),
never from the program: the complaint statistics are O29 in 2566 and O18 in 2569."""

from __future__ import annotations

from pathlib import Path

from tests.integration.ita.conftest import Office
from tests.integration.ita.test_ita_permissions_and_documents import pdf_text


def flat_text(data: bytes, tmp_path: Path) -> str:
    return "".join(pdf_text(data, tmp_path).split())


def test_complaint_statistics_print_the_code_and_title_of_their_year(
    office: Office, tmp_path: Path
) -> None:
    stats = office.services.complaints.stats
    office.services.ita.catalogue.install_defaults(office.coordinator, 2569)
    text_2569 = flat_text(stats.pdf(None, 2569), tmp_path)
    assert "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตฯองค์การบริหาร" in text_2569  # O18's name: the title
    assert "สถิติเรื่องร้องเรียนและเรื่องร้องเรียนการทุจริต" not in text_2569
    assert "สถิติเรื่องร้องเรียนO18ปีงบประมาณ๒๕๖๙" in text_2569  # the footer names the code
    assert stats.file_stem(2569, 1) == "O18-2569-half1"
    text_2566 = flat_text(stats.pdf(None, 2566), tmp_path)
    assert "สถิติเรื่องร้องเรียนและเรื่องร้องเรียนการทุจริตและประพฤติมิชอบองค์การ" in text_2566
    assert "สถิติเรื่องร้องเรียนO29ปีงบประมาณ๒๕๖๖" in text_2566
    assert stats.file_stem(2566) == "O29-2566"


def test_a_year_without_a_catalogue_prints_no_code(office: Office, tmp_path: Path) -> None:
    stats = office.services.complaints.stats
    text = flat_text(stats.pdf(None, 2571), tmp_path)
    assert "สถิติเรื่องร้องเรียนและเรื่องร้องเรียนการทุจริตและประพฤติมิชอบองค์การ" in text
    assert "สถิติเรื่องร้องเรียนปีงบประมาณ๒๕๗๑" in text
    assert stats.file_stem(2571, 2) == "complaint-stats-2571-half2"
