"""The one shape every ``/api/v1`` error has, and its place in the OpenAPI document.

Clients (and contract testers such as schemathesis) read the schema to learn what a failure
looks like; if a 404 or a 413 is not documented, or a 422 lacks a field the schema promises,
a well-behaved client cannot rely on ``detail[].msg`` being there.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ApiError(BaseModel):
    """``detail`` lists every problem; ``msg`` names it and says what to do."""

    detail: list[ErrorItem]


_DESCRIPTIONS = {
    400: "The request could not be read (for example a body that is not UTF-8 JSON)",
    403: "A state-changing request without this server's X-CSRF-Token, or from another origin",
    404: "Nothing of that id or code exists for this person",
    409: "The request conflicts with data already stored",
    413: "The request or an uploaded file is too large",
    422: "A field is missing or invalid; `msg` names it and the fix",
}

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ApiError, "description": text} for status, text in _DESCRIPTIONS.items()
}

_BODY_UNREADABLE = (
    "the request body could not be read; send JSON encoded as UTF-8 with "
    "Content-Type: application/json (or a multipart form for file uploads)"
)
_FORM_TOO_BIG = (
    "a form field is larger than the 1 MB it may hold; send long text as a file upload or "
    "as a JSON body"
)
_NOT_A_FILE = (
    "{field} must be a file: send it as multipart/form-data with a filename "
    "(curl -F '{field}=@resume.pdf')"
)


def error_response(
    status: int,
    items: list[dict[str, Any]],
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    detail: list[dict[str, Any]] = []
    for item in items:
        loc = list(item.get("loc") or [])
        msg = str(item.get("msg") or "invalid value")
        if "Expected UploadFile" in msg:  # a form field, or a file part without a name
            msg = _NOT_A_FILE.format(field=loc[-1] if loc else "file")
        detail.append({"loc": loc, "msg": msg, "type": str(item.get("type") or "invalid")})
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def http_error(status: int, detail: Any, path: str) -> tuple[int, list[dict[str, Any]]]:
    """Starlette's own errors (unknown path, wrong method, unreadable body) in our shape."""
    message = str(detail)
    if status == 400 and "parsing the body" in message:
        return 400, [{"loc": ["body"], "msg": _BODY_UNREADABLE, "type": "body_unreadable"}]
    if status == 400 and "maximum size" in message:
        return 413, [{"loc": ["body"], "msg": _FORM_TOO_BIG, "type": "too_large"}]
    if status == 404 and message == "Not Found":
        message = f"there is no API endpoint at {path}; see /api/v1/docs for the list"
    elif status == 405:
        message = f"{path} does not take this HTTP method; see /api/v1/docs"
    return status, [{"loc": [], "msg": message, "type": f"http_{status}"}]
