"""The shape of the code, checked: imports point one way, and only ``store/`` queries rows.

Read from the source (``ast``), so a new module is checked the moment it exists. There is no
allow-list: a module that needs an exception has to change this test, in review.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import careerceo

ROOT = Path(careerceo.__file__).parent

# Which top-level packages of careerceo each one may import. Shells (cli, web) sit on services,
# services on the pure and storage packages, and those on ``model``. ``documents`` may read the
# analysis results it renders (a pivot report); ``analysis`` never reaches into documents.
LOWER = {"analysis", "documents", "skills", "knowledge", "text", "model", "errors"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "files": {"errors"},  # private (0600/0700) files: a leaf every writer of files may use
    "settings": {"errors"},
    "model": {"errors"},
    "text": {"errors"},
    "analysis": {"model", "text", "errors"},
    "skills": {"model", "text", "errors"},
    "knowledge": {"model", "text", "errors"},
    "documents": {"analysis", "model", "text", "errors", "files"},
    "store": {"model", "errors", "settings", "files"},
    "services": LOWER | {"store", "settings", "files"},
    "web": LOWER | {"services", "settings", "files"},
    "cli": LOWER | {"services", "settings", "web", "files"},  # ``career serve`` starts the web app
    "__main__": {"cli"},
}
# Importing these from SQLAlchemy outside store/ would mean writing a query there.
QUERY_NAMES = {"select", "insert", "update", "delete", "text", "func", "and_", "or_", "exists"}
QUERY_CALLS = {"get", "scalars", "scalar", "execute", "query", "select"}


def _modules() -> Iterator[tuple[str, Path, ast.Module]]:
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts[0] == "store" and "migrations" in rel.parts:
            continue
        yield rel.parts[0].removesuffix(".py"), rel, ast.parse(path.read_text(encoding="utf-8"))


def _imports(tree: ast.Module) -> Iterator[tuple[str, list[str], int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, [a.name for a in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno


def test_every_package_is_in_the_layer_map() -> None:
    packages = {package for package, _, _ in _modules()} - {"__init__", "py"}
    assert packages <= set(ALLOWED), f"add {sorted(packages - set(ALLOWED))} to ALLOWED"


def _import_problems(package: str, rel: Path, tree: ast.Module) -> list[str]:
    wrong = []
    for module, _, line in _imports(tree):
        parts = module.split(".")
        if parts[0] != "careerceo" or len(parts) < 2 or parts[1] in {package, "__init__"}:
            continue
        if parts[1] not in ALLOWED.get(package, set()):
            wrong.append(f"{rel}:{line} imports {module} ({package} -> {parts[1]})")
    return wrong


def _table_names(tree: ast.Module) -> set[str]:
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "careerceo.store.tables"
        for alias in node.names
    }


def _query_problems(rel: Path, tree: ast.Module) -> list[str]:
    wrong = []
    for module, names, line in _imports(tree):
        if module == "sqlalchemy" or module.startswith("sqlalchemy.sql"):
            found = sorted(set(names) & QUERY_NAMES) or (["sqlalchemy"] if not names else [])
            if found:
                wrong.append(f"{rel}:{line} imports {', '.join(found)} from {module}")
    tables = _table_names(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in QUERY_CALLS:
            continue
        queried = [a.id for a in node.args if isinstance(a, ast.Name) and a.id in tables]
        if queried:
            wrong.append(f"{rel}:{node.lineno} queries {queried[0]} with .{node.func.attr}()")
    return wrong


def test_imports_point_one_way() -> None:
    wrong = [w for package, rel, tree in _modules() for w in _import_problems(package, rel, tree)]
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_only_store_queries_rows() -> None:
    """Keeping one client's rows from another must not depend on every call site remembering
    a filter: outside store/, nothing builds a query or looks a table's row up by itself."""
    wrong = [
        w
        for package, rel, tree in _modules()
        if package != "store"
        for w in _query_problems(rel, tree)
    ]
    assert not wrong, "queries outside store/ (use a repository):\n" + "\n".join(wrong)


def test_the_checks_see_what_they_forbid() -> None:
    """Not vacuous: the same code in a service or in the analysis would be refused."""
    service = ast.parse(
        "from sqlalchemy import select\n"
        "from careerceo.store.tables import Goal as G\n"
        "def f(s):\n"
        "    return s.get(G, 1)\n"
    )
    found = _query_problems(Path("services/x.py"), service)
    assert len(found) == 2 and "select" in found[0] and "queries G with .get()" in found[1]
    builds = ast.parse("from careerceo.store.tables import Goal\nrow = Goal(title='x')\n")
    assert _query_problems(Path("services/x.py"), builds) == []  # building a row is fine
    analysis = ast.parse("from careerceo.documents.resume_parser import clean_lines\n")
    assert _import_problems("analysis", Path("analysis/x.py"), analysis)
    web = ast.parse("from careerceo.store.tables import Document\n")
    assert _import_problems("web", Path("web/x.py"), web)
    assert not _import_problems("web", Path("web/x.py"), ast.parse("import careerceo.services"))
