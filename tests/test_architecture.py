"""The shape of the code, checked: imports point one way, and only ``store/`` queries rows.

Read from the source (``ast``), so a new module is checked the moment it exists. There is no
allow-list: a module that needs an exception has to change this test, in review.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import careerceo

ROOT = Path(careerceo.__file__).parent

# Which top-level packages of careerceo each one may import. Shells (cli, web) sit on services,
# services on the pure and storage packages, and those on ``model``. ``documents`` may read the
# analysis results it renders (a pivot report); ``analysis`` never reaches into documents.
LOWER = {"analysis", "documents", "skills", "knowledge", "text", "model", "errors", "actions"}
ALLOWED: dict[str, set[str]] = {
    "actions": set(),
    "errors": {"actions"},
    "files": {"errors", "actions"},  # private (0600/0700) files: a leaf every writer may use
    "settings": {"errors", "actions"},
    "model": {"errors", "actions"},
    "text": {"errors", "actions"},
    "analysis": {"model", "text", "errors", "actions"},
    "skills": {"model", "text", "errors", "actions"},
    "knowledge": {"model", "text", "errors", "actions"},
    "documents": {"analysis", "model", "text", "errors", "files", "actions"},
    "store": {"model", "errors", "settings", "files", "actions"},
    "services": LOWER | {"store", "settings", "files"},
    "web": LOWER | {"services", "settings", "files"},
    # The two shells stand side by side: neither imports the other. ``career serve`` asks
    # ``server`` (the composition root that starts the web app) instead of reaching into web.
    "cli": LOWER | {"services", "settings", "files", "server"},
    "server": {"web", "services", "settings", "errors", "actions"},
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
    # shell -> shell, either way, inside a function too
    lazy = ast.parse("def f():\n    from careerceo.web.app import create_app\n")
    assert _import_problems("cli", Path("cli/x.py"), lazy)
    assert _import_problems("web", Path("web/x.py"), ast.parse("import careerceo.cli.common\n"))


# A shell's way of doing something: ``career review --month ...`` or ``/review?month=...``.
SHELL_WORDING = re.compile(r"\bcareer [a-z]+ ?[a-z-]*|(?:^|[\s(])/[a-z][a-z/]*\b")


def _docstrings(tree: ast.Module) -> set[int]:
    nodes: list[ast.AST] = [tree, *ast.walk(tree)]
    return {
        id(node.body[0].value)
        for node in nodes
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _shell_wording(rel: Path, tree: ast.Module) -> list[str]:
    docs = _docstrings(tree)
    return [
        f"{rel}:{node.lineno} says {found.group(0).strip()!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and " " in node.value  # words for a person, not an endpoint of a web API called
        for found in [SHELL_WORDING.search(node.value)]
        if found
    ]


def test_analysis_and_services_say_what_not_where() -> None:
    """What to do next is an action value; a command or a page address in a message of the
    analysis or of a service would be wrong in the other shell (a CLI command on a web page)."""
    wrong = [
        w
        for package, rel, tree in _modules()
        if package in {"analysis", "services"}
        for w in _shell_wording(rel, tree)
    ]
    assert not wrong, "commands or addresses below the shells:\n" + "\n".join(wrong)
    caught = ast.parse('raise CareerError("no goal; see career goals list")\nX = "at /pivots"\n')
    assert len(_shell_wording(Path("services/x.py"), caught)) == 2
