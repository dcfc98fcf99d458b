"""The per-process token cache: a known token costs no database query, yet expiry, account
changes, a read racing an invalidation and a cut note channel are all honoured."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, text

from console.central.auth import principal_for_token
from console.central.principal import Principal
from console.central.server import CentralServer
from console.central.token_cache import TokenCache, cache_for
from console.domain.model import Role
from tests.console.central.conftest import Api, Clock
from tests.postgres import own_database

PG_URL = os.environ.get("PAHT_TEST_PG_URL")


@contextmanager
def counted(engine: Engine) -> Iterator[list[str]]:
    """The SQL statements `engine` runs inside the block."""
    statements: list[str] = []

    def seen(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def _engine(server: CentralServer) -> Engine:
    engine: Engine = server.app.state.service.engine
    return engine


def _until(condition: Callable[[], bool], what: str, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def _token(api: Api) -> str:
    return str(api.http.headers["Authorization"]).removeprefix("Bearer ")


def test_a_known_token_asks_the_database_nothing(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    engine = _engine(server)
    _until(lambda: cache_for(engine).is_open, "the token cache never opened")
    operator = login("operator")
    with counted(engine) as first:
        assert operator.get("/me").json()["role"] == "operator"
    assert any("tokens" in sql for sql in first)
    with counted(engine) as again:
        assert operator.get("/me").json() == {
            "name": "operator",
            "role": "operator",
            "unit_code": None,
        }
    assert again == []


def test_a_cached_token_still_expires(
    server: CentralServer, login: Callable[[str], Api], clock: Clock
) -> None:
    operator = login("operator")
    assert operator.get("/me").status_code == 200
    clock.advance(timedelta(hours=12))
    with counted(_engine(server)) as statements:
        expired = operator.get("/me")
    assert expired.status_code == 401 and expired.json()["code"] == "token_expired"
    assert statements == []


def test_a_role_change_is_seen_by_the_next_request(
    server: CentralServer, login: Callable[[str], Api]
) -> None:
    admin, media = login("admin"), login("media")
    assert media.get("/me").json()["role"] == "media"
    changed = admin.http.patch(f"{admin.base}/users/media", json={"role": "operator"}, timeout=10)
    assert changed.status_code == 200, changed.text
    assert media.get("/me").json()["role"] == "operator"


def test_a_read_racing_an_invalidation_is_not_stored(
    server: CentralServer, login: Callable[[str], Api], clock: Clock
) -> None:
    engine, token = _engine(server), _token(login("supervisor"))
    cache = cache_for(engine)
    cache.clear()

    def invalidate_meanwhile(*_args: Any) -> None:
        cache.clear()

    event.listen(engine, "after_cursor_execute", invalidate_meanwhile)
    try:
        assert principal_for_token(engine, token, clock()).role is Role.SUPERVISOR
    finally:
        event.remove(engine, "after_cursor_execute", invalidate_meanwhile)
    assert len(cache) == 0
    with counted(engine) as statements:
        principal_for_token(engine, token, clock())
    assert len(statements) == 1 and len(cache) == 1


def test_the_cache_keeps_to_its_bound() -> None:
    cache = TokenCache(open_=True, max_entries=3)
    now = Clock()()
    for n in range(5):
        cache.put(f"t{n}", Principal(f"u{n}", Role.OPERATOR), now, cache.generation)
    assert len(cache) == 3
    assert cache.get("t0") is None and cache.get("t1") is None
    assert cache.get("t4") == (Principal("u4", Role.OPERATOR), now)


@pytest.fixture
def own_pg_url() -> Iterator[str]:
    """A PostgreSQL database of this test's own (its listener may be cut without touching
    anyone else's), dropped at its end."""
    with own_database("paht_tokens") as url:
        yield url


def _me_queries(engine: Engine, api: Api) -> int:
    with counted(engine) as statements:
        assert api.get("/me").status_code == 200
    return len(statements)


@pytest.mark.postgres
@pytest.mark.skipif(PG_URL is None, reason="PAHT_TEST_PG_URL is not set")
def test_without_the_note_channel_every_request_asks_the_database(
    own_pg_url: str, clock: Clock
) -> None:
    central = CentralServer(own_pg_url, demo=True, port=0, now=clock)
    engine = _engine(central)
    assert not cache_for(engine).is_open  # not served yet: nobody listens
    central.start()
    try:
        operator = Api(central.base_url, "operator")
        _until(lambda: cache_for(engine).is_open, "the listener never connected")
        _me_queries(engine, operator)
        assert _me_queries(engine, operator) == 0
        with engine.connect() as conn:
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND query LIKE 'LISTEN%'"
                )
            )
        _until(lambda: not cache_for(engine).is_open, "the cut went unnoticed", seconds=5)
        assert _me_queries(engine, operator) == 1
        assert _me_queries(engine, operator) == 1
        _until(lambda: cache_for(engine).is_open, "the listener did not reconnect")
        _me_queries(engine, operator)
        assert _me_queries(engine, operator) == 0
    finally:
        central.close()
