"""The ticker's lines: what just happened to a report, in one masked Vietnamese line."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from console.domain.model import Status
from console.domain.reference import Reference
from console.exports.briefing.redaction import redact_text
from console.wall.rows import WallRow
from console.wall.scene import TickerLine

#: The wall's lines are read from afar: one line each.
LINE_CHARS = 70
TICKER_LINES = 12
ELLIPSIS = "…"

#: The status a report enters -> the kind of line it makes.
_KINDS: dict[str, str] = {
    Status.NEW.value: "received",
    Status.ASSIGNED.value: "assigned",
    Status.RESOLVED.value: "resolved",
    Status.PUBLISHED.value: "published",
    Status.RETURNED.value: "returned",
}


def masked_title(row: WallRow, room: int) -> str:
    """The title with phones, e-mails, plates and the reporter's name hidden, cut to `room`."""
    text = " ".join(redact_text(row.title, [row.reporter_name]).split())
    if len(text) <= room:
        return text
    return text[: max(1, room - 1)].rstrip() + ELLIPSIS


def _fit(template: str, row: WallRow) -> str:
    room = max(20, LINE_CHARS - len(template) + len("{t}"))
    return template.replace("{t}", masked_title(row, room))


def _unit(row: WallRow, reference: Reference) -> str:
    return reference.unit_name(row.unit) if row.unit else "đơn vị"


def line(kind: str, row: WallRow, reference: Reference, at: datetime) -> TickerLine:
    unit = _unit(row, reference)
    if kind == "received":
        template = "{t} — " + reference.ward_name(row.ward)
    elif kind == "assigned":
        template = f"{{t}} → {unit}"
    elif kind in ("resolved", "returned") and row.unit:
        template = f"{unit}: {{t}}"
    elif kind == "overdue":
        template = f"{{t}} — {unit}"
    else:
        template = "{t}"
    return TickerLine(at=at, kind=kind, report_id=row.id, text=_fit(template, row))


def status_kind(status: str) -> str | None:
    return _KINDS.get(status)


def seed(rows: Iterable[WallRow], day_start: datetime, reference: Reference) -> list[TickerLine]:
    """The wall has just started: today's reports by their last update, as they are now."""
    lines = []
    for row in rows:
        if row.updated_at < day_start:
            continue
        kind = status_kind(row.status)
        if kind is None and row.status == Status.ACCEPTED:
            kind = "received"
        if kind is not None:
            lines.append(line(kind, row, reference, row.updated_at))
    return newest(lines)


def change(
    before: WallRow | None, after: WallRow, day_start: datetime, reference: Reference
) -> TickerLine | None:
    """The line a changed row makes: new to the wall and filed today -> received; a status
    it entered -> that status's line; anything else (an edit, an escalation) -> none."""
    if before is None and after.created_at >= day_start:
        return line("received", after, reference, after.created_at)
    if before is not None and before.status == after.status:
        return None
    kind = status_kind(after.status)
    if kind is None or kind == "received":
        return None
    return line(kind, after, reference, after.updated_at)


def newest(lines: Iterable[TickerLine]) -> list[TickerLine]:
    return sorted(lines, key=lambda t: (t.at, t.report_id), reverse=True)[:TICKER_LINES]
