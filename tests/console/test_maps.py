"""The map page and marker payloads, without Qt: offline assets and compact, safe data."""

from __future__ import annotations

import base64
import json
import re
from array import array
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import folium

from console.maps.markers import (
    TITLE_MAX_CHARS,
    MarkerRow,
    MarkerUpdates,
    StatusFamily,
    encode_markers,
)
from console.maps.page import TileProvider, build_map_page


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href"}.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


def page_urls(path: Path) -> list[str]:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.urls


def row(report_id: int, **changes: object) -> MarkerRow:
    values: dict[str, object] = {
        "id": report_id,
        "lat": 16.4637123456,
        "lon": 107.5908654321,
        "status": "in_progress",
        "overdue": False,
        "escalation_level": 0,
        "code": f"PA-{report_id}",
        "title": "Đèn đường hỏng",
    }
    values.update(changes)
    return MarkerRow(**values)  # type: ignore[arg-type]


def test_page_loads_every_script_and_style_from_local_files(tmp_path: Path) -> None:
    path = build_map_page(tmp_path)
    urls = page_urls(path)
    assert any(url.endswith("leaflet.js") for url in urls)
    assert "qrc:///qtwebchannel/qwebchannel.js" in urls
    for url in urls:
        parsed = urlparse(url)
        assert parsed.scheme in {"file", "qrc"}, url
        if parsed.scheme == "file":
            assert Path(url2pathname(parsed.path)).is_file(), url
    assert not re.search(r"""(src|href)=["']https?:""", path.read_text(encoding="utf-8"))


def test_building_a_page_leaves_folium_defaults_alone(tmp_path: Path) -> None:
    js_before = [list(pair) for pair in folium.Map.default_js]
    css_before = [list(pair) for pair in folium.Map.default_css]
    build_map_page(tmp_path)
    assert [list(pair) for pair in folium.Map.default_js] == js_before
    assert [list(pair) for pair in folium.Map.default_css] == css_before


def test_tile_server_is_configurable_and_optional(tmp_path: Path) -> None:
    tiles = TileProvider("http://127.0.0.1:9/t/{z}/{x}/{y}.png", "Bản đồ nội bộ", 17)
    html = build_map_page(tmp_path / "a", tiles=tiles, center=(16.0, 108.0), zoom=9).read_text(
        encoding="utf-8"
    )
    assert "http://127.0.0.1:9/t/{z}/{x}/{y}.png" in html
    assert '"maxZoom": 17' in html
    assert "[16.0, 108.0]" in html

    bare = build_map_page(tmp_path / "b", tiles=None).read_text(encoding="utf-8")
    assert "L.tileLayer" not in bare
    assert '"maxZoom": 19' in bare  # clusters need a maximum zoom even without tiles


def test_markers_are_compact_rows_with_shared_status_tables() -> None:
    long_title = "Cây xanh ngã đổ chắn ngang đường " * 10
    rows = [
        row(1, status="new", overdue=True, escalation_level=2),
        row(2, status="resolved", title=long_title),
        row(3, status="new"),
        row(4, status="rejected"),
    ]
    payload = json.loads(encode_markers(rows))
    assert payload["s"] == ["new", "resolved", "rejected"]
    assert payload["l"] == ["Chờ tiếp nhận", "Đã xử lý", "Không tiếp nhận"]
    assert payload["f"] == [StatusFamily.INTAKE, StatusFamily.DONE, StatusFamily.FINISHED]
    assert payload["r"][0] == [1, 16.46371, 107.59087, 0, 1, 2, "PA-1"]
    assert "ids" not in payload


def test_titles_stay_out_of_payloads_and_are_given_shortened() -> None:
    updates = MarkerUpdates()
    long_title = "Cây xanh ngã đổ chắn ngang đường " * 10
    payload = updates.encode([row(1), row(2, title=long_title)])
    assert "Đèn đường hỏng" not in payload
    assert updates.title(1) == "Đèn đường hỏng"
    assert len(updates.title(2)) <= TITLE_MAX_CHARS
    assert updates.title(2).endswith("…")
    assert updates.title(3) == ""


def test_reports_without_a_usable_place_are_left_off_the_map() -> None:
    rows = [row(1), row(2, lat=float("nan")), row(3, lon=float("inf")), row(4, lat=123.0)]
    assert [r[0] for r in json.loads(encode_markers(rows))["r"]] == [1]


def test_updates_send_only_new_or_changed_reports() -> None:
    updates = MarkerUpdates()
    rows = [row(i) for i in range(1, 6)]
    first = json.loads(updates.encode(rows))
    assert [r[0] for r in first["r"]] == [1, 2, 3, 4, 5]
    assert unpacked(first["ids"]) == [1, 2, 3, 4, 5]

    narrowed = json.loads(updates.encode([row(2), row(4, status="resolved")]))
    assert unpacked(narrowed["ids"]) == [2, 4]
    assert [r[0] for r in narrowed["r"]] == [4]
    assert narrowed["s"] == ["resolved"]

    updates.reset()
    assert [r[0] for r in json.loads(updates.encode(rows[:2]))["r"]] == [1, 2]


def unpacked(ids: dict[str, Any]) -> list[int]:
    data = base64.b64decode(ids["b"])
    return [int(v) for v in array("i" if ids["w"] == 4 else "d", data)]


def test_ids_too_big_for_32_bits_travel_as_floats() -> None:
    updates = MarkerUpdates()
    big = 2**40 + 3
    payload = json.loads(updates.encode([row(1), row(big)]))
    assert payload["ids"]["w"] == 8
    assert unpacked(payload["ids"]) == [1, big]


def test_report_text_travels_as_json_data() -> None:
    evil = '</script><img src=x onerror="window.__pwned=1">'
    payload = encode_markers([row(1, code=evil)])
    assert json.loads(payload)["r"][0][6] == evil
