"""Local files the map page loads: Leaflet and its plugins from installed packages, never a CDN.

jQuery is folium's base requirement (its popups use `$`). Leaflet.markercluster is not
loaded: clustering is done by paht_points.js, which re-clusters 200,000 reports in
milliseconds where the plugin took seconds.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import xstatic.pkg.jquery
import xstatic.pkg.leaflet

from console.paths import RESOURCES_DIR

MAP_RESOURCES_DIR = RESOURCES_DIR / "map"
QWEBCHANNEL_JS = "qrc:///qtwebchannel/qwebchannel.js"


class MissingMapAsset(FileNotFoundError):
    """A file the offline map needs is not installed."""


@dataclass(frozen=True, slots=True)
class MapAssets:
    """`(name, url)` pairs in the order the page must load them."""

    base_js: list[tuple[str, str]]
    base_css: list[tuple[str, str]]
    layer_js: list[tuple[str, str]]
    layer_css: list[tuple[str, str]]


def _url(path: Path) -> str:
    if not path.is_file():
        raise MissingMapAsset(f"Thiếu tệp bản đồ {path}: cài lại gói chứa tệp này.")
    return path.resolve().as_uri()


def _folium_dir() -> Path:
    """Where folium is installed, found without importing it (a third of a second)."""
    spec = importlib.util.find_spec("folium")
    if spec is None or spec.origin is None:
        raise MissingMapAsset("Thiếu gói folium: cài lại phần mềm.")
    return Path(spec.origin).parent


def local_assets() -> MapAssets:
    """Builds the asset lists fresh on every call so no caller can mutate another's."""
    leaflet = Path(xstatic.pkg.leaflet.BASE_DIR)
    jquery = Path(xstatic.pkg.jquery.BASE_DIR)
    heat = _folium_dir() / "templates" / "leaflet_heat.min.js"
    return MapAssets(
        base_js=[
            ("leaflet", _url(leaflet / "leaflet.js")),
            ("jquery", _url(jquery / "jquery.min.js")),
        ],
        base_css=[("leaflet_css", _url(leaflet / "leaflet.css"))],
        layer_js=[
            ("leaflet_heat", _url(heat)),
            ("qwebchannel", QWEBCHANNEL_JS),
            ("paht_points", _url(MAP_RESOURCES_DIR / "paht_points.js")),
            ("paht_map", _url(MAP_RESOURCES_DIR / "paht_map.js")),
        ],
        layer_css=[
            ("paht_map_css", _url(MAP_RESOURCES_DIR / "paht_map.css")),
        ],
    )
