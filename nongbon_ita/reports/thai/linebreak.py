"""Where Thai lines may break: between words (newmm), at spaces, after Latin hyphens.

A paragraph becomes a list of units: words (which never break inside unless wider than the
column, then between grapheme clusters) and spaces (break points, dropped at line ends). No unit
starts with a combining mark or a following vowel, so no line can start with one either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nongbon_ita.reports.thai.segment import dictionary, tcc_positions, word_tokenize

# may not start a line: above/below vowels, tone marks, following vowels, ๆ, closing punctuation
NO_LINE_START = frozenset("ะาำัิีึืุู่้๊๋็์ํฺๅๆ")
_CLOSING = frozenset(")]}.,:;!?%”’»")
_OPENING = frozenset("([{“‘«")
_LEADING_VOWELS = frozenset("เแโใไ")
_LATIN_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of text that stays on one line; `space` units are where lines break."""

    text: str
    space: bool = False


@lru_cache(maxsize=8192)
def units(text: str) -> tuple[Unit, ...]:
    """Break units of one paragraph (no newlines inside); cached, documents repeat themselves."""
    return tuple(_units(text))


def _units(text: str) -> list[Unit]:
    out: list[Unit] = []
    glue_next = False
    for token in word_tokenize(text):
        if token.isspace():
            out.append(Unit(token, space=True))
            glue_next = False
            continue
        for piece in _split_latin(token):
            if piece[0] in NO_LINE_START and len(out) >= 2 and out[-1].space:
                # "ต่าง ๆ": the space before ๆ (or a stray mark) must not become a line break
                space = out.pop()
                out[-1] = Unit(out[-1].text + space.text + piece)
                glue_next = False
                continue
            joins_previous = (
                bool(out)
                and not out[-1].space
                and (piece[0] in NO_LINE_START or piece[0] in _CLOSING or glue_next)
            )
            if joins_previous:
                out[-1] = Unit(out[-1].text + piece)
            else:
                out.append(Unit(piece))
            glue_next = piece[-1] in _OPENING
    return out


def _split_latin(token: str) -> list[str]:
    """'E-pla' → ['E-', 'pla']: Latin words may break after a hyphen."""
    if "-" not in token or not _LATIN_HYPHEN.search(token):
        return [token]
    pieces, start = [], 0
    for m in _LATIN_HYPHEN.finditer(token):
        pieces.append(token[start : m.end()])
        start = m.end()
    pieces.append(token[start:])
    return pieces


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
    words = dictionary()
    valid = tcc_positions(word)
    parts: list[str] = []
    pos = 0
    while pos < len(word):
        rest = len(word) - pos
        ends = [pos + len(w) for w in words.prefixes(word, pos) if len(w) < rest or pos > 0]
        ends = [e for e in ends if valid[e] and (e == len(word) or word[e] not in NO_LINE_START)]
        if ends:
            parts.append(word[pos : max(ends)])
            pos = max(ends)
        else:
            first = clusters(word[pos:])[0]
            parts.append(first)
            pos += len(first)
    return parts


def wrap(
    items: Sequence[Unit],
    measure: Callable[[str], float],
    widths: Callable[[int], float],
) -> list[list[Unit]]:
    """Greedy line filling: `widths(i)` is the room on line i.

    Spaces at the start of the paragraph are dropped; a space where a line breaks stays at the end
    of that line (drawn as nothing), so joining the lines gives the units back. A word longer than
    a whole line is cut where its dictionary parts meet, else between grapheme clusters.
    """
    lines: list[list[Unit]] = []
    line: list[Unit] = []
    used = 0.0

    def room() -> float:
        return widths(len(lines)) + 1e-6

    def close() -> None:
        nonlocal line, used
        lines.append(line)
        line, used = [], 0.0

    for unit in items:
        width = measure(unit.text)
        if unit.space:
            if line:
                line.append(unit)
                used += width
            continue
        if used + width <= room():
            line.append(unit)
            used += width
            continue
        if line and width <= widths(len(lines) + 1) + 1e-6:
            close()  # the usual case: the word goes to the next line
            line.append(unit)
            used = width
            continue
        joined = False  # a word longer than a line: fill this line with its first parts
        for part in compound_parts(unit.text):
            part_width = measure(part)
            pieces = [part] if part_width <= widths(len(lines) + 1) + 1e-6 else clusters(part)
            for piece in pieces:
                w = measure(piece)
                if line and used + w > room():
                    close()
                    joined = False
                if joined:
                    line[-1] = Unit(line[-1].text + piece)
                else:
                    line.append(Unit(piece))
                    joined = True
                used += w
    if line or not lines:
        close()
    return lines
