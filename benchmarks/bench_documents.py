"""Document engine timings against their targets (a script, not a test).

    /work/venv/bin/python benchmarks/bench_documents.py

Prints: O43 render warm in-process (target ≤ 0.25 s), a whole process that imports the engine and
renders the O43 once (≤ 0.55 s), a 200-page document (≤ 5 s), and the tokenizer's cold load
(pythainlp's own first tokenisation takes ~0.4 s).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "o43-report-2566-nongbon.json"

RENDER_ONCE = f"""
import json, re
from nongbon_ita.domain.ita.report import AssessmentForm, MeasureRow, MeasuresReport
from nongbon_ita.domain.office import OfficeProfile, SignatureBlock
from nongbon_ita.reports.documents.measures_report import render_measures_report
d = json.load(open({str(SEED)!r}, encoding="utf-8"))
t = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
rows = tuple(MeasureRow(AssessmentForm(r["form"]),
    int(re.search(r"ที่\\s*([๐-๙0-9]+)", r["indicator"]).group(1).translate(t)),
    r["indicator"], r["sub_indicator"], r["issue"], r["result"]) for r in d["rows"])
office = OfficeProfile("องค์การบริหารส่วนตำบลหนองบอน", "อบต.หนองบอน", "โกสุมพิสัย", "มหาสารคาม")
def render():
    return render_measures_report(MeasuresReport(2566, d["intro"], rows), office,
        SignatureBlock("ผู้รายงาน", "นางสาวสมใจ รักงาน", "นักวิเคราะห์นโยบายและแผน"),
        SignatureBlock("ผู้รับรอง", "นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลหนองบอน"),
        footer_text="O43/๒๕๖๖ พิมพ์เมื่อ ๑๕ มกราคม ๒๕๖๗ ๑๔:๐๕ น.")
pdf = render()
"""
TOKENIZER_COLD = """
import time
from nongbon_ita.reports.thai.segment import word_tokenize
start = time.perf_counter()
word_tokenize("ทดสอบการตัดคำ")
print(time.perf_counter() - start)
"""
PYTHAINLP_COLD = """
import time
start = time.perf_counter()
from pythainlp.tokenize import word_tokenize
word_tokenize("ทดสอบการตัดคำ")
print(time.perf_counter() - start)
"""


def best_of(n: int, fn: object) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def process(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - start


def report(name: str, seconds: float, target: float) -> None:
    verdict = "ok" if seconds <= target else "SLOW"
    print(f"{name:<44} {seconds:7.3f} s   target ≤ {target:.2f} s   {verdict}")


def main() -> None:
    scope: dict[str, object] = {}
    exec(RENDER_ONCE, scope)  # cold run in this process: fonts, dictionary, imports
    render_warm = best_of(5, scope["render"])
    report("O43 render, warm, in-process", render_warm, 0.25)
    whole = min(process(RENDER_ONCE) for _ in range(3))
    report("whole process: import + render O43", whole, 0.55)

    from reportlab.platypus import PageBreak

    from nongbon_ita.reports.thai import BODY, ThaiParagraph, build_pdf

    rows = json.loads(SEED.read_text(encoding="utf-8"))["rows"]
    text = " ".join(r["result"].replace("\n", " ") for r in rows)
    story = []
    for i in range(200):  # a page of different text each (no cache hits), then a page break
        story += [ThaiParagraph(f"{i} {text[i * 7 % 2000 :][:1400]}", BODY), PageBreak()]
    start = time.perf_counter()
    pdf = build_pdf(story[:-1])
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    report(f"{pages}-page document (fresh text per page)", time.perf_counter() - start, 5.0)

    report("tokenizer cold: dictionary load + 1st call", cold(TOKENIZER_COLD), 0.10)
    print(f"{'  pythainlp: import + dictionary + 1st call':<44} {cold(PYTHAINLP_COLD):7.3f} s")


def cold(code: str) -> float:
    runs = [
        float(subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                             capture_output=True, text=True).stdout)
        for _ in range(3)
    ]  # fmt: skip
    return min(runs)


if __name__ == "__main__":
    main()
