"""A signed-in connection for one command of paht-console: the embedded demo when no server is
set, else the server with the password from PAHT_PASSWORD, the keyring or a prompt."""

from __future__ import annotations

import contextlib
import getpass
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from console.config import Settings, SettingsError
from console.connection import DEMO_PASSWORD, Connection, sign_in, start_embedded

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox
    from console.sync.engine import SyncEngine


def command_password(user: str) -> str:
    from console.credentials import known_password

    known = known_password(user)
    if known:
        return known
    if not sys.stdin.isatty():
        raise SettingsError("Cần mật khẩu: đặt PAHT_PASSWORD hoặc chạy trong cửa sổ dòng lệnh.")
    return getpass.getpass(f"Mật khẩu cho {user}: ")


@contextlib.contextmanager
def connected(settings: Settings, *, demo_user: str = "operator") -> Iterator[Connection]:
    """A signed-in connection for the duration of a command (embedded demo when no server)."""
    if settings.server_url is None:
        embedded = start_embedded(settings, simulate=False)
        try:
            yield sign_in(embedded.base_url, settings.user or demo_user, DEMO_PASSWORD)
        finally:
            embedded.stop()
    else:
        user = settings.user
        if not user:
            raise SettingsError("Cần --user để đăng nhập máy chủ thật.")
        connection = sign_in(
            settings.server_url,
            user,
            command_password(user),
            ca_bundle=settings.ca_bundle,
            insecure_http=settings.insecure_http,
        )
        if connection.insecure_warning:
            print(connection.insecure_warning, file=sys.stderr)
        yield connection


@contextlib.contextmanager
def sync_engine(settings: Settings, cache: Cache, outbox: Outbox) -> Iterator[SyncEngine]:
    """The engine `sync` runs: an `open311+http(s)://` server needs no sign-in and is read
    only (console.sync.open311); any other is signed in to as for every command."""
    from console.sync.engine import SyncEngine
    from console.sync.open311.engine import Open311Engine
    from console.sync.server_url import open311_base

    if settings.server_url is not None and open311_base(settings.server_url) is not None:
        engine = Open311Engine.for_server(
            settings.server_url,
            cache,
            outbox,
            ca_bundle=settings.ca_bundle,
            insecure_http=settings.insecure_http,
        )
        try:
            yield cast("SyncEngine", engine)
        finally:
            engine.client.close()
        return
    with connected(settings) as connection:
        yield SyncEngine(connection.client, cache, outbox)
