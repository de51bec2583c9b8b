"""The shape of the code: no import cycle, no private name imported across modules,
no module over 400 lines. Read from the sources (ast), imports inside functions too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "graphbuild"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(root.rglob("*.py"))}


def _resolve(name: str, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module an ``from ... import`` reads from."""
    if not node.level:
        return node.module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[:len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(path: Path, modules: dict[str, Path]) -> list[tuple[str, str, int]]:
    """(imported module, imported name or '', line) of every import in ``path`` that
    names a module of the package, at any depth of the code."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, "", node.lineno) for a in node.names if a.name in modules]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(_module_name(path), path, node)
            if source not in modules:
                continue
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                # "from . import frames" imports a module; "from .x import name" a name of x.
                found.append((submodule, "", node.lineno) if submodule in modules
                             else (source, alias.name, node.lineno))
    return found


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    return {name: {target for target, _, _ in imports_of(path, modules) if target != name}
            for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as a list of modules, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def private_imports(modules: dict[str, Path]) -> list[str]:
    """'importer:line imports _name from module' for every private name taken from
    another module (dunder names such as __version__ are public)."""
    bad = []
    for name, path in modules.items():
        for source, imported, line in imports_of(path, modules):
            leaf = imported or source.rsplit(".", 1)[-1]
            if source != name and leaf.startswith("_") and not leaf.startswith("__"):
                bad.append(f"{name}:{line} imports {leaf} from {source}")
    return bad


def test_layout_package_has_no_import_cycle():
    modules = _modules()
    assert len(modules) > 20
    assert find_cycle(import_graph(modules)) is None, find_cycle(import_graph(modules))


def test_layout_no_private_name_is_imported_across_modules():
    assert private_imports(_modules()) == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layout_module_is_at_most_400_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_layout_checks_find_a_cycle_in_a_function_and_a_private_import(tmp_path, monkeypatch):
    """The checks can fail: a small package with a cycle hidden in a function and a private import."""
    files = {
        "__init__.py": "",
        "a.py": "def f():\n    from .b import g\n",
        "b.py": "from .c import _h\n",
        "c.py": "from . import a\n",
        "sub/__init__.py": "",
        "sub/d.py": "from ..a import f\n",
    }
    root = tmp_path / "graphbuild"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", root)
    modules = _modules(root)
    graph = import_graph(modules)
    assert graph["graphbuild.sub.d"] == {"graphbuild.a"}
    assert find_cycle(graph) == ["graphbuild.a", "graphbuild.b", "graphbuild.c", "graphbuild.a"]
    assert private_imports(modules) == ["graphbuild.b:1 imports _h from graphbuild.c"]


#: The floors of the package, lowest first. A module imports only from its own floor or
#: a lower one; among the stages, only from its own stage or an earlier one in the flow.
FLOORS = (
    ("records", "ids", "vocab", "limits", "version", "lang", "knowledge"),
    ("ingest", "nlp", "extract", "resolve", "graph", "export"),
    ("run", "store", "evaluate"),
    ("pipeline", "kg"),
    ("cli", "__main__", "graphbuild"),
)
STAGES = FLOORS[1]


def _place(module: str) -> tuple[int, int]:
    """(floor, position in the flow) of a module of the package."""
    top = module.split(".")[1] if "." in module else module
    for floor, names in enumerate(FLOORS):
        if top in names:
            return floor, (names.index(top) if floor == 1 else 0)
    raise AssertionError(f"{module} stands on no floor: add it to FLOORS")


def upward_imports(modules: dict[str, Path]) -> list[str]:
    bad = []
    for name, path in modules.items():
        here = _place(name)
        for source, _, line in imports_of(path, modules):
            there = _place(source)
            if there[0] > here[0] or (here[0] == there[0] == 1 and there[1] > here[1]):
                bad.append(f"{name}:{line} imports {source}")
    return bad


def test_layout_no_module_imports_from_a_higher_floor():
    assert upward_imports(_modules()) == []


def test_layout_floor_check_finds_a_stage_importing_the_runner(tmp_path, monkeypatch):
    root = tmp_path / "graphbuild"
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", root)
    files = {"__init__.py": "", "run/__init__.py": "", "run/worker.py": "from ..extract import f\n",
             "extract/__init__.py": "from ..run.worker import g\nfrom ..graph import h\n", "graph.py": "",
             "cli.py": "from .run import worker\n"}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert upward_imports(_modules(root)) == ["graphbuild.extract:1 imports graphbuild.run.worker",
                                              "graphbuild.extract:2 imports graphbuild.graph"]


def test_layout_top_level_reads_as_the_flow():
    top = sorted(p.name for p in PACKAGE.iterdir() if not p.name.startswith("__pycache__"))
    assert top == sorted(["__init__.py", "__main__.py", "cli.py", "kg.py", "pipeline.py", "nlp.py", "graph.py",
                          "records.py", "ids.py", "vocab.py", "limits.py", "version.py", "extract", "evaluate",
                          "export", "lang", "ingest", "knowledge", "resolve", "run", "store"])



MAX_FUNCTION_LINES = 60


def long_functions(modules: dict[str, Path]) -> list[str]:
    """Functions (methods and nested ones too) longer than MAX_FUNCTION_LINES, from the
    ``def`` line to the last (a command's option decorators are its help, not its body)."""
    found = []
    for name, path in sorted(modules.items()):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{name}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_layout_no_function_is_over_60_lines():
    assert long_functions(_modules()) == []


def test_layout_function_length_check_finds_a_long_method(tmp_path, monkeypatch):
    """The check can fail: a method one line too long, beside a function just short enough."""
    root = tmp_path / "graphbuild"
    root.mkdir()
    (root / "__init__.py").write_text("", encoding="utf-8")
    fits = "def fits():\n" + "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES - 1))
    too_long = "class A:\n    def long(self):\n" + "".join(f"        x{i} = {i}\n" for i in range(MAX_FUNCTION_LINES))
    (root / "a.py").write_text(fits + "\n\n" + too_long, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", root)
    line = MAX_FUNCTION_LINES + 4  # fits(), two blank lines, the class line
    assert long_functions(_modules(root)) == [f"graphbuild.a:{line} long ({MAX_FUNCTION_LINES + 1} lines)"]
