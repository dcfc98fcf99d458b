"""Reports as map markers: the compact JSON the page's `paht.setMarkers` reads."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum

from console.domain.model import (
    FINAL_STATUSES,
    HANDLING_STATUSES,
    INTAKE_STATUSES,
    STATUS_LABELS_VI,
    Status,
)

#: Titles are shown in a tooltip; the full text stays in the report's detail panel.
TITLE_MAX_CHARS = 80
#: Five decimals is about one metre: enough to tell two reports in the same street apart.
COORD_DECIMALS = 5


class StatusFamily(IntEnum):
    """What the marker colour tells the operator: whose turn it is."""

    INTAKE = 0
    HANDLING = 1
    DONE = 2
    FINISHED = 3


def status_family(status: str) -> StatusFamily:
    try:
        known = Status(status)
    except ValueError:
        return StatusFamily.FINISHED
    if known in INTAKE_STATUSES:
        return StatusFamily.INTAKE
    if known in HANDLING_STATUSES:
        return StatusFamily.HANDLING
    if known in FINAL_STATUSES:
        return StatusFamily.FINISHED
    return StatusFamily.DONE


@dataclass(frozen=True, slots=True)
class MarkerRow:
    id: int
    lat: float
    lon: float
    status: str
    overdue: bool
    escalation_level: int
    code: str
    title: str


def short_title(title: str) -> str:
    if len(title) <= TITLE_MAX_CHARS:
        return title
    return title[: TITLE_MAX_CHARS - 1].rstrip() + "…"


def has_place(row: MarkerRow) -> bool:
    """A report without a usable position cannot be drawn (it stays in the list views)."""
    return math.isfinite(row.lat) and math.isfinite(row.lon) and abs(row.lat) <= 90


def encode_markers(rows: Iterable[MarkerRow]) -> str:
    """Encodes the full set to show: `{"v":1,"s":[status],"l":[label],"f":[family],"r":[...]}`.

    Each row is `[id, lat, lon, status index, overdue 0/1, escalation level, code, title]`;
    statuses are indexed so 200,000 rows do not repeat the same strings.
    """
    return _encode([row for row in rows if has_place(row)], ids=None)


class MarkerUpdates:
    """Encodes successive marker sets as deltas against what the page already holds.

    A filter change usually shows reports the page has seen before: only their ids travel,
    which keeps a 200,000-marker update far below the size of a full payload.
    """

    def __init__(self) -> None:
        self._known: dict[int, MarkerRow] = {}

    def reset(self) -> None:
        """The page was (re)loaded and knows nothing."""
        self._known.clear()

    def encode(self, rows: Sequence[MarkerRow]) -> str:
        known = self._known
        ids: list[int] = []
        changed: list[MarkerRow] = []
        for row in rows:
            if not has_place(row):
                continue
            ids.append(row.id)
            old = known.get(row.id)
            if old is not row and old != row:
                known[row.id] = row
                changed.append(row)
        return _encode(changed, ids=ids)


def _encode(rows: list[MarkerRow], ids: list[int] | None) -> str:
    statuses: dict[str, int] = {}
    packed = [
        [
            row.id,
            round(row.lat, COORD_DECIMALS),
            round(row.lon, COORD_DECIMALS),
            statuses.setdefault(row.status, len(statuses)),
            1 if row.overdue else 0,
            row.escalation_level,
            row.code,
            short_title(row.title),
        ]
        for row in rows
    ]
    names = list(statuses)
    payload: dict[str, object] = {
        "v": 1,
        "s": names,
        "l": [_label(name) for name in names],
        "f": [int(status_family(name)) for name in names],
        "r": packed,
    }
    if ids is not None:
        payload["ids"] = ids
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _label(status: str) -> str:
    try:
        return STATUS_LABELS_VI[Status(status)]
    except ValueError:
        return status
