"""The ``career`` command: a Typer app whose command groups live one module each.

Each module in ``careerceo.cli`` that defines ``register(app)`` adds its commands; discovery
keeps this file from becoming the place every feature has to edit.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

import careerceo.cli as cli_package

app = typer.Typer(
    name="career",
    help="Career CEO: run your career the way a CEO runs a company.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_all() -> None:
    for module_info in sorted(pkgutil.iter_modules(cli_package.__path__), key=lambda m: m.name):
        if module_info.name in {"main", "common"}:
            continue
        module = importlib.import_module(f"careerceo.cli.{module_info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(app)


_register_all()


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
        code = app(standalone_mode=False)
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
