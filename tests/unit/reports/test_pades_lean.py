"""pyHanko's signing part loads without aiohttp (reports/pades/lean.py), and pyHanko's HTTP
clients still work when something does make one. In a fresh process: this one has pyHanko
loaded already."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import nongbon_ita.reports.pades.sign
import pyhanko.sign.signers, pyhanko.sign.validation
print("aiohttp" in sys.modules)
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend
from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko_certvalidator.fetchers.api import FetcherBackend
stamper, backend = HTTPTimeStamper("http://127.0.0.1:9/tsa"), AIOHttpFetcherBackend()
print(isinstance(stamper, TimeStamper), isinstance(backend, FetcherBackend),
      "aiohttp" in sys.modules)
"""


def test_signing_imports_no_aiohttp_and_its_clients_load_on_use() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True).stdout.split()  # fmt: skip
    assert out == ["False", "True", "True", "True"]
