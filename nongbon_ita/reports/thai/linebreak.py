"""Where Thai lines may break: between words (newmm), at spaces, after Latin hyphens.

A paragraph becomes a list of units: words (which never break inside unless wider than the
column, then between grapheme clusters) and spaces (break points, dropped at line ends). No unit
starts with a combining mark or a following vowel, so no line can start with one either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from nongbon_ita.reports.thai.segment import word_tokenize

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


def units(text: str) -> list[Unit]:
    """Break units of one paragraph (no newlines inside)."""
    out: list[Unit] = []
    glue_next = False
    for token in word_tokenize(text):
        if token.isspace():
            out.append(Unit(token, space=True))
            glue_next = False
            continue
        for piece in _split_latin(token):
            joins_previous = bool(out) and not out[-1].space and (
                piece[0] in NO_LINE_START or piece[0] in _CLOSING or glue_next
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


def wrap(
    items: Sequence[Unit],
    measure: Callable[[str], float],
    widths: Callable[[int], float],
) -> list[list[Unit]]:
    """Greedy line filling: `widths(i)` is the room on line i; spaces at line edges are dropped."""
    lines: list[list[Unit]] = []
    line: list[Unit] = []
    used = 0.0

    def close() -> None:
        nonlocal line, used
        while line and line[-1].space:
            line.pop()
        lines.append(line)
        line, used = [], 0.0

    for unit in items:
        width = measure(unit.text)
        if unit.space:
            if line:
                line.append(unit)
                used += width
            continue
        room = widths(len(lines))
        if used + width <= room + 1e-6:
            line.append(unit)
            used += width
            continue
        if any(not u.space for u in line):
            close()
            room = widths(len(lines))
        else:
            line, used = [], 0.0
        if width <= room + 1e-6:
            line.append(unit)
            used = width
            continue
        for piece in clusters(unit.text):  # a word longer than the column
            w = measure(piece)
            if line and used + w > widths(len(lines)) + 1e-6:
                close()
            if line:
                line[-1] = Unit(line[-1].text + piece)
            else:
                line.append(Unit(piece))
            used += w
    if line or not lines:
        close()
    return lines
