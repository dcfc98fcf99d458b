"""Every UI string has a Vietnamese translation: an operator never meets stray English.

Strings are found in the source the way Qt's lupdate would (self.tr in a class, the
package-level tr() helpers of triage and supervisor, QCoreApplication.translate) and looked up
in console/resources/i18n/paht_vi.ts with their context.
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import widgets
from console.paths import RESOURCES_DIR

WIDGETS_DIR = Path(widgets.__file__).parent
#: Module-level helpers `tr(text)` that translate in a fixed context.
HELPER_CONTEXTS = {"widgets.triage.common": "Triage", "widgets.supervisor.common": "Supervisor"}


def _helper_context(tree: ast.Module, module: str) -> str | None:
    if module in HELPER_CONTEXTS:
        return HELPER_CONTEXTS[module]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module in HELPER_CONTEXTS
            and any(alias.name == "tr" for alias in node.names)
        ):
            return HELPER_CONTEXTS[node.module]
    return None


def _source_strings() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in WIDGETS_DIR.rglob("*.py"):
        module = "widgets." + ".".join(path.relative_to(WIDGETS_DIR).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        helper = _helper_context(tree, module)
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            context = cls.name if isinstance(cls, ast.ClassDef) else None
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                first = node.args[0]
                func = node.func
                if (
                    (isinstance(func, ast.Attribute) and func.attr == "translate")
                    or (isinstance(func, ast.Name) and func.id == "translate")
                ) and len(node.args) >= 2:
                    ctx, text = node.args[0], node.args[1]
                    if isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant):
                        found.add((str(ctx.value), str(text.value)))
                elif not isinstance(first, ast.Constant) or not isinstance(first.value, str):
                    continue
                elif isinstance(func, ast.Attribute) and func.attr == "tr" and context:
                    found.add((context, first.value))
                elif isinstance(func, ast.Name) and func.id == "tr" and helper:
                    found.add((helper, first.value))
    return found


def _translated() -> set[tuple[str, str]]:
    root = ET.parse(RESOURCES_DIR / "i18n" / "paht_vi.ts").getroot()
    done: set[tuple[str, str]] = set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {"unfinished", "obsolete"}:
                continue
            if (translation.text or "").strip():
                done.add((name, message.findtext("source") or ""))
    return done


def test_every_ui_string_has_a_vietnamese_translation() -> None:
    strings = _source_strings()
    assert len(strings) > 300
    missing = sorted(strings - _translated())
    assert not missing, f"{len(missing)} untranslated: {missing[:20]}"
