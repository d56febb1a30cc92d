from nongbon_ita.reports.documents.measures_report import _cell_text


def test_inline_items_start_lines_but_decimal_scores_stay_whole() -> None:
    typed = "คะแนน ๗๐.๒๕ คะแนน ๒.มีการแจ้ง -จัดทำ"
    assert _cell_text(typed) == "คะแนน ๗๐.๒๕ คะแนน\n๒.มีการแจ้ง\n-จัดทำ"
    assert _cell_text("ได้ 85.5 คะแนน") == "ได้ 85.5 คะแนน"
