"""Where a line must not break even between dictionary words: the office's own names, dates,
numbers, codes, phone numbers and names with their title.

The dictionary does not know "หนองบอน" or "ใจธรรม" (it splits them) and a break inside
"๒๙ พ.ย. ๖๙" or "O21" is a break a clerk corrects by hand. `spans(text)` gives the stretches of a
paragraph that stay on one line; linebreak.py glues the units inside each. The office's words
come from the database, through the services, as data: `keep_whole(words)` around a rendering.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar

from nongbon_ita.reports.thai.platypus_import import LazyPattern

_D = "0-9๐-๙"
_MONTHS = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]
_MONTH = "|".join(re.escape(m) for m in sorted(_MONTHS, key=len, reverse=True))
# a title or a place word never ends a line: it is glued to the name after it (linebreak.py)
TITLES = frozenset(
    [
        "นางสาว",
        "นาง",
        "นาย",
        "น.ส.",
        "ด.ช.",
        "ด.ญ.",
        "เด็กชาย",
        "เด็กหญิง",
        "ว่าที่ร้อยตรี",
        "ร.ต.",
        "จ.ส.อ.",
        "ส.อ.",
        "ดร.",
        "ผศ.",
        "รศ.",
        "พระ",
    ]
)
_PLACE_BEFORE = re.compile(r"(?:อำเภอ|ตำบล|จังหวัด|หมู่บ้าน|บ้าน)\s?$")
PLACE_WORDS = frozenset(["อำเภอ", "ตำบล", "จังหวัด", "บ้าน", "หมู่บ้าน", "อ.", "ต.", "จ."])


def _lazy(pattern: str) -> re.Pattern[str]:
    """Compiled on first use: runs whose break units come from the layout cache never use them."""
    return LazyPattern(pattern, 0)  # type: ignore[return-value]  # a Pattern on first use


RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # ๒๙ พ.ย. ๖๙, ๒๐ พฤศจิกายน ๒๕๖๙, พฤศจิกายน ๒๕๖๙
    ("date", _lazy(rf"(?:[{_D}]{{1,2}}\s*)?(?:{_MONTH})\s*(?:พ\.ศ\.\s*)?[{_D}]{{2,4}}")),
    ("era", _lazy(rf"(?:พ\.ศ\.|ค\.ศ\.|ปี)\s*[{_D}]{{4}}")),  # พ.ศ. ๒๕๖๙
    # 0 4377 1234, ๐๘๑-๒๓๔-๕๖๗๘, ๐๔๓ ๗๗๑ ๒๓๔
    ("phone", _lazy(rf"[{_D}]{{1,3}}(?:[ -]?[{_D}]{{3,4}}){{2}}")),
    ("number", _lazy(rf"[{_D}]+(?:[,./:\-][{_D}]+)*(?:\s*(?:%|บาท|น\.))?")),
    # Latin words and codes: O21, S/N, whistleblower, HT-S18M, SN00001, a digest 477b02da21…
    ("code", _lazy(rf"[{_D}]*[A-Za-z][A-Za-z{_D}]*(?:[/._][A-Za-z{_D}]+)*")),
    # tracking codes in capitals and digits: Q7GW-GJMJ, 2026-BRWPQD (Latin words such as
    # "E-pla" still break after their hyphen)
    ("tracking", _lazy(r"[A-Z0-9]+(?:-[A-Z0-9]+)+")),
    ("village", _lazy(rf"หมู่(?:ที่)?\s?[{_D}]+")),  # หมู่ที่ ๕, หมู่ ๕
    # a postcode stays with the province before it (the space between them is glued)
    ("postcode", _lazy(rf"[ก-๛]\s[{_D}]{{5}}(?![{_D}])")),
)


_PART = r"[ก-๛]{3,}"  # a word of a phrase that may be kept whole


class KeepWords:
    """The office's own words (names of the office, places, people, assets): each stays whole.

    Sorted out against the dictionary on first use only: a document whose break units all come
    from the layout cache (layout_cache.py) never loads the dictionary.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(dict.fromkeys(w for w in words if w.strip()))
        self._index: dict[str, list[str]] | None = None
        self._parts: tuple[str, ...] | None = None  # the Thai words of the phrases, in order

    @property
    def fingerprint(self) -> str:
        """What the break units set under these words depend on, as a short hex digest."""
        digest = hashlib.sha256("\n".join(self.words).encode("utf-8")).hexdigest()
        return digest[:16]

    @property
    def _by_start(self) -> dict[str, list[str]]:
        if self._index is None:
            from nongbon_ita.reports.thai.segment import dictionary

            known = dictionary()
            index: dict[str, list[str]] = {}
            for phrase in self.words:
                for word in re.findall(_PART, phrase):
                    # a dictionary word already stays whole; "(ศรีไทย" is read as "ศรีไทย"
                    if word not in known:
                        index.setdefault(word[:2], []).append(word)
            for found in index.values():
                found.sort(key=len, reverse=True)
                found[:] = list(dict.fromkeys(found))
            self._index = index
        return self._index

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_start.values())

    def within(self, text: str) -> tuple[str, ...]:
        """The words that may match inside `text` (those occurring in it, in list order): text
        set under two lists with the same such words breaks the same (a cache key). Without the
        dictionary: a document laid out from the layout cache still never loads it."""
        if self._parts is None:
            self._parts = tuple(w for phrase in self.words for w in re.findall(_PART, phrase))
        return tuple(w for w in self._parts if w in text)

    def spans(self, text: str, *, inside: bool = False) -> Iterator[tuple[int, int]]:
        """Where the words occur in `text`, longest first; `inside`: only words shorter than
        `text` (the names within a long name)."""
        at, n = 0, len(text)
        while at < n - 1:
            for word in self._by_start.get(text[at : at + 2], ()):
                if inside and len(word) == n:
                    continue
                if text.startswith(word, at):
                    yield at, at + len(word)
                    at += len(word) - 1
                    break
            at += 1


