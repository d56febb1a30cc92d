"""Thai word segmentation equal to pythainlp's ``word_tokenize(engine="newmm")``, loaded fast.

pythainlp spends ~0.1 s importing itself and ~0.38 s building its dictionary trie on first use.
This module runs the same algorithm (newmm: maximal matching constrained by Thai Character
Cluster boundaries, then ``rejoin_formatted_num``) over the same dictionary file
(``pythainlp/corpus/words_th.txt``), located without importing pythainlp and kept as a sorted
tuple searched by bisection instead of a trie, sorted once into the user cache: loading takes
~10 ms.
Tests check that the tokens equal pythainlp's on the seed report and on random text.

The algorithm is adapted from pythainlp.tokenize.newmm and tcc_p (Apache-2.0, PyThaiNLP Project).
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import importlib.util
import re
import threading
from collections import defaultdict
from collections.abc import Iterator
from heapq import heappop, heappush
from pathlib import Path

from nongbon_ita.reports.thai.errors import ThaiEngineError
from nongbon_ita.reports.thai.platypus_import import LazyPattern
from nongbon_ita.user_cache import user_cache, write_cache_file

_PAT_NONTHAI = re.compile(
    r"""(?x)
[-a-zA-Z]+|
\d+([,\.]\d+)*|
[ \t]+|
\r?\n|
[^\u0E00-\u0E7F \t\r\n]+
"""
)
_PAT_THAI_TWOCHARS = re.compile("[ก-ฮ]{,2}$")
_MAX_GRAPH_SIZE = 50
_DIGITS_WITH_SEPARATOR = re.compile(r"(\d+[\.\,:])+\d+")

_RE_TCC = (
    """\
