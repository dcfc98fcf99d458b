"""Where the shipped resources live (data, templates, translations), independent of cwd.

They are package data of `console` (console/resources), so a wheel or a PyInstaller bundle
carries them. The folder is resolved once to a real path, because Qt WebEngine loads the
map's assets through file URLs: a zipped install (zipimport, an egg) is not supported.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES_DIR = Path(str(files("console") / "resources")).resolve()
