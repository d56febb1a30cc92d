"""The asset register's screens: list page, asset dialog, import wizard."""
