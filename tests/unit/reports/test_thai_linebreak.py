"""Lines break between words, at spaces, after Latin hyphens; long words between clusters."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from thai_helpers import CLUSTERS

from nongbon_ita.reports.thai.linebreak import NO_LINE_START, Unit, clusters, units, wrap
from nongbon_ita.reports.thai.segment import word_tokenize
from nongbon_ita.reports.thai.shaping import shape

WORDS = [
    "องค์การบริหารส่วนตำบล", "หนองบอน", "ประชาสัมพันธ์", "น้ำ", "ที่", "ผู้ใหญ่", "ศักดิ์สิทธิ์",
    "ดำเนินการ", "ๆ", "(ITA)", "E-pla", "ncc", "https://nongbon.go.th/ita/o43", "๒๕๖๖", " ", " ",
    "กำหนด", "เจ้าหน้าที่", "ความโปร่งใส", "ฯลฯ", "ก็", "เว็บไซต์",
]  # fmt: skip


def lay(text: str, width: float, face: Any, size: float = 16) -> list[str]:
    lines = wrap(units(text), lambda s: shape(face, s).width(size), lambda _i: width)
    return ["".join(u.text for u in line).rstrip() for line in lines]


def boundaries(text: str) -> set[int]:
    pos, out = 0, {0}
    for token in word_tokenize(text):
        pos += len(token)
        out.add(pos)
    return out


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40), st.floats(40, 450))
def test_random_thai_wraps_cleanly(face: Any, words: list[str], width: float) -> None:
    text = "".join(words).strip()
    measure = lambda s: shape(face, s).width(16)  # noqa: E731
    laid = wrap(units(text), measure, lambda _i: width)
    lines = ["".join(u.text for u in line).rstrip() for line in laid]
    # nothing lost, nothing added: the lines are the text minus the spaces where it broke
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines[1:]:
        assert line[:1] not in NO_LINE_START
    for line, line_units in zip(lines, laid, strict=True):
        # the engine draws each unit as shaped on its own, so a line is as wide as its units
        drawn = sum(measure(u.text) for u in line_units if not u.space or u is not line_units[-1])
        assert drawn <= width + 0.01 or len(clusters(line)) == 1


def test_breaks_fall_on_word_boundaries(face: Any, seed_texts: list[str]) -> None:
    text = seed_texts[0]
    bounds = boundaries(text)
    pos, inside = 0, []
    for line in lay(text, 200, face)[:-1]:
        pos = text.index(line, pos) + len(line)
        if pos not in bounds and not text[pos - 1].isspace():
            inside.append(line)
    assert inside == []


def test_long_word_is_cut_between_clusters(face: Any) -> None:
    url = "https://nongbon.go.th/ita/o43/รายงานผลการดำเนินการ"
    lines = lay(url, 80, face)
    assert len(lines) > 2 and "".join(lines) == url
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START


URLS = [
    "https://www.nongbon.go.th/ita/o21/report-2569.pdf",
    "https://nongbon.go.th/index.php?option=com_content&view=article&id=123",
    "http://www.facebook.com/nongbon.sao/posts/2569_ita_public",
]


def test_web_addresses_break_only_after_their_separators(face: Any) -> None:
    for url in URLS:
        for width in (70, 90, 120, 160):
            lines = lay(f"ดูที่ {url} ครับ", width, face, size=12)
            text = " ".join(lines)
            assert url in text.replace(" ", "").replace("ดูที่", "ดูที่ ")
            inside = [line for line in lines if url.startswith(line) or line in url]
            for line in inside[:-1]:  # every part but the address's last ends on a separator
                assert line[-1] in "/.-_?&=", (url, width, lines)


def test_a_web_address_part_wider_than_the_column_alone_is_cut_inside(face: Any) -> None:
    long_part = "pfbid02abcDEFghijklmnopqrstuvwxyz"
    url = f"https://nongbon.go.th/{long_part}/o43"
    lines = lay(url, 80, face, size=12)
    assert "".join(lines) == url and lines[0] == "https://"
    start = url.index(long_part)
    ends = [len("".join(lines[: i + 1])) for i in range(len(lines) - 1)]
    cut = [end for end in ends if url[end - 1] not in "/.-_?&="]
    assert cut and all(start < end < start + len(long_part) for end in cut)  # only inside it


def test_compound_words_are_cut_where_their_parts_meet(face: Any) -> None:
    lines = lay("องค์กรปกครองส่วนท้องถิ่น", 90, face)
    assert lines[0] in ("องค์กร", "องค์กรปกครอง")


def test_latin_breaks_at_spaces_and_hyphens(face: Any) -> None:
    assert [u.text for u in units("E-pla ncc")] == ["E-", "pla", " ", "ncc"]
    width = shape(face, "No Fift").width(16) + 1
    assert lay("No Fift Policy", width, face) == ["No Fift", "Policy"]


def test_mai_yamok_and_closing_bracket_stay_with_their_word() -> None:
    texts = [u.text for u in units("ประเด็นต่างๆ ทั้งหน่วยงาน (ITA) สำหรับ")]
    assert "ต่างๆ" in texts and "(ITA)" in texts


def test_clusters_keep_marks_and_following_vowels() -> None:
    assert clusters("น้ำใจเจ้าหน้าที่") == ["น้ำ", "ใจ", "เจ้า", "ห", "น้า", "ที่"]
    for cluster in CLUSTERS[:300]:
        assert clusters(cluster) == [cluster]


def test_space_units_are_breaks() -> None:
    assert Unit(" ", space=True) in units("ก ข")
