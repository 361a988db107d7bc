"""Questions asked in a terminal, repeated until the answer can be used."""

from __future__ import annotations

import typer

from careerceo.cli.common import console
from careerceo.model.direction import read_progress


def ask_int(
    prompt: str, low: int, high: int, default: int | None = None, allow_done: bool = False
) -> int | None:
    """Ask until the answer is in range; an empty answer keeps ``default``."""
    while True:
        raw = typer.prompt(
            prompt,
            default="" if default is None else str(default),
            show_default=default is not None,
        )
        text = str(raw).strip().lower().rstrip("%")
        if text == "":
            return default
        if allow_done:  # milestone progress: "done" is 100, as everywhere
            value = read_progress(text)
        else:
            value = int(text) if text.lstrip("-").isdigit() else None
        if value is not None and low <= value <= high:
            return value
        console.print(
            f"[red]Enter a whole number from {low} to {high}{' or done' if allow_done else ''}.[/]"
        )


def ask_list(prompt: str) -> list[str]:
    items: list[str] = []
    while True:
        value = str(typer.prompt(prompt, default="", show_default=False)).strip()
        if not value:
            return items
        items.append(value)
