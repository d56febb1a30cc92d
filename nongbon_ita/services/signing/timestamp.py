"""An RFC 3161 timestamp client on the standard library (pyHanko's own needs `requests`)."""

from __future__ import annotations

import asyncio
import urllib.request
from typing import Any

from pyhanko.sign.timestamps.api import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError


class UrllibTimeStamper(TimeStamper):  # type: ignore[misc]
    """Asks the timestamp server at `url` (B-T signatures); times out after `timeout` s."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.url, self.timeout = url, timeout

    async def async_request_tsa_response(self, req: Any) -> Any:
        from asn1crypto import tsp

        def ask() -> bytes:
            request = urllib.request.Request(
                self.url, data=req.dump(), method="POST",
                headers={"Content-Type": "application/timestamp-query"},
            )  # fmt: skip
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                    if reply.headers.get("Content-Type") != "application/timestamp-reply":
                        raise TimestampRequestError("not a timestamp reply")
                    return bytes(reply.read())
            except OSError as error:
                raise TimestampRequestError(str(error)) from error

        return tsp.TimeStampResp.load(await asyncio.to_thread(ask))
