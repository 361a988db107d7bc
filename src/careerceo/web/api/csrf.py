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
    from careerceo.web.auth import COOKIE
    from careerceo.web.templating import request_token

    if request.cookies.get(COOKIE):  # public route: find the session's own token if signed in
        from careerceo.services.accounts import session_identity

        request.state.identity = session_identity(request.app.state.ctx, request.cookies[COOKIE])
    return {"csrf_token": request_token(request), "header": "X-CSRF-Token"}
