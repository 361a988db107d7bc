"""The ``career`` command: a Typer app whose command groups live one module each.

Each module in ``careerceo.cli`` that defines ``register(app)`` adds its commands; discovery
keeps this file from becoming the place every feature has to edit. A command run from the shell
imports only the module that defines it (``COMMANDS``), because importing every feature's
dependencies would make ``career inventory list`` wait a second for code it never uses.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Any

import typer

import careerceo.cli as cli_package

# Top-level command -> the module in careerceo.cli that registers it. A test checks this against
# what the modules really register, so a new command cannot be missed; an unknown name (or
# ``--help``) simply loads them all.
COMMANDS: dict[str, str] = {
    "about": "about",
    "accounts": "accounts",
    "account": "accounts",
    "grants": "accounts",
    "audit": "accounts",
    "exit": "exit_plan",
    "offer": "offer_prep",
    "export": "backup",
    "import": "backup",
    "backup": "practice",
    "restore": "practice",
    "direction": "direction",
    "vision": "direction",
    "goals": "direction",
    "review": "direction",
    "signals": "direction",
    "calendar": "direction",
    "companies": "companies",
    "contacts": "contacts",
    "interview": "interview",
    "inventory": "inventory",
    "occupations": "occupations",
    "opportunities": "opportunities",
    "gap": "pivot",
    "pivot": "pivot",
    "paths": "paths",
    "positions": "positions",
    "profile": "profile",
    "resume": "resume",
    "plan": "resume",
    "plan306090": "plan306090",
    "init": "setup",
    "serve": "setup",
    "skills": "skills",
    "today": "today",
    "win": "wins",
    "wins": "wins",
}


def command_modules() -> list[str]:
    """Every module in ``careerceo.cli`` that may register commands."""
    names = (info.name for info in pkgutil.iter_modules(cli_package.__path__))
    return sorted(name for name in names if name not in {"main", "common"})


def build_app(modules: list[str] | None = None) -> typer.Typer:
    """The ``career`` app with the commands of ``modules`` (all of them by default)."""
    built = typer.Typer(
        name="career",
        help="Career CEO: run your career the way a CEO runs a company.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )

    @built.callback()
    def _group() -> None:
        """Career CEO: run your career the way a CEO runs a company."""

    # The callback keeps ``career`` a group even when only one single-command module is loaded
    # (``career today``, ``career about``); otherwise Typer makes that command the whole app
    # and refuses its own name as an extra argument.
    for name in command_modules() if modules is None else modules:
        register = getattr(importlib.import_module(f"careerceo.cli.{name}"), "register", None)
        if callable(register):
            register(built)
    return built


def _app_for(argv: list[str]) -> typer.Typer:
    module = COMMANDS.get(argv[0]) if argv else None
    return build_app(None if module is None else [module])


_full_app: typer.Typer | None = None


def __getattr__(name: str) -> Any:
    """``careerceo.cli.main.app``: the app with every command, built on first use."""
    global _full_app
    if name != "app":
        raise AttributeError(name)
    if _full_app is None:
        _full_app = build_app()
    return _full_app


def _stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # stdin was closed
        return False


def run() -> None:
    """Entry point: usage mistakes get the same one-line treatment as other bad input.

    Typer vendors its own click, so its usage errors are recognised by shape (a message and an
    exit code) rather than by importing a private exception class.
    """
    from rich.markup import escape

    from careerceo.cli.common import err_console

    try:
        code = _app_for(sys.argv[1:])(standalone_mode=False)
    except typer.Abort:
        # A prompt met the end of its input: Ctrl+C/Ctrl+D on a terminal, or a closed or
        # exhausted stdin when a script runs an interactive command.
        if _stdin_is_terminal():
            err_console.print("Aborted; nothing was saved.", highlight=False)
            sys.exit(1)
        err_console.print(
            "[bold red]Error:[/] input ended before every question was answered (stdin is not "
            "a terminal); nothing was saved - give the answers as options (see --help) or "
            "run it in a terminal",
            highlight=False,
            soft_wrap=True,
        )
        sys.exit(2)
    except Exception as exc:
        format_message = getattr(exc, "format_message", None)
        exit_code = getattr(exc, "exit_code", None)
        if not callable(format_message) or not isinstance(exit_code, int):
            raise
        message = str(format_message()).strip()
        if message:  # empty when click already printed the help (no arguments given)
            ctx = getattr(exc, "ctx", None)
            hint = f" (see: {ctx.command_path} --help)" if ctx is not None else ""
            err_console.print(
                f"[bold red]Error:[/] {escape(message + hint)}", highlight=False, soft_wrap=True
            )
        sys.exit(exit_code)
    sys.exit(code if isinstance(code, int) else 0)


LONG_RUNNING = frozenset({"serve"})  # commands that stay up: normal collection and teardown


def main() -> None:
    """The ``career`` console script: ``run`` without the interpreter's teardown.

    A one-shot command builds a few hundred thousand small objects (the knowledge base, the
    caches it reads); the cyclic collector walking them while they are built, and the
    interpreter freeing them one by one at exit, cost about 0.4 s of a 1 s command and free
    nothing the operating system does not reclaim at once. So, except for the server, the
    collector is off and, once exit handlers have run and the output is flushed, the process
    ends at once. Tests call ``run`` in-process and are unaffected."""
    import atexit
    import contextlib
    import gc
    import os

    long_running = bool(sys.argv[1:2]) and sys.argv[1] in LONG_RUNNING
    if long_running:
        run()
        return
    gc.disable()
    code = 0
    try:
        run()
    except SystemExit as exc:
        if isinstance(exc.code, str):
            sys.stderr.write(exc.code + "\n")
            code = 1
        else:
            code = int(exc.code or 0)
    finally:
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
                stream.flush()
    os._exit(code)
