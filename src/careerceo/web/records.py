"""The page routes of a list of owned records, written once: post a form and either go on
(post-redirect-get) or show the form again with the refusals beside the fields, and the
add / edit / save / delete routes of a plain record list (inventory, positions).

A page module keeps what is its own (its list page, filters, how a record shows in a form);
what every record page does the same way lives here, so a fix to it lands everywhere.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from careerceo.errors import CareerError
from careerceo.services.context import AppContext
from careerceo.web.forms import form_errors, form_fields, form_view, see_other
from careerceo.web.templating import app_context, form_page

T = TypeVar("T")
Refused = Callable[[dict[str, str]], Response]


def missing(exc: CareerError) -> bool:
    """A record the page is about is not there (someone else's id, or deleted): the
    not-found page, not a message beside a field."""
    return exc.status == 404


def never(exc: CareerError) -> bool:
    """Every refusal goes beside the fields (a form whose ids all name other records)."""
    return False


def submit(
    action: Callable[[], T],
    then: str | Callable[[T], str],
    refused: Refused,
    *,
    errors: Callable[[Any], dict[str, str]] = form_errors,
    raises: Callable[[CareerError], bool] = missing,
    catches: tuple[type[Exception], ...] = (CareerError,),
) -> Response:
    """Run a form's write; on success redirect to ``then`` (a URL, or one made from what the
    write returned), on a refusal answer ``refused`` with the messages for the fields. An
    error ``raises`` picks out (by default a missing record) is not the form's to show.
    ``catches`` are the refusals (a page that validates a model itself adds pydantic's
    ``ValidationError``, with an ``errors`` that reads it)."""
    try:
        made = action()
    except catches as exc:
        if isinstance(exc, CareerError) and raises(exc):
            raise
        return refused(errors(exc))
    return see_other(then(made) if callable(then) else then)


@dataclass(frozen=True)
class FormPage:
    """A page with a form, drawn from ``template`` with what ``context(ctx)`` reads, plus
    what was typed (``values``), the refusals (``errors``, answered 422) and the word a
    finished post left (``done``): call it as ``page(request, ctx, values, errors, done)``."""

    template: str
    context: Callable[[AppContext], dict[str, Any]]

    def __call__(
        self,
        request: Request,
        ctx: AppContext,
        values: Mapping[str, Any] | None = None,
        errors: Mapping[str, str] | None = None,
        done: str | None = None,
    ) -> HTMLResponse:
        return form_view(request, self.template, self.context(ctx), values, errors, done)


def page_route(router: APIRouter, path: str, render: Callable[..., HTMLResponse]) -> None:
    """``GET path``: the page ``render(request, ctx, done=...)`` draws, with the word a
    finished post-redirect-get left in ``?done=`` (added, saved, removed)."""

    def page(
        request: Request, done: str | None = None, ctx: AppContext = Depends(app_context)
    ) -> HTMLResponse:
        return render(request, ctx, done=done)

    router.add_api_route(path, page, methods=["GET"], response_class=HTMLResponse)


def with_path_id(endpoint: Callable[..., Any], name: str) -> Callable[..., Any]:
    """``endpoint`` taking its record id as the path parameter ``name`` (``entry_id``...):
    the generic routes below keep each page's own parameter, so a bad id is refused with
    the same message as before."""
    signature = inspect.signature(endpoint)
    params = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    params.insert(1, inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=int))
    params.sort(key=lambda p: p.kind)
    endpoint.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return endpoint


@dataclass(frozen=True)
class RecordPages:
    """Add, edit, save and delete routes for one kind of owned record.

    ``path`` is the list page (``/inventory``); a record is edited at ``path/{id}/edit``,
    saved by a post to ``path/{id}`` and deleted by a post to ``path/{id}/delete``, each
    going back to the list with the word the list page shows (added, saved, removed).
    """

    path: str
    id_name: str
    fields: tuple[str, ...]
    edit_template: str
    list_page: Callable[..., HTMLResponse]  # (request, ctx, *, values, errors) -> the list
    get: Callable[[AppContext, int], Any]
    add: Callable[[AppContext, dict[str, str]], Any]
    update: Callable[[AppContext, int, dict[str, str]], Any]
    remove: Callable[[AppContext, int], Any]
    as_values: Callable[[Any], dict[str, Any]] = lambda record: record.model_dump()
    new_defaults: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)

    def edit_page(
        self, request: Request, record_id: int, values: dict[str, Any], errors: dict[str, str]
    ) -> HTMLResponse:
        context = {"record_id": record_id, "values": values, "errors": errors, **self.options}
        return form_page(request, self.edit_template, context)

    def register(self, router: APIRouter) -> None:
        """Add the four routes to ``router``."""
        posted = form_fields(*self.fields)
        new = form_fields(*self.fields, defaults=self.new_defaults)

        def add(
            request: Request,
            values: dict[str, str] = Depends(new),
            ctx: AppContext = Depends(app_context),
        ) -> Response:
            return submit(
                lambda: self.add(ctx, values),
                f"{self.path}?done=added",
                lambda errors: self.list_page(request, ctx, values=values, errors=errors),
            )

        def edit(request: Request, ctx: AppContext = Depends(app_context), **ids: int) -> Response:
            record_id = ids[self.id_name]
            return self.edit_page(request, record_id, self.as_values(self.get(ctx, record_id)), {})

        def save(
            request: Request,
            values: dict[str, str] = Depends(posted),
            ctx: AppContext = Depends(app_context),
            **ids: int,
        ) -> Response:
            record_id = ids[self.id_name]
            return submit(
                lambda: self.update(ctx, record_id, values),
                f"{self.path}?done=saved",
                lambda errors: self.edit_page(request, record_id, values, errors),
            )

        def delete(ctx: AppContext = Depends(app_context), **ids: int) -> Response:
            self.remove(ctx, ids[self.id_name])
            return see_other(f"{self.path}?done=removed")

        one = f"{self.path}/{{{self.id_name}}}"
        router.add_api_route(self.path, add, methods=["POST"], response_class=HTMLResponse)
        for url, endpoint, method in (
            (f"{one}/edit", edit, "GET"),
            (one, save, "POST"),
            (f"{one}/delete", delete, "POST"),
        ):
            router.add_api_route(
                url,
                with_path_id(endpoint, self.id_name),
                methods=[method],
                response_class=HTMLResponse,
            )
