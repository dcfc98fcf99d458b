"""Finding reports that describe the same problem, so an operator can merge them.

Several people often report one fallen tree or one flooded street. A candidate is a report of
the same or a related category, near in space and in time, that is still a report of its own
(not rejected, not already merged). The store pre-filters with `bbox_around` in SQL; this
module decides.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from console.domain.model import Report, Status
from console.domain.reference import Reference
from console.domain.yaml_rules import load_yaml
from console.paths import RESOURCES_DIR

EARTH_RADIUS_M = 6_371_008.8
TRIAGE_FILE = RESOURCES_DIR / "triage.yaml"


@dataclass(frozen=True, slots=True)
class TriageSettings:
    radius_m: float = 150.0
    window: timedelta = timedelta(days=7)
    limit: int = 10


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    report: Report
    distance_m: float


@dataclass(frozen=True, slots=True)
class BBox:
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


def load_triage_settings(path: Path | None = None) -> TriageSettings:
    """Duplicate radius, time window and list length from resources/triage.yaml."""
    with (path or TRIAGE_FILE).open(encoding="utf-8") as handle:
        data: Any = load_yaml(handle) or {}
    section = data.get("duplicates") or {}
    defaults = TriageSettings()
    return TriageSettings(
        radius_m=float(section.get("radius_m", defaults.radius_m)),
        window=timedelta(days=float(section.get("window_days", defaults.window.days))),
        limit=int(section.get("limit", defaults.limit)),
    )


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def bbox_around(lat: float, lon: float, radius_m: float) -> BBox:
    """A box that surely holds every point within `radius_m` (a little larger, never smaller)."""
    dlat = math.degrees(radius_m / EARTH_RADIUS_M) * 1.01
    cos_lat = max(math.cos(math.radians(min(89.0, abs(lat) + dlat))), 1e-6)
    dlon = min(180.0, dlat / cos_lat)
    return BBox(lat - dlat, lon - dlon, lat + dlat, lon + dlon)


def find_duplicate_candidates(
    report: Report,
    others: Iterable[Report],
    *,
    reference: Reference,
    radius_m: float | None = None,
    window: timedelta | None = None,
    limit: int = 10,
) -> list[DuplicateCandidate]:
    """Reports that may describe the same problem as `report`, nearest first.

    Radius and window default to resources/triage.yaml. A report without coordinates has no
    candidates (distance cannot be judged)."""
    if report.lat is None or report.lon is None:
        return []
    if radius_m is None or window is None:
        settings = load_triage_settings()
        radius_m = settings.radius_m if radius_m is None else radius_m
        window = settings.window if window is None else window
    categories = reference.related_categories(report.category)
    box = bbox_around(report.lat, report.lon, radius_m)
    found: list[tuple[float, timedelta, DuplicateCandidate]] = []
    for other in others:
        if (
            other.id == report.id
            or other.status is Status.REJECTED
            or other.duplicate_of is not None
            or other.category not in categories
            or other.lat is None
            or other.lon is None
            or not box.contains(other.lat, other.lon)
        ):
            continue
        apart = abs(other.created_at - report.created_at)
        if apart > window:
            continue
        distance = haversine_m(report.lat, report.lon, other.lat, other.lon)
        if distance <= radius_m:
            found.append((distance, apart, DuplicateCandidate(other, distance)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [candidate for _, _, candidate in found[:limit]]
