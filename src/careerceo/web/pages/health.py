"""``/healthz`` (the process answers) and ``/readyz`` (it can serve: database and schema), for a
load balancer or an orchestrator. Public, and they say nothing about anyone's data."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from careerceo.services.health import readiness

router = APIRouter()


@router.get("/healthz")
def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"})


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    ready, why = readiness(request.app.state.ctx)
    return JSONResponse(
        {"status": "ready" if ready else "not ready", "detail": why},
        status_code=200 if ready else 503,
    )
