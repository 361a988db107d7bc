"""Small modules and short functions, checked: no file in ``src/careerceo`` over 500 lines and
no function or method over 80, the migrations excepted (they are written once and never read
as code again).

A module that grows past the line is split where its jobs part; a long function is split at a
seam that deserves a name. ``ALLOWED`` lists the places that were over the line when this test
landed, each with its owner's work still to come; the test fails as soon as one of them fits,
so that the list only ever shrinks and can then be deleted.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import careerceo

ROOT = Path(careerceo.__file__).parent
MAX_FILE = 500
MAX_FUNCTION = 80

# path (relative to src/careerceo), or "path function": lines today
ALLOWED: dict[str, int] = {
}


def _sources() -> Iterator[tuple[str, str]]:
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] == "store" and "migrations" in rel.parts:
            continue
        yield rel.as_posix(), path.read_text(encoding="utf-8")


def _sizes() -> dict[str, int]:
    """Every file's line count and every function's, by the names ``ALLOWED`` uses."""
    sizes: dict[str, int] = {}
    for rel, text in _sources():
        sizes[rel] = len(text.splitlines())
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                name = f"{rel} {node.name}"
                lines = node.end_lineno - node.lineno + 1
                sizes[name] = max(lines, sizes.get(name, 0))  # two methods of one name
    return sizes


def _limit(name: str) -> int:
    return MAX_FUNCTION if " " in name else MAX_FILE


def test_no_file_or_function_is_too_long() -> None:
    too_long = [
        f"{name}: {lines} lines (at most {_limit(name)})"
        for name, lines in _sizes().items()
        if lines > _limit(name) and name not in ALLOWED
    ]
    assert not too_long, "split these where their jobs part:\n" + "\n".join(too_long)


def test_the_allowed_list_only_shrinks() -> None:
    """An allowed place may not grow, and one that fits now leaves the list."""
    sizes = _sizes()
    stale = [
        f"{name}: {sizes.get(name, 0)} lines now, remove it from ALLOWED"
        for name in ALLOWED
        if sizes.get(name, 0) <= _limit(name)
    ]
    grown = [
        f"{name}: {sizes[name]} lines, was {allowed}"
        for name, allowed in ALLOWED.items()
        if sizes.get(name, 0) > allowed
    ]
    assert not stale, "\n".join(stale)
    assert not grown, "allowed places must not grow:\n" + "\n".join(grown)
