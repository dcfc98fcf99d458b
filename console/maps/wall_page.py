"""The video wall's map page: dark, no controls, dots without any text.

It reuses the live map's pieces (local Leaflet, the offline background of ward names and the
river, the tile watch) and only swaps the layer script: paht_wall.js takes rows of
`[id, lat, lon, status, overdue]` and nothing else, so no title can ever reach the wall's map.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import astuple
from functools import cache
from pathlib import Path
from typing import Any

from console.domain.model import Status
from console.maps.assets import QWEBCHANNEL_JS, local_assets
from console.maps.page import (
    DEFAULT_TILES,
    HUE_CENTRE,
    NO_TILES_MAX_ZOOM,
    OFFLINE_FILES,
    TileProvider,
    installed_assets,
    offline_background,
    offline_layer_class,
    resource_url,
)
from console.paths import RESOURCES_DIR
from console.wall.scene import WallMarker

WALL_FILES = ("paht_wall.js", "paht_wall.css")
CACHED_PAGE_GLOB = "paht_wall-*.html"
#: The status codes the page knows; any other is sent as "other" (drawn grey).
STATUS_CODES = frozenset(s.value for s in Status)
OTHER_STATUS = "other"


@cache
def _wall_layer_class() -> Any:
    """The folium element that loads paht_wall.js/.css and starts it on the map."""
    import folium
    from jinja2 import Template

    class WallLayer(folium.elements.JSCSSMixin):
        _template = Template(
            """
            {% macro script(this, kwargs) %}
                pahtWallInit({{ this._parent.get_name() }}, {{ this.bounds }});
            {% endmacro %}
            """
        )

        def __init__(self, bounds: list[list[float]]) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "PahtWallLayer"
            self.bounds = json.dumps(bounds)
            self.default_js = [
                ("qwebchannel", QWEBCHANNEL_JS),
                ("paht_wall", resource_url("paht_wall.js")),
            ]
            self.default_css = [("paht_wall_css", resource_url("paht_wall.css"))]

    return WallLayer


def city_bounds(background: dict[str, Any]) -> list[list[float]]:
    """South-west and north-east corners around every ward of the city."""
    wards = background["wards"]
    lats = [w[1] for w in wards] or [HUE_CENTRE[0]]
    lons = [w[2] for w in wards] or [HUE_CENTRE[1]]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def wall_page(out_dir: Path, *, tiles: TileProvider | None = DEFAULT_TILES) -> Path:
    """The page for these tiles in `out_dir`, built now unless an identical one is there."""
    background = offline_background()
    inputs = {
        "tiles": None if tiles is None else astuple(tiles),
        "assets": astuple(local_assets()),
        "folium": installed_assets("folium"),
        "builder": Path(__file__).stat().st_mtime_ns,
        "background": background,
        "files": [
            (RESOURCES_DIR / "map" / n).stat().st_mtime_ns for n in (*OFFLINE_FILES, *WALL_FILES)
        ],
    }
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()[:16]
    path = out_dir / f"paht_wall-{digest}.html"
    if path.is_file():
        return path
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(_render(tiles, background), encoding="utf-8")
    for old in out_dir.glob(CACHED_PAGE_GLOB):
        old.unlink(missing_ok=True)
    os.replace(tmp, path)
    return path


def _render(tiles: TileProvider | None, background: dict[str, Any]) -> str:
    import folium

    max_zoom = tiles.max_zoom if tiles is not None else NO_TILES_MAX_ZOOM
    fmap = folium.Map(
        location=list(HUE_CENTRE),
        zoom_start=12,
        tiles=None,
        max_zoom=max_zoom,
        maxZoom=max_zoom,
        zoom_control=False,
        prefer_canvas=False,
    )
    # Instance lists shadow folium's shared class lists (which point at CDNs).
    assets = local_assets()
    fmap.default_js = [js for js in assets.base_js if js[0] == "leaflet"]
    fmap.default_css = assets.base_css
    if tiles is not None:
        folium.TileLayer(
            tiles=tiles.url_template,
            attr=tiles.attribution,
            max_zoom=tiles.max_zoom,
            name="tiles",
        ).add_to(fmap)
    fmap.add_child(offline_layer_class()(background))
    fmap.add_child(_wall_layer_class()(city_bounds(background)))
    html: str = fmap.get_root().render()
    return html


def marker_rows(markers: Iterable[WallMarker]) -> list[list[Any]]:
    """The page's rows: numbers and a status code, built field by field (never the object)."""
    return [
        [
            int(m.id),
            round(float(m.lat), 6),
            round(float(m.lon), 6),
            str(m.status) if m.status in STATUS_CODES else OTHER_STATUS,
            1 if m.overdue else 0,
        ]
        for m in markers
    ]


class WallFeed:
    """What the page has yet to take (`pahtWall.pull` asks for it through the channel): the
    markers that changed since the page last took them, the ids gone, and the ids to pulse.

    The data never goes into a script's source (V8 keeps compiled scripts: a wall that got
    2,400 sets of 650 markers as script literals grew its renderer by 250 MB), and only the
    difference crosses: a wall refreshed 1,100 times in 2 hours resent every marker each time
    and its renderer grew 5 % (`python -m benchmarks wall`)."""

    #: Pulses kept for a page that does not take them (hidden, reloading): the newest.
    MAX_PULSES = 500

    def __init__(self) -> None:
        #: The rows the page holds, by id, as of the last `take`.
        self._page: dict[int, tuple[Any, ...]] = {}
        self._want: dict[int, tuple[Any, ...]] | None = None
        self._fit = False
        self._pulse: dict[int, None] = {}

    def put_markers(self, markers: Iterable[WallMarker], *, fit: bool = False) -> None:
        self._want = {row[0]: tuple(row) for row in marker_rows(markers)}
        self._fit = self._fit or fit

    def page_reset(self) -> None:
        """A new page holds nothing: the next `take` sends every marker."""
        self._page = {}

    def put_pulse(self, ids: Iterable[int]) -> None:
        for i in ids:
            self._pulse[int(i)] = None
        while len(self._pulse) > self.MAX_PULSES:
            del self._pulse[next(iter(self._pulse))]

    def clear_pulses(self) -> None:
        self._pulse.clear()

    def take(self) -> str:
        """`{"set": [rows new or changed], "remove": [ids], "fit": bool, "pulse": [ids]}`,
        and forgets it."""
        changed: list[tuple[Any, ...]] = []
        removed: list[int] = []
        if self._want is not None:
            page = self._page
            changed = [row for key, row in self._want.items() if page.get(key) != row]
            removed = [key for key in page if key not in self._want]
            self._page, self._want = self._want, None
        payload = json.dumps(
            {"set": changed, "remove": removed, "fit": self._fit, "pulse": list(self._pulse)}
        )
        self._fit = False
        self._pulse.clear()
        return payload


def scale_script(scale: float) -> str:
    return f"pahtWall.setScale({float(scale)!r})"