_NO_WORDS: KeepWords | None = None
_current: ContextVar[KeepWords | None] = ContextVar("keep_words", default=None)


def current() -> KeepWords:
    global _NO_WORDS
    found = _current.get()
    if found is None:
        if _NO_WORDS is None:
            _NO_WORDS = KeepWords(())
        found = _NO_WORDS
    return found


@contextlib.contextmanager
def keep_whole(words: Iterable[str] | KeepWords) -> Iterator[KeepWords]:
    """Documents set inside this block keep `words` (the office's names) unbroken; the break
    units and shaped words are remembered for the next run (layout_cache.py)."""
    from nongbon_ita.reports.thai import layout_cache

    keep = words if isinstance(words, KeepWords) else KeepWords(words)
    token = _current.set(keep)
    try:
        yield keep
    finally:
        _current.reset(token)
        layout_cache.save()


def spans(text: str, keep: KeepWords | None = None) -> list[tuple[int, int]]:
    """Stretches of `text` that must stay on one line (overlapping ones merged)."""
    found: list[tuple[int, int]] = []
    for _name, pattern in RULES:
        found.extend(m.span() for m in pattern.finditer(text) if m.end() - m.start() > 1)
    for start, end in (keep or current()).spans(text):
        place = _PLACE_BEFORE.search(text, 0, start)  # "อำเภอ" + "โกสุมพิสัย"
        found.append((place.start() if place else start, end))
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def inner_spans(word: str) -> list[tuple[int, int]]:
    """The stretches of a unit too long for its line that must still stay whole: every span
    shorter than the unit (a name inside a longer name, "มหาสารคาม ๔๔๑๔๐" inside an address)."""
    keep = current()
    found = {s for s in spans(word, keep) if s != (0, len(word))}
    found.update(keep.spans(word, inside=True))
    return sorted(found)


def glued(text: str, keep: KeepWords | None = None) -> bytearray:
    """1 at every position of `text` (0 … len) where no line may break."""
    out = bytearray(len(text) + 1)
    for start, end in spans(text, keep):
        out[start + 1 : end] = b"\x01" * (end - start - 1)
    return out
