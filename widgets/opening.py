"""Opening a signed-in user's work: the local store, a remembered sign-in, the session.

The launcher runs these on workers once the window shows. Each imports what it needs when
it is called (the store's SQLAlchemy, the client's requests, keyring: about 0.4 s together),
so importing this module costs the window's start nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from console.config import Settings
from console.connection import Connection, reconnect
from widgets.session import Workplace, WorkSession, workplace_for

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox


def open_store(settings: Settings) -> tuple[Cache, Outbox]:
    """The cache and the outbox (a migration or a rebuild may take a while)."""
    from console.store import open_cache, open_outbox

    return open_cache(settings.data_dir), open_outbox(settings.data_dir)


def restore_connection(settings: Settings, place: Workplace) -> Connection | None:
    """The remembered user's saved token, checked with the server when it answers.

    None when there is no token or the server refused it: the user signs in again.
    """
    from console.credentials import TokenStore
    from console.sync.errors import Forbidden, Unauthorized

    tokens = TokenStore(settings.config_dir)
    token = tokens.load(place.base_url, place.user)
    if not token:
        return None
    try:
        return reconnect(
            place.base_url,
            place.user,
            place.role,
            token,
            settings.ca_bundle,
            insecure_http=settings.insecure_http,
        )
    except (Unauthorized, Forbidden):
        tokens.forget(place.base_url, place.user)
        return None


def keep_token(settings: Settings, connection: Connection) -> Path | None:
    """Saves the token for the next start; the private file's path when there is no keyring."""
    from console.credentials import TokenStore

    tokens = TokenStore(settings.config_dir)
    tokens.save(connection.base_url, connection.user, connection.token)
    return None if tokens.secure else tokens.path


def session_for(
    settings: Settings,
    connection: Connection,
    store: tuple[Cache, Outbox],
    place: Workplace | None = None,
) -> WorkSession:
    """The session over an open store; the detail engine gets its own HTTP session."""
    from console.sync.client import CentralClient
    from console.sync.engine import SyncEngine

    if place is None:
        place = workplace_for(settings, connection.base_url, connection.user, connection.role)
    cache, outbox = store
    if connection.read_only is not None:
        return _open311_session(settings, connection, cache, outbox, place)
    details = CentralClient(
        connection.base_url,
        token=connection.token,
        ca_bundle=settings.ca_bundle,
        insecure_http=settings.insecure_http,
    )
    return WorkSession(
        place=place,
        connection=connection,
        cache=cache,
        outbox=outbox,
        engine=SyncEngine(connection.client, cache, outbox),
        detail_engine=SyncEngine(details, cache, outbox),
    )


def _open311_session(
    settings: Settings, connection: Connection, cache: Cache, outbox: Outbox, place: Workplace
) -> WorkSession:
    """Another city's Open311 backend: both engines read through the same public client."""
    from typing import cast

    from console.sync.engine import SyncEngine
    from console.sync.open311.client import Open311Client
    from console.sync.open311.engine import Open311Engine

    assert isinstance(connection.client, Open311Client)
    engine = cast("SyncEngine", Open311Engine(connection.client, cache, outbox))
    details = Open311Client(
        connection.base_url, ca_bundle=settings.ca_bundle, insecure_http=settings.insecure_http
    )
    detail_engine = cast("SyncEngine", Open311Engine(details, cache, outbox))
    return WorkSession(place, connection, cache, outbox, engine, detail_engine)


def open_session(settings: Settings, connection: Connection) -> WorkSession:
    """Store and session in one step, for a connection already signed in (tests, benchmarks)."""
    return session_for(settings, connection, open_store(settings))
