"""A QTableView set up the same way everywhere: whole rows, one selection, stretch last column."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def make_table_view(parent: QWidget | None = None) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(32)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # columns fit the first 100 rows and those on screen: Qt's default measures 1,000 rows at
    # every reset, ~70,000 data() calls when the main window builds with the demo's loans
    view.horizontalHeader().setResizeContentsPrecision(100)
    view.setWordWrap(False)
    view.setStyleSheet("QTableView::item { padding: 0px 10px; }")
    view.horizontalHeader().setMinimumSectionSize(80)
    return view


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None
