"""The FastAPI application: server-rendered pages plus a JSON API under ``/api/v1``.

Routers are discovered: every module in ``web.pages`` and ``web.api`` that defines ``router``
is included, so a feature adds a module rather than editing this file.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

import careerceo.web.api as api_package
import careerceo.web.pages as pages_package
from careerceo import __version__
from careerceo.errors import CareerError
from careerceo.services.context import AppContext
from careerceo.web.templating import templates

STATIC = Path(__file__).with_name("static")


def _modules(package: ModuleType) -> list[ModuleType]:
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__))
    return [importlib.import_module(f"{package.__name__}.{name}") for name in names]


def create_app(ctx: AppContext | None = None) -> FastAPI:
    app = FastAPI(
        title="Career CEO",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.ctx = ctx or AppContext()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in _modules(api_package):
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(router, prefix="/api/v1")
    for module in _modules(pages_package):
        router = getattr(module, "router", None)
        if router is not None:
            app.include_router(router, include_in_schema=False)

    @app.exception_handler(CareerError)
    async def career_error(request: Request, exc: CareerError) -> Response:
        if request.url.path.startswith("/api/"):
            detail = [{"loc": [exc.field] if exc.field else [], "msg": exc.message}]
            return JSONResponse({"detail": detail}, status_code=exc.status)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"message": str(exc), "status": exc.status},
            status_code=exc.status,
        )

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", [])), "msg": e.get("msg", "invalid value")}
            for e in exc.errors()
        ]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": errors}, status_code=422)
        message = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
        return templates.TemplateResponse(
            request, "error.html", {"message": message, "status": 422}, status_code=422
        )

    return app
