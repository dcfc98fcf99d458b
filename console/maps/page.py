"""The live map page: a folium/Leaflet shell whose markers arrive later through `window.paht`.

The page holds no report data, so it stays small and loads once; it pulls markers through
the QWebChannel bridge (`paht.pull`) and replaces them without a reload (zoom and position
survive).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from console.domain.reference import load_reference
from console.maps.assets import MAP_RESOURCES_DIR, local_assets
from console.maps.background import background_data

PAGE_NAME = "paht_map.html"
#: Cached pages are named after a hash of everything that goes into them.
CACHED_PAGE_GLOB = "paht_map-*.html"
HUE_CENTRE = (16.46, 107.59)
OFFLINE_FILES = ("paht_offline.js", "paht_offline.css")


@dataclass(frozen=True, slots=True)
class TileProvider:
    """A raster tile server; the page works (markers on grey) when it is unreachable."""

    url_template: str
    attribution: str
    max_zoom: int = 19


DEFAULT_TILES = TileProvider(
    url_template="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
    max_zoom=19,
)
#: Clustering stops at the map's maximum zoom, which must be set even without a tile layer.
NO_TILES_MAX_ZOOM = 19


@cache
def _live_layer_class() -> Any:
    """The folium element that loads our scripts; folium is imported only to build a page."""
    import folium
    from jinja2 import Template

    class LiveLayer(folium.elements.JSCSSMixin):
        """Loads the heat, bridge and point-layer scripts and starts `paht_map.js` on the map."""

        _template = Template(
            """
            {% macro script(this, kwargs) %}
                pahtInit({{ this._parent.get_name() }});
            {% endmacro %}
            """
        )

        def __init__(self, js: list[tuple[str, str]], css: list[tuple[str, str]]) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "PahtLiveLayer"
            self.default_js = js
            self.default_css = css

    return LiveLayer


@cache
def offline_layer_class() -> Any:
    """The folium element that draws the background without tiles (console.maps.background)
    and watches the tiles; folium is imported only to build a page."""
    import folium
    from jinja2 import Template

    class OfflineLayer(folium.elements.JSCSSMixin):
        _template = Template(
            """
            {% macro script(this, kwargs) %}
                pahtOfflineInit({{ this._parent.get_name() }}, {{ this.data }});
            {% endmacro %}
            """
        )

        def __init__(self, data: dict[str, object]) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "PahtOfflineLayer"
            self.data = json.dumps(data, ensure_ascii=False)
            self.default_js = [("paht_offline", resource_url("paht_offline.js"))]
            self.default_css = [("paht_offline_css", resource_url("paht_offline.css"))]

    return OfflineLayer


def resource_url(name: str) -> str:
    return (MAP_RESOURCES_DIR / name).resolve().as_uri()


def offline_background() -> dict[str, object]:
    return background_data(load_reference())


def installed_assets(package: str) -> list[Any]:
    """Where `package` is installed and when (it changes with an upgrade): what
    importlib.metadata's version would tell, without its import on the window's start."""
    spec = importlib.util.find_spec(package)
    origin = spec.origin if spec is not None else None
    return [origin, Path(origin).stat().st_mtime_ns] if origin else [None, 0]


def cached_map_page(
    out_dir: Path,
    *,
    tiles: TileProvider | None = DEFAULT_TILES,
    center: tuple[float, float] = HUE_CENTRE,
    zoom: int = 12,
) -> tuple[Path, bool]:
    """The page for these settings in `out_dir`, and whether it is already there.

    The page only depends on the tile settings, the view and the installed scripts, so one
    built at an earlier start is used again (building it imports folium: a third of a second).
    """
    assets = local_assets()
    inputs = {
        "tiles": None if tiles is None else astuple(tiles),
        "center": list(center),
        "zoom": zoom,
        "assets": astuple(assets),
        "folium": installed_assets("folium"),
        "builder": Path(__file__).stat().st_mtime_ns,
        "background": offline_background(),
        "offline": [(MAP_RESOURCES_DIR / n).stat().st_mtime_ns for n in OFFLINE_FILES],
    }
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]
    path = out_dir / f"paht_map-{digest}.html"
    return path, path.is_file()


def build_cached_map_page(
    out_dir: Path,
    *,
    tiles: TileProvider | None = DEFAULT_TILES,
    center: tuple[float, float] = HUE_CENTRE,
    zoom: int = 12,
) -> Path:
    """`cached_map_page`, built now if missing (pages for other settings are removed)."""
    path, ready = cached_map_page(out_dir, tiles=tiles, center=center, zoom=zoom)
    if ready:
        return path
    built = build_map_page(out_dir, tiles=tiles, center=center, zoom=zoom, name=path.name + ".tmp")
    for old in out_dir.glob(CACHED_PAGE_GLOB):
        old.unlink(missing_ok=True)
    os.replace(built, path)
    return path


def build_map_page(
    out_dir: Path,
    *,
    tiles: TileProvider | None = DEFAULT_TILES,
    center: tuple[float, float] = HUE_CENTRE,
    zoom: int = 12,
    name: str = PAGE_NAME,
) -> Path:
    """Writes the page into `out_dir` and returns its path (load it from file, not setHtml)."""
    import folium

    assets = local_assets()
    max_zoom = tiles.max_zoom if tiles is not None else NO_TILES_MAX_ZOOM
    fmap = folium.Map(
        location=list(center),
        zoom_start=zoom,
        tiles=None,
        max_zoom=max_zoom,
        maxZoom=max_zoom,
        control_scale=True,
    )
    # Instance lists shadow folium's shared class lists (which point at CDNs).
    fmap.default_js = assets.base_js
    fmap.default_css = assets.base_css
    if tiles is not None:
        folium.TileLayer(
            tiles=tiles.url_template,
            attr=tiles.attribution,
            max_zoom=tiles.max_zoom,
            name="tiles",
        ).add_to(fmap)
    fmap.add_child(offline_layer_class()(offline_background()))
    fmap.add_child(_live_layer_class()(assets.layer_js, assets.layer_css))
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    path.write_text(fmap.get_root().render(), encoding="utf-8")
    return path
