"""Finding reports that describe the same problem, so an operator can merge them.

Several people often report one fallen tree or one flooded street. A candidate is a report of
the same or a related category, inside the search radius and the time window, that is still a
report of its own (not rejected, not already merged), and whose text tells of the same
problem (console.domain.similarity):

- within `near_m`, the two texts must share enough problem terms (`NEAR_LIKENESS`, a little
  more for a related category, for reports days apart, and for texts naming different
  places): a dead bird and a run-down park 60 m apart in one park are two reports;
- farther out, up to `radius_m`, only a report naming the same place (a flooded street, a
  dark lane reported at both ends) with closely matching words (`FAR_LIKENESS`) is one.

Candidates come best first. The store pre-filters with `bbox_around` in SQL; this module
decides. The thresholds were set on the labelled pairs in tests/console/duplicate_pairs.py.
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
from console.domain.similarity import likeness, terms
from console.domain.yaml_rules import load_yaml
from console.paths import RESOURCES_DIR

EARTH_RADIUS_M = 6_371_008.8
TRIAGE_FILE = RESOURCES_DIR / "triage.yaml"
NEAR_LIKENESS = 0.2
RELATED_EXTRA = 0.03
LATE_EXTRA = 0.05
OTHER_PLACE_EXTRA = 0.2
FAR_LIKENESS = 0.3
SAME_PLACE = 0.6


@dataclass(frozen=True, slots=True)
class TriageSettings:
    radius_m: float = 500.0
    near_m: float = 150.0
    window: timedelta = timedelta(days=7)
    limit: int = 10


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    report: Report
    distance_m: float
    likeness: float = 1.0


@dataclass(frozen=True, slots=True)
class BBox:
    min_lat: float
    min_lon: float
    max_lat: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


def load_triage_settings(path: Path | None = None) -> TriageSettings:
    """Duplicate radii, time window and list length from console/resources/triage.yaml."""
    with (path or TRIAGE_FILE).open(encoding="utf-8") as handle:
        data: Any = load_yaml(handle) or {}
    section = data.get("duplicates") or {}
    defaults = TriageSettings()
    return TriageSettings(
        radius_m=float(section.get("radius_m", defaults.radius_m)),
        near_m=float(section.get("near_m", defaults.near_m)),
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


def _text(report: Report) -> str:
    return f"{report.title}.\n{report.description}"


def same_problem(
    report: Report,
    other: Report,
    distance_m: float,
    apart: timedelta,
    *,
    related_only: bool,
    near_m: float,
    window: timedelta,
) -> float | None:
    """How alike the two texts are (0-1) when they tell of the same problem, else None."""
    problem, place = likeness(terms(_text(report)), terms(_text(other)))
    if distance_m > near_m:
        return problem if place >= SAME_PLACE and problem >= FAR_LIKENESS else None
    needed = NEAR_LIKENESS + LATE_EXTRA * min(1.0, apart / window)
    if related_only:
        needed += RELATED_EXTRA
    if place == 0.0:
        needed += OTHER_PLACE_EXTRA
    return problem if problem >= needed else None


def find_duplicate_candidates(
    report: Report,
    others: Iterable[Report],
    *,
    reference: Reference,
    radius_m: float | None = None,
    window: timedelta | None = None,
    limit: int = 10,
    near_m: float | None = None,
) -> list[DuplicateCandidate]:
    """Reports that may describe the same problem as `report`, most alike (then nearest)
    first.

    Radii and window default to console/resources/triage.yaml. A report without coordinates has no
    candidates (distance cannot be judged)."""
    if report.lat is None or report.lon is None:
        return []
    if radius_m is None or window is None or near_m is None:
        settings = load_triage_settings()
        radius_m = settings.radius_m if radius_m is None else radius_m
        window = settings.window if window is None else window
        near_m = settings.near_m if near_m is None else near_m
    categories = reference.related_categories(report.category)
    box = bbox_around(report.lat, report.lon, radius_m)
    found: list[tuple[float, float, DuplicateCandidate]] = []
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
        if distance > radius_m:
            continue
        alike = same_problem(
            report,
            other,
            distance,
            apart,
            related_only=other.category != report.category,
            near_m=near_m,
            window=window,
        )
        if alike is not None:
            found.append((-round(alike, 2), distance, DuplicateCandidate(other, distance, alike)))
    found.sort(key=lambda item: (item[0], item[1]))
    return [candidate for _, _, candidate in found[:limit]]
