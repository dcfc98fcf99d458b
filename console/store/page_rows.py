"""A page of wire records straight to cache rows: one pass, no Report objects on the way.

The initial sync stores a million records, and building a Report per record only to turn it
back into a row cost more than the rest of the page apply. A record of the usual shape (what
the central API sends: known codes, finite coordinates, times as "...Z") is checked here
against the rules of console.domain.wire, each check as strict as the one there or stricter;
any other record goes through report_from_json, which either accepts it (its row is then
built from the Report) or gives the reason it is quarantined. The rows are stored with the
driver's executemany (UPSERT_SQL), as tuples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.dialects.sqlite import dialect, insert

from console.domain.model import Status, Urgency
from console.domain.wire import InvalidRecord, report_from_json
from console.store.records import ROW_COLUMNS, Row, encode_record, report_row, search_key_of
from console.store.schema import CachedReport

_REPORTS = cast(Table, CachedReport.__table__)
_STATUSES = frozenset(s.value for s in Status)
_URGENCIES = frozenset(u.value for u in Urgency)
#: A UTC time the way the central API writes one, whole seconds or microseconds.
_UTC_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?Z"
).fullmatch
_iso = datetime.fromisoformat


def _upsert_statement(*, newer_only: bool = True) -> Any:
    stmt = insert(_REPORTS)
    changed = {col.name: stmt.excluded[col.name] for col in _REPORTS.columns if col.name != "id"}
    return stmt.on_conflict_do_update(
        index_elements=[_REPORTS.c.id],
        set_=changed,
        where=_REPORTS.c.version <= stmt.excluded.version if newer_only else None,
    )


def _driver_sql(stmt: Any) -> tuple[str, Any]:
    """The statement's SQL for the driver's executemany, and what puts a row (ROW_COLUMNS,
    then rev) in the order of its parameters."""
    compiled = stmt.compile(dialect=dialect())
    names = (*ROW_COLUMNS, "rev")
    return str(compiled), itemgetter(*(names.index(n) for n in compiled.positiontup))


UPSERT_SQL, in_sql_order = _driver_sql(_upsert_statement())
#: During a rebuild the server's version wins even when it is older than the cached one.
REPLACE_SQL, _ = _driver_sql(_upsert_statement(newer_only=False))


class _Unusual(Exception):
    """The record is not of the usual shape: report_from_json decides."""


@dataclass
class PageRows:
    """`rows` in ROW_COLUMNS order, `ids` theirs; `bad`: records with why they are
    quarantined; `newest`: the latest updated_at stamp among the rows."""

    rows: list[Row] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    bad: list[tuple[Any, str]] = field(default_factory=list)
    newest: str | None = None


def page_rows(items: list[Any]) -> PageRows:
    """Validate every record of a page and build the rows of the valid ones."""
    out = PageRows()
    for item in items:
        try:
            row = _usual_row(item)
        except _Unusual:
            try:
                row = report_row(report_from_json(item), item)
            except InvalidRecord as exc:
                out.bad.append((item, str(exc)))
                continue
            except (TypeError, ValueError, AttributeError) as exc:
                out.bad.append((item, f"record: {type(exc).__name__}: {exc}"))
                continue
        out.rows.append(row)
        out.ids.append(row[0])
        if out.newest is None or row[3] > out.newest:
            out.newest = row[3]
    return out


def _stamp(raw: Any) -> str:
    """The stored stamp of a "...Z" time, checked as a real date and time."""
    if type(raw) is not str or _UTC_TIME(raw) is None:
        raise _Unusual
    try:
        _iso(raw[:-1])
    except ValueError:
        raise _Unusual from None
    return raw if len(raw) == 27 else f"{raw[:19]}.000000Z"


def _optional_stamp(raw: Any) -> str | None:
    return None if raw is None else _stamp(raw)


def _text(raw: Any, limit: int) -> str:
    if type(raw) is not str or len(raw) > limit:
        raise _Unusual
    return raw


def _optional_text(raw: Any, limit: int = 200_000) -> str:
    return "" if raw is None else _text(raw, limit)


def _int(raw: Any, low: int, high: int | None = None) -> int:
    if type(raw) is not int or raw < low or (high is not None and raw > high):
        raise _Unusual
    return raw


def _optional_int(raw: Any, low: int, high: int) -> int | None:
    return None if raw is None else _int(raw, low, high)


def _coordinate(raw: Any, limit: float) -> float | None:
    if raw is None:
        return None
    if type(raw) is not float or not -limit <= raw <= limit:  # NaN fails the range too
        raise _Unusual
    return raw


def _usual_row(item: Any) -> Row:
    if type(item) is not dict:
        raise _Unusual
    get = item.get
    status, urgency = get("status"), get("urgency")
    if type(status) is not str or status not in _STATUSES:
        raise _Unusual
    if urgency is None:
        urgency = "normal"
    elif type(urgency) is not str or urgency not in _URGENCIES:
        raise _Unusual
    media = get("media")
    if media is not None:
        if type(media) is not list:
            raise _Unusual
        for one in media:
            if type(one) is not dict or type(one.get("url")) is not str:
                raise _Unusual
    reporter = get("reporter")
    if reporter is not None and type(reporter) is not dict:
        raise _Unusual
    escalation, merged = get("escalation_level", 0), get("merged_count", 0)
    duplicate_of = get("duplicate_of")
    if duplicate_of is not None and type(duplicate_of) is not int:
        raise _Unusual
    for name in ("escalated_at", "resolved_at", "extension_deadline"):
        _optional_stamp(get(name))
    for name in ("result_text", "extension_reason"):
        _optional_text(get(name))
    views = get("views", 0)
    if views is not None and type(views) is not int:
        raise _Unusual
    _optional_text(get("channel"), 64)
    code, title = _text(get("code"), 64), _text(get("title"), 2_000)
    description, address = _optional_text(get("description")), _optional_text(get("address"), 2_000)
    unit = get("unit")
    return (
        _int(get("id"), 1),
        code,
        _stamp(get("created_at")),
        _stamp(get("updated_at")),
        _text(get("category"), 64),
        _optional_text(get("ward"), 64),
        title,
        status,
        unit if type(unit) is str else None,
        _optional_stamp(get("deadline")),
        urgency,
        0 if escalation is None else _int(escalation, 0, 3),
        _coordinate(get("lat"), 90.0),
        _coordinate(get("lon"), 180.0),
        duplicate_of,
        0 if merged is None else _int(merged, -(2**63)),
        _optional_int(get("rating"), 1, 5),
        _int(get("version", 1), 1),
        search_key_of(code, title, description, address),
        encode_record(item),
    )
