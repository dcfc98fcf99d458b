"""No import circles in console/ and widgets/: each module's imports form a graph, and every
strongly connected part of it with more than one module is a circle, reported as a path
(a -> b -> a). An import under `if TYPE_CHECKING:` or inside a function counts: it hides a
circle from the interpreter, not from the reader (console.central.db ⇄ seed was one). Read
with `ast`, nothing is imported, so the test runs without Qt."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def module_files(root: Path, package: str) -> dict[str, Path]:
    """Module name -> file, for every .py under `root / package` (a package is its __init__)."""
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of `known` that `name` imports, wherever in the file."""
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
            continue
        base = node.module or ""
        if node.level:
            package = name.split(".")
            package = package if is_package else package[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        for alias in node.names:
            submodule = f"{base}.{alias.name}"
            targets.add(submodule if submodule in known else base)
    return {t for t in targets if t in known and t != name}


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, set[str]]:
    files: dict[str, Path] = {}
    for package in packages:
        files.update(module_files(root, package))
    known = set(files)
    return {name: imports_of(name, path, known) for name, path in files.items()}


def _strong_parts(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components, iteratively (no recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    parts: list[set[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    part: set[str] = set()
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        part.add(top)
                        if top == node:
                            break
                    parts.append(part)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return parts


def _path_back(graph: dict[str, set[str]], part: set[str]) -> list[str]:
    """A shortest path from the part's first module back to itself, inside the part."""
    start = min(part)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for child in sorted(graph[node] & part):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [*reversed(path), start]
                if child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no way back to {start} in {sorted(part)}")


def circles(graph: dict[str, set[str]]) -> list[tuple[frozenset[str], str]]:
    """Each circle as (its modules, a path around it like 'a -> b -> a')."""
    return [
        (frozenset(part), " -> ".join(_path_back(graph, part)))
        for part in _strong_parts(graph)
        if len(part) > 1
    ]


def describe(found: list[tuple[frozenset[str], str]]) -> str:
    return "import circles:\n" + "\n".join(f"  {path}" for _, path in found)


def test_console_has_no_import_circle() -> None:
    found = circles(import_graph(ROOT, ("console",)))
    assert not found, describe(found)


def test_widgets_and_console_have_no_import_circle() -> None:
    found = circles(import_graph(ROOT, ("console", "widgets")))
    assert not found, describe(found)


def test_a_circle_fails_with_its_path(tmp_path: Path) -> None:
    package = tmp_path / "town"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("")
    (package / "a.py").write_text("from town.inner import b\n")
    (package / "inner" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .. import c\n"
    )
    (package / "c.py").write_text("def later():\n    import town.a\n")
    (package / "d.py").write_text("from town import a\n")

    found = circles(import_graph(tmp_path, ("town",)))

    assert [path for _, path in found] == ["town.a -> town.inner.b -> town.c -> town.a"]
    with pytest.raises(AssertionError, match=r"town\.a -> town\.inner\.b -> town\.c -> town\.a"):
        assert not found, describe(found)
