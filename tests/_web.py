"""``web_client``: a TestClient that talks to the app the way its own pages do.

The app refuses state-changing requests without its CSRF token and requests whose Host is not
this machine; a test of a feature is not a test of that, so this client sends an allowed Host
and the ``X-CSRF-Token`` header on every request. Security tests build bare clients instead.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from careerceo.services.context import AppContext

BASE_URL = "http://127.0.0.1"


def web_client(ctx_or_app: AppContext | FastAPI, **kwargs: Any) -> TestClient:
    """A client of ``create_app(ctx)`` (or of ``app``) that passes the CSRF and Host checks."""
    from careerceo.web.app import create_app

    app = ctx_or_app if isinstance(ctx_or_app, FastAPI) else create_app(ctx_or_app)
    kwargs.setdefault("base_url", BASE_URL)
    client = TestClient(app, **kwargs)
    client.headers["X-CSRF-Token"] = app.state.csrf_token
    return client


class _LiveHttp:
    """``httpx`` calls against the live server that carry its CSRF token, read once per origin
    from ``/api/v1/csrf-token`` as any script on this machine would."""

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}

    def _token(self, url: str) -> str:
        import httpx

        origin = str(httpx.URL(url).copy_with(path="/", query=None, fragment=None)).rstrip("/")
        if origin not in self._tokens:
            answer = httpx.get(f"{origin}/api/v1/csrf-token", timeout=LIVE_TIMEOUT)
            self._tokens[origin] = answer.json()["csrf_token"]
        return self._tokens[origin]

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        import httpx

        headers = dict(kwargs.pop("headers", None) or {})
        headers.setdefault("X-CSRF-Token", self._token(url))
        kwargs.setdefault("timeout", 60)
        return httpx.request(method, url, headers=headers, **kwargs)

    def post(self, url: str, **kwargs: Any) -> Any:
        return self.request("POST", url, **kwargs)

    def put(self, url: str, **kwargs: Any) -> Any:
        return self.request("PUT", url, **kwargs)

    def patch(self, url: str, **kwargs: Any) -> Any:
        return self.request("PATCH", url, **kwargs)

    def delete(self, url: str, **kwargs: Any) -> Any:
        return self.request("DELETE", url, **kwargs)


live = _LiveHttp()


# The live test server runs in a thread of the test process, so late in the suite (a process
# of about 2 GB) a plain page was once seen to take over httpx's default 5 s in CI, once per
# run and on a different test each time; in isolation it answers in 0.5 s. Tests of behaviour
# give it room; tests of latency set their own bound.
LIVE_TIMEOUT = 60.0


def live_get(url: str, **kwargs: Any) -> Any:
    import httpx

    kwargs.setdefault("timeout", LIVE_TIMEOUT)
    return httpx.get(url, **kwargs)


def live_post(url: str, **kwargs: Any) -> Any:
    import httpx

    kwargs.setdefault("timeout", LIVE_TIMEOUT)
    return httpx.post(url, **kwargs)
