"""Benchmark data: the demo central database and the demo cache, built or checked by content.

Every benchmark generates its data from pinned parameters (count, seed, NOW) and keeps it
under /tmp/paht-bench-data in a folder named by a digest of those parameters and of a schema
tag (the tables and columns of both schemas, and the source of the code that generates and
stores the data). Beside the data a manifest holds the parameters and a content hash of the
reports (ids, versions, update times and statuses, queried from the data). A copy
is reused only when the manifest's parameters are the ones asked for and the hash computed
again from the data equals the manifest's; otherwise it is deleted and built again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

#: The moment the demo data is generated at, for every benchmark (never the real clock).
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SEED = 7
ROOT = Path(os.environ.get("PAHT_BENCH_DATA", "/tmp/paht-bench-data"))
BATCH = 5_000
REPO = Path(__file__).resolve().parent.parent
#: The code whose change changes the data generated or how it is stored.
_SOURCES = (
    "console/central/demo",
    "console/central/seed.py",
    "console/central/seed_rows.py",
    "console/central/db.py",
    "console/domain/wire.py",
    "console/domain/text.py",
    "console/store/records.py",
    "console/store/page_rows.py",
    "console/store/cache.py",
    "console/store/schema.py",
)
_CONTENT_SQL = "SELECT id, version, updated_at, status FROM reports ORDER BY id"


def schema_tag() -> str:
    """A digest of both schemas' tables and columns and of the generating/storing code."""
    from console.central.db import Base
    from console.store.schema import CacheBase

    digest = hashlib.sha256()
    for metadata in (Base.metadata, CacheBase.metadata):
        shape = sorted((t.name, tuple(c.name for c in t.columns)) for t in metadata.tables.values())
        digest.update(repr(shape).encode())
    for name in _SOURCES:
        path = REPO / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(REPO).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def content_hash(db_path: Path) -> tuple[int, str]:
    """(report count, sha256 over every report's id, version, updated_at and status), read
    from the file itself (read-only)."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        count = 0
        for row in conn.execute(_CONTENT_SQL):
            digest.update(repr(row).encode())
            count += 1
    finally:
        conn.close()
    return count, digest.hexdigest()


@dataclass(frozen=True)
class Dataset:
    """Data built from `params`; `path` is the SQLite file, `folder` what holds it."""

    kind: str
    folder: Path
    path: Path
    params: dict[str, Any]
    count: int
    content: str
    build_seconds: float
    reused: bool

    def describe(self) -> dict[str, Any]:
        return {
            "data": self.kind,
            "data_digest": self.folder.name.rsplit("-", 1)[-1],
            "data_reused": self.reused,
            "data_build_seconds": round(self.build_seconds, 1),
        }


def _params(kind: str, count: int, seed: int, now: datetime) -> dict[str, Any]:
    return {
        "kind": kind,
        "count": count,
        "seed": seed,
        "now": now.astimezone(UTC).isoformat(),
        "schema": schema_tag(),
    }


def _prepare(kind: str, count: int, seed: int, now: datetime, file: str, build: Any) -> Dataset:
    params = _params(kind, count, seed, now)
    key = hashlib.sha256(json.dumps(params, sort_keys=True).encode()).hexdigest()[:12]
    folder = ROOT / f"{kind}-{count}-{key}"
    path, manifest = folder / file, folder / "manifest.json"
    started = time.perf_counter()
    if path.exists() and manifest.exists():
        try:
            noted = json.loads(manifest.read_text("utf-8"))
            found_count, found = content_hash(path)
        except (OSError, ValueError, sqlite3.Error):
            noted, found_count, found = {}, -1, ""
        same = noted.get("params") == params and noted.get("content") == found
        if same and found_count == count:
            seconds = time.perf_counter() - started
            return Dataset(kind, folder, path, params, count, found, seconds, True)
        print(f"benchmark data {folder} does not match its manifest: rebuilding", file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"building {kind} of {count} demo reports in {folder}...", file=sys.stderr)
    build(path, count, seed, now)
    found_count, found = content_hash(path)
    if found_count != count:
        raise RuntimeError(f"{kind}: built {found_count} reports, expected {count}")
    manifest.write_text(json.dumps({"params": params, "content": found}, indent=1), "utf-8")
    seconds = time.perf_counter() - started
    return Dataset(kind, folder, path, params, count, found, seconds, False)


def _build_central(path: Path, count: int, seed: int, now: datetime) -> None:
    from console.central.seed import seed_demo

    seed_demo(f"sqlite:///{path}", count, seed=seed, now=now)


def _build_cache(path: Path, count: int, seed: int, now: datetime) -> None:
    from console.central.demo.generate import generate_reports
    from console.domain.wire import report_from_json
    from console.store import open_cache

    cache = open_cache(path.parent)
    if cache.path != path:
        raise RuntimeError(f"the cache opened at {cache.path}, not {path}")
    try:
        batch = []
        for raw in generate_reports(count, seed=seed, now=now):
            raw.pop("events", None)
            batch.append(report_from_json(raw))
            if len(batch) >= BATCH:
                cache.upsert_reports(batch)
                batch = []
        if batch:
            cache.upsert_reports(batch)
    finally:
        cache.close()


def central(count: int, *, seed: int = SEED, now: datetime = NOW) -> Dataset:
    """The central API's demo database with `count` reports (a SQLite file)."""
    return _prepare("central", count, seed, now, "central.sqlite3", _build_central)


def cache(count: int, *, seed: int = SEED, now: datetime = NOW) -> Dataset:
    """A console cache (`folder` is its data dir) holding `count` demo reports."""
    from console.store.reference_copy import CACHE_FILE

    return _prepare("cache", count, seed, now, CACHE_FILE, _build_cache)
