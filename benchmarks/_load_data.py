"""central_load's PostgreSQL data: a seeded database built once, copied fresh for every run.

`paht_bench_<N>_seed` is filled by the demo-data path (console.central.seed, pinned count,
seed and NOW) and stamped with a manifest row (those parameters, the schema tag of
benchmarks._data and a digest of console/central/seed_pg.py) and a fingerprint of its
reports (count, top seq, an md5 over every report's id, version, status and update time). It is reused only when both match what is
asked for and what is found; each run then gets `paht_bench_<N>_run`, created from it as a
template (a file copy, seconds), so what the previous run changed is gone.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from typing import Any

import psycopg

from benchmarks._data import NOW, REPO, SEED, schema_tag

ADMIN_URL = os.environ.get(
    "PAHT_TEST_PG_URL", "postgresql+psycopg://paht:paht@127.0.0.1:5432/paht_test"
)
_FINGERPRINT = (
    "SELECT count(*), coalesce(max(seq), 0), md5(coalesce(string_agg("
    "id || ':' || version || ':' || status || ':' || updated_at, ',' ORDER BY id), '')) "
    "FROM reports"
)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _url_of(name: str) -> str:
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


@dataclass(frozen=True)
class LoadData:
    url: str
    reports: int
    top_seq: int
    build_seconds: float
    reused: bool

    def describe(self) -> dict[str, Any]:
        return {
            "data_reports": self.reports,
            "data_reused": self.reused,
            "data_build_seconds": round(self.build_seconds, 1),
        }


def _admin(statement: str) -> None:
    with psycopg.connect(_libpq(ADMIN_URL), autocommit=True) as conn:
        conn.execute(statement)


def _found(name: str) -> tuple[dict[str, Any], tuple[int, int, str]] | None:
    try:
        with psycopg.connect(_libpq(_url_of(name))) as conn:
            row = conn.execute("SELECT params, content FROM bench_manifest").fetchone()
            found = conn.execute(_FINGERPRINT).fetchone()
    except psycopg.Error:
        return None
    if row is None or found is None:
        return None
    return {"params": json.loads(row[0]), "content": row[1]}, tuple(found)  # type: ignore[return-value]


def _build(name: str, count: int, params: dict[str, Any]) -> tuple[int, int, str]:
    from console.central.seed import seed_demo
    from console.cli_demo import progress_printer

    _admin(f"DROP DATABASE IF EXISTS {name}")
    _admin(f"CREATE DATABASE {name}")
    print(f"building {name}: {count:,} demo reports on PostgreSQL...", file=sys.stderr)
    seed_demo(_url_of(name), count, seed=SEED, now=NOW, progress=progress_printer(count))
    with psycopg.connect(_libpq(_url_of(name))) as conn:
        found = conn.execute(_FINGERPRINT).fetchone()
        assert found is not None
        conn.execute("CREATE TABLE bench_manifest (params text, content text)")
        conn.execute(
            "INSERT INTO bench_manifest VALUES (%s, %s)", (json.dumps(params), json.dumps(found))
        )
    return tuple(found)  # type: ignore[return-value]


def prepare(count: int) -> LoadData:
    """A fresh run database copied from the seeded one (built first if missing or stale)."""
    seed_name, run_name = f"paht_bench_{count}_seed", f"paht_bench_{count}_run"
    bulk = hashlib.sha256((REPO / "console/central/seed_pg.py").read_bytes()).hexdigest()[:12]
    params = {"count": count, "seed": SEED, "now": NOW.isoformat(), "schema": schema_tag()}
    params["bulk"] = bulk
    started = time.perf_counter()
    seen = _found(seed_name)
    reused = False
    if seen is not None:
        manifest, found = seen
        reused = (
            manifest["params"] == params
            and json.loads(manifest["content"]) == list(found)
            and found[0] == count
        )
        if not reused:
            print(f"{seed_name} does not match its manifest: rebuilding", file=sys.stderr)
    if reused:
        found = seen[1] if seen else (0, 0, "")
    else:
        found = _build(seed_name, count, params)
        if found[0] != count:
            raise RuntimeError(f"{seed_name}: built {found[0]} reports, expected {count}")
    build_seconds = time.perf_counter() - started
    _admin(f"DROP DATABASE IF EXISTS {run_name} WITH (FORCE)")
    _admin(f"CREATE DATABASE {run_name} TEMPLATE {seed_name}")
    return LoadData(_url_of(run_name), count, int(found[1]), build_seconds, reused)


def open_reports(url: str, count: int) -> list[tuple[int, int]]:
    """(id, version) of `count` seeded reports still new, for the idle floor."""
    with psycopg.connect(_libpq(url)) as conn:
        rows = conn.execute(
            "SELECT id, version FROM reports WHERE status = 'new' ORDER BY id LIMIT %s", (count,)
        ).fetchall()
    return [(int(i), int(v)) for i, v in rows]


if __name__ == "__main__":
    print(prepare(int(sys.argv[1])).describe())
