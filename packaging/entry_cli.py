"""Frozen entry point of the console executable (nongbon-ita-cli): the command line."""

import sys

from nongbon_ita.cli import main

sys.exit(main())
