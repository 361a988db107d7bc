"""The JSON routes of one kind of owned record, declared once: create, read, replace, patch
and delete, each a thin call of the service that answers the service's pydantic view.

A resource module says which service functions serve it and what its bodies look like; the
routes, their status codes (201 for a create, 204 for a delete) and the schema entries come
from here, so every resource answers the same way and a fix lands everywhere. The generated
endpoints keep each resource's path parameter and function name, so URLs, OpenAPI operation
names and error messages are what they were when each route was written by hand.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import Response

from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

KEYWORD = inspect.Parameter.KEYWORD_ONLY
CONTEXT = inspect.Parameter("ctx", KEYWORD, default=Depends(app_context), annotation=AppContext)


def json_body(name: str, example: Mapping[str, Any] | None = None) -> inspect.Parameter:
    """A body that is any JSON object, validated by the service (with an example for the docs)."""
    default = Body(..., examples=[dict(example)]) if example is not None else Body(...)
    return inspect.Parameter(name, KEYWORD, default=default, annotation=dict[str, Any])


def model_body(model: Any, name: str = "data") -> inspect.Parameter:
    """A body validated against ``model`` by FastAPI before the service sees it."""
    return inspect.Parameter(name, KEYWORD, annotation=model)


def path_id(name: str, annotation: Any = int) -> inspect.Parameter:
    """A path parameter (a record's id; ``annotation=str`` for a month or a question id)."""
    return inspect.Parameter(name, KEYWORD, annotation=annotation)


def query(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    """A query parameter with its default (``?goal_id=``)."""
    return inspect.Parameter(name, KEYWORD, default=default, annotation=annotation)


def route(
    router: APIRouter,
    method: str,
    path: str,
    call: Callable[..., Any],
    params: Sequence[inspect.Parameter],
    *,
    name: str,
    response_model: Any = None,
    status_code: int | None = None,
    description: str | None = None,
) -> None:
    """One endpoint that hands its parameters, in order, to ``call(ctx, ...)``."""

    def endpoint(**given: Any) -> Any:
        ctx = given.pop("ctx")
        answer = call(ctx, *(given[p.name] for p in params))
        return Response(status_code=204) if status_code == 204 else answer

    endpoint.__signature__ = inspect.Signature([*params, CONTEXT])  # type: ignore[attr-defined]
    endpoint.__name__ = name
    router.add_api_route(
        path,
        endpoint,
        methods=[method],
        name=name,
        response_model=None if status_code == 204 else response_model,
        status_code=status_code,
        description=description,
    )


def reads(
    router: APIRouter,
    path: str,
    call: Callable[..., Any],
    out: Any,
    *params: inspect.Parameter,
    name: str | None = None,
) -> None:
    """``GET path``: what ``call(ctx, *params)`` returns, answered as ``out``; the endpoint is
    named ``name`` (by default the service function's name, as its operation id)."""
    route(router, "GET", path, call, params, name=name or call.__name__, response_model=out)


@dataclass(frozen=True)
class RecordApi:
    """Create (``POST path``), read, replace, patch and delete (``path/{id}``) of one record.

    Each service function is optional: a resource exposes what it has. ``body`` is the
    create/replace body (a model, or None for a JSON object the service validates);
    ``patch_body`` the patch body's model (None: a JSON object of the fields to change);
    ``names`` are the endpoint names (operation ids) per operation; ``docs`` their texts.
    """

    id_name: str
    out: Any
    path: str = ""
    add: Callable[..., Any] | None = None
    get: Callable[..., Any] | None = None
    replace: Callable[..., Any] | None = None
    patch: Callable[..., Any] | None = None
    remove: Callable[..., Any] | None = None
    body: Any = None
    get_out: Any = None
    add_example: Mapping[str, Any] | None = None
    patch_example: Mapping[str, Any] | None = None
    patch_name: str = "changes"
    patch_body: Any = None
    names: Mapping[str, str] = field(default_factory=dict)
    docs: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, service: Any, noun: str, out: Any, body: Any, *ops: str, **more: Any) -> RecordApi:
        """The usual resource: ``service.add_<noun>``, ``get_<noun>``, ``update_<noun>``
        (replace and patch) and ``remove_<noun>`` behind ``{<noun>_id}``, the endpoints
        named add_/get_/replace_/patch_/delete_<noun>; ``ops`` limits it to some of them."""
        calls = {
            "add": f"add_{noun}",
            "get": f"get_{noun}",
            "replace": f"update_{noun}",
            "patch": f"update_{noun}",
            "remove": f"remove_{noun}",
        }
        verbs = {"remove": "delete"}
        wanted = ops or tuple(calls)
        given: dict[str, Any] = {op: getattr(service, calls[op]) for op in wanted}
        names = {op: f"{verbs.get(op, op)}_{noun}" for op in wanted} | more.pop("names", {})
        return cls(id_name=f"{noun}_id", out=out, body=body, names=names, **{**given, **more})

    def _body(self) -> inspect.Parameter:
        if self.body is not None:
            return model_body(self.body)
        return json_body("data", self.add_example)

    def register(self, router: APIRouter) -> None:
        one, key = f"{self.path}/{{{self.id_name}}}", path_id(self.id_name)
        patch = (
            model_body(self.patch_body, self.patch_name)
            if self.patch_body is not None
            else json_body(self.patch_name, self.patch_example)
        )
        wanted: list[tuple[str, str, str, Any, list[inspect.Parameter], Any, int | None]] = []
        if self.add is not None:
            wanted.append(("add", "POST", self.path, self.add, [self._body()], self.out, 201))
        if self.get is not None:
            wanted.append(("get", "GET", one, self.get, [key], self.get_out or self.out, None))
        if self.replace is not None:
            replace = _dumped(self.replace)
            wanted.append(("replace", "PUT", one, replace, [key, self._body()], self.out, None))
        if self.patch is not None:
            wanted.append(("patch", "PATCH", one, self.patch, [key, patch], self.out, None))
        if self.remove is not None:
            wanted.append(("remove", "DELETE", one, self.remove, [key], None, 204))
        for op, method, path, call, params, model, status in wanted:
            route(
                router,
                method,
                path,
                call,
                params,
                name=self.names.get(op, op),
                response_model=model,
                status_code=status,
                description=self.docs.get(op),
            )


def _dumped(call: Callable[..., Any]) -> Callable[..., Any]:
    """A replace hands the service the whole validated body as plain values (the service
    merges and re-validates: the same path as a patch)."""

    def replace(ctx: AppContext, record_id: int, data: Any) -> Any:
        return call(ctx, record_id, data.model_dump() if hasattr(data, "model_dump") else data)

    return replace
