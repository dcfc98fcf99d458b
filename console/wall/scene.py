"""What the wall shows at one moment: plain values the Qt side only lays out.

Nothing in a scene is personal: titles are masked, markers carry no text at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class WallMarker:
    """One report on the wall's map: a dot coloured by status, ringed when overdue."""

    id: int
    lat: float
    lon: float
    status: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class TickerLine:
    """One thing that just happened: `kind` is received, assigned, resolved, published,
    returned or overdue; `text` is Vietnamese and masked."""

    at: datetime
    kind: str
    report_id: int
    text: str


@dataclass(frozen=True, slots=True)
class FigureSet:
    """Received, handled and how well, over a span (today, this week)."""

    received: int
    handled: int
    #: Share handled within their deadline, 0..1; None when nothing was handled.
    on_time: float | None
    #: Mean citizen rating 1..5 of what was rated; None when nothing was.
    satisfaction: float | None
    overdue: int


@dataclass(frozen=True, slots=True)
class PanelRow:
    label: str
    value: str
    #: Bar length 0..1 against the panel's largest row.
    share: float


@dataclass(frozen=True, slots=True)
class Panel:
    """One rotating panel: by ward, by category, units that improved most this month..."""

    key: str
    title: str
    rows: tuple[PanelRow, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class UnitCount:
    unit: str
    name: str
    count: int


@dataclass(frozen=True)
class WallScene:
    now: datetime
    markers: tuple[WallMarker, ...]
    today: FigureSet
    week: FigureSet
    overdue_by_unit: tuple[UnitCount, ...]
    panels: tuple[Panel, ...]
    #: Newest first.
    ticker: tuple[TickerLine, ...]
    #: Press mode: the period's story in figures (label, value) and the spotlight case.
    story: tuple[PanelRow, ...] = ()
    spotlight: Spotlight | None = None
    press: bool = False


@dataclass(frozen=True, slots=True)
class Spotlight:
    """A case the media officer picked: masked texts and photos already blurred (JPEG bytes)."""

    report_id: int
    code: str
    title: str
    lines: tuple[str, ...]
    photos: tuple[bytes, ...] = ()
    captions: tuple[str, ...] = ()
