"""Structured request logs for a practice's server: one JSON object a line, no personal data.

A line says which kind of page or API route was asked for, how it ended and how long it took.
It never holds a query string, a form, a cookie, an address or an e-mail, and numbers and uids
in the path are replaced by placeholders, so the log says "GET /api/v1/goals/{id} 404", never
whose goal it was.
"""

from __future__ import annotations

import json
import logging
import re
import time
from datetime import UTC, datetime

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOGGER = logging.getLogger("careerceo.requests")
_UID = re.compile(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=/|$)", re.I)
_NUMBER = re.compile(r"/\d[\w.-]*(?=/|$)")  # ids, months, O*NET codes


def route_shape(path: str) -> str:
    """``/coach/5f0c…/direction`` → ``/coach/{uid}/direction``; ``/goals/12`` → ``/goals/{id}``."""
    return _NUMBER.sub("/{id}", _UID.sub("/{uid}", path))[:200]


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        return json.dumps(entry, ensure_ascii=False)


def configure(level: int = logging.INFO) -> None:
    """JSON lines on standard error for the request log (uvicorn's own access log is off: it
    prints client addresses and full paths)."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    LOGGER.handlers[:] = [handler]
    LOGGER.setLevel(level)
    LOGGER.propagate = False


class RequestLog:
    """ASGI middleware writing one line per HTTP request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not LOGGER.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            LOGGER.info(
                "request",
                extra={
                    "fields": {
                        "method": scope.get("method", ""),
                        "route": route_shape(str(scope.get("path", ""))),
                        "status": status,
                        "ms": round((time.perf_counter() - started) * 1000, 1),
                    }
                },
            )
