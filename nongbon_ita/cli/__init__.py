"""The `nongbon-ita` command: the GUI without a command, an automation surface with one."""

from nongbon_ita.cli.main import main, main_gui

__all__ = ["main", "main_gui"]
