"""The main window: a sidebar of areas over a stack of pages, a status bar with the user.

A page may be given as a function that builds it: it is built the first time it is shown (or
asked for with `page`), so logging in builds only the dashboard — the start-up figure of issue 14
(the loans page alone took 0.42 s on the demo database)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from nongbon_ita.domain.roles import Role
from nongbon_ita.domain.users import CurrentUser
from nongbon_ita.i18n.translate import _


def roles_text(roles: frozenset[Role]) -> str:
    return ", ".join(_(role.label_id) for role in sorted(roles))


class MainWindow(QMainWindow):
    """Pages are plugged in with add_page(key, title, widget) and shown with show_page(key)."""

    logout_requested = Signal()

    def __init__(
        self, user: CurrentUser, office_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.user = user
        self.setWindowTitle(f"{office_name} — nongbon-ita" if office_name else "nongbon-ita")
        self.resize(1100, 720)
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(230)
        self.sidebar.setSpacing(2)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { background: #f3f5f8; border: none; padding-top: 8px; }"
            "QListWidget#sidebar::item { padding: 9px 12px; }"
            "QListWidget#sidebar::item:selected { background: #1d5fa8; color: white; }"
        )
        font = QFont(self.sidebar.font())
        font.setPointSize(font.pointSize() + 1)
        self.sidebar.setFont(font)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._keys: list[str] = []
        self._pages: dict[str, QWidget] = {}
        self._builders: dict[str, Callable[[], QWidget]] = {}
        self.sidebar.currentRowChanged.connect(self._row_changed)
        self._build_status_bar()

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(
            _("Signed in: {name} ({roles})").format(
                name=self.user.full_name, roles=roles_text(self.user.roles)
            ),
            self,
        )
        self.logout_action = QAction(_("Log out"), self)
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.logout_action.triggered.connect(self.logout_requested)
        self.addAction(self.logout_action)
        self.logout_button = QPushButton(_("Log out"), self)
        self.logout_button.setFlat(True)
        self.logout_button.clicked.connect(self.logout_action.trigger)
        status = self.statusBar()
        status.addWidget(self.user_label, 1)
        status.addPermanentWidget(self.logout_button)
        self.manual_button = QPushButton(_("User manual"), self)  # Help › the Thai manual
        self.manual_button.setFlat(True)
        self.manual_button.clicked.connect(self.show_manual)
        status.addPermanentWidget(self.manual_button)
        self.about_button = QPushButton(_("About"), self)  # version and licences (F1)
        self.about_button.setFlat(True)
        self.about_button.setShortcut(QKeySequence("F1"))
        self.about_button.clicked.connect(self.show_about)
        status.addPermanentWidget(self.about_button)

    def show_manual(self) -> None:
        from nongbon_ita.gui.manual import open_manual

        open_manual(self)

    def show_about(self) -> None:
        from nongbon_ita.gui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def add_page(self, key: str, title: str, widget: QWidget | Callable[[], QWidget]) -> None:
        """Add an area to the sidebar; the first nine get Ctrl+1 … Ctrl+9. `widget` may be a
        function that builds the page when it is first shown."""
        if key in self._pages:
            raise ValueError(f"page {key!r} exists")
        if not isinstance(widget, QWidget):
            self._builders[key] = widget
            widget = QWidget()  # stands in until the page is built
        widget.setObjectName(f"page-{key}")
        self._keys.append(key)
        self._pages[key] = widget
        self.stack.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setSizeHint(QSize(0, 44))
        number = len(self._keys)
        if number <= 9:
            item.setToolTip(f"{title}  (Ctrl+{number})")
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda k=key: self.show_page(k))
        self.sidebar.addItem(item)
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.page(self._keys[row])
        self.stack.setCurrentIndex(row)

    def show_page(self, key: str) -> QWidget:
        self.sidebar.setCurrentRow(self._keys.index(key))
        return self.page(key)

    def page(self, key: str) -> QWidget:
        """The page of `key`, built now if it had not been yet."""
        builder = self._builders.pop(key, None)
        if builder is not None:
            stand_in = self._pages[key]
            page = builder()
            page.setObjectName(f"page-{key}")
            index = self.stack.indexOf(stand_in)
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stack.setCurrentIndex(current)
            self._pages[key] = page
        return self._pages[key]

    def is_built(self, key: str) -> bool:
        return key not in self._builders

    def current_key(self) -> str:
        return self._keys[self.stack.currentIndex()]

    def page_keys(self) -> list[str]:
        return list(self._keys)
