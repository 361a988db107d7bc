"""``/api/v1/docs``: the API reference rendered on the server from the OpenAPI schema.

No script, no CDN: the page that documents the API lives in the same origin as the data, so it
must not load code from anywhere else. The machine-readable schema stays at
``/api/v1/openapi.json`` for tools.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from careerceo.web.templating import templates

METHODS = ("get", "post", "put", "patch", "delete")


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per path and method, in path order, with what the reader needs."""
    rows: list[dict[str, Any]] = []
    for path, item in sorted(schema.get("paths", {}).items()):
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = op.get("requestBody", {}).get("content", {})
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tag": (op.get("tags") or ["other"])[0],
                    "params": [_parameter(p) for p in op.get("parameters", [])],
                    "body": ", ".join(sorted(body)),
                    "statuses": sorted(op.get("responses", {})),
                }
            )
    return rows


def _parameter(param: dict[str, Any]) -> str:
    required = ", required" if param.get("required") else ""
    return f"{param.get('name')} ({param.get('in')}{required})"


def add_api_docs(app: FastAPI) -> None:
    @app.get("/api/v1/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "api_docs.html", {"operations": operations(app.openapi())}
        )
