"""A large demo city into an empty PostgreSQL database in minutes.

Generating the reports costs more than storing them, so a child process generates them
while this process turns each chunk into COPY text, numbers and copies it; the
secondary indexes are dropped for the load and built once at the end (a sort is far cheaper
than a million index insertions), then the tables are analysed. The child runs the same
generator in the same order, so the same seed gives the same reports as the in-process path.
"""

from __future__ import annotations

import marshal
import multiprocessing
import queue
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Table, text

from console.central.db import next_seq, write_transaction
from console.central.seed_rows import (
    CHUNK,
    EVENT_COLUMNS,
    EVENTS,
    REPORT_COLUMNS,
    REPORTS,
    chunks,
    event_row,
    naive_time,
    report_row,
)

Progress = Callable[[int], None]
_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


def _pg_time(value: str | None) -> str | None:
    """A wire time as text for a naive-UTC column: PostgreSQL drops the zone of a
    `timestamp without time zone` literal, which is right exactly when the zone is Z."""
    if value is None or value == "":
        return None
    if value.endswith("Z"):
        return value
    naive = naive_time(value)
    return None if naive is None else naive.isoformat()


def _line(row: Iterable[Any]) -> str:
    """One COPY text line (no newline): fields joined by \x01 and None as \x02 while the
    whole line is escaped at C speed, then those two become the tab and \\N."""
    joined = "\x01".join(
        [
            v
            if type(v) is str
            else "\x02"
            if v is None
            else ("t" if v else "f")
            if v is True or v is False
            else repr(v)
            for v in row
        ]
    )
    for plain, escaped in _ESCAPES:
        joined = joined.replace(plain, escaped)
    return joined.replace("\x01", "\t").replace("\x02", "\\N")


def copy_text(records: list[dict[str, Any]]) -> tuple[int, list[str], str]:
    """(count, report lines without their seq, events as COPY text) for one chunk."""
    reports: list[str] = []
    events: list[str] = []
    for record in records:
        reports.append(_line(report_row(record, _pg_time)))
        for event in record.get("events") or ():
            events.append(_line(event_row(event, _pg_time)) + "\n")
    return len(reports), reports, "".join(events)


def _generate(count: int, seed: int, now: datetime, out: Any) -> None:
    """The child: every chunk of generated reports marshalled (several times cheaper than
    pickle for plain dicts), then None (or the error's text)."""
    from console.central.demo.generate import generate_reports

    try:
        for chunk in chunks(generate_reports(count, seed=seed, now=now), CHUNK):
            out.put(marshal.dumps(chunk))
        out.put(None)
    except BaseException as exc:
        out.put(f"{type(exc).__name__}: {exc}")
        raise


def _from_child(count: int, seed: int, now: datetime) -> Iterator[tuple[int, list[str], str]]:
    """The child's chunks as COPY text, made here while it generates the next ones."""
    context = multiprocessing.get_context("spawn")
    chunks = context.Queue(maxsize=4)
    child = context.Process(target=_generate, args=(count, seed, now, chunks), daemon=True)
    child.start()
    try:
        while True:
            try:
                item = chunks.get(timeout=1.0)
            except queue.Empty:
                if child.is_alive():
                    continue
                raise RuntimeError(f"the demo generator died (exit {child.exitcode})") from None
            if item is None:
                return
            if isinstance(item, str):
                raise RuntimeError(f"the demo generator failed: {item}")
            yield copy_text(marshal.loads(item))
    finally:
        if child.is_alive():
            child.kill()
        child.join()


def _secondary(table: Table) -> list[Any]:
    return sorted((i for i in table.indexes if not i.unique), key=lambda i: str(i.name))


@contextmanager
def indexes_dropped(engine: Engine) -> Iterator[None]:
    """The reports' and events' non-unique indexes dropped, rebuilt after (also on failure)."""
    indexes = _secondary(REPORTS) + _secondary(EVENTS)
    with engine.begin() as conn:
        for index in indexes:
            conn.execute(text(f'DROP INDEX IF EXISTS "{index.name}"'))
    try:
        yield
    finally:
        with engine.begin() as conn:
            for index in indexes:
                index.create(conn, checkfirst=True)


def copy_chunks(
    engine: Engine, chunks: Iterable[tuple[int, list[str], str]], progress: Progress | None
) -> int:
    """COPY each chunk in its own transaction, numbering its reports from the change counter."""
    report_names = ", ".join(("seq", *REPORT_COLUMNS[:-1]))
    event_names = ", ".join(EVENT_COLUMNS)
    inserted = 0
    for count, reports, events in chunks:
        with write_transaction(engine) as conn:
            first = next_seq(conn, count)
            lines = "".join(f"{first + n}\t{line}\n" for n, line in enumerate(reports))
            raw = conn.connection.driver_connection
            assert raw is not None
            with raw.cursor() as cursor:
                with cursor.copy(f"COPY {REPORTS.name} ({report_names}) FROM STDIN") as copy:
                    copy.write(lines)
                with cursor.copy(f"COPY {EVENTS.name} ({event_names}) FROM STDIN") as copy:
                    copy.write(events)
        inserted += count
        if progress is not None:
            progress(inserted)
    return inserted


def seed_postgres(
    engine: Engine, count: int, seed: int, now: datetime, progress: Progress | None = None
) -> int:
    """Fill an EMPTY PostgreSQL database with `count` demo reports (generated in a child)."""
    with indexes_dropped(engine):
        inserted = copy_chunks(engine, _from_child(count, seed, now), progress)
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(
            text(f"ANALYZE {REPORTS.name}, {EVENTS.name}")
        )
    return inserted
