"""The complaints area: list page, intake and detail dialogs, dashboard section."""
