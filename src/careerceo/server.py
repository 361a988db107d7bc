"""Run the web app in this process or in workers: the one place a command starts the server.

The command line (``career serve``) asks for a server; it does not reach into the web package
itself, so the two shells stay side by side and neither imports the other.
"""

from __future__ import annotations

import os
import threading

from careerceo.services.context import AppContext


def run(ctx: AppContext, *, host: str, port: int, workers: int) -> None:
    """Serve until interrupted; with several workers each builds its own app from the
    environment (and migrates under the lock)."""
    import uvicorn

    from careerceo.services.warmup import warm
    from careerceo.web.app import create_app
    from careerceo.web.logs import configure as configure_logs

    if workers > 1:
        os.environ["CAREER_LOG"] = "json"  # the workers (new processes) read it in create_app
        configure_logs()
        uvicorn.run(
            "careerceo.web.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            proxy_headers=True,
            access_log=False,
            log_level="warning",
        )
        return
    web_app = create_app(ctx)
    # Build the caches the analysis pages use while the person opens the dashboard.
    threading.Thread(target=warm, name="career-warmup", daemon=True).start()
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
