"""The wall's own sign-in and store, off the GUI thread.

The wall keeps its cache in its own folder (`wall/` in the data folder), filled by its read-only
account: the operators' cache on the same computer, with reporters in it, is never read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from console.config import Settings
from console.connection import DEMO_PASSWORD, Connection, EmbeddedCentral, sign_in, start_embedded
from console.domain.model import ROLE_LABELS_VI, Role

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox
    from console.sync.engine import SyncEngine

#: Who the embedded demo's wall signs in as, and the roles a wall may run under.
DEMO_WALL = "wall"
WALL_ROLES = frozenset({"wall", Role.MEDIA.value})
WALL_FOLDER = "wall"


class WallRefused(Exception):
    """The account may not run the wall (a role that sees reporters' data)."""


@dataclass
class WallSession:
    connection: Connection
    cache: Cache
    outbox: Outbox
    engine: SyncEngine
    state: Any
    embedded: EmbeddedCentral | None
    password: str

    def renew_sign_in(self) -> object:
        return self.connection.client.login(self.connection.user, self.password)

    def close(self) -> None:
        self.cache.close()
        self.outbox.close()
        if self.embedded is not None:
            self.embedded.stop()


def wall_settings(settings: Settings) -> Settings:
    return settings.with_changes(data_dir=settings.data_dir / WALL_FOLDER)


def open_wall(
    settings: Settings, password: str | None, press: bool, spotlight: int | None = None
) -> WallSession:
    """Signs in (the embedded demo city when there is no server), checks the role, opens the
    wall's store and its state."""
    from console.store import open_cache, open_outbox
    from console.sync.engine import SyncEngine
    from console.wall.state import WallState

    embedded = None
    if settings.server_url is None:
        embedded = start_embedded(settings)
        base_url, user, password = embedded.base_url, settings.user or DEMO_WALL, DEMO_PASSWORD
    else:
        base_url, user = settings.server_url, settings.user or DEMO_WALL
    assert password is not None
    try:
        connection = sign_in(
            base_url,
            user,
            password,
            ca_bundle=settings.ca_bundle,
            insecure_http=settings.insecure_http,
        )
        if connection.role.value not in WALL_ROLES:
            raise WallRefused(
                f"Tài khoản «{user}» có vai trò «{ROLE_LABELS_VI[connection.role]}», được xem "
                "thông tin cá nhân của người phản ánh: màn hình tường cần tài khoản vai trò "
                "«Màn hình tường» hoặc «Truyền thông»."
            )
        own = wall_settings(settings)
        own.data_dir.mkdir(parents=True, exist_ok=True)
        cache, outbox = open_cache(own.data_dir), open_outbox(own.data_dir)
    except BaseException:
        if embedded is not None:
            embedded.stop()
        raise
    return WallSession(
        connection=connection,
        cache=cache,
        outbox=outbox,
        engine=SyncEngine(connection.client, cache, outbox),
        state=WallState(
            cache, press=press, spotlight_id=spotlight, fetch_media=connection.client.media
        ),
        embedded=embedded,
        password=password,
    )
