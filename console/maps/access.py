"""What the map page may load: its own folder, the installed map scripts and the configured
tile server, nothing else. Chromium runs without its sandbox as root, and the page shows text
citizens wrote: a page that could read local files or call any host would leak them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from console.maps.assets import MAP_RESOURCES_DIR, local_assets
from console.maps.page import TileProvider

#: Qt's own resources (qwebchannel.js) and data held by the page itself.
INNER_SCHEMES = frozenset({"qrc", "data", "blob", "about"})
_TEMPLATE_FIELD = re.compile(r"\\\{[a-z]\\\}")


@dataclass(frozen=True, slots=True)
class PageAccess:
    """Folders whose files the page may read, and the tile hosts it may call."""

    folders: tuple[Path, ...]
    hosts: tuple[re.Pattern[str], ...]

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in INNER_SCHEMES:
            return True
        if scheme == "file":
            if parts.netloc not in ("", "localhost"):
                return False
            path = Path(unquote(parts.path)).resolve()
            return any(path.is_relative_to(folder) for folder in self.folders)
        if scheme in ("http", "https"):
            origin = f"{scheme}://{parts.netloc.lower()}"
            return any(host.fullmatch(origin) for host in self.hosts)
        return False


def _folder_of_template(path: str) -> Path:
    """`/srv/tiles/{z}/{x}/{y}.png` -> /srv/tiles: the part before the first placeholder."""
    fixed = unquote(path).split("{", 1)[0]
    return Path(fixed if fixed.endswith("/") else Path(fixed).parent).resolve()


def page_access(page_dir: Path, tiles: TileProvider | None) -> PageAccess:
    """The access of a map page built in `page_dir` over `tiles` (None: no tiles)."""
    assets = local_assets()
    files = [
        urlsplit(url).path
        for _, url in (*assets.base_js, *assets.base_css, *assets.layer_js, *assets.layer_css)
        if url.startswith("file:")
    ]
    folders = {page_dir.resolve(), MAP_RESOURCES_DIR.resolve()}
    folders |= {Path(unquote(path)).resolve().parent for path in files}
    hosts: list[re.Pattern[str]] = []
    if tiles is not None:
        parts = urlsplit(tiles.url_template)
        if parts.scheme == "file":
            folders.add(_folder_of_template(parts.path))
        elif parts.scheme in ("http", "https"):
            origin = re.escape(f"{parts.scheme}://{parts.netloc.lower()}")
            hosts.append(re.compile(_TEMPLATE_FIELD.sub("[a-z0-9-]+", origin)))
    return PageAccess(tuple(sorted(folders)), tuple(hosts))
