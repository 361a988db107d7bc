"""``/api/v1/csrf-token``: the token a script sends as ``X-CSRF-Token`` on every write.

A page of another origin cannot read this answer (no CORS, and the Host allowlist stops DNS
rebinding), so holding the token proves the client runs on this machine's side.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

router = APIRouter(tags=["security"])


@router.get("/csrf-token")
def csrf_token(request: Request) -> dict[str, str]:
    """Send the value back as the ``X-CSRF-Token`` header of POST, PUT, PATCH and DELETE."""
    token: str = request.app.state.csrf_token
    return {"csrf_token": token, "header": "X-CSRF-Token"}
