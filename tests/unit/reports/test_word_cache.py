"""The word list is sorted once into the user cache, trusted only for the file it came from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nongbon_ita.reports.thai import segment
from nongbon_ita.reports.thai.segment import WordList, sorted_words


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(segment, "user_cache", lambda kind: folder / kind)
    return folder


def test_the_first_load_sorts_and_keeps_the_list(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words_th.txt"
    source.write_text("\ufeffหนองบอน\nตำบล\n\nกอง\nตำบล\n", encoding="utf-8")
    assert sorted_words(source) == ("กอง", "ตำบล", "หนองบอน")
    (kept,) = (cache / "words").iterdir()
    assert kept.read_text(encoding="utf-8") == "กอง\nตำบล\nหนองบอน"


def test_the_next_load_reads_the_cache_until_the_file_changes(cache: Path, tmp_path: Path) -> None:
    source = tmp_path / "words_th.txt"
    source.write_text("ข\nก\n", encoding="utf-8")
    sorted_words(source)
    (kept,) = (cache / "words").iterdir()
    kept.write_text("ก\nข\nค", encoding="utf-8")  # proves the second load reads the cache
    assert sorted_words(source) == ("ก", "ข", "ค")
    source.write_text("ง\nก\nจ\n", encoding="utf-8")  # an updated pythainlp: a new key
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert sorted_words(source) == ("ก", "ง", "จ")


def test_an_unwritable_cache_only_costs_the_sort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(segment, "user_cache", lambda kind: blocker / kind)
    source = tmp_path / "words_th.txt"
    source.write_text("ข\nก\n", encoding="utf-8")
    assert sorted_words(source) == ("ก", "ข")
    assert sorted_words(source) == ("ก", "ข")


def test_membership_and_prefixes_on_the_sorted_list() -> None:
    words = WordList(("กอง", "กองคลัง", "ตำบล"))
    assert "กองคลัง" in words and "กอ" not in words and 5 not in words
    assert words.prefixes("กองคลังตำบล") == ["กอง", "กองคลัง"]
    assert words.prefixes("กองคลังตำบล", 7) == ["ตำบล"]


def test_a_refused_write_leaves_no_partial_file(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nongbon_ita.user_cache as user_cache

    def refuse(_source: object, _target: object) -> None:
        raise PermissionError("the file is open in another process")

    monkeypatch.setattr(user_cache.os, "replace", refuse)
    source = tmp_path / "words_th.txt"
    source.write_text("ข\nก\n", encoding="utf-8")
    assert sorted_words(source) == ("ก", "ข")
    assert list((cache / "words").iterdir()) == []
