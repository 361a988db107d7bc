"""The ``career`` command: a Typer app whose command groups live one module each.

Each module in ``careerceo.cli`` that defines ``register(app)`` adds its commands; discovery
keeps this file from becoming the place every feature has to edit.
"""

from __future__ import annotations

import importlib
import pkgutil

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


def run() -> None:
    app()
