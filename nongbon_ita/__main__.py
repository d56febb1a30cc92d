"""`python -m nongbon_ita` runs the command line."""

import sys

from nongbon_ita.cli import main

sys.exit(main())