เc็ck
เcctาะk
เccีtยะk
เccีtย(?=[เ-ไก-ฮ]|$)k
เcc็ck
เcิc์ck
เcิtck
เcีtยะ?k
เcืtอะ?k
เc[ิีุู]tย(?=[เ-ไก-ฮ]|$)k
เctา?ะ?k
cัtวะk
c[ัื]tc[ุิะ]?k
c[ิุู]์
c[ะ-ู]tk
cรรc์
c็
ct[ะาำ]?k
ck
แc็c
แcc์
แctะ
แcc็c
แccc์
โctะ
[เ-ไ]ct
ก็
อึ
หึ
""".replace("k", "(cc?[dิ]?[์])?")
    .replace("c", "[ก-ฮ]")
    .replace("t", "[่-๋]?")
    .replace("d", "ูุ")
    .split()
)
# compiled on first use: a run whose break units all come from the layout cache never needs it
_PAT_TCC = LazyPattern("|".join(_RE_TCC), 0)


class WordList:
    """A sorted word list answering the trie question newmm asks: which words start here."""

    def __init__(self, sorted_words: tuple[str, ...]) -> None:
        self._words = sorted_words

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        at = bisect.bisect_left(self._words, word)
        return at < len(self._words) and self._words[at] == word

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        words, found = self._words, []
        lo, n = 0, len(text)
        for end in range(start + 1, n + 1):
            piece = text[start:end]
            lo = bisect.bisect_left(words, piece, lo)
            if lo == len(words) or not words[lo].startswith(piece):
                break
            if words[lo] == piece:
                found.append(piece)
        return found


def dictionary_path() -> Path:
    """pythainlp's word list, found without importing pythainlp (which costs ~0.1 s)."""
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise ThaiEngineError(
            "ไม่พบพจนานุกรมตัดคำภาษาไทย (pythainlp) — Thai word dictionary (pythainlp) not installed"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "corpus" / "words_th.txt"


def sorted_words(path: Path) -> tuple[str, ...]:
    """The word list at `path`, deduplicated and sorted — from the user cache when it was built
    from this very file (sorting 62,000 words costs ~20 ms of every print command otherwise)."""
    stat = path.stat()
    key = hashlib.sha256(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    cached = user_cache("words") / f"{path.stem}-{key}.txt"
    try:
        text = cached.read_text(encoding="utf-8")
        if text:
            return tuple(text.split("\n"))
    except (OSError, UnicodeDecodeError):
        pass  # no cache yet (or unreadable): build it
    words = tuple(
        sorted(frozenset(filter(None, path.read_text(encoding="utf-8-sig").splitlines())))
    )
    with contextlib.suppress(OSError):  # a read-only cache only costs the sort again next time
        write_cache_file(cached, "\n".join(words).encode("utf-8"))
    return words


_lock = threading.Lock()
_dictionary: WordList | None = None


def dictionary() -> WordList:
    """The default dictionary, loaded once per process (what pythainlp's thai_words() holds)."""
    global _dictionary
    with _lock:
        if _dictionary is None:
            path = dictionary_path()
            try:
                _dictionary = WordList(sorted_words(path))
            except OSError as exc:
                raise ThaiEngineError(
                    f"อ่านพจนานุกรมตัดคำไม่ได้ — cannot read the Thai word list {path}: {exc}"
                ) from exc
        return _dictionary


def tcc_positions(text: str) -> bytearray:
    """1 at every Thai Character Cluster boundary of `text` (index 0 … len)."""
    arr = bytearray(len(text) + 1)
    p, n = 0, len(text)
    while p < n:
        m = _PAT_TCC.match(text, p)
        p += m.end() - p if m and m.end() > p else 1
        arr[p] = 1
    return arr


def _bfs_path(graph: dict[int, list[int]], start: int, goal: int) -> list[int]:
    visited = {start}
    queue = [(start, [start])]
    while queue:
        vertex, path = queue.pop(0)
        for pos in graph[vertex]:
            if pos == goal:
                return [*path, pos]
            if pos not in visited:
                visited.add(pos)
                queue.append((pos, [*path, pos]))
    return [start, goal]  # pragma: no cover - newmm always has a path


def _find_skip_end(text: str, begin: int, valid: bytearray, words: WordList) -> int:
    m = _PAT_NONTHAI.match(text, begin)
    if m:
        return m.end()
    for pos in range(begin + 1, len(text)):
        if valid[pos]:
            if any(
                valid[pos + len(w)] and not _PAT_THAI_TWOCHARS.match(w)
                for w in words.prefixes(text, pos)
            ):
                return pos
            if _PAT_NONTHAI.match(text, pos):
                return pos
    return len(text)


def _onecut(text: str, words: WordList) -> Iterator[str]:
    graph: defaultdict[int, list[int]] = defaultdict(list)
    graph_size = 0
    valid = tcc_positions(text)
    n = len(text)
    pos_list = [0]
    end_pos = 0
    while pos_list[0] < n:
        begin = heappop(pos_list)
        for word in words.prefixes(text, begin):
            candidate = begin + len(word)
            if valid[candidate]:
                graph[begin].append(candidate)
                graph_size += 1
                if candidate not in pos_list:
                    heappush(pos_list, candidate)
                if graph_size > _MAX_GRAPH_SIZE:
                    break
        if len(pos_list) == 1:
            path = _bfs_path(graph, end_pos, pos_list[0])
            graph_size = 0
            graph.clear()
            for pos in path[1:]:
                yield text[end_pos:pos]
                end_pos = pos
        elif not pos_list:
            end_pos = _find_skip_end(text, begin, valid, words)
            graph_size = 0
            graph.clear()
            yield text[begin:end_pos]
            heappush(pos_list, end_pos)


def _rejoin_formatted_num(segments: list[str]) -> list[str]:
    original = "".join(segments)
    matches = _DIGITS_WITH_SEPARATOR.finditer(original)
    joined: list[str] = []
    pos = idx = 0
    match = next(matches, None)
    while idx < len(segments) and match:
        if pos >= match.start():
            connected = ""
            while pos < match.end() and idx < len(segments):
                connected += segments[idx]
                pos += len(segments[idx])
                idx += 1
            if connected:
                joined.append(connected)
            match = next(matches, None)
        else:
            joined.append(segments[idx])
            pos += len(segments[idx])
            idx += 1
    return joined + segments[idx:]


def word_tokenize(text: str) -> list[str]:
    """Words and whitespace runs of `text`, as newmm with keep_whitespace=True gives them."""
    if not text:
        return []
    return _rejoin_formatted_num(list(_onecut(text, dictionary())))
