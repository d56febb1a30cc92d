"""HTML of the OIT site: the index in ITAS's order and one page per item.

Plain HTML5 with a small style sheet embedded in each page: no script, no external resource (the
reader's own Thai fonts, else our Garuda as a file of the site), lang="th", one h1 per page,
tables with headers, links that say what they open. Every text is escaped; every local link is
percent-encoded.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from nongbon_ita.domain.ita.site import Site, SiteFile, SiteItem
from nongbon_ita.i18n.thaiformat import format_date_long, thai_digits

FONT_FILES = ("Garuda.ttf", "Garuda-Bold.ttf", "LICENSE-tlwg.txt")  # copied into fonts/

# the reader's own Thai fonts first; our bundled Garuda (a local file of the site) where there
# is none (many Linux PCs and phones), so Thai never shows as empty boxes
_FONT_FACES = """
@font-face { font-family: "Garuda"; font-weight: normal; src: local("Garuda"),
             url("{fonts}/Garuda.ttf") format("truetype"); }
@font-face { font-family: "Garuda"; font-weight: bold; src: local("Garuda Bold"),
             url("{fonts}/Garuda-Bold.ttf") format("truetype"); }
""".strip()

CSS = """
:root { color-scheme: light; }
body { font-family: "Sarabun", "TH Sarabun New", "Leelawadee UI", "Noto Sans Thai", Tahoma,
       "Garuda", sans-serif; font-size: 1.05rem; line-height: 1.7; color: #1a1a1a; background: #fff;
       margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin-top: 1.5rem; border-bottom: 1px solid #ccd; }
a { color: #0b4f9c; }
a:focus { outline: 3px solid #f0a000; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbc; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef1f7; }
.status-published { color: #166534; font-weight: bold; }
.note { color: #555; font-size: .95rem; }
nav { margin-bottom: 1rem; }
@media (max-width: 40rem) {
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; left: -9999px; }
  td { border: none; padding: .1rem 0; }
  tr { border-bottom: 1px solid #bbc; padding: .5rem 0; }
  td[data-label]::before { content: attr(data-label) ": "; font-weight: bold; }
}
@media print {
  body { max-width: none; font-size: 12pt; }
  nav { display: none; }
  a { color: #000; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 10pt; }
}
""".strip()


def _page(title: str, body: str, fonts: str) -> str:
    """A whole page; `fonts`: the site's fonts/ folder relative to the page."""
    faces = _FONT_FACES.replace("{fonts}", fonts)
    return (
        '<!DOCTYPE html>\n<html lang="th">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{faces}\n{CSS}\n</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _name(item: SiteItem) -> str:
    """The item's name; a catalogue row still without one says so (a link needs words)."""
    return item.name.strip() or "(ยังไม่ได้กรอกชื่อรายการ)"


def _date(day: object) -> str:
    return format_date_long(day) if day is not None else "-"  # type: ignore[arg-type]


def _status(item: SiteItem) -> str:
    cls = ' class="status-published"' if item.status == "เผยแพร่แล้ว" else ""
    return f"<span{cls}>{escape(item.status)}</span>"


def index_html(site: Site) -> str:
    rows = "\n".join(
        f'<tr><td data-label="รหัส">{escape(i.code)}</td>'
        f'<td data-label="รายการ"><a href="items/{quote(i.page)}">{escape(_name(i))}</a></td>'
        f'<td data-label="สถานะ">{_status(i)}</td>'
        f'<td data-label="ปรับปรุงเมื่อ">{_date(i.updated)}</td></tr>'
        for i in site.items
    )
    year = thai_digits(site.fiscal_year)
    title = f"การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ {year}"
    body = (
        f"<header><p>{escape(site.office_name)}</p><h1>{escape(title)}</h1></header>\n"
        '<table>\n<caption class="note">รายการตามลำดับของระบบ ITAS</caption>\n'
        '<thead><tr><th scope="col">รหัส</th><th scope="col">รายการ</th>'
        '<th scope="col">สถานะ</th><th scope="col">ปรับปรุงเมื่อ</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>\n"
        f'<p class="note">จัดทำเมื่อ {_date(site.made_on)}</p>'
    )
    return _page(f"{title} — {site.office_name}", body, "fonts")


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return thai_digits(f"{size / (1024 * 1024):.1f} MB")
    return thai_digits(f"{max(1, round(size / 1024))} KB")


def _file_list(files: tuple[SiteFile, ...]) -> str:
    items = []
    for f in files:
        kind = "PDF" if f.href.lower().endswith(".pdf") else f.href.rsplit(".", 1)[-1].upper()
        signed = " · ลงนามด้วยลายมือชื่ออิเล็กทรอนิกส์" if f.signed else ""
        items.append(f'<li><a href="{quote(f.href)}">{escape(f.title)}</a> '
                     f'<span class="note">({escape(kind)} {_size(f.size)}{signed})</span></li>')  # fmt: skip
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def item_html(site: Site, item: SiteItem) -> str:
    sections = []
    if item.documents:
        sections.append("<h2>เอกสารจากระบบ</h2>\n" + _file_list(item.documents))
    if item.kept:
        sections.append("<h2>เอกสารประกอบ</h2>\n" + _file_list(item.kept))
    if item.links:
        links = "\n".join(f'<li><a href="{escape(url)}">{escape(url)}</a></li>'
                          for url in item.links)  # fmt: skip
        sections.append(f"<h2>ลิงก์ที่เกี่ยวข้อง</h2>\n<ul>\n{links}\n</ul>")
    if not sections:
        sections.append('<p class="note">ยังไม่มีข้อมูลเผยแพร่สำหรับรายการนี้</p>')
    body = (
        '<nav><a href="../index.html">กลับไปหน้ารายการ OIT</a></nav>\n'
        f"<header><p>{escape(site.office_name)} · ปีงบประมาณ "
        f"{thai_digits(site.fiscal_year)}</p>\n"
        f"<h1>{escape(item.code)} {escape(_name(item))}</h1>\n"
        f"<p>สถานะ: {_status(item)} · ปรับปรุงเมื่อ {_date(item.updated)}</p></header>\n"
        + "\n".join(sections)
    )
    return _page(f"{item.code} {_name(item)} — {site.office_name}", body, "../fonts")
