"""What a window works with, in the order a start gets it (`Phase`).

`Workplace` (who, which rules, which map) is known at once, from what this computer remembers
or from the sign-in; the window is built from it. `Connection` (console.connection) is the
signed-in client, `confirmed` once the server has answered for the user's role. `WorkSession`
is a workplace with its connection and open store: the window `attach`es it. The launcher
keeps one `Startup` value holding whichever of these exist so far. Role controllers see a
`widgets.desk.Desk`, the slice of a session they act through.

Loading a report's details and turning 200,000 queue rows into map markers take time, so
they are plain functions run on a TaskRunner. Opening the store is `widgets.opening`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from console.config import Settings
from console.connection import Connection
from console.domain.model import Event, Report, Role
from console.domain.reference import Reference, reference_or_shipped
from console.domain.sla import SlaClock, load_sla
from console.maps.page import TileProvider
from console.store.reference_copy import stored_reference

if TYPE_CHECKING:
    from console.store.cache import Cache
    from console.store.outbox import Outbox
    from console.sync.engine import SyncEngine

LAYOUT_FILE = "window.ini"


@dataclass(frozen=True)
class Workplace:
    """What the window shows before its store opens: who works, by which rules, on what map.

    The store (SQLAlchemy) and the HTTP client (requests) take longer to import than the
    window takes to show, so the window is built from this and the rest arrives after.
    """

    settings: Settings
    base_url: str
    user: str
    role: Role
    reference: Reference
    sla: SlaClock
    tiles: TileProvider | None = None
    token_warning: str | None = None


def tiles_for(settings: Settings) -> TileProvider | None:
    if not settings.tiles_url:
        return None
    return TileProvider(settings.tiles_url, settings.tiles_attribution)


def workplace_for(
    settings: Settings, base_url: str, user: str, role: Role, *, token_warning: str | None = None
) -> Workplace:
    """The rules, and the reference data as the server last sent it (else the shipped one)."""
    return Workplace(
        settings=settings,
        base_url=base_url,
        user=user,
        role=role,
        reference=reference_or_shipped(stored_reference(settings.data_dir)),
        sla=load_sla(),
        tiles=tiles_for(settings),
        token_warning=token_warning,
    )


@dataclass(frozen=True)
class WorkSession:
    """A workplace whose store is open (`widgets.opening.session_for`).

    `detail_engine` has its own HTTP session: a report's details refresh beside a sync.
    """

    place: Workplace
    connection: Connection
    cache: Cache
    outbox: Outbox
    engine: SyncEngine
    detail_engine: SyncEngine

    @property
    def settings(self) -> Settings:
        return self.place.settings

    @property
    def reference(self) -> Reference:
        return self.place.reference

    @property
    def sla(self) -> SlaClock:
        return self.place.sla

    @property
    def tiles(self) -> TileProvider | None:
        return self.place.tiles


class Phase(Enum):
    """Where a start has got to; the window shows each one."""

    #: Who and by which rules, from this computer or the sign-in: the window shows, the
    #: operator may type a search; no store yet.
    CONFIGURED = "configured"
    #: A connection exists. Unconfirmed (a remembered role the server has not answered
    #: for), the window is read-only.
    SIGNED_IN = "signed_in"
    #: Signed in and the store open: the window is attached (queue, sync, role tools).
    OPEN = "open"


@dataclass(frozen=True)
class Startup:
    """The launcher's one state: each step returns a new value (`dataclasses.replace`)."""

    place: Workplace
    connection: Connection | None = None
    store: tuple[Cache, Outbox] | None = None

    @property
    def phase(self) -> Phase:
        if self.connection is None:
            return Phase.CONFIGURED
        return Phase.OPEN if self.store is not None else Phase.SIGNED_IN


def layout_settings(config_dir: Path) -> QSettings:
    """The window's own settings (layout, language) in an INI file in the config folder."""
    config_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config_dir / LAYOUT_FILE), QSettings.Format.IniFormat)


def load_detail(
    cache: Cache, outbox: Outbox, report_id: int
) -> tuple[Report | None, list[Event], dict[int, str]]:
    """The report as the operator should see it (with its pending actions applied), its
    history, and the PA codes of the reports it was merged into (shown, never the ids)."""
    report = outbox.pending_previews().get(report_id) or cache.get_report(report_id)
    history = cache.get_history(report_id) + pending_events(cache, outbox, report_id)
    linked = {e.payload.get("duplicate_of") for e in history}
    linked.add(report.duplicate_of if report is not None else None)
    ids = [i for i in linked if isinstance(i, int)]
    codes = {i: r.code for i, r in cache.get_reports(ids).items()} if ids else {}
    return report, history, codes


def pending_events(cache: Cache, outbox: Outbox, report_id: int) -> list[Event]:
    """The operator's actions on the report still waiting in the outbox, as history lines
    marked pending: offline, the history shows them before the server has."""
    entries = [e for e in outbox.pending() if e.report_id == report_id]
    stored = cache.get_report(report_id)
    if stored is None:
        return []
    before, events = stored.status, []
    for entry in sorted(entries, key=lambda e: e.created_at):
        after = entry.preview.status if entry.preview is not None else before
        events.append(
            Event(
                report_id=report_id,
                at=entry.created_at,
                actor=entry.actor,
                role=entry.role,
                action=entry.action_type,
                from_status=before,
                to_status=after,
                payload=dict(entry.payload),
                pending=True,
            )
        )
        before = after
    return events


def remember_identity(store: QSettings, base_url: str, user: str, role: Role) -> None:
    """Who signed in last on this server: the next start shows their window at once.

    Not a secret (the token stays in the keyring); it only lets the window open before the
    server has answered, or without a server at all.
    """
    store.setValue("signin/server", base_url.rstrip("/"))
    store.setValue("signin/user", user)
    store.setValue("signin/role", role.value)
    store.sync()


def remembered_identity(
    store: QSettings, base_url: str, user: str | None
) -> tuple[str, Role] | None:
    """The last user of `base_url` (and their role), if it is `user` or no user was given."""
    if str(store.value("signin/server", "")) != base_url.rstrip("/"):
        return None
    last = str(store.value("signin/user", ""))
    try:
        role = Role(str(store.value("signin/role", "")))
    except ValueError:
        return None
    if not last or (user and user != last):
        return None
    return last, role
