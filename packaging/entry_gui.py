"""Frozen entry point of the windowed executable (nongbon-ita): always the GUI."""

import sys

from nongbon_ita.cli import main_gui

sys.exit(main_gui())
