"""Read back the text layer of the app's own PDFs with the standard library only (self-test).

The frozen app carries no PDF reader (pdfminer/pdfplumber are test tools), yet the self-test must
check what a reader copies out of a document, not merely that bytes were written. This reads
ReportLab's output the way a viewer's text extraction does: it decodes every stream
(ASCII85/Flate), maps each font's codes through its ToUnicode CMap (WinAnsi for the standard
fonts) and collects the strings shown by Tj, TJ, ' and " in page order. It is a reader for PDFs
this app writes, not for arbitrary PDFs: ReportLab names fonts document-wide (/F1, /F2+0 …), so a
font name maps to one font object; a test checks the result against poppler's pdftotext.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass

_OBJECT = re.compile(rb"(\d+) 0 obj\b(.*?)endobj", re.DOTALL)
_STREAM = re.compile(rb"stream\r?\n")
_LENGTH = re.compile(rb"/Length (\d+)\b(?! 0 R)")
_FONT_REF = re.compile(rb"/(F[\w+]*) (\d+) 0 R")
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_PAGE = re.compile(rb"/Type /Page\b")
_CONTENTS = re.compile(rb"/Contents (?:(\d+) 0 R|\[([\d\s0R]*)\])")
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_TOKEN = re.compile(
    rb"\((?:\\.|[^\\()])*|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>{}%]*|[^\s/\[\]()<>{}%]+",
    re.DOTALL,
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


@dataclass(frozen=True)
class PdfText:
    pages: int
    text: str  # every shown string, in content order, lines joined by "\n"

    def compact(self) -> str:
        """The text without any whitespace: line breaks fall where the layout put them."""
        return re.sub(r"\s+", "", self.text)


def _decode_stream(body: bytes) -> bytes | None:
    found = _STREAM.search(body)
    if found is None:
        return None
    header = body[: found.start()]
    length = _LENGTH.search(header)
    data = body[found.end() :]
    data = data[: int(length.group(1))] if length else data[: data.rfind(b"endstream")]
    if b"/ASCII85Decode" in header:
        data = base64.a85decode(data.strip().removesuffix(b"~>"))
    if b"/FlateDecode" in header:
        data = zlib.decompress(data)
    return data


def _cmap(data: bytes) -> dict[bytes, str]:
    """A ToUnicode CMap's bfchar and bfrange entries: code bytes → text."""
    mapping: dict[bytes, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.DOTALL):
        hexes = _HEX.findall(block)
        for src, dst in zip(hexes[::2], hexes[1::2], strict=False):
            mapping[bytes.fromhex(src.decode())] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.DOTALL):
        for line in block.strip().splitlines():
            parts = _HEX.findall(line)
            if len(parts) < 3:
                continue
            low, high = (int(p, 16) for p in parts[:2])
            width = len(parts[0].strip()) // 2
            targets = parts[2:]
            for offset, code in enumerate(range(low, high + 1)):
                if b"[" in line:
                    dst = bytes.fromhex(targets[offset].decode()).decode("utf-16-be")
                else:
                    first = bytes.fromhex(targets[0].decode()).decode("utf-16-be")
                    dst = first[:-1] + chr(ord(first[-1]) + offset)
                mapping[code.to_bytes(width, "big")] = dst
    return mapping


def _literal(token: bytes) -> bytes:
    out, i, raw = bytearray(), 0, token[1:]
    while i < len(raw):
        char = raw[i : i + 1]
        if char != b"\\":
            out += char
            i += 1
            continue
        following = raw[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(), 8) & 0xFF)
            i += 1 + len(octal.group())
        else:
            out += _ESCAPES.get(following, following)
            i += 2
    return bytes(out)


def _tokens(content: bytes) -> list[bytes]:
    # ReportLab escapes every parenthesis inside a string, so a literal string is "(" up to the
    # first unescaped ")" (which the pattern leaves out)
    return list(_TOKEN.findall(content))


def _show(string: bytes, cmap: dict[bytes, str] | None) -> str:
    if cmap is None:
        return string.decode("cp1252", errors="replace")
    width = len(next(iter(cmap))) if cmap else 1
    return "".join(cmap.get(string[i : i + width], "\ufffd") for i in range(0, len(string), width))


def _text_of(content: bytes, fonts: dict[bytes, dict[bytes, str] | None]) -> list[str]:
    pieces: list[str] = []
    font: dict[bytes, str] | None = None
    operands: list[bytes] = []
    for token in _tokens(content):
        if token.startswith((b"(", b"<", b"/", b"[", b"]")) and token not in (b"<<", b">>"):
            operands.append(token)
            continue
        if re.fullmatch(rb"[-+.\d]+", token):
            operands.append(token)
            continue
        if token == b"Tf" and len(operands) >= 2:
            font = fonts.get(operands[-2][1:])
        elif token in (b"Tj", b"TJ", b"'", b'"'):
            for operand in operands:
                if operand.startswith(b"("):
                    pieces.append(_show(_literal(operand), font))
                elif operand.startswith(b"<"):
                    pieces.append(_show(bytes.fromhex(operand[1:-1].decode()), font))
        elif token in (b"Td", b"TD", b"T*", b"Tm", b"ET"):
            pieces.append("\n")
        operands = []
    return pieces


def read_pdf_text(pdf: bytes) -> PdfText:
    """The pages and text layer of a PDF written by this app (see the module's note)."""
    objects = {int(num): body for num, body in _OBJECT.findall(pdf)}
    cmaps: dict[int, dict[bytes, str]] = {}
    fonts: dict[bytes, dict[bytes, str] | None] = {}
    for body in objects.values():
        for name, ref in _FONT_REF.findall(body):
            font_body = objects.get(int(ref), b"")
            to_unicode = _TO_UNICODE.search(font_body)
            if to_unicode is None:
                fonts[name] = None
                continue
            number = int(to_unicode.group(1))
            if number not in cmaps:
                cmaps[number] = _cmap(_decode_stream(objects[number]) or b"")
            fonts[name] = cmaps[number]
    pages, pieces = 0, []
    for number in sorted(objects):
        body = objects[number]
        if not _PAGE.search(body):
            continue
        pages += 1
        contents = _CONTENTS.search(body)
        if contents is None:
            continue
        refs = [contents.group(1)] if contents.group(1) else contents.group(2).split()[::3]
        for ref in refs:
            pieces += _text_of(_decode_stream(objects[int(ref)]) or b"", fonts)
        pieces.append("\n")
    text = re.sub(r"\n\s*\n+", "\n", "".join(pieces)).strip()
    return PdfText(pages, text)
