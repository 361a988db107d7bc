"""``/api/v1/backup``: download the full JSON backup, or restore one into an empty database."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from careerceo.services import backup as service
from careerceo.services.context import AppContext
from careerceo.web.templating import app_context

router = APIRouter(prefix="/backup", tags=["backup"])


@router.get("", response_class=Response)
def export_backup(ctx: AppContext = Depends(app_context)) -> Response:
    """The same document as ``career export``, offered as a file download."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Response(
        service.export_backup(ctx),
        media_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="career-backup-{stamp}.json"'},
    )


@router.post("", status_code=201)
async def import_backup(request: Request, ctx: AppContext = Depends(app_context)) -> dict[str, int]:
    """Restore a backup (the raw JSON as the body); refused whole if anything is wrong."""
    body = (await request.body()).decode("utf-8", errors="replace")
    result: dict[str, int] = await run_in_threadpool(service.import_backup, ctx, body)
    return result
