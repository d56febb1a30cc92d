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


def _pgm_pages(pdf: bytes, dpi: int) -> list[tuple[int, int, bytes]]:
    """Every page rendered by poppler as 8-bit grey: (width, height, pixels)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(src), f"{tmp}/p"], check=True)
        pages = []
        for path in sorted(Path(tmp).glob("p*.pgm")):
            data = path.read_bytes()
            # P5\n<w> <h>\n255\n<pixels>
            fields = data.split(maxsplit=4)
            width, height = int(fields[1]), int(fields[2])
            pages.append((width, height, data[len(data) - width * height :]))
        return pages


_DARK = bytes(1 if v < 128 else 0 for v in range(256))


def ink_under_rules(pdf: bytes, *, band_mm: float = 0.5, dpi: int = 300) -> list[str]:
    """Places where ink comes within `band_mm` under a horizontal rule (a dark run ≥ 10 mm):
    'page N at x mm, y mm' for each. Vertical rules (dark runs ≥ 6 mm) crossing the band are not
    ink."""
    px_per_mm = dpi / 25.4
    band, min_rule, min_stem = round(band_mm * px_per_mm), int(10 * px_per_mm), 6 * px_per_mm
    found: list[str] = []
    rule = re.compile(b"\x01{%d,}" % min_rule)
    for number, (width, height, pixels) in enumerate(_pgm_pages(pdf, dpi), start=1):
        dark = pixels.translate(_DARK)

        def at(x: int, y: int, w: int = width, d: bytes = dark) -> bool:
            return d[y * w + x] == 1

        def near(x: int, y: int, w: int = width, d: bytes = dark) -> bool:
            return 1 in d[y * w + x - 1 : y * w + x + 2]  # a thin rule may fall between pixels

        def vertical_run(x: int, y: int, h: int = height) -> int:
            top = bottom = y
            while top > 0 and near(x, top - 1):
                top -= 1
            while bottom < h - 1 and near(x, bottom + 1):
                bottom += 1
            return bottom - top + 1

        for y in range(height - 1):
            row = dark[y * width : (y + 1) * width]
            below = dark[(y + 1) * width : (y + 2) * width]
            for m in rule.finditer(row):
                if below[m.start() : m.end()].count(1) > (m.end() - m.start()) // 2:
                    continue  # not the rule's lowest row yet
                for dy in range(1, band + 1):
                    if y + dy >= height:
                        break
                    for x in range(m.start() + 2, m.end() - 2):
                        if at(x, y + dy) and vertical_run(x, y + dy) < min_stem:
                            found.append(
                                f"page {number} at {x / px_per_mm:.1f} mm, "
                                f"{(y + dy) / px_per_mm:.1f} mm"
                            )
                            break
    return found
