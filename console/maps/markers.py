"""Reports as map markers: the compact JSON the page's `paht.setMarkers` reads."""

from __future__ import annotations

import base64
import json
import math
import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Protocol

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


class Marker(Protocol):
    """What the page shows of a report: a `MarkerRow`, or a queue row's marker
    (console.maps.queue_markers)."""

    @property
    def id(self) -> int: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def status(self) -> str: ...
    @property
    def overdue(self) -> bool: ...
    @property
    def escalation_level(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...


def _shown(marker: Marker) -> tuple[Any, ...]:
    """What the page holds of a marker: two markers that agree here need not be sent again."""
    return (
        marker.id,
        marker.lat,
        marker.lon,
        marker.status,
        marker.overdue,
        marker.escalation_level,
        marker.code,
        marker.title,
    )


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


def has_place(row: Marker) -> bool:
    """A report without a usable position cannot be drawn (it stays in the list views)."""
    return math.isfinite(row.lat) and math.isfinite(row.lon) and abs(row.lat) <= 90


def encode_markers(rows: Iterable[Marker]) -> str:
    """Encodes the full set to show: `{"v":1,"s":[status],"l":[label],"f":[family],"r":[...]}`.

    Each row is `[id, lat, lon, status index, overdue 0/1, escalation level, code]`;
    statuses are indexed so 200,000 rows do not repeat the same strings. Titles stay out:
    the page asks for the few it shows (`MarkerUpdates.title`).
    """
    return _encode([row for row in rows if has_place(row)], ids=None)


#: Markers new to the page sent per payload (about 1 MB).
PART_ROWS = 20_000
#: Rows per `json.dumps` call: each call holds the GIL, and the GUI thread waits on it.
ENCODE_CHUNK = 2_000


class MarkerUpdates:
    """Encodes successive marker sets as deltas against what the page already holds.

    A filter change usually shows reports the page has seen before: only their ids travel,
    as packed 32-bit integers in base64 (64-bit floats when an id does not fit), which the
    page reads without parsing a million-number literal. A set with many markers new to the
    page is sent in parts (`encode_parts`): one script of 23 MB holds the GUI thread for a
    sixth of a second while Qt hands it to the page.
    """

    def __init__(self) -> None:
        self._known: dict[int, Marker] = {}
        #: The ids the page shows, as the payload's `ids` value.
        self._shown = _packed(array("i"))

    def reset(self) -> None:
        """The page was (re)loaded and knows nothing."""
        self._known.clear()
        self._shown = _packed(array("i"))

    def held(self, report_id: int) -> Marker | None:
        """The marker the page holds for a report (safe from any thread)."""
        return self._known.get(report_id)

    def title(self, report_id: int) -> str:
        """The title of a report the page holds, shortened for a tooltip ('' if unknown)."""
        row = self._known.get(report_id)
        return short_title(row.title) if row is not None else ""

    def encode(self, rows: Sequence[Marker]) -> str:
        """One payload for the whole change."""
        return self.encode_parts(rows, part_rows=max(len(rows), 1))[0]

    def encode_parts(self, rows: Sequence[Marker], part_rows: int = PART_ROWS) -> list[str]:
        """Payloads to apply in order; all but the last add markers while the page keeps
        showing what it showed, the last one shows `rows`."""
        try:
            ids, changed, replaced = self._scan(rows, array("i"))
        except OverflowError:
            ids, changed, replaced = self._scan(rows, array("d"))
        known = self._known
        for row in replaced:
            known[row.id] = row
        shown = _packed(ids)
        starts = range(0, len(changed), part_rows) if changed else range(1)
        parts = [
            _encode(changed[start : start + part_rows], ids=shown if last else self._shown)
            for start, last in ((s, s + part_rows >= len(changed)) for s in starts)
        ]
        self._shown = shown
        return parts

    def _scan(
        self, rows: Sequence[Marker], ids: array[Any]
    ) -> tuple[array[Any], list[Marker], list[Marker]]:
        """The ids to show (into `ids`), the rows the page does not hold as they are, and
        every row to hold in place of the one held. A row equal to the one held replaces it
        without being sent: the held one may keep an older copy of the report alive."""
        seen = self._known.get
        keep = ids.append
        changed: list[Marker] = []
        replaced: list[Marker] = []
        for row in rows:
            old = seen(row.id)
            if old is not row:
                if not has_place(row):
                    continue
                if old is None or _shown(old) != _shown(row):
                    changed.append(row)
                replaced.append(row)
            keep(row.id)
        return ids, changed, replaced


def _packed(ids: array[Any]) -> str:
    """`{"w":4,"b":"<base64>"}`: the ids as little-endian int32s (float64s: `w` is 8)."""
    if sys.byteorder == "big":
        ids = array(ids.typecode, ids)
        ids.byteswap()
    data = base64.b64encode(ids.tobytes()).decode("ascii")
    return f'{{"w":{ids.itemsize},"b":"{data}"}}'


def _encode(rows: list[Marker], ids: str | None) -> str:
    """The payload; `ids`, when given, is the packed ids to show (`_packed`)."""
    statuses: dict[str, int] = {}
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
    chunks: list[str] = []
    for start in range(0, len(rows), ENCODE_CHUNK):
        packed = [
            [
                row.id,
                round(row.lat, COORD_DECIMALS),
                round(row.lon, COORD_DECIMALS),
                statuses.setdefault(row.status, len(statuses)),
                1 if row.overdue else 0,
                row.escalation_level,
                row.code,
            ]
            for row in rows[start : start + ENCODE_CHUNK]
        ]
        chunks.append(dumps(packed)[1:-1])
    names = list(statuses)
    head = dumps(
        {
            "v": 1,
            "s": names,
            "l": [_label(name) for name in names],
            "f": [int(status_family(name)) for name in names],
        }
    )
    parts = [head[:-1], ',"r":[', ",".join(chunks), "]"]
    if ids is not None:
        parts += [',"ids":', ids]
    parts.append("}")
    return "".join(parts)


def _label(status: str) -> str:
    try:
        return STATUS_LABELS_VI[Status(status)]
    except ValueError:
        return status
