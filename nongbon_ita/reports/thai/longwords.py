"""Units wider than a whole line: where they may still be cut.

At their own spaces first ("นายประเสริฐ ใจธรรม"), never inside a date or a phone number; a piece
still too long where its dictionary words meet ("องค์กร|ปกครอง|ส่วน|ท้องถิ่น") or, a web address,
after its separators; what is left between grapheme clusters. The cuts of a text depend only on
it, the dictionary and the office's words, so they are kept in the layout cache like the break
units: a run that prints the same report again compiles neither the cluster nor the no-break
patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nongbon_ita.reports.thai import layout_cache, nobreak
from nongbon_ita.reports.thai.segment import dictionary, tcc_positions

# may not start a line: above/below vowels, tone marks, following vowels, ๆ, closing punctuation
NO_LINE_START = frozenset("ะาำัิีึืุู่้๊๋็์ํฺๅๆ")
_LEADING_VOWELS = frozenset("เแโใไ")


def clusters(word: str) -> list[str]:
    """Grapheme clusters a too-long word may be cut between (marks and following vowels stay with
    their consonant, a leading vowel with the consonant after it)."""
    out: list[str] = []
    pending = ""
    for ch in word:
        if ch in NO_LINE_START and out and not pending:
            out[-1] += ch
        elif ch in _LEADING_VOWELS:
            pending += ch
        else:
            out.append(pending + ch)
            pending = ""
    if pending:
        out.append(pending)
    return out


def compound_parts(word: str) -> list[str]:
    """A word too long for its column, cut where dictionary words meet ("องค์กร|ปกครอง|ส่วน|
    ท้องถิ่น"), longest first; stretches no dictionary word starts are cut into clusters."""
    return _remembered("p", word, _compound_parts)


def _space_cuts(text: str) -> list[str]:
    """`text` cut after each space a line may break at."""
    return _remembered("s", text, _cut_at_spaces)


def _remembered(kind: str, text: str, make: Callable[[str], list[str]]) -> list[str]:
    """make(text), or what an earlier run kept for it (under the same office words)."""
    key = nobreak.current().fingerprint
    stored = layout_cache.lookup("cuts", key, kind + text)
    if isinstance(stored, tuple) and all(isinstance(p, str) for p in stored):  # noqa: SIM102
        if "".join(stored) == text:  # a damaged entry is made again
            return list(stored)
    made = make(text)
    layout_cache.remember("cuts", key, kind + text, tuple(made))
    return made


def long_parts(text: str, measure: Callable[[str], float], room: float) -> list[str]:
    """A unit longer than a line, cut at its own spaces ("นายประเสริฐ ใจธรรม") and, where a
    piece is still too long, where its dictionary words meet, or a web address after its
    separators."""
    out: list[str] = []
    for piece in _space_cuts(text):
        if measure(piece.rstrip()) <= room + 1e-6:
            out.append(piece)
        elif _URL.search(piece):
            # a web address breaks after / . - _ ? & = only; a part wider than the line alone
            # where its words meet (a Thai file name) or between its letters
            for part in _URL_PART.findall(piece):
                out += [part] if measure(part) <= room + 1e-6 else compound_parts(part)
        else:
            out += compound_parts(piece)
    return out


_URL = re.compile(r"[A-Za-z][A-Za-z+.-]*://|\bwww\.")
# a part of an address: up to and with its separators ("https://", "nongbon.", "report-")
_URL_PART = re.compile(r"[^/.\-_?&=]*[/.\-_?&=]+|[^/.\-_?&=]+$")


def _cut_at_spaces(text: str) -> list[str]:
    glued = nobreak.glued(text)  # a date or a phone number is not cut at its spaces
    pieces, start = [], 0
    for m in re.finditer(r"\s+", text):
        # never before a mark or ๆ ("บอน ๆ" stays whole: no line starts with ๆ)
        if not glued[m.start()] and m.end() < len(text) and text[m.end()] not in NO_LINE_START:
            pieces.append(text[start : m.end()])
            start = m.end()
    pieces.append(text[start:])
    return pieces


def _compound_parts(word: str) -> list[str]:
    words = dictionary()
    valid = tcc_positions(word)
    names: dict[int, int] = {}  # the office's names inside: "…ภูธร|โกสุมพิสัย", not "โกสุม|พิสัย"
    reach: dict[int, int] = {}  # a word ending inside a glued stretch takes the whole stretch
    for start, end in nobreak.inner_spans(word):
        valid[start + 1 : end] = bytes(end - start - 1)
        names[start] = max(end, names.get(start, 0))
        for at in range(start + 1, end):
            reach[at] = max(end, reach.get(at, 0))
    parts: list[str] = []
    pos = 0
    while pos < len(word):
        rest = len(word) - pos
        ends = [pos + len(w) for w in words.prefixes(word, pos) if len(w) < rest or pos > 0]
        ends += [names[pos]] if pos in names else []
        ends = [e for e in (reach.get(e, e) for e in ends) if e < len(word) or pos > 0]
        ends = [e for e in ends if valid[e] and (e == len(word) or word[e] not in NO_LINE_START)]
        if ends:
            parts.append(word[pos : max(ends)])
            pos = max(ends)
        else:
            first = clusters(word[pos:])[0]
            parts.append(first)
            pos += len(first)
    return parts
