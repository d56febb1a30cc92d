"""Build-time helpers for build.spec: compiled catalogs, data lists, trimming, version resource.

Kept out of the spec so they can be read (and type-checked by eye) as ordinary Python. Nothing
here runs in the frozen app.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nongbon_ita"

PRODUCT_NAME = "nongbon-ita — ระบบงาน ITA อบต."

# Qt modules the app never imports. Excluding the Python bindings keeps PyInstaller's Qt hooks
# from collecting their libraries, plugins and QML. QtNetwork ships (QtPdf links its library;
# its Python module gives the single-instance check, gui/single_instance.py, its local socket).
QT_EXCLUDES = [
    f"PySide6.{name}"
    for name in [
        "Qt3DAnimation",
        "Qt3DCore",
        "Qt3DExtras",
        "Qt3DInput",
        "Qt3DLogic",
        "Qt3DRender",
        "QtBluetooth",
        "QtCharts",
        "QtConcurrent",
        "QtDBus",
        "QtDataVisualization",
        "QtDesigner",
        "QtGraphs",
        "QtHelp",
        "QtHttpServer",
        "QtLabsStyleKit",
        "QtLocation",
        "QtMultimedia",
        "QtMultimediaWidgets",
        "QtNetworkAuth",
        "QtNfc",
        "QtOpenGL",
        "QtOpenGLWidgets",
        "QtPositioning",
        "QtQml",
        "QtQmlFeatures",
        "QtQuick",
        "QtQuick3D",
        "QtQuickControls2",
        "QtQuickTest",
        "QtQuickWidgets",
        "QtRemoteObjects",
        "QtScxml",
        "QtSensors",
        "QtSerialBus",
        "QtSerialPort",
        "QtSpatialAudio",
        "QtSql",
        "QtStateMachine",
        "QtSvgWidgets",
        "QtTest",
        "QtTextToSpeech",
        "QtUiTools",
        "QtWebChannel",
        "QtWebEngineCore",
        "QtWebEngineQuick",
        "QtWebEngineWidgets",
        "QtWebSockets",
        "QtWebView",
        "QtXml",
    ]
]

# Development and test tools that are importable in the venv but never used by the app.
DEV_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "IPython",
    "numpy",
    "PyInstaller",
    "setuptools",
    # only Babel's fallback for Python < 3.10 imports it; bundled, its runtime hook would import
    # it at every start (≈ 0.1 s of each `nongbon-ita-cli` command)
    "pkg_resources",
    "pip",
    "fontTools",
]

# Qt's own translations: the app speaks Thai and English only.
_QT_TRANSLATION = re.compile(r"qt\w*_([a-z]{2})(_\w+)?\.qm$")
KEEP_QT_LANGUAGES = {"th", "en"}

# Babel's locale data is 30 MB; only root, Thai and English can be asked for.
_BABEL_LOCALE = re.compile(r"babel[/\\]locale-data[/\\](\w+)\.dat$")
KEEP_BABEL_LOCALES = {"root", "th", "th_TH", "en", "en_001", "en_US", "en_US_POSIX"}

# Qt plugins (and the libraries only they use) that an office desktop app never loads; the
# windowing plugins kept are xcb, wayland, offscreen and minimal (Linux) and windows (Windows).
# Checked against the frozen self-test and the GUI start-up benchmark.
_DROP_BINARIES = (
    "/qml/",
    "/plugins/qmltooling/",
    "/plugins/sqldrivers/",
    "/plugins/networkinformation/",
    "/plugins/tls/",
    "/plugins/multimedia/",
    "/plugins/generic/",
    "/plugins/egldeviceintegrations/",
    "/plugins/platforms/libqeglfs",
    "/plugins/platforms/libqlinuxfb",
    "/plugins/platforms/libqminimalegl",
    "/plugins/platforms/libqvkkhrdisplay",
    "/plugins/platforms/libqvnc",
    "/plugins/platforms/qdirect2d",
    "/plugins/platformthemes/libqgtk3",
    "/plugins/imageformats/libqicns",
    "/plugins/imageformats/libqtga",
    "/plugins/imageformats/libqtiff",
    "/plugins/imageformats/libqwbmp",
    "/plugins/imageformats/libqwebp",
    "/plugins/imageformats/libqpdf",
    "/plugins/imageformats/qicns",
    "/plugins/imageformats/qtga",
    "/plugins/imageformats/qtiff",
    "/plugins/imageformats/qwbmp",
    "/plugins/imageformats/qwebp",
    "/plugins/imageformats/qpdf",
    "/libQt6EglFS",
    "/libQt6EglFs",
    # the on-screen keyboard input context (PySide6-Addons) and the QML/Quick stack only it links
    "/plugins/platforminputcontexts/libqtvirtualkeyboardplugin",
    "/plugins/platforminputcontexts/qtvirtualkeyboardplugin",
    "qt6virtualkeyboard",
    "qt6quick",
    "qt6qml",
    # system libraries only the (dropped) GTK platform theme links
    "/libatk-",
    "/libcairo",
    "/libgdk_pixbuf",
    "/libpango",
)


def compile_catalogs(workdir: Path) -> list[tuple[str, str]]:
    """Compile translations/*/LC_MESSAGES/messages.po to .mo under `workdir`; return datas.

    In the bundle each .mo sits where its .po sits in the package
    (nongbon_ita/translations/<lang>/LC_MESSAGES/messages.mo), which is where
    nongbon_ita.i18n.translate looks first.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    datas: list[tuple[str, str]] = []
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/messages.po")):
        relative = po.parent.relative_to(ROOT / "translations")
        out_dir = workdir / "translations" / relative
        out_dir.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as handle:
            catalog = read_po(handle)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        mo = out_dir / "messages.mo"
        mo.write_bytes(buffer.getvalue())
        datas.append((str(mo), f"nongbon_ita/translations/{relative.as_posix()}"))
    if not datas:
        raise SystemExit("no translations/*/LC_MESSAGES/messages.po found")
    return datas


