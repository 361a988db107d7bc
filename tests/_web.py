"""Web test clients built one way, so a change to how the app is created (security headers,
sessions, CSRF) is made here once."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from careerceo.services.context import AppContext
from careerceo.web.app import create_app


def web_client(ctx: AppContext, **kwargs: Any) -> TestClient:
    return TestClient(create_app(ctx), **kwargs)
