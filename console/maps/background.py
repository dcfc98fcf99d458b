"""A map background that needs no tile server: ward names at their centres, the Perfume
River and a graticule, so dots can be placed by eye offline (the live map when its tiles
fail, and the briefing pack's picture).

The river is a hand-drawn approximation (about 20 points from the Tuần confluence to the
Thuận An mouth), good for orientation, not for measuring.
"""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.reference import Reference

#: (lat, lon) along the Perfume River (sông Hương), upstream to the sea.
PERFUME_RIVER: tuple[tuple[float, float], ...] = (
    (16.384, 107.553),
    (16.400, 107.557),
    (16.415, 107.552),
    (16.430, 107.545),
    (16.445, 107.540),
    (16.453, 107.545),
    (16.460, 107.556),
    (16.463, 107.569),
    (16.468, 107.580),
    (16.467, 107.588),
    (16.472, 107.594),
    (16.478, 107.599),
    (16.487, 107.600),
    (16.495, 107.598),
    (16.507, 107.600),
    (16.520, 107.607),
    (16.535, 107.613),
    (16.548, 107.620),
    (16.558, 107.636),
)
RIVER_NAME = "Sông Hương"
#: The river point its name is written beside (upstream, where report dots crowd less).
RIVER_LABEL_AT = 2
#: Graticule spacing in degrees (about 5.5 km).
GRATICULE_STEP = 0.05
_PREFIXES = ("Phường ", "Xã ")


@dataclass(frozen=True, slots=True)
class WardLabel:
    name: str
    lat: float
    lon: float


def short_name(name: str) -> str:
    """ "Phường Vỹ Dạ" -> "Vỹ Dạ": on a map the kind is noise beside the name."""
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def ward_labels(reference: Reference) -> list[WardLabel]:
    """The wards and communes in force, at their (approximate) centres."""
    return [WardLabel(short_name(w.name), w.lat, w.lon) for w in reference.current_wards()]


def background_data(reference: Reference) -> dict[str, object]:
    """What the map page's offline layer draws (plain JSON)."""
    return {
        "wards": [[w.name, w.lat, w.lon] for w in ward_labels(reference)],
        "river": [list(point) for point in PERFUME_RIVER],
        "riverName": RIVER_NAME,
        "riverLabelAt": RIVER_LABEL_AT,
        "step": GRATICULE_STEP,
    }