def compile_qt_catalogs(workdir: Path) -> list[tuple[str, str]]:
    """translations/qt/qt_<lang>.ts → .qm with PySide6's lrelease (Qt's own dialogs in Thai);
    in the bundle beside the sources' place, where gui/qt_translator.py looks first."""
    sys.path.insert(0, str(ROOT))
    from nongbon_ita.gui.qt_translator import compile_ts

    datas: list[tuple[str, str]] = []
    for ts in sorted((ROOT / "translations" / "qt").glob("qt_*.ts")):
        qm = workdir / "translations" / "qt" / (ts.stem + ".qm")
        if not compile_ts(ts, qm):
            raise SystemExit(f"lrelease could not compile {ts}")
        datas.append((str(qm), "nongbon_ita/translations/qt"))
    return datas


def manual_datas() -> list[tuple[str, str]]:
    """The Thai user manual (docs/manual: chapters and pictures) at the bundle's top, where
    Help › คู่มือการใช้งาน looks for docs/manual/README.md (gui/manual.py)."""
    base = ROOT / "docs" / "manual"
    return [(str(path), f"docs/manual/{path.parent.relative_to(base).as_posix()}".rstrip("/."))
            for path in sorted(base.rglob("*")) if path.is_file()]  # fmt: skip


def resource_datas() -> list[tuple[str, str]]:
    """Everything under resources/ (fonts, licences, icons, images), as nongbon_ita/resources."""
    datas = []
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py":
            relative = path.parent.relative_to(ROOT / "resources")
            datas.append((str(path), f"nongbon_ita/resources/{relative.as_posix()}".rstrip("/.")))
    return datas


def migration_datas() -> list[tuple[str, str]]:
    """Alembic reads env.py, script.py.mako and versions/*.py as files from script_location."""
    base = PACKAGE / "db" / "migrations"
    datas = []
    for path in sorted(base.rglob("*")):
        if path.is_file() and (path.suffix in {".py", ".mako"}) and "__pycache__" not in path.parts:
            relative = path.parent.relative_to(PACKAGE)
            datas.append((str(path), f"nongbon_ita/{relative.as_posix()}"))
    return datas


def keep_data(dest: str) -> bool:
    """False for bundled data files the app never reads (Qt translations, Babel locales)."""
    name = dest.replace("\\", "/")
    match = _QT_TRANSLATION.search(name)
    if match and "/translations/" in name and match.group(1) not in KEEP_QT_LANGUAGES:
        return False
    match = _BABEL_LOCALE.search(name)
    return not (match and match.group(1) not in KEEP_BABEL_LOCALES)


def keep_binary(dest: str) -> bool:
    """False for Qt plugins and QML the app never loads."""
    name = ("/" + dest.replace("\\", "/")).lower()  # Windows DLLs: Qt6Quick.dll
    return not any(fragment.lower() in name for fragment in _DROP_BINARIES)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(part) for part in re.findall(r"\d+", version)[:4]]
    return tuple([*numbers, 0, 0, 0, 0][:4])  # type: ignore[return-value]


def version_file(workdir: Path, version: str, internal_name: str, description: str) -> str:
    """Fill packaging/version_info.txt.in for one executable; return the written path."""
    template = (ROOT / "packaging" / "version_info.txt.in").read_text(encoding="utf-8")
    text = template.format(
        version_tuple=version_tuple(version),
        version=version,
        internal_name=internal_name,
        file_description=description,
        product_name=PRODUCT_NAME,
    )
    out = workdir / f"version-{internal_name}.txt"
    out.write_text(text, encoding="utf-8")
    return str(out)
