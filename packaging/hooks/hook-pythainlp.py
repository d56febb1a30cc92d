"""Replaces pyinstaller-hooks-contrib's hook, which bundles pythainlp's whole 63 MB corpus.

The app needs pythainlp's code (nongbon_ita.i18n.thaiformat uses pythainlp.util) and one data
file: the word list the document engine segments with (nongbon_ita/reports/thai/segment.py finds
it at <pythainlp package>/corpus/words_th.txt, which is <bundle>/pythainlp/corpus/words_th.txt
frozen). default_db.json is pythainlp's tiny corpus catalogue, read if its corpus code runs.
"""

from PyInstaller.utils.hooks import get_package_paths

_, _package = get_package_paths("pythainlp")
datas = [
    (f"{_package}/corpus/{name}", "pythainlp/corpus")
    for name in ("words_th.txt", "default_db.json", "corpus_license.md")
]
