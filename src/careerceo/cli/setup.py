"""``career init`` and ``career serve``: create the database and run the local web app."""

from __future__ import annotations

import typer

from careerceo.cli.common import console, context, user_errors


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("serve")(serve)


@user_errors
def init() -> None:
    """Create (or migrate) the database and the default person."""
    ctx = context()
    person_id = ctx.person_id
    where = ctx.settings.database_url
    console.print(f"Database ready: [bold]{where}[/] (person #{person_id}).")


@user_errors
def serve(
    host: str = typer.Option(None, help="Address to listen on (default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port to listen on (default 8000)."),
) -> None:
    """Start the local web UI."""
    import threading

    import uvicorn

    from careerceo.services.warmup import warm
    from careerceo.web.app import create_app

    ctx = context()
    host = host or ctx.settings.host
    port = port or ctx.settings.port
    web_app = create_app(ctx)
    # Build the caches the analysis pages use while the person opens the dashboard.
    threading.Thread(target=warm, name="career-warmup", daemon=True).start()
    console.print(f"Career CEO is running at [bold]http://{host}:{port}[/] (Ctrl+C to stop).")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
