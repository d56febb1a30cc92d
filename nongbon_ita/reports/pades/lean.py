"""pyHanko without loading its aiohttp clients: they cost more to import (≈ 0.3 s) than a whole
signature, and signing and checking here never use them — timestamps go through our urllib
client (services/signing/timestamp.py) and `verify` never fetches (allow_fetching=False).

pyHanko's signing modules import two modules that import aiohttp at load time: its HTTP
timestamp client and the certificate validator's fetchers. Before pyHanko is first imported,
`defer_http_clients` puts stand-ins for those two in `sys.modules`; their classes load the real
modules the first time one is made, so nothing breaks if some code does use them.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_DEFERRED = {
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": ("AIOHttpFetcherBackend",),
    "pyhanko.sign.timestamps.aiohttp_client": ("HTTPTimeStamper", "AIOHttpTimeStamper"),
}


class _StandIn(types.ModuleType):
    """A deferred module as pyHanko imports it: names only."""


def defer_http_clients() -> None:
    """Install the stand-ins, unless pyHanko's signing part is loaded already."""
    if "pyhanko.sign" in sys.modules:
        return
    for module, names in _DEFERRED.items():
        if module in sys.modules:
            continue
        stand_in = _StandIn(module)
        for name in names:
            setattr(stand_in, name, _made_on_use(module, name))
        sys.modules[module] = stand_in


def _made_on_use(module: str, name: str) -> type:
    def __new__(cls: type, *args: Any, **kwargs: Any) -> Any:
        return getattr(load_real(module), name)(*args, **kwargs)

    return type(name, (), {"__new__": __new__, "__module__": module,
                           "__doc__": f"Stands in for {module}.{name} until it is used."})  # fmt: skip


def load_real(module: str) -> types.ModuleType:
    """The real module (every stand-in is dropped first: one real module imports the other)."""
    for name in _DEFERRED:
        if isinstance(sys.modules.get(name), _StandIn):
            del sys.modules[name]
    return importlib.import_module(module)
