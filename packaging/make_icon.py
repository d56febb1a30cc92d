"""Draw the app icon: resources/icons/nongbon-ita.png (256 px) and nongbon-ita.ico (16–256 px).

An original drawing: a blue rounded tile, a white sheet with a folded corner and text lines, and
a green seal with a tick — "a document that passes the check". Run once after changing the
design and commit both files (Pillow, a dependency of ReportLab, is needed here only):

    python packaging/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SCALE = 4  # drawn 4× larger, then reduced: smooth edges without an anti-aliasing library
SIZE = 256
BLUE, DARK_BLUE, GREEN, WHITE, LINE = "#1d5fa8", "#154a85", "#2e9e4f", "#ffffff", "#9fb7d4"


def _s(*values: float) -> list[float]:
    return [v * SCALE for v in values]


def draw() -> Image.Image:
    big = SIZE * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle(_s(8, 8, 248, 248), radius=48 * SCALE, fill=BLUE)
    pen.rounded_rectangle(_s(8, 8, 248, 248), radius=48 * SCALE, outline=DARK_BLUE, width=4 * SCALE)
    # the sheet with its top-right corner folded
    pen.polygon(_s(62, 36, 160, 36, 196, 72, 196, 222, 62, 222), fill=WHITE)
    pen.polygon(_s(160, 36, 160, 72, 196, 72), fill=LINE)
    for y in (92, 118, 144):
        pen.rounded_rectangle(_s(82, y, 176, y + 10), radius=5 * SCALE, fill=LINE)
    pen.rounded_rectangle(_s(82, 170, 130, 180), radius=5 * SCALE, fill=LINE)
    # the seal with a tick
    pen.ellipse(_s(140, 142, 222, 224), fill=GREEN, outline=WHITE, width=6 * SCALE)
    pen.line(_s(160, 184, 176, 200, 204, 166), fill=WHITE, width=11 * SCALE, joint="curve")
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    icon = draw()
    icon.save(OUT / "nongbon-ita.png", optimize=True)
    icon.save(
        OUT / "nongbon-ita.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )
    print(f"wrote {OUT / 'nongbon-ita.png'} and {OUT / 'nongbon-ita.ico'}")


if __name__ == "__main__":
    main()
