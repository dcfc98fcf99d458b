"""Server and user text is shown as typed: every label and message box in widgets/ that can
show text other than a constant translation is in Qt.PlainText (Qt's automatic detection
renders anything that looks like HTML as HTML: a server's '<b>' would be bold, a citizen's
'<a href>' a link).

Read from the source: a `QLabel(...)` or `QMessageBox(...)` bound to a name must be followed,
in the same module, by `name.setTextFormat(Qt.TextFormat.PlainText)` unless it only ever
holds one constant translated text; QMessageBox's static helpers (which detect the format)
are allowed only for `about` with a constant text.
"""

from __future__ import annotations

import ast
from pathlib import Path

import widgets

WIDGETS_DIR = Path(widgets.__file__).parent
BOXES = {"QLabel", "QMessageBox"}


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return None


def _constant_tr(expr: ast.expr) -> bool:
    """`tr("...")` or `self.tr("...")`: one translated constant."""
    return (
        isinstance(expr, ast.Call)
        and (getattr(expr.func, "id", None) == "tr" or getattr(expr.func, "attr", None) == "tr")
        and bool(expr.args)
        and isinstance(expr.args[0], ast.Constant)
    )


def _violations(path: Path) -> list[str]:
    """Each class on its own (two classes may both have a `self.status`), then the rest."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    rest = [node for node in tree.body if not isinstance(node, ast.ClassDef)]
    scopes: list[list[ast.AST]] = [[cls] for cls in classes] + [rest]
    return [found for scope in scopes for found in _scope_violations(path, scope)]


def _scope_violations(path: Path, scope: list[ast.AST]) -> list[str]:
    made: dict[str, tuple[int, bool]] = {}
    plain: set[str] = set()
    set_later: set[str] = set()
    found: list[str] = []
    nodes = [node for top in scope for node in ast.walk(top)]
    for node in nodes:
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            body = ast.unparse(ast.Module(body=node.body, type_ignores=[]))
            if f"{node.target.id}.setTextFormat(Qt.TextFormat.PlainText)" in body:
                elements = getattr(node.iter, "elts", [])
                plain.update(n for n in map(_name, elements) if n is not None)
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            kind = _name(node.value.func)
            target = _name(node.targets[0])
            if kind in BOXES and target is not None:
                args = node.value.args
                made[target] = (node.lineno, bool(args) and _constant_tr(args[0]))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = _name(node.func.value)
            if (
                node.func.attr == "setTextFormat"
                and owner is not None
                and node.args
                and ast.unparse(node.args[0]).endswith("PlainText")
            ):
                plain.add(owner)
            if node.func.attr == "setText" and owner is not None:
                set_later.add(owner)
            if owner == "QMessageBox" and node.func.attr in {
                "information",
                "warning",
                "critical",
                "question",
            }:
                found.append(f"{path.name}:{node.lineno} QMessageBox.{node.func.attr}")
            if (
                owner == "QMessageBox"
                and node.func.attr == "about"
                and not all(_constant_tr(arg) for arg in node.args[1:])
            ):
                found.append(f"{path.name}:{node.lineno} QMessageBox.about with data")
    for name, (line, constant) in made.items():
        if name in plain or (constant and name not in set_later):
            continue
        found.append(f"{path.relative_to(WIDGETS_DIR)}:{line} {name}")
    return found


def test_every_label_and_box_showing_data_is_plain_text() -> None:
    found = [v for path in sorted(WIDGETS_DIR.rglob("*.py")) for v in _violations(path)]
    assert found == []
