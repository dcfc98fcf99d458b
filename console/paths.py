"""Where the shipped resources live (data, templates, translations), independent of cwd."""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"
