"""Helpers shared by the Thai engine tests (imported by name: the folder is on sys.path)."""

from __future__ import annotations

import re
import subprocess

CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]  # ก … ฮ (46)
VOWELS = ["", "ั", "ิ", "ี", "ึ", "ื", "็", "ุ", "ู", "ำ"]
TONES = ["", "่", "้", "๊", "๋", "์"]
CLUSTERS = [c + t + v if v == "ำ" else c + v + t for c in CONSONANTS for v in VOWELS for t in TONES]


def pdftotext(pdf: bytes, *, layout: bool = False, first: int = 0, last: int = 0) -> str:
    args = ["pdftotext", "-enc", "UTF-8", "-layout" if layout else "-raw"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
