"""The fast tokenizer gives pythainlp's newmm tokens (keep_whitespace=True)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.tokenize import word_tokenize as pythainlp_tokenize

from nongbon_ita.reports.thai.segment import dictionary, word_tokenize

THAI = st.sampled_from(
    [chr(c) for c in range(0x0E01, 0x0E3B)] + [chr(c) for c in range(0x0E40, 0x0E4F)]
    + list(" 0123456789,.-abcE")
)  # fmt: skip


def newmm(text: str) -> list[str]:
    return list(pythainlp_tokenize(text, engine="newmm", keep_whitespace=True))


def test_seed_text_tokenizes_as_newmm(seed_texts: list[str]) -> None:
    for text in seed_texts:
        for paragraph in text.split("\n"):
            assert word_tokenize(paragraph) == newmm(paragraph)


def test_the_dictionary_is_pythainlps() -> None:
    from pythainlp.corpus import thai_words

    assert len(dictionary()) == len(thai_words())
    assert "องค์การบริหารส่วนตำบล" in dictionary()


@settings(max_examples=150, deadline=None)
@given(st.text(THAI, max_size=60))
def test_random_text_tokenizes_as_newmm(text: str) -> None:
    assert word_tokenize(text) == newmm(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["ประชาชน", "ให้", "บริการ", "ราคา", "1,234.5", " ", "ITA", "๒๕๖๖"])))
def test_word_sequences_tokenize_as_newmm(words: list[str]) -> None:
    text = "".join(words)
    assert word_tokenize(text) == newmm(text)
