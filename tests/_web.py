"""How tests build a web client (one place, so the security branch can add its token handling)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from careerceo.services.context import AppContext
from careerceo.web.app import create_app


def web_client(ctx: AppContext, **kwargs: Any) -> TestClient:
    """A TestClient on the app for ``ctx``; keyword arguments go to TestClient."""
    return TestClient(create_app(ctx), **kwargs)
