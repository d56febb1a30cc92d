"""Runtime hook of the frozen app: UTF-8 everywhere, before any application code runs.

The executables already run Python in UTF-8 mode (the spec passes `-X utf8`); PYTHONUTF8 also
reaches any child process, and PYTHONIOENCODING covers a console that reports a legacy code page.
"""

import os

os.environ.setdefault("PYTHONUTF8", "1")
os.environ.setdefault("PYTHONIOENCODING", "utf-8:replace")
