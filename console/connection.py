"""Getting a signed-in client: to a real central API, or to the embedded demo one.

The embedded default runs the reference central API in-process on a free loopback port over a
demo database kept in the data folder, so the cache and its server stay in step between runs.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.config import Settings
from console.domain.model import Role

if TYPE_CHECKING:
    from console.sync.client import CentralClient

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo"
#: Who the embedded demo signs in as when no --user is given.
DEMO_OPERATOR = "operator"
DEMO_DB_NAME = "demo-central.sqlite3"


@dataclass(frozen=True)
class Connection:
    """A signed-in client. `confirmed` is False for a remembered sign-in the server has not
    answered for yet: its user and role are only what this computer remembers."""

    base_url: str
    client: CentralClient
    user: str
    role: Role
    token: str
    expires_at: datetime | None = None
    confirmed: bool = True
    #: Why this server takes no action (another city's Open311 backend), or None.
    read_only: str | None = None

    @property
    def insecure_warning(self) -> str | None:
        """What the status bar must say while this connection runs over plain HTTP off
        this machine (allowed by --insecure-http), else None."""
        return self.client.insecure_warning


OPEN311_USER = "open311"
OPEN311_READ_ONLY = (
    "Máy chủ Open311 chỉ cho đọc: xem, lọc và xuất báo cáo được, thao tác không gửi được."
)


def open311_connection(settings: Settings) -> Connection:
    """A connection to another city's Open311 backend: nothing to sign in to (its reads are
    public), read-only; the role's tools show but stay disabled with the reason."""
    from console.sync.open311.client import Open311Client

    assert settings.server_url is not None
    client = Open311Client(
        settings.server_url, ca_bundle=settings.ca_bundle, insecure_http=settings.insecure_http
    )
    return Connection(
        base_url=settings.server_url,
        client=client,
        user=OPEN311_USER,
        role=Role.OPERATOR,
        token="",
        read_only=OPEN311_READ_ONLY,
    )


def ensure_demo_database(db_path: Path, count: int) -> None:
    """Create and seed the demo city database on first use; a half-seeded one is redone."""
    marker = db_path.with_suffix(".seeded")
    if marker.exists() and db_path.exists():
        return
    from console.central.seed import seed_demo

    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.unlink(missing_ok=True)
    log.info("Seeding the embedded demo city with %d reports", count)
    seed_demo(f"sqlite:///{db_path}", count)
    marker.write_text("ok", encoding="utf-8")


class EmbeddedCentral:
    """The demo central API living inside this process (and its city simulator)."""

    def __init__(self, settings: Settings, *, simulate: bool | None = None) -> None:
        from console.central.server import CentralServer

        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = settings.data_dir / DEMO_DB_NAME
        self.db_url = f"sqlite:///{self.db_path}"
        ensure_demo_database(self.db_path, settings.demo_count)
        self.server = CentralServer(self.db_url, demo=True, port=0)
        self.base_url = self.server.start()
        self._simulator: Any = None
        if settings.demo_simulator if simulate is None else simulate:
            self._start_simulator()

    def _start_simulator(self) -> None:
        try:
            from console.central.demo.simulator import CitySimulator
        except ImportError:  # pragma: no cover - the simulator is optional
            return
        self._simulator = CitySimulator(self.base_url)
        self._simulator.start()

    def stop(self) -> None:
        if self._simulator is not None:
            self._simulator.stop()
            self._simulator = None
        self.server.stop()


_embedded_lock = threading.Lock()


def start_embedded(settings: Settings, *, simulate: bool | None = None) -> EmbeddedCentral:
    with _embedded_lock:
        return EmbeddedCentral(settings, simulate=simulate)


def sign_in(
    base_url: str,
    user: str,
    password: str,
    *,
    ca_bundle: str | None = None,
    insecure_http: bool = False,
) -> Connection:
    """Sign in and return a connection whose client carries the token (raises ApiError,
    InsecureServer for plain HTTP off this machine without `insecure_http`)."""
    from console.sync.client import CentralClient

    client = CentralClient(base_url, ca_bundle=ca_bundle, insecure_http=insecure_http)
    info = client.login(user, password)
    return Connection(
        base_url=base_url,
        client=client,
        user=info.user,
        role=Role(info.role),
        token=info.token,
        expires_at=info.expires_at,
    )


def sign_in_with_known_password(
    base_url: str, user: str, *, ca_bundle: str | None = None, insecure_http: bool = False
) -> Connection | None:
    """Sign in with the password the command line would use (PAHT_PASSWORD, the keyring);
    None when there is none (raises ApiError when it is refused)."""
    from console.credentials import known_password

    password = known_password(user)
    if password is None:
        return None
    return sign_in(base_url, user, password, ca_bundle=ca_bundle, insecure_http=insecure_http)


def reconnect(
    base_url: str,
    user: str,
    role: Role,
    token: str,
    ca_bundle: str | None = None,
    *,
    insecure_http: bool = False,
) -> Connection:
    """A remembered sign-in, checked with the server when it answers (once, no retries).

    When it does not answer, the connection carries the remembered user and role
    unconfirmed: the window shows the cache read-only until `confirm` succeeds. A refused
    token raises Unauthorized (or Forbidden): the user signs in again.
    """
    from console.sync.client import CentralClient
    from console.sync.errors import NetworkError, ServerError

    remembered = Connection(
        base_url=base_url,
        client=CentralClient(
            base_url, token=token, ca_bundle=ca_bundle, insecure_http=insecure_http
        ),
        user=user,
        role=role,
        token=token,
        confirmed=False,
    )
    try:
        return confirm(remembered, ca_bundle, retries=0)
    except (NetworkError, ServerError):
        return remembered


def confirm(
    connection: Connection, ca_bundle: str | None = None, *, retries: int | None = None
) -> Connection:
    """The connection as the server knows it now: its user and role, `confirmed`.

    Raises NetworkError or ServerError when the server does not answer, Unauthorized or
    Forbidden when it refuses the token.
    """
    from console.sync.client import CentralClient

    options: dict[str, Any] = {} if retries is None else {"retries": retries}
    probe = CentralClient(
        connection.base_url,
        token=connection.token,
        ca_bundle=ca_bundle,
        insecure_http=connection.insecure_warning is not None,
        **options,
    )
    try:
        info = probe.me()
    finally:
        probe.close()
    return replace(connection, user=str(info["name"]), role=Role(info["role"]), confirmed=True)
