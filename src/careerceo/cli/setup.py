"""``career init`` and ``career serve``: create the database and run the local web app."""

from __future__ import annotations

import typer

from careerceo.cli.common import console, context, err_console, user_errors
from careerceo.errors import CareerError


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


def _check_can_listen(host: str, port: int) -> None:
    """Refuse a port in use or a host that is not ours now, rather than let uvicorn log it."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OverflowError) as exc:
        raise CareerError(
            f"cannot use host {host!r} ({exc}); give an address such as 127.0.0.1", field="host"
        ) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise CareerError(
                f"cannot listen on {host}:{port} ({exc.strerror}); pick another with --port",
                field="port",
            ) from None


def _check_exposure(host: str, accepted: bool, accounts: bool = False) -> None:
    """Refuse to serve the whole career plan to the network with no login, unless told to.
    With ``CAREER_AUTH=accounts`` everyone signs in, so any address is fine."""
    from careerceo.settings import is_loopback

    if is_loopback(host) or accounts:
        return
    if not accepted:
        raise CareerError(
            f"{host} is reachable from other machines and Career CEO has no login, so anyone "
            "there could read and change all your data; serve on 127.0.0.1 (the default), or "
            "add --i-understand-no-login if this network is yours alone",
            field="host",
        )
    err_console.print(
        f"[bold red]Warning:[/] serving on {host} with no login: anyone who can reach it can "
        "read and change your data. Add the name people type to CAREER_ALLOWED_HOSTS."
    )


@user_errors
def serve(
    host: str = typer.Option(None, help="Address to listen on (default 127.0.0.1)."),
    port: int = typer.Option(None, min=1, max=65535, help="Port to listen on (default 8000)."),
    i_understand_no_login: bool = typer.Option(
        False,
        "--i-understand-no-login",
        help="Listen on a non-loopback address although the app has no login: everyone who "
        "can reach the address can read and change all your data.",
    ),
    workers: int = typer.Option(
        1, min=1, max=64, help="Worker processes (a practice on PostgreSQL: 2-4 per core)."
    ),
) -> None:
    """Start the local web UI."""
    from careerceo.server import run

    ctx = context()
    host = host or ctx.settings.host
    port = port or ctx.settings.port
    _check_exposure(host, i_understand_no_login, ctx.settings.accounts)
    _check_can_listen(host, port)
    console.print(f"Career CEO is running at [bold]http://{host}:{port}[/] (Ctrl+C to stop).")
    run(ctx, host=host, port=port, workers=workers)
