"""The Windows build's files (never run here: no Windows runner) at least hang together: the
workflow parses and names files that exist, and the installer takes the folder the bundle
spec makes."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath
from typing import Any

import yaml

import console

ROOT = Path(console.__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "windows-bundle.yml"
INSTALLER = ROOT / "packaging" / "windows" / "paht-console.iss"
SPEC = ROOT / "packaging" / "pyinstaller" / "paht-console.spec"
NOT_RUN = "NOT RUN on this project's CI machine"


def _workflow() -> dict[str, Any]:
    loaded = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _scripts() -> str:
    (job,) = _workflow()["jobs"].values()
    return "\n".join(step.get("run", "") for step in job["steps"])


def _iss_entries(section: str) -> list[str]:
    text = INSTALLER.read_text(encoding="ascii")
    body = text.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
    return [line for line in body.splitlines() if line.strip() and not line.startswith(";")]


def test_the_workflow_is_a_windows_job_marked_as_not_run_here() -> None:
    assert NOT_RUN in WORKFLOW.read_text(encoding="utf-8").split("\n", 1)[0]
    workflow = _workflow()
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "windows-latest"
    python = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/setup-python")]
    assert python and python[0]["with"]["python-version"] == "3.11"
    uploads = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload")]
    assert "paht-console-setup-" in uploads[0]["with"]["path"]
    assert "shot.png" in uploads[0]["with"]["path"]


def test_the_workflow_names_files_that_exist() -> None:
    scripts = _scripts()
    named = set(re.findall(r"packaging[/\\][\w./\\-]+\.(?:spec|iss)", scripts))
    assert {p.replace("\\", "/") for p in named} == {
        "packaging/pyinstaller/paht-console.spec",
        "packaging/windows/paht-console.iss",
    }
    for path in named:
        assert (ROOT / path.replace("\\", "/")).is_file(), path
    assert "-p tests.without_qt tests/console" in scripts
    # The same folders as `make bundle`, so the installer finds dist/paht-console.
    assert "--distpath dist --workpath build/pyinstaller" in scripts
    assert (ROOT / "tests" / "without_qt.py").is_file()
    assert "--demo" in scripts and "--screenshot" in scripts


def test_the_installer_is_per_user_and_takes_the_bundle_folder() -> None:
    text = INSTALLER.read_text(encoding="ascii")  # Inno reads a BOM-less script as ANSI
    assert NOT_RUN in text.split("\n\n", 1)[0]
    setup = dict(line.split("=", 1) for line in _iss_entries("Setup"))
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{localappdata}\\Programs\\")
    assert setup["AppVersion"] == "{#AppVersion}"
    (files,) = _iss_entries("Files")
    source = re.search(r'Source: "([^"]+)"', files)
    assert source is not None
    folder = PureWindowsPath(source.group(1)).parent
    assert (INSTALLER.parent / Path(*folder.parts)).resolve() == ROOT / "dist" / "paht-console"
    assert "recursesubdirs" in files
    # The spec's folder (COLLECT) and program (EXE) are the ones the installer takes.
    spec = SPEC.read_text(encoding="utf-8")
    assert re.search(r'COLLECT\([^)]*name="paht-console"', spec)
    assert re.search(r'EXE\([^)]*name="paht-console"', spec)
    assert '#define AppExe "paht-console.exe"' in INSTALLER.read_text(encoding="ascii")
    icons = _iss_entries("Icons")
    assert any("{app}\\{#AppExe}" in icon for icon in icons)
    assert any("{uninstallexe}" in icon for icon in icons)


def test_nothing_in_the_program_chooses_a_keyring_backend() -> None:
    """On Windows keyring picks the Credential Manager (WinVaultKeyring) by itself: a forced
    backend would put tokens in the fallback file (only the test suite forces one)."""
    forcing = ("set_keyring(", "PYTHON_KEYRING_BACKEND", "keyringrc")
    sources = [
        *(ROOT / "console").rglob("*.py"),
        *(ROOT / "widgets").rglob("*.py"),
        *(ROOT / "packaging").rglob("*.*"),
        WORKFLOW,
    ]
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for path in sources
        for word in forcing
        if word in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert found == []
