"""The request log of a practice's server: JSON lines that say what kind of request it was and
how it ended, and nothing about whose data it touched."""

from __future__ import annotations

import io
import json
import logging

from _web import web_client
from careerceo.services.context import AppContext
from careerceo.web.logs import LOGGER, configure, route_shape


def test_paths_lose_their_ids() -> None:
    assert route_shape("/goals/12") == "/goals/{id}"
    assert route_shape("/review/2026-03") == "/review/{id}"
    uid = "5f0c6a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6"
    assert route_shape(f"/coach/{uid}/direction") == "/coach/{uid}/direction"
    assert route_shape("/api/v1/goals") == "/api/v1/goals"


def test_one_json_line_per_request_without_personal_data(sqlite_ctx: AppContext) -> None:
    configure()
    stream = io.StringIO()
    LOGGER.handlers[0].setStream(stream)  # type: ignore[attr-defined]
    try:
        with web_client(sqlite_ctx) as client:
            client.get("/api/v1/goals/424242?email=someone@example.org")
            client.post("/api/v1/goals", json={"title": "Leave Initech quietly"})
    finally:
        LOGGER.handlers.clear()
        LOGGER.setLevel(logging.NOTSET)
        LOGGER.propagate = True
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(x["method"], x["route"], x["status"]) for x in lines] == [
        ("GET", "/api/v1/goals/{id}", 404),
        ("POST", "/api/v1/goals", 201),
    ]
    text = stream.getvalue()
    for private in ("someone@example.org", "424242", "Initech", "testclient", "127.0.0.1"):
        assert private not in text
    assert all(isinstance(x["ms"], float) and x["level"] == "info" for x in lines)
