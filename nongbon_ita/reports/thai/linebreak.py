"""Where Thai lines may break: between words (newmm), at spaces, after Latin hyphens.

A paragraph becomes a list of units: words (which never break inside unless wider than the
column, then at their spaces, then between grapheme clusters) and spaces (break points, dropped at
line ends). No unit starts with a combining mark or a following vowel, so no line can start with
one either. Units are then glued where a break would split a name, a date, a number or a code
(nobreak.py), a title from its name and a place word from the place; where the dictionary gives
a short word next to a long one ("จา|กร้าน") and two longer words read the same ("จาก|ร้าน"), the
longer words are taken, so a break between them falls where a reader expects it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from nongbon_ita.reports.thai import layout_cache, nobreak
from nongbon_ita.reports.thai.longwords import NO_LINE_START, clusters, long_parts
from nongbon_ita.reports.thai.segment import dictionary, tcc_positions, word_tokenize

__all__ = ["NO_LINE_START", "Unit", "clusters", "units", "wrap"]

_CLOSING = frozenset(")]}.,:;!?%”’»")
_OPENING = frozenset("([{“‘«")
_LATIN_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of text that stays on one line; `space` units are where lines break."""

    text: str
    space: bool = False


def units(text: str) -> tuple[Unit, ...]:
    """Break units of one paragraph (no newlines inside), under the office's words in force."""
    return _cached_units(text, nobreak.current())


@lru_cache(maxsize=8192)
def _cached_units(text: str, keep: nobreak.KeepWords) -> tuple[Unit, ...]:
    # cached per word list: documents repeat themselves, within a run and from run to run
    stored = layout_cache.lookup("units", keep.fingerprint, text)
    if stored is not None:
        try:
            found = tuple(Unit(t, s) for t, s in stored)
            if "".join(u.text for u in found) == text:
                return found
        except (TypeError, ValueError):
            pass  # a damaged cache entry: set the text again
    made = tuple(_glue(_prefer_longer(_units(text)), text, keep))
    layout_cache.remember("units", keep.fingerprint, text, tuple((u.text, u.space) for u in made))
    return made


_TITLE_REACH = 30  # characters a title may take with it (a first name; never a whole sentence)


def _glue(items: list[Unit], text: str, keep: nobreak.KeepWords) -> list[Unit]:
    """Units merged across every boundary no line may break at."""
    glued = nobreak.glued(text, keep)
    out: list[Unit] = []
    at = 0  # offset of the next unit in `text`
    pull = 0  # characters the last title or place word still takes with it
    for unit in items:
        joins = bool(out) and (glued[at] == 1 or pull > 0)
        if joins and unit.space and pull > 0 and not glued[at]:
            joins = out[-1].text in nobreak.PLACE_WORDS  # "อำเภอ โกสุมพิสัย", not "นายสมชาย ใจดี"
        if joins:
            out[-1] = Unit(out[-1].text + unit.text)
            pull = max(0, pull - len(unit.text)) if not unit.space else pull
        else:
            out.append(unit)
            pull = 0
        if not unit.space and unit.text in nobreak.TITLES:
            pull = _TITLE_REACH
        elif not unit.space and unit.text in nobreak.PLACE_WORDS:
            pull = 1  # the next word (a place name the office's words keep whole)
        elif unit.space and pull and out[-1].text.rstrip() not in nobreak.PLACE_WORDS:
            pull = 0  # a name ends at a space
        at += len(unit.text)
    return out


def _prefer_longer(items: list[Unit]) -> list[Unit]:
    """ "จา"+"กร้าน" → "จาก"+"ร้าน": the same letters cut into longer dictionary words."""
    words = dictionary()
    out = list(items)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.space or b.space or min(len(a.text), len(b.text)) > 2:
            continue
        both = a.text + b.text
        if not _is_thai(both):
            continue
        valid = tcc_positions(both)
        best, best_short = len(a.text), min(len(a.text), len(b.text))
        for cut in range(1, len(both)):
            short = min(cut, len(both) - cut)
            if short > best_short and valid[cut] and both[:cut] in words and both[cut:] in words:
                best, best_short = cut, short
        if best != len(a.text):
            out[i], out[i + 1] = Unit(both[:best]), Unit(both[best:])
    return out


def _is_thai(text: str) -> bool:
    return all("\u0e01" <= ch <= "\u0e5b" for ch in text)


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


@lru_cache(maxsize=16384)  # the same pairs of words come back line after line, print after print
def _strength(before: Unit, after: Unit) -> int:
    """How good a break between two units is: at a space best, between two words by the
    shorter one's number of clusters ("ตัว|ชี้|วัด", "งบ|ประมาณ" are weak breaks)."""
    if before.space or after.space or not (_is_thai(before.text[-1]) and _is_thai(after.text[0])):
        return 99
    return min(len(clusters(before.text)), len(clusters(after.text)))


_WEAK = 1  # breaks of this strength (a one-cluster word) are avoided when the line stays 80 % full
_LOOK_BACK = 4


def _better_break(
    line: list[Unit], following: Unit, measure: Callable[[str], float], room: float
) -> list[Unit]:
    """The units to carry from a full `line` to the next, so that it ends on a stronger break
    than before `following` (none when that break is good or no better one is near)."""
    if _strength(line[-1], following) > _WEAK:
        return []
    for k in range(len(line) - 1, max(0, len(line) - _LOOK_BACK) - 1, -1):
        if k == 0 or line[k].space:
            continue
        if _strength(line[k - 1], line[k]) <= _WEAK:
            continue
        if sum(measure(u.text) for u in line[:k]) >= 0.8 * room:
            carried = line[k:]
            del line[k:]
            return carried
        return []
    return []


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

    known: dict[int, float] = {}

    def width_at(i: int) -> float:  # asked for every unit: worked out once per line
        if i not in known:
            known[i] = widths(i)
        return known[i]

    def room() -> float:
        return width_at(len(lines)) + 1e-6

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
        if line and width <= width_at(len(lines) + 1) + 1e-6:
            carried = _better_break(line, unit, measure, room())
            close()  # the usual case: the word goes to the next line
            line.extend([*carried, unit])
            used = sum(measure(u.text) for u in line)
            continue
        joined = False  # a word longer than a line: fill this line with its first parts
        for part in long_parts(unit.text, measure, width_at(len(lines) + 1)):
            part_width = measure(part)
            pieces = [part] if part_width <= width_at(len(lines) + 1) + 1e-6 else clusters(part)
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
