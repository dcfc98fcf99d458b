"""Schema migrations of the central database (Alembic), on SQLite and PostgreSQL.

An old database is built the way an old release left it (revision 0001 through Alembic, or
release 1's own create_all DDL, frozen in data/), filled with accounts, tokens, reports,
history and idempotency answers, then upgraded by `paht-console db upgrade`.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, insert, select, text

from console.central.auth import hash_password
from console.central.db import Base, connect, make_engine
from console.central.demo.generate import generate_reports
from console.central.migrate import SchemaError, alembic_config, head_revision
from console.central.seed import insert_reports
from console.central.server import CentralServer
from console.cli import main
from tests.console.central.conftest import PG_URL, START, Api, Clock, wire_report

DATA = Path(__file__).parent / "data"
OLD_PASSWORD = "mật-khẩu-cũ-2025"
OLD_TOKEN = "token-issued-by-release-1"
OLD_REPORT = 900001
OLD_KEY = "old-idempotency-key"
OLD_ANSWER = '{"replayed": "from release 1"}'
FUTURE = "9999_from_a_newer_release"


@contextlib.contextmanager
def _fresh_pg_schema() -> Iterator[str]:
    """A URL whose tables land in a new PostgreSQL schema of their own (dropped afterwards)."""
    assert PG_URL is not None
    base = PG_URL.replace("postgresql://", "postgresql+psycopg://", 1)
    schema = f"migrations_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgres",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set"),
            ],
        ),
    ]
)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'central.sqlite3'}"
        return
    with _fresh_pg_schema() as url:
        yield url


def _build_old(url: str, start: str) -> None:
    """The schema an old release left: Alembic's 0001, or release 1's frozen create_all DDL."""
    engine = connect(url)
    try:
        with engine.begin() as conn:
            if start == "0001":
                command.upgrade(alembic_config(conn), "0001")
                return
            ddl = (DATA / f"release1_{conn.dialect.name}.sql").read_text(encoding="utf-8")
            body = "\n".join(line for line in ddl.splitlines() if not line.startswith("--"))
            for statement in body.split(";"):
                if statement.strip():
                    conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _fill_old(url: str) -> None:
    """What release 1 held: accounts, a live token, failed sign-ins, reports, history, answers."""
    engine = connect(url)
    tables = MetaData()
    tables.reflect(engine)
    users, tokens = tables.tables["users"], tables.tables["tokens"]
    try:
        with engine.begin() as conn:
            conn.execute(insert(tables.tables["change_counter"]).values(id=1, value=0))
            conn.execute(
                insert(users),
                [
                    {
                        "name": name,
                        "role": role,
                        "password_hash": hash_password(OLD_PASSWORD),
                        "unit_code": unit,
                        "display_name": f"Tài khoản {name}",
                        "created_at": START.replace(tzinfo=None) - timedelta(days=300),
                    }
                    for name, role, unit in (
                        ("lan", "operator", None),
                        ("truong-ca", "supervisor", None),
                        ("dien-luc", "unit", "dien-luc"),
                    )
                ],
            )
            lan = conn.execute(select(users.c.id).where(users.c.name == "lan")).scalar_one()
            conn.execute(
                insert(tokens).values(
                    token_hash=hashlib.sha256(OLD_TOKEN.encode()).hexdigest(),
                    user_id=lan,
                    expires_at=START.replace(tzinfo=None) + timedelta(hours=6),
                )
            )
            conn.execute(
                insert(tables.tables["sign_in_failures"]).values(
                    key="truong-ca|10.0.0.9", attempts=2, last_at=START.replace(tzinfo=None)
                )
            )
            conn.execute(
                insert(tables.tables["idempotency"]).values(
                    key=OLD_KEY,
                    user_name="lan",
                    report_id=OLD_REPORT,
                    status_code=200,
                    body=OLD_ANSWER,
                    at=START.replace(tzinfo=None) - timedelta(hours=1),
                )
            )
        old = wire_report(OLD_REPORT, START - timedelta(hours=2))
        records = [*generate_reports(25, seed=11, now=START - timedelta(days=1)), old]
        insert_reports(engine, records)
    finally:
        engine.dispose()


def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    engine = connect(url)
    tables = MetaData()
    try:
        tables.reflect(engine)
        with engine.connect() as conn:
            return {
                name: sorted(map(tuple, conn.execute(select(table)).all()), key=repr)
                for name, table in tables.tables.items()
            }
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    engine = connect(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


@pytest.mark.parametrize("start", ["0001", "release1"])
def test_an_old_database_keeps_its_rows_and_its_accounts_still_work(
    empty_url: str, start: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _build_old(empty_url, start)
    _fill_old(empty_url)
    before = _snapshot(empty_url)
    assert len(before["reports"]) == 26 and len(before["events"]) > 26

    assert main(["db", "current", "--db", empty_url]) == 1
    assert main(["db", "upgrade", "--db", empty_url]) == 0
    assert f" → {head_revision()}." in capsys.readouterr().out
    assert main(["db", "current", "--db", empty_url]) == 0
    assert f"{head_revision()} (mới nhất)" in capsys.readouterr().out

    after = _snapshot(empty_url)
    assert after["alembic_version"] == [(head_revision(),)]
    for table, rows in before.items():
        if table == "alembic_version":
            continue
        if table == "users":
            assert [row[:-1] for row in after["users"]] == rows
            assert {row[-1] for row in after["users"]} == {True}
        else:
            assert after[table] == rows, table

    with CentralServer(empty_url, now=Clock()) as central:
        base = central.base_url + "/api/v1"
        held = requests.get(
            f"{base}/reports/{OLD_REPORT}",
            headers={"Authorization": f"Bearer {OLD_TOKEN}"},
            timeout=10,
        )
        assert held.status_code == 200, held.text
        lan = Api(central.base_url, "lan", OLD_PASSWORD)
        report = lan.get(f"/reports/{OLD_REPORT}").json()
        replayed = lan.act(report, "accept", key=OLD_KEY)
        assert replayed.status_code == 200 and replayed.json() == {"replayed": "from release 1"}
        accepted = lan.step(report, "accept", {"category": "lighting", "urgency": "urgent"})
        assert accepted["status"] == "accepted" and accepted["version"] == report["version"] + 1
        history = lan.get(f"/reports/{OLD_REPORT}").json()
        assert history["status"] == "accepted"


@pytest.mark.parametrize("how", ["migrations", "create_all"])
def test_the_migrated_schema_equals_the_models(empty_url: str, how: str) -> None:
    engine = connect(empty_url)
    try:
        if how == "migrations":
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
        else:
            make_engine(empty_url).dispose()
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_a_database_behind_is_refused_without_upgrade(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _build_old(empty_url, "0001")
    from console.central.app import create_app

    with pytest.raises(SchemaError) as refused:
        create_app(empty_url, upgrade=False)
    message = str(refused.value)
    assert "0001" in message and head_revision() in message
    assert "paht-console db upgrade" in message
    assert main(["serve", "--db", empty_url, "--no-upgrade", "--port", "0"]) == 2
    assert "paht-console db upgrade" in capsys.readouterr().err
    assert _revision(empty_url) == "0001"


def test_a_database_from_a_newer_release_is_refused_and_left_untouched(
    empty_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _build_old(empty_url, "0001")
    _fill_old(empty_url)
    engine = connect(empty_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})
    engine.dispose()
    before = _snapshot(empty_url)

    for upgrade in (True, False):
        with pytest.raises(SchemaError, match=f"{FUTURE}.*mới hơn phần mềm này"):
            make_engine(empty_url, upgrade=upgrade)
    assert main(["db", "upgrade", "--db", empty_url]) == 2
    assert FUTURE in capsys.readouterr().err
    assert main(["db", "current", "--db", empty_url]) == 2
    assert main(["serve", "--db", empty_url, "--port", "0"]) == 2
    assert _snapshot(empty_url) == before


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set")
def test_servers_starting_together_upgrade_once() -> None:
    """pg_advisory_lock: four servers opening one release-1 database at once."""
    with _fresh_pg_schema() as url:
        _build_old(url, "release1")
        _fill_old(url)
        _open_together(url, 4)
        assert _snapshot(url)["alembic_version"] == [(head_revision(),)]


def _open_together(url: str, count: int) -> None:
    failures: list[BaseException] = []

    def open_it() -> None:
        try:
            make_engine(url).dispose()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
